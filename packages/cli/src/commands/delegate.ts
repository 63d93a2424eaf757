import { delegate } from "@insurance-pool/sdk";
import { zeroAddress } from "viem";
import type { Command } from "../command.ts";
import { positionals, stakerSummary } from "./shared.ts";

export const delegateCommand: Command = {
  name: "delegate",
  role: "staker",
  writes: true,
  summary: "delegate your voting power (one hop, once a week); `none` undelegates",
  usage: "<address|role|none>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "delegate <address|role|none>");
    const client = await ctx.wallet();
    const pool = ctx.deployment.contracts.stakingPool;
    const delegatee = text === "none" ? zeroAddress : ctx.address(text, "delegate");
    await ctx.send(text === "none" ? "undelegate" : `delegate to ${delegatee}`, (hooks) =>
      delegate(client, { ...hooks, pool, delegatee }),
    );
    const summary = await stakerSummary(ctx, client.account.address);
    return { lines: summary.lines, data: { delegatee, ...summary.data } };
  },
};
