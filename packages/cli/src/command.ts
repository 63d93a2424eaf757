import type { ParseArgsConfig } from "node:util";
import type { BaseContext, Context } from "./context.ts";

/** The roles commands are grouped by in `ipool --help`. */
export type Role =
  | "staker"
  | "dAPI user"
  | "mediator"
  | "arbitrator"
  | "DAO"
  | "anyone"
  | "views"
  | "deployment";

/** Parsed command-line input of one command. */
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
  /** Arguments after the command name, e.g. `"<amount>"`. */
  usage?: string;
  /** Longer help: what it does, examples. */
  description?: string;
  /** Options of this command (merged with the global ones). */
  options?: NonNullable<ParseArgsConfig["options"]>;
  /** Help lines describing each option, e.g. `["--stake  also stake what is deposited"]`. */
  optionHelp?: string[];
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
 * One `ipool` command. Each lives in its own file under `src/commands/` and is listed in
 * `src/commands/index.ts`. `run` must validate every input (throw `InvalidInputError` / `PreflightError`)
 * before sending anything, and send transactions only through `ctx.send`, which shows progress and
 * records the hash and gas for the confirmation.
 */
export interface DeploymentCommand extends CommandBase {
  standalone?: false;
  run: (ctx: Context, input: CommandInput) => Promise<CommandOutput>;
}

/** Any `ipool` command. */
export type Command = DeploymentCommand | StandaloneCommand;
