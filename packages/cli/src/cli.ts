import type { CommandInput } from "./command.ts";
import { loadCommand } from "./commands/index.ts";
import type { BaseContext } from "./context.ts";
import { type Io, processIo } from "./io.ts";
import { type ManifestEntry, readManifest } from "./manifest.ts";
import { parse, ROLES } from "./program.ts";
import { UsageError } from "./usage.ts";

/** Exit codes: 0 success, 1 a refused input or a failed transaction, 2 a usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** The commands in help order: grouped by role, in table order within a role. */
function inHelpOrder(entries: ManifestEntry[]): ManifestEntry[] {
  return [...entries].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
}

/** Runs one parsed command: loads its module, builds its context, runs it and prints the result. */
async function execute(entry: ManifestEntry, input: CommandInput, json: boolean, io: Io) {
  let ctx: BaseContext | undefined;
  try {
    const command = await loadCommand(entry);
    const { createBaseContext, createContext } = await import("./context.ts");
    const globals = { ...input.values, json };
    let output: Awaited<ReturnType<typeof command.run>>;
    if (command.standalone) {
      const base = await createBaseContext(globals, io);
      ctx = base;
      output = await command.run(base, input);
    } else {
      const full = await createContext(globals, io);
      ctx = full;
      output = await command.run(full, input);
    }
    const { render } = await import("./output.ts");
    render(ctx, output);
    return EXIT.ok;
  } catch (error) {
    const { printError } = await import("./errors.ts");
    printError(io, json, error, ctx);
    // Say what did go through before the failure (e.g. an approval), so nothing is sent unknowingly.
    for (const tx of ctx?.transactions ?? []) {
      const state =
        tx.block === undefined ? "sent, receipt not seen" : `mined in block ${tx.block}`;
      io.stderr(
        `  sent before the failure: ${tx.label}, tx ${tx.hash} nonce ${tx.nonce} (${state})\n`,
      );
    }
    return error instanceof UsageError ? EXIT.usage : EXIT.failure;
  }
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
  const entries = inHelpOrder(await readManifest());
  const parsed = await parse(argv, entries, io);
  if (parsed.kind === "done") return parsed.code;
  const entry = entries.find((candidate) => candidate.name === parsed.command.name);
  if (!entry) throw new Error(`no command ${parsed.command.name}`);
  return execute(entry, parsed.input, parsed.json, io);
}

/** Entry point of the `ipool` binary. */
export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}
