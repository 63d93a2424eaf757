/**
 * `--dry-run`, `--calldata` and `--safe-json`: a command's writes are planned instead of sent. Each planned
 * call is simulated with `eth_simulateV1` on top of the calls planned before it (an approval, then the
 * deposit that spends it), so a plan that cannot execute fails like a real send would, with the decoded
 * reason; its gas, return value and events come from that simulation. Nothing is signed or sent.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  allEventsAbi,
  type PreparedWrite,
  type ReadClient,
  toIpoolError,
  type WriteResult,
} from "@insurance-pool/sdk";
import {
  type Abi,
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  type Hex,
  parseEventLogs,
  type TransactionReceipt,
  zeroHash,
} from "viem";
import { simulateCalls } from "viem/actions";
import type { TransactionOptions } from "./transactionOptions.ts";

/** One planned transaction. */
export interface PlannedCall {
  label: string;
  from: Address;
  to: Address;
  value: bigint;
  data: Hex;
  /** `functionName(args)` as called. */
  call: string;
  /** Gas the simulation used (absent when the node cannot simulate, for --calldata/--safe-json). */
  gas?: bigint;
  /** The function's return value, as simulated. */
  result?: unknown;
  /** The events the simulation emitted, decoded. */
  events: { name: string; args: Record<string, unknown> }[];
}

/** The writes of one command, planned instead of sent. */
export interface Plan {
  mode: Exclude<TransactionOptions["mode"], "send">;
  from: Address | undefined;
  safeJson: string | undefined;
  chainId: number | undefined;
  calls: PlannedCall[];
  /** Plans one write (the SDK's `intercept` hook). */
  add: (label: string, call: PreparedWrite) => Promise<WriteResult<unknown>>;
}

/** A value for people: bigints as decimal strings, the rest as JSON. */
export function showValue(value: unknown): string {
  return typeof value === "bigint"
    ? value.toString()
    : typeof value === "string"
      ? value
      : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

const unsupported = /eth_simulateV1|not (found|supported|available)|does not exist|unknown method/i;

/** A plan that simulates through `client`. */
export function createPlan(
  options: TransactionOptions,
  client: ReadClient,
  tokenInfo: { symbol: string; decimals: number } | undefined,
): Plan {
  const calls: PlannedCall[] = [];
  const plan: Plan = {
    mode: options.mode as Plan["mode"],
    from: options.from,
    safeJson: options.safeJson,
    chainId: client.chain?.id,
    calls,
    add: async (label, call) => {
      const data = encodeFunctionData({
        abi: call.abi as Abi,
        functionName: call.functionName,
        args: call.args,
      });
      const planned: PlannedCall = {
        label,
        from: call.from,
        to: call.address,
        value: call.value ?? 0n,
        data,
        call: `${call.functionName}(${call.args.map(showValue).join(", ")})`,
        events: [],
      };
      try {
        const { results } = await simulateCalls(client, {
          account: call.from,
          calls: [...calls, planned].map((c) => ({ to: c.to, data: c.data, value: c.value })),
        });
        const outcome = results.at(-1);
        if (outcome && outcome.status !== "success") throw outcome.error ?? new Error("reverted");
        if (outcome) {
          planned.gas = outcome.gasUsed;
          planned.result = decodeFunctionResult({
            abi: call.abi as Abi,
            functionName: call.functionName,
            data: outcome.data,
          });
          planned.events = parseEventLogs({ abi: allEventsAbi, logs: outcome.logs ?? [] }).map(
            (log) => ({
              name: log.eventName,
              args: log.args as Record<string, unknown>,
            }),
          );
        }
      } catch (error) {
        const message = String((error as { details?: string }).details ?? (error as Error).message);
        // A node without eth_simulateV1 can still print calldata or write a batch, unchecked.
        if (plan.mode === "dry-run" || !unsupported.test(message)) {
          throw toIpoolError(error, {
            functionName: call.label,
            account: call.from,
            ...(tokenInfo ? { tokenInfo } : {}),
          });
        }
      }
      calls.push(planned);
      // What the action resolves with: the simulated result, no transaction.
      return {
        hash: zeroHash,
        receipt: undefined as unknown as TransactionReceipt,
        result: planned.result,
        gasUsed: planned.gas ?? 0n,
      };
    },
  };
  return plan;
}

/** The plan for people: one block per call. */
export function planLines(plan: Plan, cwd: string): string[] {
  if (plan.calls.length === 0) return ["nothing to send"];
  if (plan.mode === "safe-json") {
    const path = resolve(cwd, plan.safeJson as string);
    writeSafeBatch(plan, path);
    return [
      `wrote ${plan.calls.length} transaction${plan.calls.length === 1 ? "" : "s"} to ${path}: a Safe Transaction Builder batch on chain ${plan.chainId}, from ${plan.calls[0]?.from}`,
      ...plan.calls.map((c, i) => `  ${i + 1}. ${c.label}: ${c.to} ${c.call}`),
      "nothing was sent",
    ];
  }
  if (plan.mode === "calldata") {
    return plan.calls.flatMap((c, i) => [
      `# ${i + 1}. ${c.label} (from ${c.from})`,
      `to    ${c.to}`,
      `value ${c.value}`,
      `data  ${c.data}`,
    ]);
  }
  const lines = [
    `dry run from ${plan.calls[0]?.from}: nothing was sent; each call simulated after the ones above it (eth_simulateV1)`,
  ];
  plan.calls.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.label}: ${c.to} ${c.call}`);
    lines.push(`   data    ${c.data}`);
    if (c.value) lines.push(`   value   ${c.value} wei`);
    if (c.gas !== undefined)
      lines.push(`   gas     ${new Intl.NumberFormat("en-US").format(c.gas)}`);
    if (c.result !== undefined) lines.push(`   returns ${showValue(c.result)}`);
    for (const event of c.events) {
      const args = Object.entries(event.args).map(([k, v]) => `${k} ${showValue(v)}`);
      lines.push(`   emits   ${event.name}(${args.join(", ")})`);
    }
  });
  return lines;
}

/** The plan as data, for `--json`. */
export function planData(plan: Plan, cwd: string): Record<string, unknown> {
  if (plan.mode === "safe-json") writeSafeBatch(plan, resolve(cwd, plan.safeJson as string));
  return {
    plan: {
      mode: plan.mode,
      chainId: plan.chainId,
      ...(plan.safeJson ? { file: resolve(cwd, plan.safeJson) } : {}),
      transactions: plan.calls,
    },
  };
}

/** Writes the Safe Transaction Builder's batch file format (version 1.0). */
function writeSafeBatch(plan: Plan, path: string): void {
  const batch = {
    version: "1.0",
    chainId: String(plan.chainId),
    createdAt: Date.now(),
    meta: {
      name: plan.calls.map((c) => c.label).join(", "),
      description: "Written by ipool --safe-json",
      txBuilderVersion: "1.16.5",
      createdFromSafeAddress: plan.calls[0]?.from ?? "",
      createdFromOwnerAddress: "",
    },
    transactions: plan.calls.map((c) => ({
      to: c.to,
      value: c.value.toString(),
      data: c.data,
      contractMethod: null,
      contractInputsValues: null,
    })),
  };
  writeFileSync(path, `${JSON.stringify(batch, null, 2)}\n`);
}
