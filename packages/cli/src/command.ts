import type { BaseContext, Context } from "./context.ts";

/** The roles commands are grouped by in `ipool --help`. */
export type Role =
  | "staker"
  | "dAPI user"
  | "policy agent"
  | "mediator"
  | "arbitrator"
  | "DAO"
  | "anyone"
  | "views"
  | "devnet"
  | "deployment";

/** One option of a command, e.g. `dapi: { type: "string", value: "<name|id>", description: "..." }`. */
export interface OptionSpec {
  /** `string` takes a value, `boolean` is a flag. */
  type: "string" | "boolean";
  /** One letter, e.g. `"a"` for `-a`. */
  short?: string;
  /** How the value reads in help, e.g. `"<amount>"` (string options; default `<value>`). */
  value?: string;
  /** One line for the help. */
  description: string;
}

/** Parsed command-line input of one command; `values` are keyed by the long option names (`max-premium`). */
export interface CommandInput {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** What a command reports: lines for people, data for `--json`. */
export interface CommandOutput {
  lines: string[];
  data: Record<string, unknown>;
}

interface CommandBase {
  name: string;
  role: Role;
  /** One line for `ipool --help`. */
  summary: string;
  /**
   * Arguments after the command name in commander's syntax: `<required>`, `[optional]`, `[rest...]`,
   * e.g. `"<amount|all>"`. The parser checks their number (a missing or extra argument is a usage error).
   */
  usage?: string;
  /** Longer help: what it does, examples. */
  description?: string;
  /** Options of this command (the global ones are added by `program.ts`). */
  options?: Record<string, OptionSpec>;
  /**
   * Sends transactions: gets the transaction options (`--dry-run`, `--calldata`, `--safe-json`, `--from`,
   * fees, `--nonce`, `--timeout`, `--confirmations`), applied by `ctx.send`.
   */
  writes?: boolean;
}

/**
 * A command that reads no deployment file (e.g. `deploy`, which writes one): it gets a
 * {@link BaseContext} (io, `--json`, `--rpc`, the signer, `send` with progress).
 */
export interface StandaloneCommand extends CommandBase {
  standalone: true;
  run: (ctx: BaseContext, input: CommandInput) => Promise<CommandOutput>;
}

/**
 * One `ipool` command. Each lives in a file under `src/commands/` listed in `src/commands/index.ts`.
 * `run` must validate every input (throw `UsageError` for malformed text, `InvalidInputError` /
 * `PreflightError` for what the chain refuses) before sending anything, and send transactions only
 * through `ctx.send`, which shows progress and records the hash and gas for the confirmation.
 */
export interface DeploymentCommand extends CommandBase {
  standalone?: false;
  run: (ctx: Context, input: CommandInput) => Promise<CommandOutput>;
}

/** Any `ipool` command. */
export type Command = DeploymentCommand | StandaloneCommand;

/** What the help and the parser need of a command: everything but `run` (see `manifest.ts`). */
export type CommandMeta = Omit<CommandBase, never> & { standalone?: boolean };
