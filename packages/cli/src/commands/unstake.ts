import {
  InvalidInputError,
  iStakingPoolAbi,
  preflight,
  unstake,
  unstakeAndWithdraw,
} from "@insurance-pool/sdk";
import { simulateContract } from "viem/actions";
import type { Command } from "../command.ts";
import { positionals, stakerSummary } from "./shared.ts";

export const unstakeCommand: Command = {
  name: "unstake",
  role: "staker",
  writes: true,
  summary: "execute a matured unstake (yours, or anyone's by address); --withdraw also withdraws",
  usage: "[staker]",
  options: {
    withdraw: {
      type: "boolean",
      description: "also withdraw everything withdrawable to your wallet (your own unstake only)",
    },
  },
  run: async (ctx, input) => {
    const [who] = positionals(input, 0, 1, "unstake [staker] [--withdraw]");
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    const user = who === undefined ? client.account.address : ctx.address(who, "staker");
    if (input.values.withdraw) {
      if (user.toLowerCase() !== client.account.address.toLowerCase()) {
        throw new InvalidInputError("--withdraw only works for your own unstake");
      }
      // unstakeAndWithdraw withdraws whatever is withdrawable even when the unstake has not matured (and
      // leaves it pending): refuse exactly as `unstake` would, with its decoded reason.
      await preflight(
        () =>
          simulateContract(ctx.client, {
            account: user,
            address: pool,
            abi: iStakingPoolAbi,
            functionName: "unstake",
            args: [user],
          }),
        { functionName: "unstake", account: user, tokenInfo: ctx.token },
      );
      const { result } = await ctx.send("unstake and withdraw", (hooks) =>
        unstakeAndWithdraw(client, { ...hooks, pool, recipient: user }),
      );
      const summary = await stakerSummary(ctx, user);
      return {
        lines: [`withdrew ${ctx.show(result)}`, ...summary.lines],
        data: { withdrawn: result, ...summary.data },
      };
    }
    const { result } = await ctx.send("unstake", (hooks) =>
      unstake(client, { ...hooks, pool, user }),
    );
    const summary = await stakerSummary(ctx, user);
    const lines = [`credited ${ctx.show(result)} to the unstaked balance`];
    const pending = (summary.data as { pendingUnstake?: { frozen: boolean } }).pendingUnstake;
    if (pending?.frozen) {
      // Claims were open: the exit's share of them stays frozen (#12, no escape from a filed claim).
      lines.push(
        "claims are open: the exit's share of them stays frozen (see 'frozen exit'); run `ipool unstake` again once no claim is open",
      );
    }
    return { lines: [...lines, ...summary.lines], data: { credited: result, ...summary.data } };
  },
};
