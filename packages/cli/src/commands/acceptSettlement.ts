import {
  acceptSettlement,
  claimNumber,
  claimStatusName,
  formatUsd,
  getTokenPrice,
  InvalidInputError,
  payoutTokens,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { claimantRole, requireRole } from "./roles.ts";
import { positionals, stringOption } from "./shared.ts";

export const acceptSettlementCommand: Command = {
  name: "accept-settlement",
  role: "dAPI user",
  writes: true,
  summary: "accept the mediator's settlement of your claim (paid now, bond returned)",
  usage: "<claimId>",
  options: {
    "min-payout": {
      type: "string",
      value: "<amount>",
      description: "least tokens to receive (default: 99% of the payout at today's price)",
    },
  },
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "accept-settlement <claimId> [--min-payout <amount>]");
    const { claimId, claim } = await existingClaim(ctx, text);
    if (claimStatusName(claim.status) !== "SettlementProposed") {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}: there is no settlement to accept`,
      );
    }
    const claimsManager = claimsManagerOf(ctx);
    const client = await ctx.wallet();
    requireRole(
      client.account.address,
      [await claimantRole(ctx, claim.policyId)],
      `accept the settlement of claim ${claimNumber(claimId)}`,
    );
    const minText = stringOption(input, "min-payout");
    let minimumPayoutTokens: bigint;
    if (minText === undefined) {
      const price = await getTokenPrice(ctx.client, { claimsManager });
      minimumPayoutTokens =
        (payoutTokens(claim.settlementUsd, price, ctx.token.decimals) * 99n) / 100n;
    } else {
      minimumPayoutTokens = ctx.amount(minText, "--min-payout");
    }
    await ctx.send(`accept settlement of ${formatUsd(claim.settlementUsd)}`, (hooks) =>
      acceptSettlement(client, { ...hooks, claimsManager, claimId, minimumPayoutTokens }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: { minimumPayoutTokens, ...summary.data } };
  },
};
