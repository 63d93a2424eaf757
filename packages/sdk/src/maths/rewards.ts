import { minOf, mulDiv } from "./mulDiv.ts";

/** 100% for `apr`, `stakeTarget` and their bounds (`RewardMath.HUNDRED_PERCENT`). */
export const HUNDRED_PERCENT = 100_000_000n;
/** Seconds in the reward year (`RewardMath.YEAR`, 365 days). */
export const YEAR = 365n * 86_400n;
/** Seconds in an epoch (one week). */
export const EPOCH = 7n * 86_400n;

/** The reward controller's parameters, as the pool stores them (percentages in `HUNDRED_PERCENT` units). */
export interface AprParameters {
  stakeTarget: bigint;
  aprUpdateStep: bigint;
  minApr: bigint;
  maxApr: bigint;
}

/**
 * The next epoch's APR (`RewardMath.nextApr`): one `aprUpdateStep` up if less than `stakeTarget` of the
 * token supply is staked, one down otherwise, clipped to [`minApr`, `maxApr`].
 *
 * @example
 * ```ts
 * const next = nextApr(apr, totalStake, tokenSupply, { stakeTarget, aprUpdateStep, minApr, maxApr });
 * ```
 */
export function nextApr(
  apr: bigint,
  totalStake: bigint,
  supply: bigint,
  parameters: AprParameters,
): bigint {
  let next = apr;
  if (totalStake * HUNDRED_PERCENT < parameters.stakeTarget * supply)
    next += parameters.aprUpdateStep;
  else next = next > parameters.aprUpdateStep ? next - parameters.aprUpdateStep : 0n;
  if (next < parameters.minApr) return parameters.minApr;
  return minOf(next, parameters.maxApr);
}

/**
 * The reward for `totalStake` at `apr` over `duration` seconds, rounded down (`RewardMath.reward`).
 *
 * @example
 * ```ts
 * const weekly = rewardFor(totalStake, apr, EPOCH);
 * ```
 */
export function rewardFor(totalStake: bigint, apr: bigint, duration: bigint): bigint {
  return mulDiv(totalStake, apr * duration, YEAR * HUNDRED_PERCENT);
}

/**
 * Tokens not vested yet of a schedule of `amount` from `start` to `end` at `time`, rounded up
 * (`RewardMath.unvested`).
 *
 * @example
 * ```ts
 * const stillLocked = unvested(amount, start, end, now);
 * ```
 */
export function unvested(amount: bigint, start: bigint, end: bigint, time: bigint): bigint {
  if (time >= end) return 0n;
  if (time <= start) return amount;
  return mulDiv(amount, end - time, end - start, "ceil");
}

/**
 * An APR in the pool's units (`HUNDRED_PERCENT` = 100%) as a percentage, e.g. `formatApr(37_500_000n)` = `"37.5%"`.
 *
 * @example
 * ```ts
 * formatApr(2_500_000n) // "2.5%"
 * ```
 */
export function formatApr(apr: bigint): string {
  const hundredths = mulDiv(apr, 10_000n, HUNDRED_PERCENT);
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""}%`;
}

/**
 * What `withdraw` allows: at most the unstaked balance, and what stays in the pool (unstaked, staked value and
 * what the pending unstake would pay, `pendingUnstakeOf(user).amount`) must still cover the locked rewards
 * (`lockedRewardsOf`) and the unvested tokens. Saturates at zero.
 *
 * @example
 * ```ts
 * const max = withdrawable({ unstaked, stakeValue, pending: 0n, locked, unvested: 0n });
 * ```
 */
export function withdrawable(position: {
  unstaked: bigint;
  stakeValue: bigint;
  /** What the pending unstake would pay now (0 without one). */
  pending: bigint;
  locked: bigint;
  unvested: bigint;
}): bigint {
  const held = position.locked + position.unvested;
  const total = position.unstaked + position.stakeValue + position.pending;
  if (total <= held) return 0n;
  const free = total - held;
  return minOf(free, position.unstaked);
}

/** The pool's reward stream (`rewardStream()`): `remaining` tokens released linearly until `end`. */
export interface RewardStream {
  remaining: bigint;
  lastUpdate: bigint;
  end: bigint;
}

/**
 * Rewards the stream has released since its last update, at `now` (rounded down): all of `remaining` once
 * its epoch is over, else the linear part `remaining * (now - lastUpdate) / (end - lastUpdate)`.
 *
 * @example
 * ```ts
 * const [remaining, lastUpdate, , end] = await getRewardStream(client, { pool });
 * const released = streamedReward({ remaining, lastUpdate, end }, now);
 * ```
 */
export function streamedReward(stream: RewardStream, now: bigint): bigint {
  if (stream.remaining === 0n || now <= stream.lastUpdate) return 0n;
  if (now / EPOCH !== stream.lastUpdate / EPOCH || now >= stream.end) return stream.remaining;
  return mulDiv(stream.remaining, now - stream.lastUpdate, stream.end - stream.lastUpdate);
}

/** Lumps queued in the pool (`queuedRewards()`): `amount` that arrived in `epoch`, to stream over the next one. */
export interface QueuedRewards {
  amount: bigint;
  epoch: bigint;
}

/**
 * The totals the pool prices shares with at `now` (its `_accrued()` state): the stored `totalStake()` plus
 * what the reward stream released since. Nothing streams while stakers hold fewer shares than
 * `minFirstStake` (the pool's `MIN_FIRST_STAKE`: it waits in the queue). At a new epoch not started yet, the
 * last epoch's stream and lumps queued before it (`queued`, when their epoch of streaming passed without a
 * call) are released; this epoch's premiums and reward, set by the next transaction, are not.
 * `convertToShares`, `convertToAssets`, `stakeOf` and the next `stake` all use these.
 *
 * @example
 * ```ts
 * const totals = accruedTotals({ totalStake, totalShares }, stream, block.timestamp, queued, minFirstStake);
 * const shares = toSharesDown(amount, totals);
 * ```
 */
export function accruedTotals(
  totals: { totalStake: bigint; totalShares: bigint },
  stream: RewardStream,
  now: bigint,
  queued: QueuedRewards = { amount: 0n, epoch: 0n },
  minFirstStake: bigint = 10n ** 18n,
): { totalStake: bigint; totalShares: bigint } {
  if (totals.totalShares < minFirstStake || now === stream.lastUpdate) return totals;
  let released: bigint;
  if (now / EPOCH === stream.lastUpdate / EPOCH) released = streamedReward(stream, now);
  else {
    const idle = queued.amount !== 0n && queued.epoch + 1n < now / EPOCH ? queued.amount : 0n;
    released = stream.remaining + idle;
  }
  return { ...totals, totalStake: totals.totalStake + released };
}
