import {
  castVoteWithReason,
  formatTimestamp,
  getDelegate,
  getPastVotes,
  InvalidInputError,
  proposalStateName,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { UsageError } from "../usage.ts";
import { checkProposalState, findProposal, governorOf } from "./governanceShared.ts";
import { positionals, stringOption } from "./shared.ts";

const SUPPORT: Record<string, number> = { against: 0, for: 1, abstain: 2 };

export const voteCommand: Command = {
  name: "vote",
  role: "DAO",
  writes: true,
  summary: "vote for, against or abstain on an active proposal (id or its first digits)",
  usage: "<proposalId> <for|against|abstain>",
  options: {
    reason: { type: "string", value: "<text>", description: "a public reason" },
  },
  run: async (ctx, input) => {
    const [idText, supportText] = positionals(
      input,
      2,
      2,
      "vote <proposalId> <for|against|abstain>",
    );
    const support = SUPPORT[(supportText ?? "").toLowerCase()];
    if (support === undefined)
      throw new UsageError(`"${supportText}" is not for, against or abstain`);
    const proposal = await findProposal(ctx, idText);
    const client = await ctx.wallet();
    await checkProposalState(ctx, proposal, "vote");
    // A vote without voting power is counted as nothing: refuse it, saying who holds the votes.
    const pool = ctx.deployment.contracts.stakingPool;
    const me = client.account.address;
    const power = await getPastVotes(ctx.client, {
      pool,
      account: me,
      timepoint: proposal.voteStart,
    });
    if (power === 0n) {
      const delegate = await getDelegate(ctx.client, { pool, account: me });
      const snapshot = `proposal ${proposal.proposalId}'s snapshot (${formatTimestamp(proposal.voteStart)})`;
      throw new InvalidInputError(
        delegate.toLowerCase() !== me.toLowerCase() && !/^0x0{40}$/.test(delegate)
          ? `you have no voting power at ${snapshot}: your votes are delegated to ${delegate}, who votes with them`
          : `you had no voting power at ${snapshot}: only shares staked before it vote`,
      );
    }
    const { result: weight } = await ctx.send(
      `vote ${supportText} on ${proposal.proposalId}`,
      (hooks) =>
        castVoteWithReason(client, {
          ...hooks,
          governor: governorOf(ctx, proposal.agent),
          proposalId: proposal.proposalId,
          support,
          reason: stringOption(input, "reason") ?? "",
        }),
    );
    return {
      lines: [
        `voted ${supportText} with ${ctx.show(weight).replace(` ${ctx.token.symbol}`, "")} shares (proposal ${proposalStateName(proposal.state)})`,
      ],
      data: { proposalId: proposal.proposalId, support, weight },
    };
  },
};
