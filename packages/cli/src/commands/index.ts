import type { Command } from "../command.ts";

/**
 * Every command module, in help order within each role; each exports one or more {@link Command}s. A new
 * command is a file here and one line below. Modules load only when needed: `ipool --help` reads the
 * metadata from the build's manifest (see `manifest.ts`) and a run imports just its command's module.
 */
export const commandModules = {
  deposit: () => import("./deposit.ts"),
  stake: () => import("./stake.ts"),
  scheduleUnstake: () => import("./scheduleUnstake.ts"),
  unstake: () => import("./unstake.ts"),
  withdraw: () => import("./withdraw.ts"),
  delegate: () => import("./delegate.ts"),
  quote: () => import("./quote.ts"),
  buy: () => import("./buy.ts"),
  policies: () => import("./policies.ts"),
  policyTerms: () => import("./policyTerms.ts"),
  claim: () => import("./claim.ts"),
  claimParametric: () => import("./claimParametric.ts"),
  acceptSettlement: () => import("./acceptSettlement.ts"),
  escalate: () => import("./escalate.ts"),
  appeal: () => import("./appeal.ts"),
  evidence: () => import("./evidence.ts"),
  mediate: () => import("./mediate.ts"),
  rule: () => import("./rule.ts"),
  propose: () => import("./propose.ts"),
  vote: () => import("./vote.ts"),
  queueExecute: () => import("./queueExecute.ts"),
  proposals: () => import("./proposals.ts"),
  anyone: () => import("./anyone.ts"),
  incidents: () => import("./incidents.ts"),
  payouts: () => import("./payouts.ts"),
  status: () => import("./status.ts"),
  claims: () => import("./claims.ts"),
  dapis: () => import("./dapis.ts"),
  devnet: () => import("./devnet.ts"),
  stress: () => import("./stress.ts"),
  deploy: () => import("./deploy.ts"),
} satisfies Record<string, () => Promise<Record<string, unknown>>>;

/** The module a command lives in and the name it is exported under. */
export interface CommandLocation {
  module: keyof typeof commandModules;
  exportName: string;
}

function isCommand(value: unknown): value is Command {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Command).name === "string" &&
    typeof (value as Command).run === "function"
  );
}

/** Imports every command module (the tests and the manifest do; a normal run imports one). */
export async function loadCommands(): Promise<(CommandLocation & { command: Command })[]> {
  const found: (CommandLocation & { command: Command })[] = [];
  for (const [module, load] of Object.entries(commandModules)) {
    for (const [exportName, value] of Object.entries(await load())) {
      if (isCommand(value)) {
        found.push({ module: module as CommandLocation["module"], exportName, command: value });
      }
    }
  }
  return found;
}

/** Imports one command from its module. */
export async function loadCommand(location: CommandLocation): Promise<Command> {
  const exports: Record<string, unknown> = await commandModules[location.module]();
  const value = exports[location.exportName];
  if (!isCommand(value))
    throw new Error(`${location.module} exports no command ${location.exportName}`);
  return value;
}
