import { formatTimestamp, proposalStateName } from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { table } from "../output.ts";
import { allProposals, findProposal, governorOf, parseAgent } from "./governanceShared.ts";
import { proposalDetail } from "./proposalDetail.ts";
import { formatShares, positionals, stringOption } from "./shared.ts";

export const proposalsCommand: Command = {
  name: "proposals",
  role: "DAO",
  summary:
    "the DAO's proposals with their state, votes and deadlines; one in detail (actions, quorum, voters)",
  usage: "[proposalId]",
  options: {
    agent: {
      type: "string",
      value: "<primary|secondary>",
      description: "only this agent's proposals",
    },
  },
  run: async (ctx, input) => {
    const [idText] = positionals(
      input,
      0,
      1,
      "proposals [proposalId] [--agent <primary|secondary>]",
    );
    if (idText !== undefined) {
      const proposal = await findProposal(ctx, idText);
      return proposalDetail(ctx, proposal, governorOf(ctx, proposal.agent));
    }
    const agentText = stringOption(input, "agent");
    const proposals = await allProposals(
      ctx,
      agentText === undefined ? undefined : parseAgent(agentText),
    );
    const lines = proposals.length ? [] : ["no proposals"];
    for (const p of proposals) {
      lines.push(
        `proposal ${p.proposalId} (${p.agent}): ${p.description}`,
        ...table([
          ["state", proposalStateName(p.state)],
          ["proposer", p.proposer],
          [
            "votes",
            `for ${formatShares(ctx, p.votes.for)}, against ${formatShares(ctx, p.votes.against)}, abstain ${formatShares(ctx, p.votes.abstain)}`,
          ],
          ["voting", `${formatTimestamp(p.voteStart)} to ${formatTimestamp(p.voteEnd)}`],
          ...(p.eta > 0n
            ? ([["executable from", formatTimestamp(p.eta)]] as [string, string][])
            : []),
        ]),
      );
    }
    return {
      lines,
      data: { proposals: proposals.map((p) => ({ ...p, stateName: proposalStateName(p.state) })) },
    };
  },
};
