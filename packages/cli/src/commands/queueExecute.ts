import {
  cancelProposal,
  executeProposal,
  formatTimestamp,
  getProposalEta,
  getProposalState,
  proposalStateName,
  queueProposal,
} from "@insurance-pool/sdk";
import { keccak256, toBytes } from "viem";
import type { Command } from "../command.ts";
import { checkProposalState, findProposal, governorOf } from "./governanceShared.ts";
import { requireRole } from "./roles.ts";
import { positionals } from "./shared.ts";

export const queueCommand: Command = {
  name: "queue",
  role: "DAO",
  writes: true,
  summary: "queue a succeeded proposal in its agent's timelock (anyone)",
  usage: "<proposalId>",
  run: async (ctx, input) => {
    const [idText] = positionals(input, 1, 1, "queue <proposalId>");
    const proposal = await findProposal(ctx, idText);
    const governor = governorOf(ctx, proposal.agent);
    const client = await ctx.wallet();
    await checkProposalState(ctx, proposal, "queue");
    await ctx.send(`queue ${proposal.proposalId}`, (hooks) =>
      queueProposal(client, {
        ...hooks,
        governor,
        targets: proposal.targets,
        values: proposal.values,
        calldatas: proposal.calldatas,
        descriptionHash: keccak256(toBytes(proposal.description)),
      }),
    );
    const eta = await getProposalEta(ctx.client, { governor, proposalId: proposal.proposalId });
    return {
      lines: [
        `queued; executable from ${formatTimestamp(eta)} with: ipool execute ${proposal.proposalId}`,
      ],
      data: { proposalId: proposal.proposalId, eta },
    };
  },
};

export const executeCommand: Command = {
  name: "execute",
  role: "DAO",
  writes: true,
  summary: "execute a queued proposal once its timelock delay passed (anyone)",
  usage: "<proposalId>",
  run: async (ctx, input) => {
    const [idText] = positionals(input, 1, 1, "execute <proposalId>");
    const proposal = await findProposal(ctx, idText);
    const governor = governorOf(ctx, proposal.agent);
    const client = await ctx.wallet();
    await checkProposalState(ctx, proposal, "execute");
    await ctx.send(`execute ${proposal.proposalId}`, (hooks) =>
      executeProposal(client, {
        ...hooks,
        governor,
        targets: proposal.targets,
        values: proposal.values,
        calldatas: proposal.calldatas,
        descriptionHash: keccak256(toBytes(proposal.description)),
        value: 0n,
      }),
    );
    const state = await getProposalState(ctx.client, { governor, proposalId: proposal.proposalId });
    return {
      lines: [
        `proposal ${proposal.proposalId} is ${proposalStateName(state)}: ${proposal.description}`,
      ],
      data: { proposalId: proposal.proposalId, state: proposalStateName(state) },
    };
  },
};

export const cancelCommand: Command = {
  name: "cancel",
  role: "DAO",
  writes: true,
  summary: "cancel your proposal while it is still pending (before voting starts)",
  usage: "<proposalId>",
  run: async (ctx, input) => {
    const [idText] = positionals(input, 1, 1, "cancel <proposalId>");
    const proposal = await findProposal(ctx, idText);
    const governor = governorOf(ctx, proposal.agent);
    const client = await ctx.wallet();
    requireRole(
      client.account.address,
      [{ role: "its proposer", address: proposal.proposer }],
      `cancel proposal ${proposal.proposalId}`,
    );
    await checkProposalState(ctx, proposal, "cancel");
    await ctx.send(`cancel ${proposal.proposalId}`, (hooks) =>
      cancelProposal(client, {
        ...hooks,
        governor,
        targets: proposal.targets,
        values: proposal.values,
        calldatas: proposal.calldatas,
        descriptionHash: keccak256(toBytes(proposal.description)),
      }),
    );
    const state = await getProposalState(ctx.client, { governor, proposalId: proposal.proposalId });
    return {
      lines: [`proposal ${proposal.proposalId} is ${proposalStateName(state)}`],
      data: { proposalId: proposal.proposalId, state, stateName: proposalStateName(state) },
    };
  },
};
