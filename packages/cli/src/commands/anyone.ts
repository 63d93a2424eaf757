import {
  claimDeadlines,
  claimNumber,
  claimStatusName,
  distributeRewards,
  formatTimestamp,
  getPendingRewards,
  InvalidInputError,
  timeOutClaim,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import {
  claimantResponsePeriod,
  claimSummary,
  claimsManagerOf,
  existingClaim,
} from "./claimsShared.ts";
import { positionals } from "./shared.ts";

export const timeOutCommand: Command = {
  name: "time-out",
  role: "anyone",
  writes: true,
  summary: "close a claim whose every deadline passed; its bond goes to the stakers",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "time-out <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    const { timeOutFrom } = claimDeadlines(claim, {
      claimantResponsePeriod: await claimantResponsePeriod(ctx),
    });
    if (timeOutFrom === undefined) {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}: it cannot time out`,
      );
    }
    const client = await ctx.wallet();
    await ctx.send(`time out claim ${claimNumber(claimId)}`, (hooks) =>
      timeOutClaim(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
    );
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: summary.lines,
      data: { timeOutFrom: formatTimestamp(timeOutFrom), ...summary.data },
    };
  },
};

export const distributeCommand: Command = {
  name: "distribute",
  role: "anyone",
  writes: true,
  summary:
    "send forfeited bonds to the pool (queued, streamed over the next epoch) and the treasury its premiums; stakers' premiums stream weekly without it",
  run: async (ctx, input) => {
    positionals(input, 0, 0, "distribute");
    const claimsManager = claimsManagerOf(ctx);
    const [stakers, treasury] = await getPendingRewards(ctx.client, { claimsManager });
    if (stakers === 0n && treasury === 0n)
      throw new InvalidInputError(
        "there are no forfeited bonds or treasury premiums to distribute (the stakers' premiums need no call: the pool pulls them each week)",
      );
    const client = await ctx.wallet();
    await ctx.send("distribute rewards", (hooks) =>
      distributeRewards(client, { ...hooks, claimsManager }),
    );
    return {
      lines: [
        `sent ${ctx.show(stakers)} to the pool (queued: it streams to the stakers over the next epoch) and ${ctx.show(treasury)} to the treasury (or the pool when none)`,
      ],
      data: { stakers, treasury },
    };
  },
};
