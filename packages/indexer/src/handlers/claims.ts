/**
 * ClaimsManager: dAPIs, policies and their history, claims with every step (claim_event), disputes,
 * evidence, rulings and the payouts they caused. The arbitrator's own events (appeals) are in
 * arbitrator.ts.
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import { type Address, type Hex, hexToString, trim } from "viem";
import { CLAIM_STATUS, claimNumber, policyNumber } from "../claimStatus.ts";
import { disputeKey } from "../disputes.ts";
import { type Db, linkPayout, recordParameter, type Where, where } from "./common.ts";

const { claim, claimEvent, coverage, dapi, dispute, evidence, policy, policyEvent } = schema;

/** A bytes32 name as text (trailing zero bytes dropped). */
function bytes32ToText(value: Hex): string {
  try {
    return hexToString(trim(value, { dir: "right" }));
  } catch {
    return value;
  }
}

async function loadCoverage(db: Db, address: Address, at: Where) {
  const existing = await db.find(coverage, { id: address });
  if (existing) return { ...existing };
  const created = await db.insert(coverage).values({
    id: address,
    policyCount: 0,
    claimCount: 0,
    totalCoverageUsd: 0n,
    totalPremiums: 0n,
    totalPremiumsToStakers: 0n,
    totalPremiumsToTreasury: 0n,
    totalDistributedToStakers: 0n,
    totalDistributedToTreasury: 0n,
    totalPaidUsd: 0n,
    totalPaidTokens: 0n,
    totalOwedTokens: 0n,
    totalBondsForfeited: 0n,
    mediator: null,
    arbitrator: null,
    waitingPeriod: null,
    maxDisputeInactivity: null,
    updatedAt: at.timestamp,
  });
  return { ...created };
}

/** Adds to the claims manager's totals; returns the row after. */
async function addToCoverage(
  db: Db,
  address: Address,
  at: Where,
  delta: Partial<
    Record<
      | "totalCoverageUsd"
      | "totalPremiums"
      | "totalPremiumsToStakers"
      | "totalPremiumsToTreasury"
      | "totalDistributedToStakers"
      | "totalDistributedToTreasury"
      | "totalPaidUsd"
      | "totalPaidTokens"
      | "totalOwedTokens"
      | "totalBondsForfeited",
      bigint
    > &
      Record<"policyCount" | "claimCount", number>
  >,
) {
  const row = await loadCoverage(db, address, at);
  const next = {
    policyCount: row.policyCount + (delta.policyCount ?? 0),
    claimCount: row.claimCount + (delta.claimCount ?? 0),
    totalCoverageUsd: row.totalCoverageUsd + (delta.totalCoverageUsd ?? 0n),
    totalPremiums: row.totalPremiums + (delta.totalPremiums ?? 0n),
    totalPremiumsToStakers: row.totalPremiumsToStakers + (delta.totalPremiumsToStakers ?? 0n),
    totalPremiumsToTreasury: row.totalPremiumsToTreasury + (delta.totalPremiumsToTreasury ?? 0n),
    totalDistributedToStakers:
      row.totalDistributedToStakers + (delta.totalDistributedToStakers ?? 0n),
    totalDistributedToTreasury:
      row.totalDistributedToTreasury + (delta.totalDistributedToTreasury ?? 0n),
    totalPaidUsd: row.totalPaidUsd + (delta.totalPaidUsd ?? 0n),
    totalPaidTokens: row.totalPaidTokens + (delta.totalPaidTokens ?? 0n),
    totalOwedTokens: row.totalOwedTokens + (delta.totalOwedTokens ?? 0n),
    totalBondsForfeited: row.totalBondsForfeited + (delta.totalBondsForfeited ?? 0n),
    updatedAt: at.timestamp,
  };
  await db.update(coverage, { id: address }).set(next);
  return next;
}

interface ClaimStep {
  kind: string;
  status?: (typeof CLAIM_STATUS)[number];
  actor?: Address | null;
  amountUsd?: bigint | null;
  tokens?: bigint | null;
  owedTokens?: bigint | null;
  deadline?: bigint | null;
  ruling?: number | null;
  uri?: string | null;
}

