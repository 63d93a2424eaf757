import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "../command.ts";
import { acceptSettlementCommand } from "./acceptSettlement.ts";
import { distributeCommand, timeOutCommand } from "./anyone.ts";
import { appealCommand } from "./appeal.ts";
import { buyCommand } from "./buy.ts";
import { claimCommand } from "./claim.ts";
import { claimsCommand } from "./claims.ts";
import { delegateCommand } from "./delegate.ts";
import { depositCommand } from "./deposit.ts";
import { escalateCommand } from "./escalate.ts";
import { evidenceCommand } from "./evidence.ts";
import { acceptCommand, rejectCommand, settleCommand } from "./mediate.ts";
import { policiesCommand } from "./policies.ts";
import { proposalsCommand } from "./proposals.ts";
import { proposeCommand } from "./propose.ts";
import { executeCommand, queueCommand } from "./queueExecute.ts";
import { quoteCommand } from "./quote.ts";
import { executeRulingCommand, ruleCommand } from "./rule.ts";
import { scheduleUnstakeCommand } from "./scheduleUnstake.ts";
import { stakeCommand } from "./stake.ts";
import { statusCommand } from "./status.ts";
import { unstakeCommand } from "./unstake.ts";
import { voteCommand } from "./vote.ts";
import { withdrawCommand } from "./withdraw.ts";

/** Every command of `ipool`, in help order. */
export const commands: Command[] = [
  depositCommand,
  stakeCommand,
  scheduleUnstakeCommand,
  unstakeCommand,
  withdrawCommand,
  delegateCommand,
  quoteCommand,
  buyCommand,
  policiesCommand,
  claimCommand,
  acceptSettlementCommand,
  escalateCommand,
  appealCommand,
  evidenceCommand,
  acceptCommand,
  settleCommand,
  rejectCommand,
  ruleCommand,
  executeRulingCommand,
  proposeCommand,
  voteCommand,
  queueCommand,
  executeCommand,
  proposalsCommand,
  timeOutCommand,
  distributeCommand,
  statusCommand,
  claimsCommand,
];

/**
 * The command table, plus `deploy` (packages/cli/src/commands/deploy.ts, written by the devnet engineer)
 * when that file exists. It must export a {@link Command} as `deployCommand` or as its default export.
 */
export async function loadCommands(): Promise<Command[]> {
  const deployUrl = new URL("./deploy.ts", import.meta.url);
  if (!existsSync(fileURLToPath(deployUrl))) return commands;
  const module = (await import(deployUrl.href)) as { deployCommand?: Command; default?: Command };
  const deploy = module.deployCommand ?? module.default;
  return deploy ? [...commands, deploy] : commands;
}
