import {
  appeal,
  claimNumber,
  claimStatusName,
  formatAmount,
  getAppealCost,
  getArbitratorExtraData,
  InvalidInputError,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { positionals } from "./shared.ts";

export const appealCommand: Command = {
  name: "appeal",
  role: "dAPI user",
  writes: true,
  summary: "appeal the arbitrator's ruling on a disputed claim, paying the appeal fee in ether",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "appeal <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    if (claimStatusName(claim.status) !== "Disputed") {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}, not disputed: nothing to appeal`,
      );
    }
    const client = await ctx.wallet();
    const extraData = await getArbitratorExtraData(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
    });
    const arbitrator = claim.arbitrator;
    const disputeId = claim.disputeId;
    const value = await getAppealCost(ctx.client, { arbitrator, disputeId, extraData });
    await ctx.send(
      `appeal dispute ${disputeId} (fee ${formatAmount(value, 18, { symbol: "ETH" })})`,
      (hooks) => appeal(client, { ...hooks, arbitrator, disputeId, extraData, value }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: { disputeId, fee: value, ...summary.data } };
  },
};
