/**
 * StakingPool: stakers, the pool's totals after every event, unstakes and payouts.
 * Each handler writes the rows of exactly one event; totals come from the event when it carries
 * them and from the `pool` row otherwise.
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import { type Address, zeroAddress as ZERO_ADDRESS } from "viem";
import { sharePrice } from "../math.ts";
import { type Db, linkPayout, recordParameter, type Where, where } from "./common.ts";

const { payout, pool, poolEvent, staker, unstake } = schema;

/**
 * The pool row, created empty on first use. A copy: ponder's store updates its cached rows in
 * place, and handlers compare values from before their own update.
 */
export async function loadPool(db: Db, address: Address, at: Where) {
  const existing = await db.find(pool, { id: address });
  if (existing) return { ...existing };
  const created = await db.insert(pool).values({
    id: address,
    totalStake: 0n,
    totalShares: 0n,
    sharePrice: sharePrice(0n, 0n),
    apr: null,
    stakerCount: 0,
    totalDeposited: 0n,
    totalWithdrawn: 0n,
    totalPaidOut: 0n,
    totalRewards: 0n,
    pendingUnstakeShares: 0n,
    pendingUnstakeAmount: 0n,
    unstakeWaitPeriod: null,
    eventCount: 0,
    updatedBlock: at.blockNumber,
    updatedAt: at.timestamp,
  });
  return { ...created };
}

/** A copy of the staker row (see {@link loadPool}), created empty on first use. */
async function loadStaker(db: Db, user: Address, at: Where) {
  const existing = await db.find(staker, { id: user });
  if (existing) return { ...existing };
  const created = await db.insert(staker).values({
    id: user,
    unstaked: 0n,
    shares: 0n,
    pendingUnstakeShares: 0n,
    pendingUnstakeAmount: 0n,
    pendingUnstakeMaturesAt: 0n,
    pendingUnstakeId: null,
    delegate: null,
    votingPower: 0n,
    totalDeposited: 0n,
    totalWithdrawn: 0n,
    totalStaked: 0n,
    totalUnstaked: 0n,
    firstSeenAt: at.timestamp,
    updatedAt: at.timestamp,
  });
  return { ...created };
}

interface PoolChange {
  kind: string;
  user: Address | null;
  amount: bigint;
  shares: bigint;
  /** Totals after the event; omitted = unchanged. */
  totalStake?: bigint;
  totalShares?: bigint;
  stakerCountDelta?: number;
  deposited?: bigint;
  withdrawn?: bigint;
  paidOut?: bigint;
  rewards?: bigint;
  pendingShares?: bigint;
  pendingAmount?: bigint;
}

/** Applies a change to the pool row and appends the `pool_event` row with the totals after it. */
export async function recordPoolEvent(db: Db, address: Address, at: Where, change: PoolChange) {
  const current = await loadPool(db, address, at);
  const totalStake = change.totalStake ?? current.totalStake;
  const totalShares = change.totalShares ?? current.totalShares;
  const price = sharePrice(totalStake, totalShares);
  await db.update(pool, { id: address }).set({
    totalStake,
    totalShares,
    sharePrice: price,
    stakerCount: current.stakerCount + (change.stakerCountDelta ?? 0),
    totalDeposited: current.totalDeposited + (change.deposited ?? 0n),
    totalWithdrawn: current.totalWithdrawn + (change.withdrawn ?? 0n),
    totalPaidOut: current.totalPaidOut + (change.paidOut ?? 0n),
    totalRewards: current.totalRewards + (change.rewards ?? 0n),
    pendingUnstakeShares: current.pendingUnstakeShares + (change.pendingShares ?? 0n),
    pendingUnstakeAmount: current.pendingUnstakeAmount + (change.pendingAmount ?? 0n),
    eventCount: current.eventCount + 1,
    updatedBlock: at.blockNumber,
    updatedAt: at.timestamp,
  });
  await db.insert(poolEvent).values({
    id: at.id,
    kind: change.kind,
    user: change.user,
    amount: change.amount,
    shares: change.shares,
    totalStake,
    totalShares,
    sharePrice: price,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  return { before: current, totalStake, totalShares, sharePrice: price };
}

ponder.on("StakingPool:Deposited", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, userUnstaked } = event.args;
  const row = await loadStaker(context.db, user, at);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    totalDeposited: row.totalDeposited + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, event.log.address, at, {
    kind: "deposit",
    user,
    amount,
    shares: 0n,
    deposited: amount,
  });
});

ponder.on("StakingPool:Withdrawn", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, userUnstaked } = event.args;
  const row = await loadStaker(context.db, user, at);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    totalWithdrawn: row.totalWithdrawn + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, event.log.address, at, {
    kind: "withdraw",
    user,
    amount,
    shares: 0n,
    withdrawn: amount,
  });
});

