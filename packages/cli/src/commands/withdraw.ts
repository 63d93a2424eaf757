import { getWithdrawable, InvalidInputError, withdraw } from "@insurance-pool/sdk";
import { maxUint256 } from "viem";
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
    let sent: bigint;
    if (text === "all") {
      amount = await getWithdrawable(ctx.client, { pool, user });
      if (amount === 0n) throw new InvalidInputError("nothing is withdrawable now");
      // The pool's WITHDRAW_ALL: the amount is computed inside the transaction (the lock rounds up at the accruing
      // price, so a figure read a block earlier can be a unit too high and revert).
      sent = maxUint256;
    } else {
      amount = ctx.amount(text, "amount");
      sent = amount;
    }
    await ctx.send(
      `withdraw ${sent === maxUint256 ? "everything withdrawable (now " : ""}${ctx.show(amount)}${sent === maxUint256 ? ")" : ""}`,
      (hooks) => withdraw(client, { ...hooks, pool, recipient, amount: sent }),
    );
    const summary = await stakerSummary(ctx, user);
    return { lines: summary.lines, data: { amount, recipient, ...summary.data } };
  },
};
