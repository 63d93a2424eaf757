import {
  claimNumber,
  claimStatusName,
  executeDisputeRuling,
  executeRuling,
  formatTimestamp,
  getAppealPeriod,
  giveRuling,
  InvalidInputError,
  RULINGS,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { arbitratorOwnerRole, requireRole } from "./roles.ts";
import { positionals } from "./shared.ts";

const RULING_WORDS: Record<string, bigint> = {
  "0": 0n,
  refuse: 0n,
  "1": 1n,
  pay: 1n,
  claim: 1n,
  "2": 2n,
  settle: 2n,
  settlement: 2n,
};

export const ruleCommand: Command = {
  name: "rule",
  role: "arbitrator",
  writes: true,
  summary: "the devnet arbitrator's court rules on a disputed claim: refuse | pay | settle",
  usage: "<claimId> <refuse|pay|settle>",
  description: [
    "giveRuling(disputeId, ruling) on the claim's arbitrator, from its owner: the devnet's LocalArbitrator or",
    "Kleros' own CentralizedArbitratorWithAppeal (npm start -- --arbitrator kleros), both owned by the court account.",
    "Rulings: 1 pay the claim, 2 pay the mediator's settlement (a refusal if none was proposed), 0 refuse (the",
    "claim is refused and the claimant's bond is forfeited to the stakers).",
    "The ruling can be appealed (ipool appeal) until its appeal period ends; then anyone delivers it with",
    "ipool execute-ruling. Kleros' contract: a fixed 3-minute window; execute-ruling works only once it is",
    "over (from the next second); its disputeStatus already says Solved at the window's last second, while an",
    "appeal is still accepted then; and anyone can change its fee (setArbitrationCost has no access control).",
    "Example: ipool rule 1 pay --account court",
  ].join("\n"),
  run: async (ctx, input) => {
    const [text, rulingText] = positionals(input, 2, 2, "rule <claimId> <refuse|pay|settle>");
    const ruling = RULING_WORDS[(rulingText ?? "").toLowerCase()];
    if (ruling === undefined) {
      throw new InvalidInputError(
        `ruling "${rulingText}" is not refuse (0), pay (1) or settle (2)`,
      );
    }
    const { claimId, claim } = await existingClaim(ctx, text);
    if (claimStatusName(claim.status) !== "Disputed") {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}, not disputed`,
      );
    }
    const client = await ctx.wallet();
    const arbitrator = claim.arbitrator;
    const disputeId = claim.disputeId;
    const owner = await arbitratorOwnerRole(ctx, arbitrator);
    if (owner) {
      requireRole(
        client.account.address,
        [owner],
        `rule on claim ${claimNumber(claimId)}'s dispute ${disputeId}`,
      );
    }
    await ctx.send(`rule "${RULINGS[Number(ruling)]}" on dispute ${disputeId}`, (hooks) =>
      giveRuling(client, { ...hooks, arbitrator, disputeId, ruling }),
    );
    const [, end] = await getAppealPeriod(ctx.client, { arbitrator, disputeId });
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: [
        `appealable until ${formatTimestamp(end)}; then: ipool execute-ruling ${claimNumber(claimId)}`,
        ...summary.lines,
      ],
      data: { disputeId, ruling, appealPeriodEnd: end, ...summary.data },
    };
  },
};

export const executeRulingCommand: Command = {
  name: "execute-ruling",
  role: "arbitrator",
  writes: true,
  summary: "deliver a final ruling to the claims manager (anyone), or pay a deferred ruling",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "execute-ruling <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    const client = await ctx.wallet();
    const status = claimStatusName(claim.status);
    if (status === "Disputed") {
      await ctx.send(`deliver the ruling of dispute ${claim.disputeId}`, (hooks) =>
        executeDisputeRuling(client, {
          ...hooks,
          arbitrator: claim.arbitrator,
          disputeId: claim.disputeId,
        }),
      );
    } else if (status === "RulingPending") {
      await ctx.send(`pay the ruling on claim ${claimNumber(claimId)}`, (hooks) =>
        executeRuling(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
      );
    } else {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${status}: there is no ruling to execute`,
      );
    }
    return claimSummary(ctx, claimId);
  },
};
