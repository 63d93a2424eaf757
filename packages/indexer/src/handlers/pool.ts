/**
 * StakingPool: stakers, the pool's totals after every event (pool_event), unstakes, rewards and
 * APR, payouts, share eras, delegation and the pool's governed parameters.
 * Totals come from the event when it carries them and from the `pool` row otherwise.
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import { type Address, zeroAddress } from "viem";
import { sharePrice } from "../math.ts";
import { type Db, linkPayout, recordParameter, type Where, where } from "./common.ts";

const { aprUpdate, payout, pool, poolEvent, reward, staker, unstake } = schema;

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
    era: 0n,
    epoch: null,
    streamRemaining: 0n,
    eventCount: 0,
    updatedBlock: at.blockNumber,
    updatedAt: at.timestamp,
  });
  return { ...created };
}

/**
 * A copy of the staker row (see {@link loadPool}), created empty on first use. Shares and a pending
 * unstake from an ended share era read as 0 (the pool voids them).
 */
async function loadStaker(db: Db, user: Address, at: Where, era: bigint) {
  const existing = await db.find(staker, { id: user });
  if (existing) {
    if (existing.era === era) return { ...existing };
    const voided = {
      shares: 0n,
      pendingUnstakeShares: 0n,
      pendingUnstakeAmount: 0n,
      pendingUnstakeMaturesAt: 0n,
      pendingUnstakeId: null,
      votingPower: 0n, // a wipe-out voids the votes held, delegated ones included
      era,
    };
    await db.update(staker, { id: user }).set(voided);
    return { ...existing, ...voided };
  }
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
    era,
    totalVesting: 0n,
    vestingEnd: null,
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

type PoolRow = Awaited<ReturnType<typeof loadPool>>;

/** Applies a change to the pool row and appends the `pool_event` row with the totals after it. */
async function recordPoolEvent(
  db: Db,
  current: PoolRow,
  at: Where,
  change: PoolChange,
  extra: Partial<PoolRow> = {},
) {
  const totalStake = change.totalStake ?? current.totalStake;
  const totalShares = change.totalShares ?? current.totalShares;
  const price = sharePrice(totalStake, totalShares);
  await db.update(pool, { id: current.id }).set({
    totalStake,
    totalShares,
    sharePrice: price,
    stakerCount: Math.max(0, current.stakerCount + (change.stakerCountDelta ?? 0)),
    totalDeposited: current.totalDeposited + (change.deposited ?? 0n),
    totalWithdrawn: current.totalWithdrawn + (change.withdrawn ?? 0n),
    totalPaidOut: current.totalPaidOut + (change.paidOut ?? 0n),
    totalRewards: current.totalRewards + (change.rewards ?? 0n),
    pendingUnstakeShares: current.pendingUnstakeShares + (change.pendingShares ?? 0n),
    pendingUnstakeAmount: current.pendingUnstakeAmount + (change.pendingAmount ?? 0n),
    eventCount: current.eventCount + 1,
    updatedBlock: at.blockNumber,
    updatedAt: at.timestamp,
    ...extra,
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
  return { totalStake, totalShares, sharePrice: price };
}

/** Whether a staker with `before` shares starts/stops counting as a staker with `after` shares. */
const stakerDelta = (before: bigint, after: bigint) =>
  before === 0n && after > 0n ? 1 : before > 0n && after === 0n ? -1 : 0;

// -------------------------------------------------------------------------------------- staking

ponder.on("StakingPool:Deposited", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, userUnstaked } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const row = await loadStaker(context.db, user, at, p.era);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    totalDeposited: row.totalDeposited + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, p, at, {
    kind: "deposit",
    user,
    amount,
    shares: 0n,
    deposited: amount,
  });
});

ponder.on("StakingPool:VestingDeposited", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, end, userUnstaked } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const row = await loadStaker(context.db, user, at, p.era);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    totalDeposited: row.totalDeposited + amount,
    totalVesting: row.totalVesting + amount,
    vestingEnd: row.vestingEnd !== null && row.vestingEnd > end ? row.vestingEnd : end,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, p, at, {
    kind: "vestingDeposit",
    user,
    amount,
    shares: 0n,
    deposited: amount,
  });
});

ponder.on("StakingPool:Withdrawn", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, userUnstaked } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const row = await loadStaker(context.db, user, at, p.era);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    totalWithdrawn: row.totalWithdrawn + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, p, at, {
    kind: "withdraw",
    user,
    amount,
    shares: 0n,
    withdrawn: amount,
  });
});

ponder.on("StakingPool:Staked", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, mintedShares, userShares, userUnstaked, totalShares, totalStake } =
    event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const row = await loadStaker(context.db, user, at, p.era);
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    shares: userShares,
    totalStaked: row.totalStaked + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, p, at, {
    kind: "stake",
    user,
    amount,
    shares: mintedShares,
    totalStake,
    totalShares,
    stakerCountDelta: stakerDelta(row.shares, userShares),
  });
});

