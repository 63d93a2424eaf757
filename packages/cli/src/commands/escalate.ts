import {
  claimNumber,
  escalateClaim,
  formatAmount,
  getArbitrationCost,
  getArbitrator,
  getArbitratorExtraData,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { positionals } from "./shared.ts";

export const escalateCommand: Command = {
  name: "escalate",
  role: "dAPI user",
  writes: true,
  summary: "escalate your claim to the arbitrator, paying its arbitration fee in ether",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "escalate <claimId>");
    const { claimId } = await existingClaim(ctx, text);
    const claimsManager = claimsManagerOf(ctx);
    const client = await ctx.wallet();
    const [arbitrator, extraData] = await Promise.all([
      getArbitrator(ctx.client, { claimsManager }),
      getArbitratorExtraData(ctx.client, { claimsManager }),
    ]);
    const value = await getArbitrationCost(ctx.client, { arbitrator, extraData });
    const { result: disputeId } = await ctx.send(
      `escalate claim ${claimNumber(claimId)} (fee ${formatAmount(value, 18, { symbol: "ETH" })})`,
      (hooks) => escalateClaim(client, { ...hooks, claimsManager, claimId, value }),
    );
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: [`dispute ${disputeId} opened at ${arbitrator}`, ...summary.lines],
      data: { disputeId, arbitrator, fee: value, ...summary.data },
    };
  },
};