ponder.on("StakingPool:Staked", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, mintedShares, userShares, totalShares, totalStake } = event.args;
  const row = await loadStaker(context.db, user, at);
  await context.db.update(staker, { id: user }).set({
    unstaked: row.unstaked >= amount ? row.unstaked - amount : 0n,
    shares: userShares,
    totalStaked: row.totalStaked + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, event.log.address, at, {
    kind: "stake",
    user,
    amount,
    shares: mintedShares,
    totalStake,
    totalShares,
    stakerCountDelta: row.shares === 0n && userShares > 0n ? 1 : 0,
  });
});

ponder.on("StakingPool:UnstakeScheduled", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, shares, maturesAt, totalShares, totalStake } = event.args;
  const row = await loadStaker(context.db, user, at);
  const remaining = row.shares >= shares ? row.shares - shares : 0n;
  await context.db.update(staker, { id: user }).set({
    shares: remaining,
    pendingUnstakeShares: shares,
    pendingUnstakeAmount: amount,
    pendingUnstakeMaturesAt: maturesAt,
    pendingUnstakeId: at.id,
    updatedAt: at.timestamp,
  });
  await context.db.insert(unstake).values({
    id: at.id,
    user,
    shares,
    amount,
    maturesAt,
    status: "pending",
    scheduledAt: at.timestamp,
    scheduledTx: at.txHash,
  });
  await recordPoolEvent(context.db, event.log.address, at, {
    kind: "unstakeScheduled",
    user,
    amount,
    shares,
    totalStake,
    totalShares,
    stakerCountDelta: row.shares > 0n && remaining === 0n ? -1 : 0,
    pendingShares: shares,
    pendingAmount: amount,
  });
});

ponder.on("StakingPool:Unstaked", async ({ event, context }) => {
  const at = where(event);
  const { user, caller, amount, shares, totalShares, totalStake } = event.args;
  const row = await loadStaker(context.db, user, at);
  if (row.pendingUnstakeId) {
    await context.db.update(unstake, { id: row.pendingUnstakeId }).set({
      status: "executed",
      executedAmount: amount,
      executedBy: caller,
      executedAt: at.timestamp,
      executedTx: at.txHash,
    });
  }
  await context.db.update(staker, { id: user }).set({
    unstaked: row.unstaked + amount,
    pendingUnstakeShares: 0n,
    pendingUnstakeAmount: 0n,
    pendingUnstakeMaturesAt: 0n,
    pendingUnstakeId: null,
    totalUnstaked: row.totalUnstaked + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, event.log.address, at, {
    kind: "unstake",
    user,
    amount,
    shares,
    totalStake,
    totalShares,
    pendingShares: -row.pendingUnstakeShares,
    pendingAmount: -row.pendingUnstakeAmount,
  });
});

ponder.on("StakingPool:PaidOutClaim", async ({ event, context }) => {
  const at = where(event);
  const { claimsManager, recipient, amount, totalStake } = event.args;
  const result = await recordPoolEvent(context.db, event.log.address, at, {
    kind: "payout",
    user: recipient,
    amount,
    shares: 0n,
    totalStake,
    paidOut: amount,
  });
  await context.db.insert(payout).values({
    id: at.id,
    claimsManager,
    recipient,
    amount,
    totalStakeBefore: totalStake + amount,
    totalStake,
    sharePrice: result.sharePrice,
    claimId: null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  await linkPayout(context.db, at, { payoutId: at.id });
});

// ------------------------------------------------------------------------------------ governance

ponder.on("StakingPool:ClaimsManagerSet", async ({ event, context }) => {
  const at = where(event);
  const { claimsManager, authorized } = event.args;
  await context.db
    .insert(schema.claimsManager)
    .values({ id: claimsManager, authorized, updatedAt: at.timestamp })
    .onConflictDoUpdate({ authorized, updatedAt: at.timestamp });
  await recordParameter(context.db, "ClaimsManagerSet", event, at);
});

ponder.on("StakingPool:UnstakeWaitPeriodSet", async ({ event, context }) => {
  const at = where(event);
  await loadPool(context.db, event.log.address, at);
  await context.db
    .update(pool, { id: event.log.address })
    .set({ unstakeWaitPeriod: event.args.unstakeWaitPeriod });
  await recordParameter(context.db, "UnstakeWaitPeriodSet", event, at);
});

// ------------------------------------------------------------------------------------- delegation

ponder.on("StakingPool:DelegateChanged", async ({ event, context }) => {
  const at = where(event);
  const { delegator, fromDelegate, toDelegate } = event.args;
  await loadStaker(context.db, delegator, at);
  const self = toDelegate === delegator || toDelegate === ZERO_ADDRESS;
  await context.db
    .update(staker, { id: delegator })
    .set({ delegate: self ? null : toDelegate, updatedAt: at.timestamp });
  await context.db.insert(schema.delegation).values({
    id: at.id,
    delegator,
    fromDelegate,
    toDelegate,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
});

ponder.on("StakingPool:DelegateVotesChanged", async ({ event, context }) => {
  const at = where(event);
  const { delegate, newVotes } = event.args;
  await loadStaker(context.db, delegate, at);
  await context.db
    .update(staker, { id: delegate })
    .set({ votingPower: newVotes, updatedAt: at.timestamp });
});