ponder.on("StakingPool:UnstakeScheduled", async ({ event, context }) => {
  const at = where(event);
  const { user, amount, shares, maturesAt, userShares, totalShares, totalStake } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const row = await loadStaker(context.db, user, at, p.era);
  await context.db.update(staker, { id: user }).set({
    shares: userShares,
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
  await recordPoolEvent(context.db, p, at, {
    kind: "unstakeScheduled",
    user,
    amount,
    shares,
    totalStake,
    totalShares,
    stakerCountDelta: stakerDelta(row.shares, userShares),
    pendingShares: shares,
    pendingAmount: amount,
  });
});

ponder.on("StakingPool:Unstaked", async ({ event, context }) => {
  const at = where(event);
  const { user, caller, amount, shares, userUnstaked, totalShares, totalStake } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const before = await context.db.find(staker, { id: user });
  const pendingId = before?.pendingUnstakeId ?? null;
  const row = await loadStaker(context.db, user, at, p.era);
  if (pendingId) {
    await context.db.update(unstake, { id: pendingId }).set({
      status: "executed",
      executedAmount: amount,
      executedBy: caller,
      executedAt: at.timestamp,
      executedTx: at.txHash,
    });
  }
  await context.db.update(staker, { id: user }).set({
    unstaked: userUnstaked,
    pendingUnstakeShares: 0n,
    pendingUnstakeAmount: 0n,
    pendingUnstakeMaturesAt: 0n,
    pendingUnstakeId: null,
    totalUnstaked: row.totalUnstaked + amount,
    updatedAt: at.timestamp,
  });
  await recordPoolEvent(context.db, p, at, {
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

// --------------------------------------------------------------------------------------- claims

ponder.on("StakingPool:PaidOutClaim", async ({ event, context }) => {
  const at = where(event);
  const { claimsManager, recipient, amount, totalStake } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  const after = await recordPoolEvent(context.db, p, at, {
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
    sharePrice: after.sharePrice,
    claimId: null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  await linkPayout(context.db, at, { payoutId: at.id });
});

ponder.on("StakingPool:ShareEraEnded", async ({ event, context }) => {
  const at = where(event);
  const { era, voidedShares, forfeitedStake } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  await recordPoolEvent(
    context.db,
    p,
    at,
    {
      kind: "eraEnded",
      user: null,
      amount: forfeitedStake,
      shares: voidedShares,
      totalStake: 0n,
      totalShares: 0n,
    },
    {
      era: era + 1n,
      stakerCount: 0,
      pendingUnstakeShares: 0n,
      pendingUnstakeAmount: 0n,
      streamRemaining: p.streamRemaining + forfeitedStake,
    },
  );
  if (forfeitedStake > 0n) {
    await context.db.insert(reward).values({
      id: at.id,
      kind: "forfeited",
      from: null,
      amount: forfeitedStake,
      epoch: p.epoch,
      streamRemaining: p.streamRemaining + forfeitedStake,
      totalStake: 0n,
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      txHash: at.txHash,
    });
  }
});

// -------------------------------------------------------------------------------------- rewards

ponder.on("StakingPool:EpochStarted", async ({ event, context }) => {
  const at = where(event);
  const { epoch, apr, reward: minted, streamRemaining, totalStake } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  await recordPoolEvent(
    context.db,
    p,
    at,
    { kind: "epoch", user: null, amount: minted, shares: 0n, totalStake, rewards: minted },
    { apr, epoch, streamRemaining },
  );
  await context.db.insert(aprUpdate).values({
    id: at.id,
    apr,
    epoch,
    totalStake,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  await context.db.insert(reward).values({
    id: at.id,
    kind: "mint",
    from: null,
    amount: minted,
    epoch,
    streamRemaining,
    totalStake,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
});

ponder.on("StakingPool:RewardMintFailed", async ({ event, context }) => {
  const at = where(event);
  const { epoch, amount } = event.args;
  await context.db.insert(reward).values({
    id: at.id,
    kind: "mintFailed",
    from: null,
    amount,
    epoch,
    streamRemaining: null,
    totalStake: null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
});

ponder.on("StakingPool:RewardsAdded", async ({ event, context }) => {
  const at = where(event);
  // Since issue #13 the amount is queued (`queued`: the queue's total), to stream over the next epoch: the stream
  // itself does not change here.
  const { from, amount } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  await recordPoolEvent(
    context.db,
    p,
    at,
    { kind: "rewardsAdded", user: from, amount, shares: 0n, rewards: amount },
    {},
  );
  await context.db.insert(reward).values({
    id: at.id,
    kind: "added",
    from,
    amount,
    epoch: p.epoch,
    streamRemaining: null,
    totalStake: p.totalStake,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
});

// ------------------------------------------------------------------------------------- delegation

ponder.on("StakingPool:DelegateChanged", async ({ event, context }) => {
  const at = where(event);
  const { delegator, fromDelegate, toDelegate } = event.args;
  const p = await loadPool(context.db, event.log.address, at);
  await loadStaker(context.db, delegator, at, p.era);
  const self = toDelegate === delegator || toDelegate === zeroAddress;
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
  const p = await loadPool(context.db, event.log.address, at);
  await loadStaker(context.db, delegate, at, p.era);
  await context.db
    .update(staker, { id: delegate })
    .set({ votingPower: newVotes, updatedAt: at.timestamp });
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

for (const name of [
  "VestingManagerSet",
  "PrimaryAgentSet",
  "SecondaryAgentSet",
  "MinAprSet",
  "MaxAprSet",
  "AprUpdateStepSet",
  "StakeTargetSet",
] as const) {
  ponder.on(`StakingPool:${name}`, async ({ event, context }) => {
    await recordParameter(context.db, name, event, where(event));
  });
}