/** Appends a claim_event row and moves the claim to `step.status` (when given). */
async function recordClaimStep(db: Db, claimId: bigint, at: Where, step: ClaimStep) {
  const row = await db.find(claim, { id: claimId });
  const status = step.status ?? row?.status ?? "None";
  if (row && step.status) {
    await db.update(claim, { id: claimId }).set({
      status,
      ...(step.deadline != null ? { deadline: step.deadline } : {}),
      updatedAt: at.timestamp,
    });
  }
  await db.insert(claimEvent).values({
    id: at.id,
    claimId,
    kind: step.kind,
    actor: step.actor ?? null,
    status,
    amountUsd: step.amountUsd ?? null,
    tokens: step.tokens ?? null,
    owedTokens: step.owedTokens ?? null,
    deadline: step.deadline ?? null,
    ruling: step.ruling ?? null,
    uri: step.uri ?? null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
}

/** A payout decided: `amountUsd`, as `tokens` pool tokens of which `paidTokens` are paid now. */
interface Payout {
  amountUsd: bigint;
  tokens: bigint;
  paidTokens: bigint;
}

/**
 * Records that `claimId` was decided a payout, on the claim, its policy and the totals. What is not
 * paid now is owed (PayoutOwed, then TranchePaid).
 */
async function recordClaimPaid(
  db: Db,
  manager: Address,
  claimId: bigint,
  policyId: bigint,
  { amountUsd, tokens, paidTokens }: Payout,
  at: Where,
) {
  const owedTokens = tokens - paidTokens;
  await db.update(claim, { id: claimId }).set({
    paidUsd: amountUsd,
    payoutTokens: tokens,
    paidTokens,
    owedTokens,
    resolvedAt: at.timestamp,
  });
  const policyRow = await db.find(policy, { id: policyId });
  if (policyRow) {
    const paidUsd = policyRow.paidUsd + amountUsd;
    await db.update(policy, { id: policyId }).set({ paidUsd, updatedAt: at.timestamp });
  }
  await addToCoverage(db, manager, at, {
    totalPaidUsd: amountUsd,
    totalPaidTokens: paidTokens,
    totalOwedTokens: owedTokens,
  });
  await linkPayout(db, at, { claimId });
}

/** A payout decided on `claimId` (accepted, settled, ruled, parametric): its step, then the payout itself. */
async function recordPayout(
  db: Db,
  manager: Address,
  at: Where,
  {
    claimId,
    policyId,
    payout,
    step,
  }: {
    claimId: bigint;
    policyId: bigint;
    payout: Payout;
    step: Omit<ClaimStep, "amountUsd" | "tokens" | "owedTokens">;
  },
) {
  const { amountUsd, tokens, paidTokens } = payout;
  await recordClaimStep(db, claimId, at, {
    ...step,
    amountUsd,
    tokens,
    owedTokens: tokens - paidTokens,
  });
  await recordClaimPaid(db, manager, claimId, policyId, payout, at);
}

// ---------------------------------------------------------------------------------------- dAPIs

ponder.on("ClaimsManager:DapiCapSet", async ({ event, context }) => {
  const at = where(event);
  const { dapiId, dapiName, chainId, capShare } = event.args;
  await context.db
    .insert(dapi)
    .values({
      id: dapiId,
      name: dapiName,
      nameText: bytes32ToText(dapiName),
      chainId,
      capShare,
      heartbeat: null,
      grace: null,
      policyCount: 0,
      totalCoverageUsd: 0n,
      updatedAt: at.timestamp,
    })
    .onConflictDoUpdate({ chainId, capShare, updatedAt: at.timestamp });
});

ponder.on("ClaimsManager:DapiFeedSet", async ({ event, context }) => {
  const at = where(event);
  const { dapiId, heartbeat, grace } = event.args;
  // Set with the dAPI's cap (DapiCapSet comes first) or later for a known dAPI.
  if (await context.db.find(dapi, { id: dapiId })) {
    await context.db
      .update(dapi, { id: dapiId })
      .set({ heartbeat, grace, updatedAt: at.timestamp });
  }
  await recordParameter(context.db, "DapiFeedSet", event, at);
});

// ------------------------------------------------------------------------------------- policies

ponder.on("ClaimsManager:PolicyCreated", async ({ event, context }) => {
  const at = where(event);
  const a = event.args;
  const dapiRow = await context.db.find(dapi, { id: a.dapiId });
  await context.db.insert(policy).values({
    id: a.policyId,
    number: policyNumber(a.policyId),
    claimant: a.claimant,
    dapiId: a.dapiId,
    dapiName: dapiRow?.name ?? null,
    chainId: dapiRow?.chainId ?? null,
    coverageUsd: a.coverageUsd,
    paidUsd: 0n,
    claimsAllowedFrom: a.claimsAllowedFrom,
    claimsAllowedUntil: a.claimsAllowedUntil,
    policyURI: a.policyURI,
    creator: a.creator,
    premium: a.premium,
    parametricVersion: null,
    claimCount: 0,
    createdAt: at.timestamp,
    createdTx: at.txHash,
    updatedAt: at.timestamp,
  });
  if (dapiRow) {
    const policyCount = dapiRow.policyCount + 1;
    const totalCoverageUsd = dapiRow.totalCoverageUsd + a.coverageUsd;
    await context.db
      .update(dapi, { id: a.dapiId })
      .set({ policyCount, totalCoverageUsd, updatedAt: at.timestamp });
  }
  const totals = await addToCoverage(context.db, event.log.address, at, {
    policyCount: 1,
    totalCoverageUsd: a.coverageUsd,
    totalPremiums: a.premium,
  });
  await context.db.insert(policyEvent).values({
    id: at.id,
    policyId: a.policyId,
    kind: "created",
    actor: a.creator,
    coverageUsd: a.coverageUsd,
    claimsAllowedUntil: a.claimsAllowedUntil,
    policyURI: a.policyURI,
    premium: a.premium,
    totalCoverageUsd: totals.totalCoverageUsd,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
});

/** Applies new terms to a policy (upgrade or downgrade) and records the change. */
async function changePolicy(
  db: Db,
  manager: Address,
  at: Where,
  change: {
    kind: "upgraded" | "downgraded";
    policyId: bigint;
    actor: Address | null;
    coverageUsd: bigint;
    claimsAllowedUntil: bigint;
    policyURI: string;
  },
) {
  const row = await db.find(policy, { id: change.policyId });
  const delta = row ? change.coverageUsd - row.coverageUsd : 0n;
  if (row) {
    const dapiId = row.dapiId;
    await db.update(policy, { id: change.policyId }).set({
      coverageUsd: change.coverageUsd,
      claimsAllowedUntil: change.claimsAllowedUntil,
      policyURI: change.policyURI,
      updatedAt: at.timestamp,
    });
    const dapiRow = await db.find(dapi, { id: dapiId });
    if (dapiRow) {
      const total = dapiRow.totalCoverageUsd + delta;
      await db
        .update(dapi, { id: dapiId })
        .set({ totalCoverageUsd: total, updatedAt: at.timestamp });
    }
  }
  const totals = await addToCoverage(db, manager, at, { totalCoverageUsd: delta });
  await db.insert(policyEvent).values({
    id: at.id,
    policyId: change.policyId,
    kind: change.kind,
    actor: change.actor,
    coverageUsd: change.coverageUsd,
    claimsAllowedUntil: change.claimsAllowedUntil,
    policyURI: change.policyURI,
    premium: 0n,
    totalCoverageUsd: totals.totalCoverageUsd,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
}

ponder.on("ClaimsManager:PolicyUpgraded", async ({ event, context }) => {
  const { policyId, agent, coverageUsd, claimsAllowedUntil, policyURI } = event.args;
  await changePolicy(context.db, event.log.address, where(event), {
    kind: "upgraded",
    policyId,
    actor: agent,
    coverageUsd,
    claimsAllowedUntil,
    policyURI,
  });
});

ponder.on("ClaimsManager:PolicyDowngraded", async ({ event, context }) => {
  const { policyId, coverageUsd, claimsAllowedUntil, policyURI } = event.args;
  await changePolicy(context.db, event.log.address, where(event), {
    kind: "downgraded",
    policyId,
    actor: event.transaction.from,
    coverageUsd,
    claimsAllowedUntil,
    policyURI,
  });
});

// --------------------------------------------------------------------------------------- claims

ponder.on("ClaimsManager:ClaimCreated", async ({ event, context }) => {
  const at = where(event);
  const { claimId, policyId, claimant, amountUsd, incidentAt, bond, deadline } = event.args;
  // The claimant's evidence is an ERC-1497 Evidence log of the same transaction, maybe already seen.
  const link = await context.db.find(schema.txClaimLink, { id: at.txHash });
  const evidenceURI = link?.evidenceURI ?? null;
  await context.db.insert(claim).values({
    id: claimId,
    number: claimNumber(claimId),
    policyId,
    claimant,
    amountUsd,
    incidentAt,
    bond,
    evidenceURI,
    status: "Pending",
    deadline,
    mediator: null,
    settlementUsd: null,
    arbitrator: null,
    disputeId: null,
    arbitrationCost: null,
    ruling: null,
    paidUsd: null,
    payoutTokens: null,
    paidTokens: null,
    owedTokens: null,
    payer: null,
    incidentId: null,
    createdAt: at.timestamp,
    createdTx: at.txHash,
    createdEventId: at.id,
    updatedAt: at.timestamp,
    resolvedAt: null,
  });
  const policyRow = await context.db.find(policy, { id: policyId });
  if (policyRow) {
    const claimCount = policyRow.claimCount + 1;
    await context.db.update(policy, { id: policyId }).set({ claimCount, updatedAt: at.timestamp });
  }
  await addToCoverage(context.db, event.log.address, at, { claimCount: 1 });
  await recordClaimStep(context.db, claimId, at, {
    kind: "created",
    status: "Pending",
    actor: claimant,
    amountUsd,
    tokens: bond,
    deadline,
    uri: evidenceURI,
  });
});

ponder.on("ClaimsManager:ClaimAccepted", async ({ event, context }) => {
  const at = where(event);
  const { claimId, policyId, mediator, amountUsd, tokens, paidTokens } = event.args;
  await context.db.update(claim, { id: claimId }).set({ mediator });
  await recordPayout(context.db, event.log.address, at, {
    claimId,
    policyId,
    payout: { amountUsd, tokens, paidTokens },
    step: { kind: "accepted", status: "PaidClaim", actor: mediator },
  });
});

// Parametric coverage (IClaimsParametric). Emitted after the policy's PolicyCreated / the claim's ClaimCreated.
ponder.on("ClaimsManager:ParametricPolicyBought", async ({ event, context }) => {
  const { policyId, definitionVersion } = event.args;
  if (await context.db.find(policy, { id: policyId })) {
    await context.db.update(policy, { id: policyId }).set({ parametricVersion: definitionVersion });
  }
});

ponder.on("ClaimsManager:ParametricClaimPaid", async ({ event, context }) => {
  const at = where(event);
  const { claimId, policyId, incidentId, amountUsd, tokens, paidTokens } = event.args;
  await context.db.update(claim, { id: claimId }).set({ incidentId });
  await recordPayout(context.db, event.log.address, at, {
    claimId,
    policyId,
    payout: { amountUsd, tokens, paidTokens },
    step: { kind: "parametricPaid", status: "PaidClaim", actor: event.transaction.from },
  });
});

ponder.on("ClaimsManager:SettlementProposed", async ({ event, context }) => {
  const at = where(event);
  const { claimId, mediator, settlementUsd, deadline } = event.args;
  await context.db.update(claim, { id: claimId }).set({ mediator, settlementUsd });
  await recordClaimStep(context.db, claimId, at, {
    kind: "settlementProposed",
    status: "SettlementProposed",
    actor: mediator,
    amountUsd: settlementUsd,
    deadline,
  });
});

ponder.on("ClaimsManager:ClaimRejected", async ({ event, context }) => {
  const at = where(event);
  const { claimId, mediator, deadline } = event.args;
  await context.db.update(claim, { id: claimId }).set({ mediator });
  await recordClaimStep(context.db, claimId, at, {
    kind: "rejected",
    status: "MediatorRejected",
    actor: mediator,
    deadline,
  });
});

ponder.on("ClaimsManager:SettlementAccepted", async ({ event, context }) => {
  const at = where(event);
  const { claimId, policyId, amountUsd, tokens, paidTokens } = event.args;
  await recordPayout(context.db, event.log.address, at, {
    claimId,
    policyId,
    payout: { amountUsd, tokens, paidTokens },
    step: { kind: "settlementAccepted", status: "PaidSettlement", actor: event.transaction.from },
  });
});

ponder.on("ClaimsManager:ClaimEscalated", async ({ event, context }) => {
  const at = where(event);
  const { claimId, arbitrator, disputeId, cost } = event.args;
  await context.db
    .update(claim, { id: claimId })
    .set({ arbitrator, disputeId, arbitrationCost: cost });
  await context.db
    .insert(dispute)
    .values({ ...newDispute(arbitrator, disputeId, claimId, at), cost })
    .onConflictDoUpdate({ claimId, cost });
  // The claims manager gives a silent arbitrator until then before anyone may close the dispute.
  const inactivity = (await context.db.find(coverage, { id: event.log.address }))
    ?.maxDisputeInactivity;
  await recordClaimStep(context.db, claimId, at, {
    kind: "escalated",
    status: "Disputed",
    actor: event.transaction.from,
    tokens: cost,
    deadline: inactivity != null ? at.timestamp + inactivity : null,
  });
});

/**
 * The claims manager announces a dispute (ERC-1497's `Dispute`, or Kleros v2's `DisputeRequest`) before its own
 * `ClaimEscalated` in the same transaction, so the dispute's row starts here; `ClaimEscalated` adds the cost.
 */
async function announceDispute(
  db: Db,
  arbitrator: Address,
  disputeId: bigint,
  claimId: bigint,
  at: Where,
  text: { metaEvidenceId: bigint | null; templateId: bigint | null },
) {
  await db
    .insert(dispute)
    .values({ ...newDispute(arbitrator, disputeId, claimId, at), ...text })
    .onConflictDoUpdate({ ...text, evidenceGroupId: claimId });
}

/** A dispute's row as it starts: no text, cost, ruling or appeal known yet. */
function newDispute(arbitrator: Address, disputeId: bigint, claimId: bigint, at: Where) {
  return {
    id: disputeKey(arbitrator, disputeId),
    arbitrator,
    disputeId,
    claimId,
    metaEvidenceId: null,
    templateId: null,
    evidenceGroupId: claimId,
    cost: 0n,
    status: "created",
    ruling: null,
    appealPeriodEnd: null,
    appealCount: 0,
    createdAt: at.timestamp,
    ruledAt: null,
  };
}

ponder.on("ClaimsManager:Dispute", async ({ event, context }) => {
  const { _arbitrator, _disputeID, _metaEvidenceID, _evidenceGroupID } = event.args;
  await announceDispute(context.db, _arbitrator, _disputeID, _evidenceGroupID, where(event), {
    metaEvidenceId: _metaEvidenceID,
    templateId: null,
  });
});

ponder.on("ClaimsManager:DisputeRequest", async ({ event, context }) => {
  const { _arbitrator, _arbitratorDisputeID, _externalDisputeID, _templateId } = event.args;
  await announceDispute(
    context.db,
    _arbitrator,
    _arbitratorDisputeID,
    _externalDisputeID,
    where(event),
    { metaEvidenceId: null, templateId: _templateId },
  );
});

ponder.on("ClaimsManager:Evidence", async ({ event, context }) => {
  const at = where(event);
  const { _arbitrator, _evidenceGroupID, _party, _evidence } = event.args;
  await context.db.insert(evidence).values({
    id: at.id,
    arbitrator: _arbitrator,
    evidenceGroupId: _evidenceGroupID,
    party: _party,
    uri: _evidence,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  // The claims manager uses the claim id as evidence group.
  const claimRow = await context.db.find(claim, { id: _evidenceGroupID });
  if (!claimRow) {
    // Filed with the claim, before its ClaimCreated log: ClaimCreated picks it up.
    await context.db
      .insert(schema.txClaimLink)
      .values({ id: at.txHash, claimId: null, payoutId: null, evidenceURI: _evidence })
      .onConflictDoUpdate({ evidenceURI: _evidence });
    return;
  }
  if (claimRow.createdTx === at.txHash) {
    // The claimant's evidence, filed with the claim: part of its creation step.
    await context.db.update(claim, { id: _evidenceGroupID }).set({ evidenceURI: _evidence });
    await context.db.update(claimEvent, { id: claimRow.createdEventId }).set({ uri: _evidence });
    return;
  }
  await recordClaimStep(context.db, _evidenceGroupID, at, {
    kind: "evidence",
    actor: _party,
    uri: _evidence,
  });
});

ponder.on("ClaimsManager:Ruling", async ({ event, context }) => {
  const at = where(event);
  const { _arbitrator, _disputeID, _ruling } = event.args;
  const key = disputeKey(_arbitrator, _disputeID);
  const disputeRow = await context.db.find(dispute, { id: key });
  const value = Number(_ruling);
  // The claims manager accepts and ignores a ruling on a dispute it closed as stalled.
  const ignored = disputeRow?.status === "closed";
  if (disputeRow) {
    await context.db
      .update(dispute, { id: key })
      .set({ status: ignored ? "closed" : "ruled", ruling: value, ruledAt: at.timestamp });
  }
  const claimId = disputeRow?.claimId ?? null;
  await context.db.insert(schema.ruling).values({
    id: at.id,
    disputeKey: key,
    claimId,
    ruling: value,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  if (claimId !== null) {
    if (!ignored) await context.db.update(claim, { id: claimId }).set({ ruling: value });
    await recordClaimStep(context.db, claimId, at, {
      kind: ignored ? "rulingIgnored" : "ruled",
      actor: _arbitrator,
      ruling: value,
    });
  }
});

ponder.on("ClaimsManager:RulingDeferred", async ({ event, context }) => {
  const { claimId, ruling } = event.args;
  await recordClaimStep(context.db, claimId, where(event), {
    kind: "rulingDeferred",
    status: "RulingPending",
    ruling: Number(ruling),
  });
});

ponder.on("ClaimsManager:RulingExecuted", async ({ event, context }) => {
  const at = where(event);
  const { claimId, policyId, ruling, status, amountUsd, tokens, paidTokens } = event.args;
  const claimRow = await context.db.find(claim, { id: claimId });
  const bond = claimRow?.bond ?? 0n;
  const step = {
    kind: "rulingExecuted",
    status: CLAIM_STATUS[status] ?? "None",
    actor: event.transaction.from,
    ruling: Number(ruling),
  } as const;
  const payout = { amountUsd, tokens, paidTokens };
  if (tokens > 0n || amountUsd > 0n) {
    await recordPayout(context.db, event.log.address, at, { claimId, policyId, payout, step });
  } else {
    await recordClaimStep(context.db, claimId, at, {
      ...step,
      amountUsd,
      tokens,
      owedTokens: tokens - paidTokens,
    });
    await context.db.update(claim, { id: claimId }).set({ resolvedAt: at.timestamp });
    await addToCoverage(context.db, event.log.address, at, { totalBondsForfeited: bond });
  }
});

ponder.on("ClaimsManager:ClaimTimedOut", async ({ event, context }) => {
  const at = where(event);
  const { claimId, bond } = event.args;
  await context.db.update(claim, { id: claimId }).set({ resolvedAt: at.timestamp });
  await recordClaimStep(context.db, claimId, at, {
    kind: "timedOut",
    status: "TimedOut",
    actor: event.transaction.from,
    tokens: bond,
  });
  await addToCoverage(context.db, event.log.address, at, { totalBondsForfeited: bond });
});

// ------------------------------------------------------------------------------ payouts owed

// Emitted while a payout is decided, before the claim's ClaimAccepted, SettlementAccepted or
// RulingExecuted (which carries the same amounts): the payer whose quota pays the rest.
ponder.on("ClaimsManager:PayoutOwed", async ({ event, context }) => {
  const { claimId, payer, owedTokens } = event.args;
  if (await context.db.find(claim, { id: claimId })) {
    await context.db.update(claim, { id: claimId }).set({ payer, owedTokens });
  }
});

ponder.on("ClaimsManager:TranchePaid", async ({ event, context }) => {
  const at = where(event);
  const { claimId, tokens, stillOwedTokens } = event.args;
  const claimRow = await context.db.find(claim, { id: claimId });
  if (claimRow) {
    await context.db.update(claim, { id: claimId }).set({
      paidTokens: (claimRow.paidTokens ?? 0n) + tokens,
      owedTokens: stillOwedTokens,
      updatedAt: at.timestamp,
    });
  }
  await recordClaimStep(context.db, claimId, at, {
    kind: "tranchePaid",
    actor: event.transaction.from,
    tokens,
    owedTokens: stillOwedTokens,
  });
  await addToCoverage(context.db, event.log.address, at, {
    totalPaidTokens: tokens,
    totalOwedTokens: -tokens,
  });
  await linkPayout(context.db, at, { claimId });
});

// -------------------------------------------------------------------------- stalled disputes

ponder.on("ClaimsManager:DisputeActivityNoted", async ({ event, context }) => {
  const { claimId, deadline } = event.args;
  await recordClaimStep(context.db, claimId, where(event), {
    kind: "disputeActivity",
    status: "Disputed",
    actor: event.transaction.from,
    deadline,
  });
});

ponder.on("ClaimsManager:StalledDisputeClosed", async ({ event, context }) => {
  const at = where(event);
  const { claimId, arbitrator, disputeId, bond } = event.args;
  await context.db.update(claim, { id: claimId }).set({ resolvedAt: at.timestamp });
  const key = disputeKey(arbitrator, disputeId);
  if (await context.db.find(dispute, { id: key })) {
    await context.db.update(dispute, { id: key }).set({ status: "closed" });
  }
  // The bond goes back to the claimant.
  await recordClaimStep(context.db, claimId, at, {
    kind: "disputeClosed",
    status: "DisputeClosed",
    actor: event.transaction.from,
    tokens: bond,
  });
});

// The pool pulls the stakers' premiums week by week, at its epoch starts.
ponder.on("ClaimsManager:PremiumsPulled", async ({ event, context }) => {
  const { past, current, treasuryAmount } = event.args;
  await addToCoverage(context.db, event.log.address, where(event), {
    totalPremiumsToStakers: past + current,
    totalPremiumsToTreasury: treasuryAmount,
  });
});

ponder.on("ClaimsManager:RewardsDistributed", async ({ event, context }) => {
  const { stakerAmount, treasuryAmount } = event.args;
  await addToCoverage(context.db, event.log.address, where(event), {
    totalDistributedToStakers: stakerAmount,
    totalDistributedToTreasury: treasuryAmount,
  });
});

// ---------------------------------------------------------------------------------------- roles

ponder.on("ClaimsManager:MediatorSet", async ({ event, context }) => {
  const at = where(event);
  await recordParameter(context.db, "MediatorSet", event, at);
  await loadCoverage(context.db, event.log.address, at);
  await context.db
    .update(coverage, { id: event.log.address })
    .set({ mediator: event.args.mediator, updatedAt: at.timestamp });
});

ponder.on("ClaimsManager:PrimaryAgentSet", async ({ event, context }) => {
  await recordParameter(context.db, "PrimaryAgentSet", event, where(event));
});

ponder.on("ClaimsManager:SecondaryAgentSet", async ({ event, context }) => {
  await recordParameter(context.db, "SecondaryAgentSet", event, where(event));
});

/** New disputes go to `arbitrator` (ERC-792's `ArbitratorSet` or Kleros v2's `ArbitratorV2Set`). */
async function recordArbitrator(
  db: Db,
  name: "ArbitratorSet" | "ArbitratorV2Set",
  event: { args: { arbitrator: Address }; log: { address: Address } },
  at: Where,
) {
  await recordParameter(db, name, event, at);
  await loadCoverage(db, event.log.address, at);
  await db
    .update(coverage, { id: event.log.address })
    .set({ arbitrator: event.args.arbitrator, updatedAt: at.timestamp });
}

ponder.on("ClaimsManager:ArbitratorSet", async ({ event, context }) => {
  await recordArbitrator(context.db, "ArbitratorSet", event, where(event));
});

ponder.on("ClaimsManager:ArbitratorV2Set", async ({ event, context }) => {
  await recordArbitrator(context.db, "ArbitratorV2Set", event, where(event));
});

ponder.on("ClaimsManager:WaitingPeriodSet", async ({ event, context }) => {
  const at = where(event);
  await recordParameter(context.db, "WaitingPeriodSet", event, at);
  await loadCoverage(context.db, event.log.address, at);
  await context.db
    .update(coverage, { id: event.log.address })
    .set({ waitingPeriod: event.args.waitingPeriod, updatedAt: at.timestamp });
});

ponder.on("ClaimsManager:MaxDisputeInactivitySet", async ({ event, context }) => {
  const at = where(event);
  await recordParameter(context.db, "MaxDisputeInactivitySet", event, at);
  await loadCoverage(context.db, event.log.address, at);
  await context.db
    .update(coverage, { id: event.log.address })
    .set({ maxDisputeInactivity: event.args.maxDisputeInactivity, updatedAt: at.timestamp });
});

for (const name of [
  "PolicyAgentSet",
  "PayoutQuotaSet",
  "TreasurySet",
  "PricingCurveSet",
  "CollateralizationRatioSet",
  "ClaimantBondSet",
  "MaxPriceAgeSet",
  "TreasuryShareSet",
  "PriceHaircutSet",
  "MetaEvidence",
  "ParametricRiskFactorSet",
  "IncidentPayoutCapSet",
] as const) {
  ponder.on(`ClaimsManager:${name}`, async ({ event, context }) => {
    await recordParameter(context.db, name, event, where(event));
  });
}
