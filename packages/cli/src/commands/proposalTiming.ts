/**
 * Why a proposal cannot be voted on, queued, executed or canceled now, in words and times ("voting starts at ...
 * (in 5m)", "executable from ... (in 5m)"), said before anything is sent instead of the governor's or the
 * timelock's state bitmaps. The governor counts time in seconds (`CLOCK_MODE` `mode=timestamp`): a proposal is
 * Pending while `now <= voteStart` and Active while `now <= voteEnd`; a queued one executes from its `eta`.
 */
import { formatMoment, proposalStateName } from "@insurance-pool/sdk";

/** What the rules need of a proposal. */
export interface ProposalTiming {
  proposalId: bigint;
  state: number;
  voteStart: bigint;
  voteEnd: bigint;
  /** When a queued proposal may execute (0 otherwise). */
  eta: bigint;
}

/** The governance actions that depend on a proposal's state. */
export type ProposalAction = "vote" | "queue" | "execute" | "cancel";

/** The state a proposal must be in for each action (execute also needs its eta reached). */
const NEEDS: Record<ProposalAction, string> = {
  vote: "Active",
  queue: "Succeeded",
  execute: "Queued",
  cancel: "Pending",
};

const PAST: Record<ProposalAction, string> = {
  vote: "voted on",
  queue: "queued",
  execute: "executed",
  cancel: "canceled",
};

/**
 * Why `action` cannot be done on `proposal` at `now` (the chain's latest block time), or undefined when it can.
 *
 * @example
 * ```ts
 * proposalRefusal("vote", proposal, now); // "proposal 123 is Pending: voting starts at 2026-12-07 12:00:01 UTC (in 5m)"
 * ```
 */
export function proposalRefusal(
  action: ProposalAction,
  proposal: ProposalTiming,
  now: bigint,
): string | undefined {
  const id = proposal.proposalId;
  const state = proposalStateName(proposal.state);
  const votingStarts = `voting starts at ${formatMoment(proposal.voteStart + 1n, now)}`;
  const votingEnds = `voting ends at ${formatMoment(proposal.voteEnd + 1n, now)}`;
  const votingEnded = `voting ended at ${formatMoment(proposal.voteEnd + 1n, now)}`;
  const executable = `executable from ${formatMoment(proposal.eta, now)}`;
  if (state === NEEDS[action]) {
    if (action === "execute" && now < proposal.eta) {
      return `proposal ${id} is queued in the timelock: ${executable}`;
    }
    return undefined;
  }
  const done = PAST[action];
  const after = action === "vote" ? "" : `; ${action} it after, if it passes`;
  switch (state) {
    case "Pending":
      return `proposal ${id} is Pending: ${votingStarts}, ${votingEnds.replace("voting ", "")}${after}`;
    case "Active":
      return action === "cancel"
        ? `proposal ${id} can no longer be canceled: voting started at ${formatMoment(proposal.voteStart + 1n, now)} (only a Pending proposal can be)`
        : `proposal ${id} is being voted on: ${votingEnds}${after}`;
    case "Succeeded":
      return action === "execute"
        ? `proposal ${id} passed (${votingEnded}) but is not queued: queue it first (ipool queue ${id}); it executes after the timelock's delay`
        : `proposal ${id} passed (${votingEnded}): it cannot be ${done} any more; queue it: ipool queue ${id}`;
    case "Queued":
      return `proposal ${id} is already queued: it cannot be ${done} any more; ${executable}: ipool execute ${id}`;
    case "Defeated":
      return `proposal ${id} was Defeated (${votingEnded}): it cannot be ${done}`;
    default:
      return `proposal ${id} is ${state}: it cannot be ${done} any more`;
  }
}
