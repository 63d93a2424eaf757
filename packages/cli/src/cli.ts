import { parseArgs } from "node:util";
import { BaseError, splitWords, toIpoolError } from "@insurance-pool/sdk";
import { BaseError as ViemError } from "viem";
import type { Command, Role } from "./command.ts";
import { loadCommands } from "./commands/index.ts";
import {
  type BaseContext,
  createBaseContext,
  createContext,
  globalOptionHelp,
  globalOptions,
} from "./context.ts";
import { type Io, processIo } from "./io.ts";
import { render, toJson } from "./output.ts";

/** Exit codes: 0 success, 1 a refused input or a failed transaction, 2 a usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const ROLES: Role[] = [
  "staker",
  "dAPI user",
  "mediator",
  "arbitrator",
  "DAO",
  "views",
  "deployment",
];

function mainHelp(commands: Command[]): string {
  const lines = [
    "ipool: Insurance Pool from the command line",
    "",
    "Usage: ipool <command> [arguments] [options]",
    "",
  ];
  for (const role of ROLES) {
    const group = commands.filter((command) => command.role === role);
    if (!group.length) continue;
    lines.push(`${role}:`);
    for (const command of group) {
      lines.push(`  ${command.name.padEnd(20)}${command.summary}`);
    }
    lines.push("");
  }
  lines.push("Global options:", ...globalOptionHelp.map((line) => `  ${line}`), "");
  lines.push(
    "Amounts are in tokens: 250, 0.5, 1.5k, 2.5m. Run `ipool <command> --help` for details.",
  );
  return `${lines.join("\n")}\n`;
}

function commandHelp(command: Command): string {
  const lines = [
    `Usage: ipool ${command.name}${command.usage ? ` ${command.usage}` : ""} [options]`,
    "",
  ];
  lines.push(command.summary);
  if (command.description) lines.push("", command.description);
  if (command.optionHelp?.length)
    lines.push("", "Options:", ...command.optionHelp.map((l) => `  ${l}`));
  lines.push("", "Global options:", ...globalOptionHelp.map((line) => `  ${line}`));
  return `${lines.join("\n")}\n`;
}

/**
 * A viem error (a read or a simulation that reverted, an RPC failure) as an SDK error: its revert decoded with the
 * whole system's ABIs (e.g. `quote coverage: stale price (…)`), or viem's short message, never its dump.
 */
function readable(error: unknown, ctx: BaseContext | undefined): unknown {
  if (error instanceof BaseError || !(error instanceof ViemError)) return error;
  const functionName = (error as { functionName?: unknown }).functionName;
  return toIpoolError(error, {
    // quoteCoverage -> "quote coverage", as the commands name what they do
    functionName: typeof functionName === "string" ? splitWords(functionName) : undefined,
    tokenInfo: (ctx as { token?: { symbol: string; decimals: number } } | undefined)?.token,
  });
}

function printError(io: Io, json: boolean, thrown: unknown, ctx?: BaseContext): void {
  const error = readable(thrown, ctx);
  if (json) {
    const base = error instanceof BaseError ? error : undefined;
    const payload: Record<string, unknown> = {
      error: base ? base.shortMessage : error instanceof Error ? error.message : String(error),
      type: error instanceof Error ? error.name : "Error",
    };
    if (base && "errorName" in base) payload.errorName = (base as { errorName?: string }).errorName;
    if (base && "args" in base) payload.args = (base as { args?: unknown }).args;
    io.stdout(`${toJson(payload)}\n`);
    return;
  }
  if (error instanceof BaseError) {
    io.stderr(`error: ${error.shortMessage}\n`);
    for (const line of error.metaMessages) io.stderr(`  ${line}\n`);
    return;
  }
  io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
}

/**
 * Runs `ipool` with `argv` (without the program name) against `io`; resolves with the exit code.
 * Tests call it in-process; `bin/ipool.js` calls {@link main}.
 *
 * @example
 * ```ts
 * const code = await run(["stake", "1.5k", "--account", "1"], processIo());
 * ```
 */
export async function run(argv: string[], io: Io): Promise<number> {
  const commands = await loadCommands();
  const [name, ...rest] = argv;
  const wantsJson = argv.includes("--json");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const target = name === "help" ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(target ? commandHelp(target) : mainHelp(commands));
    return EXIT.ok;
  }
  if (name === "--version") {
    io.stdout("ipool 0.1.0\n");
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const near = commands.filter((c) => c.name.startsWith(name.slice(0, 3))).map((c) => c.name);
    printError(
      io,
      wantsJson,
      new Error(
        `unknown command "${name}"${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}; see ipool --help`,
      ),
    );
    return EXIT.usage;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...globalOptions, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    printError(
      io,
      wantsJson,
      new Error(`${(error as Error).message}; see ipool ${command.name} --help`),
    );
    return EXIT.usage;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  const json = Boolean(values.json);
  let sent: BaseContext | undefined;
  try {
    const globals = {
      rpc: values.rpc as string | undefined,
      deployment: values.deployment as string | undefined,
      account: values.account as string | undefined,
      json,
    };
    const input = { values, positionals: parsed.positionals };
    if (command.standalone) {
      const ctx = createBaseContext(globals, io);
      sent = ctx;
      render(ctx, await command.run(ctx, input));
    } else {
      const ctx = await createContext(globals, io);
      sent = ctx;
      render(ctx, await command.run(ctx, input));
    }
    return EXIT.ok;
  } catch (error) {
    printError(io, json, error, sent);
    // Say what did go through before the failure (e.g. an approval), so nothing is sent unknowingly.
    for (const tx of sent?.transactions ?? []) {
      io.stderr(`  sent before the failure: ${tx.label}, tx ${tx.hash}\n`);
    }
    return EXIT.failure;
  }
}

/** Entry point of the `ipool` binary. */
export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}
