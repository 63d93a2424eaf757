import { getWithdrawable, InvalidInputError, withdraw } from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { positionals, stakerSummary, stringOption } from "./shared.ts";

export const withdrawCommand: Command = {
  name: "withdraw",
  role: "staker",
  writes: true,
  summary: "withdraw unstaked, unlocked tokens to your wallet (`all` = everything withdrawable)",
  usage: "<amount|all>",
  options: {
    to: { type: "string", value: "<address>", description: "send the tokens elsewhere" },
  },
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "withdraw <amount|all> [--to <address>]");
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    const user = client.account.address;
    const to = stringOption(input, "to");
    const recipient = to === undefined ? user : ctx.address(to, "--to");
    let amount: bigint;
    if (text === "all") {
      amount = await getWithdrawable(ctx.client, { pool, user });
      if (amount === 0n) throw new InvalidInputError("nothing is withdrawable now");
    } else {
      amount = ctx.amount(text, "amount");
    }
    await ctx.send(`withdraw ${ctx.show(amount)}`, (hooks) =>
      withdraw(client, { ...hooks, pool, recipient, amount }),
    );
    const summary = await stakerSummary(ctx, user);
    return { lines: summary.lines, data: { amount, recipient, ...summary.data } };
  },
};
