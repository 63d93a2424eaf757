/**
 * The indexer's tables. Amounts are token base units (bigint), shares are pool shares, times are
 * unix seconds (bigint), `sharePrice` is tokens per share scaled by 1e18. Every history row carries
 * the block, the transaction and the log index it came from; `id` of a history row is the log's
 * ponder id (`event.id`), unique and ordered like the chain.
 */
import { index, onchainTable, relations } from "ponder";

// ------------------------------------------------------------------------------------------ pool

/** The pool's current totals (one row, id = pool address). */
export const pool = onchainTable("pool", (t) => ({
  id: t.hex().primaryKey(),
  totalStake: t.bigint().notNull(),
  totalShares: t.bigint().notNull(),
  sharePrice: t.bigint().notNull(),
  /** Latest APR as the pool reports it (null until the pool emits one). */
  apr: t.bigint(),
  /** Stakers with staked shares > 0. */
  stakerCount: t.integer().notNull(),
  totalDeposited: t.bigint().notNull(),
  totalWithdrawn: t.bigint().notNull(),
  totalPaidOut: t.bigint().notNull(),
  totalRewards: t.bigint().notNull(),
  pendingUnstakeShares: t.bigint().notNull(),
  pendingUnstakeAmount: t.bigint().notNull(),
  /** Of the pending unstakes, the parts frozen while claims are open (included in the two above). */
  frozenUnstakeShares: t.bigint().notNull(),
  frozenUnstakeAmount: t.bigint().notNull(),
  /** What released frozen exits paid the stakers for the payouts made while they were frozen. */
  totalFrozenCharges: t.bigint().notNull(),
  unstakeWaitPeriod: t.bigint(),
  /** Longest a matured exit stays frozen (MaxFreezeSet), seconds. */
  maxFreeze: t.bigint(),
  /** Share of the stake that payouts may take per payout window (PayoutCapSet, 1e18 = 100%). */
  payoutCap: t.bigint(),
  /** Share era: a payout of the whole stake voids every share and starts the next era. */
  era: t.bigint().notNull(),
  /** Stakers' premiums pulled from claims managers at epoch starts (PremiumsPulled). */
  totalPremiums: t.bigint().notNull(),
  /** Latest epoch started (EpochStarted), null before the first. */
  epoch: t.bigint(),
  /** Rewards still streaming into the stake, as of the last epoch start or wipe-out. */
  streamRemaining: t.bigint().notNull(),
  eventCount: t.integer().notNull(),
  updatedBlock: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** One row per staker (anyone who ever deposited), with their current position. */
export const staker = onchainTable(
  "staker",
  (t) => ({
    id: t.hex().primaryKey(),
    /** Deposited and not staked (includes locked rewards and unvested tokens). */
    unstaked: t.bigint().notNull(),
    /** Staked shares, not counting a pending unstake. */
    shares: t.bigint().notNull(),
    pendingUnstakeShares: t.bigint().notNull(),
    pendingUnstakeAmount: t.bigint().notNull(),
    /**
     * Unix time at which the pending unstake can execute (0 when none); for a frozen one, its latest
     * release (it goes earlier once no claim is open).
     */
    pendingUnstakeMaturesAt: t.bigint().notNull(),
    /** The pending unstake is the frozen part of a matured exit (see `unstake`). */
    pendingUnstakeFrozen: t.boolean().notNull(),
    /** `unstake.id` of the pending unstake, null when none. */
    pendingUnstakeId: t.text(),
    /** Who this staker delegates to (null: votes themselves). */
    delegate: t.hex(),
    /** Voting power as last reported by the pool's DelegateVotesChanged. */
    votingPower: t.bigint().notNull(),
    /** Share era of `shares` and the pending unstake; older than `pool.era` means void (read as 0). */
    era: t.bigint().notNull(),
    /** Tokens deposited with a vesting schedule, and when the last schedule ends. */
    totalVesting: t.bigint().notNull(),
    vestingEnd: t.bigint(),
    totalDeposited: t.bigint().notNull(),
    totalWithdrawn: t.bigint().notNull(),
    totalStaked: t.bigint().notNull(),
    totalUnstaked: t.bigint().notNull(),
    firstSeenAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ sharesIdx: index().on(table.shares) }),
);

/**
 * Everything that moved the pool, with the pool's totals right after it: the source of the stake,
 * share price and payout charts. kind: deposit | vestingDeposit | withdraw | stake |
 * unstakeScheduled | unstake | unstakeFrozen (a matured exit met open claims: part left, the rest
 * stays frozen) | unstakeReleased (that frozen part left) | payout | epoch (reward minted, APR set) |
 * rewardsAdded | eraEnded.
 */
export const poolEvent = onchainTable(
  "pool_event",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    user: t.hex(),
    amount: t.bigint().notNull(),
    shares: t.bigint().notNull(),
    totalStake: t.bigint().notNull(),
    totalShares: t.bigint().notNull(),
    sharePrice: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({
    timestampIdx: index().on(table.timestamp),
    userIdx: index().on(table.user),
    kindIdx: index().on(table.kind),
  }),
);

/**
 * Scheduled unstakes and their execution. status: pending | frozen | executed | void (a wipe-out
 * ended its share era first; set when its staker is next seen). An exit executed
 * while claims are open leaves in part (`executed*`) and the rest stays frozen (`frozen*`) until no
 * claim is open or `releasesAt`; its release (`released*`) pays the frozen part less `charge`, its
 * share of the payouts made meanwhile. `status` is executed once nothing of it is pending.
 */
export const unstake = onchainTable(
  "unstake",
  (t) => ({
    id: t.text().primaryKey(),
    user: t.hex().notNull(),
    shares: t.bigint().notNull(),
    /** Amount scheduled (an upper bound on what executes). */
    amount: t.bigint().notNull(),
    maturesAt: t.bigint().notNull(),
    status: t.text().notNull(),
    scheduledAt: t.bigint().notNull(),
    scheduledTx: t.hex().notNull(),
    /** The first execution: what it paid (all of it, or the part that was not frozen). */
    executedAmount: t.bigint(),
    executedBy: t.hex(),
    executedAt: t.bigint(),
    executedTx: t.hex(),
    /** The frozen part (UnstakeFrozen): its shares, its value then, what it also answers for. */
    frozenShares: t.bigint(),
    frozenAmount: t.bigint(),
    liable: t.bigint(),
    /** The open claims' exposure (tokens) that froze it, and its latest release. */
    openExposure: t.bigint(),
    releasesAt: t.bigint(),
    frozenAt: t.bigint(),
    frozenTx: t.hex(),
    /**
     * The release of the frozen part (FrozenUnstakeReleased): paid, and kept for the stakers as the
     * event reports it (the pool reports min(charge, amount paid): a charge above half the frozen
     * part's value reads smaller than what was kept).
     */
    releasedAmount: t.bigint(),
    charge: t.bigint(),
    releasedAt: t.bigint(),
    releasedTx: t.hex(),
  }),
  (table) => ({ userIdx: index().on(table.user), statusIdx: index().on(table.status) }),
);

/**
 * Rewards flowing into the stake. kind: mint (the epoch's mint) | mintFailed (the pool could not
 * mint) | premiums (a claims manager's premiums the pool pulled at an epoch start: `released` of
 * them, of past weeks, at once, the rest streamed over the epoch) | premiumPullFailed (the claims
 * manager keeps them for the next epoch start; amount 0) | added (addRewards: forfeited bonds,
 * donations, queued for the next epoch; `queued` is the queue's total then) | forfeited (stake
 * voided by a wipe-out, queued for the next stakers).
 */
export const reward = onchainTable(
  "reward",
  (t) => ({
    id: t.text().primaryKey(),
    kind: t.text().notNull(),
    from: t.hex(),
    amount: t.bigint().notNull(),
    epoch: t.bigint(),
    released: t.bigint(),
    queued: t.bigint(),
    streamRemaining: t.bigint(),
    totalStake: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** The APR of every epoch (EpochStarted). `apr` is the pool's unit (1e18 = 100%). */
export const aprUpdate = onchainTable(
  "apr_update",
  (t) => ({
    id: t.text().primaryKey(),
    apr: t.bigint().notNull(),
    epoch: t.bigint(),
    totalStake: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp) }),
);

/** Claim payouts from the stake (the pool's PaidOutClaim), with the stake left after each. */
export const payout = onchainTable(
  "payout",
  (t) => ({
    id: t.text().primaryKey(),
    claimsManager: t.hex().notNull(),
    recipient: t.hex().notNull(),
    amount: t.bigint().notNull(),
    totalStakeBefore: t.bigint().notNull(),
    totalStake: t.bigint().notNull(),
    sharePrice: t.bigint().notNull(),
    /** The claim paid, when the claims manager's event in the same transaction names it. */
    claimId: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ timestampIdx: index().on(table.timestamp), txIdx: index().on(table.txHash) }),
);

/**
 * Claims managers the DAO authorized (current state): an authorized one pays from `activatesAt`, a
 * revoked one may still pay `owed` tokens (what it owed when revoked).
 */
export const claimsManager = onchainTable("claims_manager", (t) => ({
  id: t.hex().primaryKey(),
  authorized: t.boolean().notNull(),
  activatesAt: t.bigint().notNull(),
  owed: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Governed parameter changes of any contract (name = the event's name, value as text). */
export const parameterChange = onchainTable(
  "parameter_change",
  (t) => ({
    id: t.text().primaryKey(),
    contract: t.hex().notNull(),
    name: t.text().notNull(),
    value: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ nameIdx: index().on(table.name) }),
);

// -------------------------------------------------------------------------------------- coverage

/** The claims manager's totals (one row, id = claims manager address). */
export const coverage = onchainTable("coverage", (t) => ({
  id: t.hex().primaryKey(),
  policyCount: t.integer().notNull(),
  claimCount: t.integer().notNull(),
  /** Sum of the current coverage of every policy ever created (expired included), USD 18 decimals. */
  totalCoverageUsd: t.bigint().notNull(),
  totalPremiums: t.bigint().notNull(),
  /** Stakers' premiums the pool pulled, and the treasury's share set aside then (PremiumsPulled). */
  totalPremiumsToStakers: t.bigint().notNull(),
  totalPremiumsToTreasury: t.bigint().notNull(),
  /**
   * Sent by RewardsDistributed: to the pool (forfeited bonds, and the treasury's premiums while no
   * treasury is set), to the treasury (its premiums).
   */
  totalDistributedToStakers: t.bigint().notNull(),
  totalDistributedToTreasury: t.bigint().notNull(),
  /** The USD payouts decided, and the pool tokens paid of them so far. */
  totalPaidUsd: t.bigint().notNull(),
  totalPaidTokens: t.bigint().notNull(),
  /** Pool tokens of decided payouts not paid yet (beyond a payer's quota: paid in tranches). */
  totalOwedTokens: t.bigint().notNull(),
  totalBondsForfeited: t.bigint().notNull(),
  mediator: t.hex(),
  arbitrator: t.hex(),
  /** Seconds after a policy's start before incidents are covered (WaitingPeriodSet). */
  waitingPeriod: t.bigint(),
  /** Seconds a dispute may stay silent before anyone may close it (MaxDisputeInactivitySet). */
  maxDisputeInactivity: t.bigint(),
  updatedAt: t.bigint().notNull(),
}));

/** Covered dAPIs (from DapiCapSet) with the coverage sold on each. */
export const dapi = onchainTable("dapi", (t) => ({
  id: t.bigint().primaryKey(),
  /** bytes32 dAPI name, and the same decoded as text. */
  name: t.hex().notNull(),
  nameText: t.text().notNull(),
  chainId: t.bigint().notNull(),
  capShare: t.bigint().notNull(),
  /** How the claims manager judges the feed (DapiFeedSet): heartbeat (0: not served here) and grace, seconds. */
  heartbeat: t.bigint(),
  grace: t.bigint(),
  policyCount: t.integer().notNull(),
  totalCoverageUsd: t.bigint().notNull(),
  updatedAt: t.bigint().notNull(),
}));

/** Policies with their current terms. */
export const policy = onchainTable(
  "policy",
  (t) => ({
    id: t.bigint().primaryKey(),
    /** The policy's sequence number (1, 2, ...), what the CLI and the dashboard show; `id` packs its terms. */
    number: t.bigint().notNull(),
    claimant: t.hex().notNull(),
    dapiId: t.bigint().notNull(),
    /** The dAPI's bytes32 name and chain (from its DapiCapSet; null if unknown). */
    dapiName: t.hex(),
    chainId: t.bigint(),
    coverageUsd: t.bigint().notNull(),
    /** What claims on this policy were paid so far (USD). */
    paidUsd: t.bigint().notNull(),
    claimsAllowedFrom: t.bigint().notNull(),
    claimsAllowedUntil: t.bigint().notNull(),
    policyURI: t.text().notNull(),
    creator: t.hex().notNull(),
    premium: t.bigint().notNull(),
    /** Parametric policies: the incident-definition version pinned at purchase (ParametricPolicyBought); else null. */
    parametricVersion: t.bigint(),
    claimCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    numberIdx: index().on(table.number),
    claimantIdx: index().on(table.claimant),
    dapiIdx: index().on(table.dapiId),
  }),
);

/** A policy's history. kind: created | upgraded | downgraded. */
export const policyEvent = onchainTable(
  "policy_event",
  (t) => ({
    id: t.text().primaryKey(),
    policyId: t.bigint().notNull(),
    kind: t.text().notNull(),
    actor: t.hex(),
    coverageUsd: t.bigint().notNull(),
    claimsAllowedUntil: t.bigint().notNull(),
    policyURI: t.text().notNull(),
    premium: t.bigint().notNull(),
    /** `coverage.totalCoverageUsd` after this event (for the coverage chart). */
    totalCoverageUsd: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ policyIdx: index().on(table.policyId), timestampIdx: index().on(table.timestamp) }),
);

/**
 * Claims with their current stage. status: the contract's ClaimStatus name (Pending,
 * SettlementProposed, MediatorRejected, Disputed, RulingPending, PaidClaim, PaidSettlement, Refused,
 * TimedOut, DisputeClosed); `deadline` ends the current stage's response period (for a dispute: the
 * time after which a silent arbitrator's dispute may be closed). A decided payout of `paidUsd` is
 * `payoutTokens` pool tokens, of which `paidTokens` are paid and `owedTokens` still owed (paid in
 * tranches within `payer`'s quota).
 */
export const claim = onchainTable(
  "claim",
  (t) => ({
    id: t.bigint().primaryKey(),
    /** The claim's sequence number (1, 2, ...), what the CLI and the dashboard show; `id` packs its policy. */
    number: t.bigint().notNull(),
    policyId: t.bigint().notNull(),
    claimant: t.hex().notNull(),
    amountUsd: t.bigint().notNull(),
    /** When the incident started (unix seconds), as the claimant declared it. */
    incidentAt: t.bigint().notNull(),
    bond: t.bigint().notNull(),
    /** The claimant's evidence (the ERC-1497 Evidence of the claim's creation). */
    evidenceURI: t.text(),
    status: t.text().notNull(),
    deadline: t.bigint().notNull(),
    mediator: t.hex(),
    settlementUsd: t.bigint(),
    arbitrator: t.hex(),
    disputeId: t.bigint(),
    arbitrationCost: t.bigint(),
    ruling: t.integer(),
    paidUsd: t.bigint(),
    payoutTokens: t.bigint(),
    paidTokens: t.bigint(),
    owedTokens: t.bigint(),
    /** Whose payout quota pays what is owed (PayoutOwed: the mediator, the arbitrator or the incident registry). */
    payer: t.hex(),
    /** Parametric claims: the IncidentRegistry record (of the policy's dAPI) that paid it; else null. */
    incidentId: t.bigint(),
    createdAt: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    /** `claim_event.id` of the claim's creation. */
    createdEventId: t.text().notNull(),
    updatedAt: t.bigint().notNull(),
    resolvedAt: t.bigint(),
  }),
  (table) => ({
    numberIdx: index().on(table.number),
    policyIdx: index().on(table.policyId),
    claimantIdx: index().on(table.claimant),
    statusIdx: index().on(table.status),
  }),
);

/**
 * Every step of every claim, in chain order. kind: created | accepted | settlementProposed |
 * rejected | settlementAccepted | escalated | evidence | appealPossible | appealed | disputeActivity
 * (the arbitrator's activity pushed the inactivity deadline) | ruled | rulingIgnored (a ruling after
 * the dispute was closed) | rulingDeferred | rulingExecuted | tranchePaid | disputeClosed (closed as
 * stalled, bond returned) | timedOut | parametricPaid (paid on an incident record, no mediator). `deadline` is the new stage's deadline when it has one;
 * `tokens` the payout decided (or paid, for a tranche; the bond or fee otherwise) and `owedTokens`
 * what remains owed of it.
 */
export const claimEvent = onchainTable(
  "claim_event",
  (t) => ({
    id: t.text().primaryKey(),
    claimId: t.bigint().notNull(),
    kind: t.text().notNull(),
    actor: t.hex(),
    status: t.text().notNull(),
    amountUsd: t.bigint(),
    tokens: t.bigint(),
    owedTokens: t.bigint(),
    deadline: t.bigint(),
    ruling: t.integer(),
    uri: t.text(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ claimIdx: index().on(table.claimId), timestampIdx: index().on(table.timestamp) }),
);

/**
 * Disputes of escalated claims, ERC-792 or Kleros v2 (id = `<arbitrator>-<disputeId>`); the text jurors read is
 * ERC-1497 meta-evidence `metaEvidenceId` (ERC-792) or the registered dispute template `templateId` (v2), the
 * claim's evidence is under `evidenceGroupId` (the claim id; v2's external dispute id). status: created |
 * appealable (a ruling was given, appeals open until `appealPeriodEnd`) | appealed | ruled (final
 * ruling delivered to the claims manager) | closed (closed as stalled; a later ruling is ignored).
 * `ruling` is the latest ruling given or delivered.
 */
export const dispute = onchainTable(
  "dispute",
  (t) => ({
    id: t.text().primaryKey(),
    arbitrator: t.hex().notNull(),
    disputeId: t.bigint().notNull(),
    claimId: t.bigint().notNull(),
    metaEvidenceId: t.bigint(),
    templateId: t.bigint(),
    evidenceGroupId: t.bigint(),
    cost: t.bigint().notNull(),
    status: t.text().notNull(),
    ruling: t.integer(),
    appealPeriodEnd: t.bigint(),
    appealCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    ruledAt: t.bigint(),
  }),
  (table) => ({ claimIdx: index().on(table.claimId) }),
);

/** Appeals of disputes (id = `<dispute id>-<round>`; round 1 is the first appeal). */
export const appeal = onchainTable(
  "appeal",
  (t) => ({
    id: t.text().primaryKey(),
    disputeKey: t.text().notNull(),
    claimId: t.bigint(),
    round: t.integer().notNull(),
    /** Who appealed and the fee paid (the local arbitrator's Appealed; null from other arbitrators). */
    appellant: t.hex(),
    fee: t.bigint(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ disputeIdx: index().on(table.disputeKey) }),
);

/** Final rulings given to the claims manager (ERC-792 Ruling). 0 refuse, 1 pay claim, 2 pay settlement. */
export const ruling = onchainTable(
  "ruling",
  (t) => ({
    id: t.text().primaryKey(),
    disputeKey: t.text().notNull(),
    claimId: t.bigint(),
    ruling: t.integer().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ claimIdx: index().on(table.claimId) }),
);

/** ERC-1497 evidence submitted for claims (evidence group = claim id). */
export const evidence = onchainTable(
  "evidence",
  (t) => ({
    id: t.text().primaryKey(),
    arbitrator: t.hex().notNull(),
    evidenceGroupId: t.bigint().notNull(),
    party: t.hex().notNull(),
    uri: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ groupIdx: index().on(table.evidenceGroupId) }),
);

/**
 * Per transaction: the payout and the claim it paid, and the evidence announced, so that logs of
 * one transaction find each other whatever their order (internal).
 */
export const txClaimLink = onchainTable("tx_claim_link", (t) => ({
  id: t.hex().primaryKey(),
  payoutId: t.text(),
  claimId: t.bigint(),
  evidenceURI: t.text(),
}));

// ------------------------------------------------------------------------------------ governance

/** Delegation changes of pool votes (the pool's DelegateChanged). */
export const delegation = onchainTable(
  "delegation",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    fromDelegate: t.hex().notNull(),
    toDelegate: t.hex().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ delegatorIdx: index().on(table.delegator), toIdx: index().on(table.toDelegate) }),
);

/**
 * Proposals of both Governors (id = `<governor>-<proposalId>`). status: created | queued | executed |
 * canceled (whether a created proposal is active, defeated or succeeded depends on time and votes:
 * ask the Governor's `state`). Tallies are sums of the votes cast.
 */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.text().primaryKey(),
    governor: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    proposer: t.hex().notNull(),
    targets: t.json().$type<string[]>().notNull(),
    values: t.json().$type<string[]>().notNull(),
    calldatas: t.json().$type<string[]>().notNull(),
    description: t.text().notNull(),
    voteStart: t.bigint().notNull(),
    voteEnd: t.bigint().notNull(),
    status: t.text().notNull(),
    eta: t.bigint(),
    forVotes: t.bigint().notNull(),
    againstVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    voteCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdTx: t.hex().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({ governorIdx: index().on(table.governor), proposerIdx: index().on(table.proposer) }),
);

/** Votes cast (id = `<governor>-<proposalId>-<voter>`). support: 0 against, 1 for, 2 abstain. */
export const vote = onchainTable(
  "vote",
  (t) => ({
    id: t.text().primaryKey(),
    proposal: t.text().notNull(),
    governor: t.hex().notNull(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    support: t.integer().notNull(),
    weight: t.bigint().notNull(),
    reason: t.text().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    txHash: t.hex().notNull(),
  }),
  (table) => ({ proposalIdx: index().on(table.proposal), voterIdx: index().on(table.voter) }),
);

// ------------------------------------------------------------------------------------- relations

export const stakerRelations = relations(staker, ({ many }) => ({
  events: many(poolEvent),
  unstakes: many(unstake),
}));

export const poolEventRelations = relations(poolEvent, ({ one }) => ({
  staker: one(staker, { fields: [poolEvent.user], references: [staker.id] }),
}));

export const policyRelations = relations(policy, ({ many, one }) => ({
  claims: many(claim),
  events: many(policyEvent),
  dapi: one(dapi, { fields: [policy.dapiId], references: [dapi.id] }),
}));

export const policyEventRelations = relations(policyEvent, ({ one }) => ({
  policy: one(policy, { fields: [policyEvent.policyId], references: [policy.id] }),
}));

export const claimRelations = relations(claim, ({ many, one }) => ({
  policy: one(policy, { fields: [claim.policyId], references: [policy.id] }),
  events: many(claimEvent),
  disputes: many(dispute),
}));

export const claimEventRelations = relations(claimEvent, ({ one }) => ({
  claim: one(claim, { fields: [claimEvent.claimId], references: [claim.id] }),
}));

export const disputeRelations = relations(dispute, ({ one }) => ({
  claim: one(claim, { fields: [dispute.claimId], references: [claim.id] }),
}));

export const proposalRelations = relations(proposal, ({ many }) => ({
  votes: many(vote),
}));

export const voteRelations = relations(vote, ({ one }) => ({
  proposal: one(proposal, { fields: [vote.proposal], references: [proposal.id] }),
}));

export const unstakeRelations = relations(unstake, ({ one }) => ({
  staker: one(staker, { fields: [unstake.user], references: [staker.id] }),
}));
