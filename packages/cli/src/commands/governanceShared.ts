import {
  type GetProposalsReturnType,
  getProposals,
  InvalidInputError,
  type Proposal,
} from "@insurance-pool/sdk";
import type { Address } from "viem";
import { getBlock } from "viem/actions";
import type { Context } from "../context.ts";
import { type ProposalAction, proposalRefusal } from "./proposalTiming.ts";

/** The two agents of the DAO. */
export type Agent = "primary" | "secondary";

/** The governor of an agent, or a clear error. */
export function governorOf(ctx: Context, agent: Agent): Address {
  const address =
    agent === "primary"
      ? ctx.deployment.contracts.primaryGovernor
      : ctx.deployment.contracts.secondaryGovernor;
  if (!address) throw new InvalidInputError(`this deployment has no ${agent} governor`);
  return address;
}

/** Parses `--agent` (default primary). */
export function parseAgent(text: string | undefined): Agent {
  const agent = (text ?? "primary").toLowerCase();
  if (agent !== "primary" && agent !== "secondary") {
    throw new InvalidInputError(`--agent "${text}" is neither primary nor secondary`);
  }
  return agent;
}

/** Every proposal of both governors (or one), oldest first, tagged with its agent. */
export async function allProposals(
  ctx: Context,
  only?: Agent,
): Promise<(Proposal & { agent: Agent })[]> {
  const result: (Proposal & { agent: Agent })[] = [];
  for (const agent of ["primary", "secondary"] as const) {
    if (only && only !== agent) continue;
    const governor =
      agent === "primary"
        ? ctx.deployment.contracts.primaryGovernor
        : ctx.deployment.contracts.secondaryGovernor;
    if (!governor) continue;
    const proposals: GetProposalsReturnType = await getProposals(ctx.client, {
      governor,
      fromBlock: BigInt(ctx.deployment.startBlock),
    });
    result.push(...proposals.map((proposal) => ({ ...proposal, agent })));
  }
  return result;
}

/** Finds a proposal by its id or a unique prefix of it (at least 4 digits). */
export async function findProposal(
  ctx: Context,
  text: string | undefined,
): Promise<Proposal & { agent: Agent }> {
  if (text === undefined || !/^\d{4,}$/.test(text)) {
    throw new InvalidInputError(
      `proposal id "${text ?? ""}" is not a number of at least 4 digits`,
      {
        metaMessages: ["List them with: ipool proposals"],
      },
    );
  }
  const matches = (await allProposals(ctx)).filter((p) => p.proposalId.toString().startsWith(text));
  if (matches.length === 0) {
    throw new InvalidInputError(`no proposal has an id starting with ${text}`, {
      metaMessages: ["List them with: ipool proposals"],
    });
  }
  if (matches.length > 1)
    throw new InvalidInputError(`${matches.length} proposals start with ${text}: give more digits`);
  return matches[0] as Proposal & { agent: Agent };
}

/**
 * Refuses `action` on a proposal whose state does not allow it now, in words and times ("voting starts at ...
 * (in 5m)", "executable from ... (in 5m)"), before anything is sent (the governor would answer with a state bitmap).
 */
export async function checkProposalState(
  ctx: Context,
  proposal: Proposal,
  action: ProposalAction,
): Promise<void> {
  const now = (await getBlock(ctx.client, { blockTag: "latest" })).timestamp;
  const refusal = proposalRefusal(action, proposal, now);
  if (refusal) throw new InvalidInputError(refusal, { metaMessages: ["Nothing was sent."] });
}
