/** The transaction options of a write command, parsed: how to send, or what to do instead. */
import { parseDuration, type TransactionSettings } from "@insurance-pool/sdk";
import { type Address, getAddress, isAddress, parseGwei } from "viem";
import { asUsageError, UsageError } from "./usage.ts";

/** What a write command does with its transactions. */
export type TransactionMode = "send" | "dry-run" | "calldata" | "safe-json";

export interface TransactionOptions {
  mode: TransactionMode;
  /** `--safe-json <file>`. */
  safeJson: string | undefined;
  /** `--from`: the sender of a plan without a key. */
  from: Address | undefined;
  settings: TransactionSettings;
}

const text = (value: string | boolean | undefined) =>
  typeof value === "string" ? value : undefined;

function gwei(value: string | undefined, option: string): bigint | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw new UsageError(`${option} "${value}" is not a number of gwei`);
  return parseGwei(value.trim());
}

function whole(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min) {
    throw new UsageError(`${option} "${value}" is not a whole number${min ? ` from ${min}` : ""}`);
  }
  return parsed;
}

/** Parses `--dry-run`, `--calldata`, `--safe-json`, `--from` and the fee, nonce and wait options. */
export function parseTransactionOptions(
  values: Record<string, string | boolean | undefined>,
): TransactionOptions {
  const modes = (["dry-run", "calldata", "safe-json"] as const).filter(
    (name) => values[name] !== undefined,
  );
  if (modes.length > 1)
    throw new UsageError(`give one of ${modes.map((m) => `--${m}`).join(", ")}`);
  const fromText = text(values.from);
  if (fromText !== undefined && !isAddress(fromText, { strict: false })) {
    throw new UsageError(`--from "${fromText}" is not an address`);
  }
  const gasPrice = gwei(text(values["gas-price"]), "--gas-price");
  const maxFeePerGas = gwei(text(values["max-fee"]), "--max-fee");
  const maxPriorityFeePerGas = gwei(text(values["priority-fee"]), "--priority-fee");
  if (
    gasPrice !== undefined &&
    (maxFeePerGas !== undefined || maxPriorityFeePerGas !== undefined)
  ) {
    throw new UsageError(
      "--gas-price (legacy) and --max-fee/--priority-fee (EIP-1559) exclude each other",
    );
  }
  const timeoutText = text(values.timeout);
  let timeoutMs: number | undefined;
  if (timeoutText !== undefined) {
    try {
      timeoutMs = Number(parseDuration(timeoutText)) * 1000;
    } catch (error) {
      throw asUsageError(error, "--timeout");
    }
    if (timeoutMs === 0) throw new UsageError("--timeout must be above zero");
  }
  const nonce = whole(text(values.nonce), "--nonce", 0);
  const confirmations = whole(text(values.confirmations), "--confirmations", 1);
  const settings: TransactionSettings = {
    ...(gasPrice === undefined ? {} : { gasPrice }),
    ...(maxFeePerGas === undefined ? {} : { maxFeePerGas }),
    ...(maxPriorityFeePerGas === undefined ? {} : { maxPriorityFeePerGas }),
    ...(nonce === undefined ? {} : { nonce }),
    ...(confirmations === undefined ? {} : { confirmations }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
  return {
    mode: modes[0] ?? "send",
    safeJson: text(values["safe-json"]),
    from: fromText === undefined ? undefined : getAddress(fromText),
    settings,
  };
}
