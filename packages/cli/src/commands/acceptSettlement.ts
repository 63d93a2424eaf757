import {
  acceptSettlement,
  claimNumber,
  claimStatusName,
  formatUsd,
  getPolicy,
  getTokenPrice,
  InvalidInputError,
  payoutTokens,
  policyNumber,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
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
    // The payout is capped by what the policy has left: once other claims used it up, the contract's
    // refusal ("payout below minimum") would blame the price guard instead of the cause.
    const policy = await getPolicy(ctx.client, { claimsManager, policyId: claim.policyId });
    const remainingUsd =
      policy.coverageUsd > policy.paidUsd ? policy.coverageUsd - policy.paidUsd : 0n;
    if (remainingUsd === 0n) {
      throw new InvalidInputError(
        `policy ${policyNumber(claim.policyId)}'s coverage is used up (${formatUsd(policy.paidUsd)} of ${formatUsd(policy.coverageUsd)} already paid): accepting the settlement of claim ${claimNumber(claimId)} would pay nothing`,
      );
    }
    const payableUsd = remainingUsd < claim.settlementUsd ? remainingUsd : claim.settlementUsd;
    const client = await ctx.wallet();
    const minText = stringOption(input, "min-payout");
    let minimumPayoutTokens: bigint;
    if (minText === undefined) {
      const price = await getTokenPrice(ctx.client, { claimsManager });
      minimumPayoutTokens = (payoutTokens(payableUsd, price, ctx.token.decimals) * 99n) / 100n;
    } else {
      minimumPayoutTokens = ctx.amount(minText, "--min-payout");
    }
    await ctx.send(`accept settlement of ${formatUsd(claim.settlementUsd)}`, (hooks) =>
      acceptSettlement(client, { ...hooks, claimsManager, claimId, minimumPayoutTokens }),
    );
    const summary = await claimSummary(ctx, claimId);
    const capped =
      payableUsd < claim.settlementUsd
        ? [
            `paid ${formatUsd(payableUsd)}: all that was left of policy ${policyNumber(claim.policyId)}'s coverage`,
          ]
        : [];
    return {
      lines: [...capped, ...summary.lines],
      data: { minimumPayoutTokens, payableUsd, ...summary.data },
    };
  },
};
