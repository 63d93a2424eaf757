import {
  convertToShares,
  formatTimestamp,
  getShares,
  InvalidInputError,
  scheduleUnstake,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { UsageError } from "../usage.ts";
import { positionals, stakerSummary, stringOption } from "./shared.ts";

export const scheduleUnstakeCommand: Command = {
  name: "schedule-unstake",
  role: "staker",
  writes: true,
  summary: "schedule an unstake of tokens' worth of shares (or --shares, or `all`)",
  usage: "[amount|all]",
  options: {
    shares: {
      type: "string",
      value: "<n>",
      description: "unstake this many shares instead of a token amount",
    },
  },
  description:
    "The shares stop earning and voting at once and stay slashable until `ipool unstake` after the wait period.\nExample: ipool schedule-unstake 200 --account 1",
  run: async (ctx, input) => {
    const args = positionals(input, 0, 1, "schedule-unstake <amount|all> | --shares <n>");
    const sharesText = stringOption(input, "shares");
    if ((args.length === 1) === (sharesText !== undefined)) {
      throw new UsageError("give either an amount (or `all`) or --shares <n>");
    }
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    const user = client.account.address;
    let shares: bigint;
    if (sharesText !== undefined) {
      shares = ctx.amount(sharesText, "--shares");
    } else if (args[0] === "all") {
      shares = await getShares(ctx.client, { pool, user });
    } else {
      const amount = ctx.amount(args[0], "amount");
      shares = await convertToShares(ctx.client, { pool, amount });
    }
    if (shares === 0n) throw new InvalidInputError("that is zero shares: nothing to unstake");
    const { result } = await ctx.send("schedule unstake", (hooks) =>
      scheduleUnstake(client, { ...hooks, pool, shares }),
    );
    const summary = await stakerSummary(ctx, user);
    const pending = summary.data.pendingUnstake as { maturesAt: bigint };
    return {
      lines: [
        `scheduled ${ctx.show(result)}; run \`ipool unstake\` after ${formatTimestamp(pending.maturesAt)}`,
        ...summary.lines,
      ],
      data: { shares, amount: result, ...summary.data },
    };
  },
};
