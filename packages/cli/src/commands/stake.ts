import { getUnstaked, InvalidInputError, stake } from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { formatShares, positionals, stakerSummary } from "./shared.ts";

export const stakeCommand: Command = {
  name: "stake",
  role: "staker",
  writes: true,
  summary: "stake deposited tokens for pool shares (`all` stakes everything unstaked)",
  usage: "<amount|all>",
  description: "Example: ipool stake 500 --account 1",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "stake <amount|all>");
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    let amount: bigint;
    if (text === "all") {
      amount = await getUnstaked(ctx.client, { pool, user: client.account.address });
      if (amount === 0n)
        throw new InvalidInputError("you have no unstaked tokens in the pool; deposit first");
    } else {
      amount = ctx.amount(text, "amount");
    }
    const { result } = await ctx.send(`stake ${ctx.show(amount)}`, (hooks) =>
      stake(client, { ...hooks, pool, amount }),
    );
    const summary = await stakerSummary(ctx, client.account.address);
    return {
      lines: [`minted ${formatShares(ctx, result)} shares`, ...summary.lines],
      data: { amount, mintedShares: result, ...summary.data },
    };
  },
};
