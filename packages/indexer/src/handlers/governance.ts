/**
 * The Governors (primary and secondary agents' DAO): proposals, their lifecycle and the votes cast.
 * Both Governors share one ABI; rows carry the Governor's address.
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import type { Address } from "viem";
import { type Db, recordParameter, type Where, where } from "./common.ts";

const { proposal, vote } = schema;

const proposalKey = (governor: Address, proposalId: bigint) =>
  `${governor.toLowerCase()}-${proposalId}`;

async function setStatus(
  db: Db,
  governor: Address,
  proposalId: bigint,
  at: Where,
  status: string,
  eta?: bigint,
) {
  const id = proposalKey(governor, proposalId);
  if (!(await db.find(proposal, { id }))) return;
  await db
    .update(proposal, { id })
    .set({ status, updatedAt: at.timestamp, ...(eta !== undefined ? { eta } : {}) });
}

ponder.on("Governor:ProposalCreated", async ({ event, context }) => {
  const at = where(event);
  const a = event.args;
  await context.db.insert(proposal).values({
    id: proposalKey(event.log.address, a.proposalId),
    governor: event.log.address,
    proposalId: a.proposalId,
    proposer: a.proposer,
    targets: [...a.targets],
    values: a.values.map((value) => value.toString()),
    calldatas: [...a.calldatas],
    description: a.description,
    voteStart: a.voteStart,
    voteEnd: a.voteEnd,
    status: "created",
    eta: null,
    forVotes: 0n,
    againstVotes: 0n,
    abstainVotes: 0n,
    voteCount: 0,
    createdAt: at.timestamp,
    createdTx: at.txHash,
    updatedAt: at.timestamp,
  });
});

/** Records a vote and adds its weight to the proposal's tally. */
async function castVote(
  db: Db,
  governor: Address,
  at: Where,
  v: { voter: Address; proposalId: bigint; support: number; weight: bigint; reason: string },
) {
  const key = proposalKey(governor, v.proposalId);
  await db.insert(vote).values({
    id: `${key}-${v.voter.toLowerCase()}`,
    proposal: key,
    governor,
    proposalId: v.proposalId,
    voter: v.voter,
    support: v.support,
    weight: v.weight,
    reason: v.reason,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  const row = await db.find(proposal, { id: key });
  if (!row) return;
  await db.update(proposal, { id: key }).set({
    forVotes: row.forVotes + (v.support === 1 ? v.weight : 0n),
    againstVotes: row.againstVotes + (v.support === 0 ? v.weight : 0n),
    abstainVotes: row.abstainVotes + (v.support === 2 ? v.weight : 0n),
    voteCount: row.voteCount + 1,
    updatedAt: at.timestamp,
  });
}

ponder.on("Governor:VoteCast", async ({ event, context }) => {
  await castVote(context.db, event.log.address, where(event), event.args);
});

ponder.on("Governor:VoteCastWithParams", async ({ event, context }) => {
  await castVote(context.db, event.log.address, where(event), event.args);
});

ponder.on("Governor:ProposalQueued", async ({ event, context }) => {
  const { proposalId, etaSeconds } = event.args;
  await setStatus(context.db, event.log.address, proposalId, where(event), "queued", etaSeconds);
});

ponder.on("Governor:ProposalExecuted", async ({ event, context }) => {
  await setStatus(context.db, event.log.address, event.args.proposalId, where(event), "executed");
});

ponder.on("Governor:ProposalCanceled", async ({ event, context }) => {
  await setStatus(context.db, event.log.address, event.args.proposalId, where(event), "canceled");
});

// The Governors' own settings, changed by proposals.
for (const name of [
  "VotingDelaySet",
  "VotingPeriodSet",
  "ProposalThresholdSet",
  "ProposalThresholdFractionSet",
  "QuorumNumeratorUpdated",
  "TimelockChange",
] as const) {
  ponder.on(`Governor:${name}`, async ({ event, context }) => {
    await recordParameter(context.db, name, event, where(event));
  });
}
