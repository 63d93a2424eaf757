import {
  deposit,
  depositAndStake,
  ensureAllowance,
  iStakingPoolAbi,
  preflightWithAllowance,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { formatShares, positionals, stakerSummary } from "./shared.ts";

export const depositCommand: Command = {
  name: "deposit",
  role: "staker",
  writes: true,
  summary: "deposit pool tokens (approves the pool when needed); --stake also stakes them",
  usage: "<amount>",
  options: {
    stake: { type: "boolean", description: "deposit and stake in one transaction" },
  },
  description: "Example: ipool deposit 1.5k --stake --account 1",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "deposit <amount> [--stake]");
    const amount = ctx.amount(text, "amount");
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    const functionName = input.values.stake ? "depositAndStake" : "deposit";
    await preflightWithAllowance(client, {
      token: ctx.token.address,
      spender: pool,
      amount,
      call: { address: pool, abi: iStakingPoolAbi, functionName, args: [amount] },
      tokenInfo: ctx.token,
      account: client.account.address,
    });
    await ctx.send("approve", (hooks) =>
      ensureAllowance(client, { ...hooks, token: ctx.token.address, spender: pool, amount }),
    );
    if (input.values.stake) {
      const { result } = await ctx.send(`deposit and stake ${ctx.show(amount)}`, (hooks) =>
        depositAndStake(client, { ...hooks, pool, amount }),
      );
      const summary = await stakerSummary(ctx, client.account.address);
      return {
        lines: [`minted ${formatShares(ctx, result)} shares`, ...summary.lines],
        data: { amount, mintedShares: result, ...summary.data },
      };
    }
    await ctx.send(`deposit ${ctx.show(amount)}`, (hooks) =>
      deposit(client, { ...hooks, pool, amount }),
    );
    const summary = await stakerSummary(ctx, client.account.address);
    return { lines: summary.lines, data: { amount, ...summary.data } };
  },
};
