/**
 * The stress view's maths: what a correlated failure of covered dAPIs would cost the stakers, computed offline from
 * a snapshot of chain state ({@link StressState}, read by `getStressState`). Pure: no I/O, exact integer maths
 * mirroring the contracts (ClaimsManager `_settle` / `payTranche`, `QuotaWindow`, StakingPool `payOutClaim`).
 *
 * The scenario, stated once:
 * - every active policy on a failing dAPI claims all it may still claim (its coverage less what was paid; what its
 *   open claims reserve counts as claimed again, so an open claim cannot add to it), and every claim is accepted
 *   by the mediator now, in policy order, at the pool token's price less the price drop;
 * - a payout is fixed in tokens then (rounded down) and cut so that all the claims manager owes never exceeds the
 *   stake (`_settle`); it is paid at once as far as the mediator's quota (`quotaShare` of the stake per rolling
 *   week, two weekly buckets) and the pool's payout cap (`payoutCap` of the stake per rolling week, all managers)
 *   allow, the rest owed and paid in FIFO tranches, each as soon as the windows give room (anyone may call
 *   `payTranche`);
 * - what was paid in the current windows before the scenario counts as paid in the current bucket (the views only
 *   tell how much is used, not when: conservative by at most one week);
 * - payouts lower the stake, which every share shares pro rata: stakes, pending unstakes (capped at their scheduled
 *   amount) and frozen exits, which also answer for the part of the exit that already left (`liable`, capped by what
 *   the frozen part is worth).
 *
 * *Holds* means every claim of the scenario is payable in full within the stake: no payout is cut.
 */

import { minOf, mulDiv } from "./mulDiv.ts";
import { usdToTokens, WAD } from "./premium.ts";

/** The payout windows' length: the pool's `PAYOUT_WINDOW` and the claims manager's `QuotaWindow.WINDOW`. */
export const PAYOUT_WINDOW = 604_800n;

/** The pool's payout cap unit (`payoutCap()`): 1e8 = 100%. */
const POOL_HUNDRED_PERCENT = 100_000_000n;

/** Basis points: 10,000 = 100% (the price drop's unit). */
export const BPS = 10_000n;

/** The most weekly windows a scenario is followed for before what is left counts as unpaid (10 years). */
export const DEFAULT_MAX_WEEKS = 520;

/** A policy as the stress view needs it. */
export interface StressPolicy {
  policyId: bigint;
  dapiId: bigint;
  /** What it may still claim: coverage less what was paid (USD, 18 decimals). */
  claimableUsd: bigint;
}

/** A staker's position: its staked shares and its pending unstake (all zero when none). */
export interface StressStaker {
  account: string;
  shares: bigint;
  pending: { shares: bigint; amount: bigint; frozen: boolean; liable: bigint };
}

/** A snapshot of the chain state a scenario starts from (see `getStressState`). */
export interface StressState {
  /** The block's timestamp. */
  now: bigint;
  /** The pool token's price (USD, 18 decimals: `tokenPrice()`). */
  price: bigint;
  tokenDecimals: number;
  /** The pool's `totalStake` as the payout checks read it (`payoutRoom()`). */
  totalStake: bigint;
  /** The pool's `totalShares`: share values are `shares * (totalStake + 1) / (totalShares + 1)`. */
  totalShares: bigint;
  /** The pool's `payoutCap()`: 1e8 = 100% of the stake per rolling week, all claims managers together. */
  payoutCap: bigint;
  /** Tokens the pool's window already counts (`totalStake * payoutCap - payoutRoom().available`). */
  poolWindowUsed: bigint;
  /** The mediator's quota (`payoutQuotaShare(mediator)`, WAD) of the stake per rolling week. */
  quotaShare: bigint;
  /**
   * Tokens the mediator's quota already counts: its limit less `availablePayoutQuota(mediator)`. That view reports
   * the pool's room when it is smaller, so this may overstate the quota's use (conservative from the next window on;
   * exact now, where the smaller room binds anyway).
   */
  quotaUsed: bigint;
  /** All the claims manager owes already (`owedTokens()`): the stake cap counts it. */
  owedTokens: bigint;
  /** The mediator's owed claims ahead in its queue, oldest first (`owedClaims(mediator)`). */
  queue: bigint[];
  /** Active policies. */
  policies: StressPolicy[];
  /** Stakers (with pending or frozen exits). */
  stakers: StressStaker[];
}

/** Options of a scenario. */
export interface StressOptions {
  /** A fall of the pool token's price, in basis points (3,000 = 30%), below 10,000. Default 0. */
  priceDropBps?: bigint;
  /** Weekly windows to follow the tranches for (default {@link DEFAULT_MAX_WEEKS}). */
  maxWeeks?: number;
}

/** One claim of a scenario. */
export interface StressClaim {
  policyId: bigint;
  dapiId: bigint;
  usd: bigint;
  /** The payout in tokens before the stake cap. */
  requestedTokens: bigint;
  /** The payout in tokens the claims manager fixes (after the stake cap). */
  tokens: bigint;
  /** Paid when it is accepted. */
  paidNow: bigint;
  /** Payments (the one at acceptance included) that pay it. */
  tranches: number;
  /** The week (0 = the current window) of its last payment; -1 if it pays nothing. */
  lastWeek: number;
}

/** One staker's loss in a scenario. */
export interface StressStakerLoss {
  account: string;
  /** What its position (stake, pending or frozen exit) is worth before. */
  before: bigint;
  /** What it loses, in tokens. */
  loss: bigint;
}

/** One weekly window of a scenario's payments. */
export interface StressWeek {
  /** 0 = the current window, 1 = the next, ... */
  week: number;
  /** When the window starts (unix seconds; the scenario's `now` for week 0). */
  startsAt: bigint;
  /** Tokens paid in it (this scenario's claims only). */
  paid: bigint;
  /** Payments in it (this scenario's claims only). */
  payments: number;
}

/** What a scenario costs. */
export interface StressResult {
  /** The failing dAPIs, ascending. */
  dapiIds: bigint[];
  priceDropBps: bigint;
  /** The price the payouts are fixed at. */
  price: bigint;
  claims: StressClaim[];
  /** What the claims ask, in USD. */
  totalUsd: bigint;
  /** What they ask in tokens at the price. */
  requestedTokens: bigint;
  /** What is payable in tokens (after the stake cap). */
  totalTokens: bigint;
  /** What the stake cannot pay (`requestedTokens - totalTokens`). */
  shortfallTokens: bigint;
  /** Every claim payable in full within the stake. */
  holds: boolean;
  stakeBefore: bigint;
  /** The stake once everything owed (the queue ahead and this scenario) is paid. */
  stakeAfter: bigint;
  /** This scenario's payouts as a share of the stake before (WAD): what every staker loses. */
  lossShare: bigint;
  stakers: StressStakerLoss[];
  /** Payments of this scenario (acceptances and tranches). */
  payments: number;
  /** Weekly windows with at least one payment of this scenario. */
  windows: number;
  /** Weeks from now until the last payment's window starts, plus one (0 if nothing is paid). */
  weeks: number;
  /** When the last payment can be made (unix seconds; undefined if nothing is paid). */
  paidBy?: bigint;
  /** Tokens still owed after `maxWeeks` windows (0 normally: a quota is a share of the stake, never 0). */
  unpaidTokens: bigint;
  schedule: StressWeek[];
}

/** A rolling window of two weekly buckets (the shape of `QuotaWindow.Quota` and the pool's `_payoutWindow`). */
interface Window {
  bucket: bigint;
  current: bigint;
  previous: bigint;
}

function windowUsed(w: Window, bucket: bigint): bigint {
  if (w.bucket === bucket) return w.current + w.previous;
  if (w.bucket + 1n === bucket) return w.current;
  return 0n;
}

function windowRoom(w: Window, bucket: bigint, limit: bigint): bigint {
  const used = windowUsed(w, bucket);
  return used >= limit ? 0n : limit - used;
}

function windowRecord(w: Window, bucket: bigint, amount: bigint): void {
  if (w.bucket === bucket) {
    w.current += amount;
    return;
  }
  w.previous = w.bucket + 1n === bucket ? w.current : 0n;
  w.bucket = bucket;
  w.current = amount;
}

/** The value of `shares` at a stake, as the pool values them (rounded down). */
function shareValue(shares: bigint, totalStake: bigint, totalShares: bigint): bigint {
  return mulDiv(shares, totalStake + 1n, totalShares + 1n);
}

/** The price after a drop of `priceDropBps` (rounded down: more tokens per USD, against the stakers). */
export function droppedPrice(price: bigint, priceDropBps: bigint): bigint {
  if (priceDropBps < 0n || priceDropBps >= BPS) {
    throw new RangeError(`price drop ${priceDropBps} bps is outside [0, 10000)`);
  }
  return mulDiv(price, BPS - priceDropBps, BPS);
}

/**
 * What a failure of `dapiIds` together would pay, when, and what each staker would lose (see the module's notes
 * for the exact scenario).
 *
 * @example
 * ```ts
 * const state = await getStressState(client, { claimsManager, pool, fromBlock });
 * const { totalTokens, lossShare, windows, holds } = stressScenario(state, [1n, 2n], { priceDropBps: 3000n });
 * ```
 */
export function stressScenario(
  state: StressState,
  dapiIds: readonly bigint[],
  options: StressOptions = {},
): StressResult {
  const priceDropBps = options.priceDropBps ?? 0n;
  const maxWeeks = options.maxWeeks ?? DEFAULT_MAX_WEEKS;
  const price = droppedPrice(state.price, priceDropBps);
  if (price === 0n) throw new RangeError("the price after the drop is zero");
  const failing = new Set(dapiIds);
  const ids = [...failing].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const policies = state.policies
    .filter((p) => failing.has(p.dapiId) && p.claimableUsd > 0n)
    .sort((a, b) => (a.policyId < b.policyId ? -1 : 1));

  const bucket0 = state.now / PAYOUT_WINDOW;
  const pool: Window = { bucket: bucket0, current: state.poolWindowUsed, previous: 0n };
  const quota: Window = { bucket: bucket0, current: state.quotaUsed, previous: 0n };
  let stake = state.totalStake;
  let owedAll = state.owedTokens;
  const room = (bucket: bigint) =>
    minOf(
      windowRoom(quota, bucket, (stake * state.quotaShare) / WAD),
      windowRoom(pool, bucket, (stake * state.payoutCap) / POOL_HUNDRED_PERCENT),
    );
  const pay = (bucket: bigint, amount: bigint) => {
    windowRecord(quota, bucket, amount);
    windowRecord(pool, bucket, amount);
    stake -= amount;
    owedAll -= amount;
  };

  // The FIFO queue: claims already owed (index -1), then this scenario's.
  const queue: { claim: number; owed: bigint }[] = state.queue
    .filter((owed) => owed > 0n)
    .map((owed) => ({ claim: -1, owed }));
  const schedule = new Map<number, StressWeek>();
  const claims: StressClaim[] = [];
  const note = (week: number, claim: number, amount: bigint) => {
    if (claim < 0) return;
    const entry = schedule.get(week) ?? {
      week,
      startsAt: week === 0 ? state.now : (bucket0 + BigInt(week)) * PAYOUT_WINDOW,
      paid: 0n,
      payments: 0,
    };
    entry.paid += amount;
    entry.payments += 1;
    schedule.set(week, entry);
    const c = claims[claim];
    if (c) {
      c.tranches += 1;
      c.lastWeek = week;
    }
  };

  // Acceptances, now, in policy order (`_settle`).
  for (const policy of policies) {
    const requestedTokens = usdToTokens(policy.claimableUsd, price, "floor", state.tokenDecimals);
    let tokens = requestedTokens;
    if (owedAll + tokens > stake) tokens = stake > owedAll ? stake - owedAll : 0n;
    const index = claims.length;
    claims.push({
      policyId: policy.policyId,
      dapiId: policy.dapiId,
      usd: policy.claimableUsd,
      requestedTokens,
      tokens,
      paidNow: 0n,
      tranches: 0,
      lastWeek: -1,
    });
    const paid = queue.length === 0 ? minOf(tokens, room(bucket0)) : 0n;
    owedAll += tokens;
    if (paid > 0n) {
      pay(bucket0, paid);
      note(0, index, paid);
      (claims[index] as StressClaim).paidNow = paid;
    }
    if (tokens > paid) queue.push({ claim: index, owed: tokens - paid });
  }

  // Tranches (`payTranche`): each as soon as the windows give room, the oldest owed claim first.
  let week = 0;
  for (; queue.length > 0 && week < maxWeeks; week++) {
    const bucket = bucket0 + BigInt(week);
    for (;;) {
      const head = queue[0];
      if (!head) break;
      const paid = minOf(head.owed, room(bucket));
      if (paid === 0n) break;
      pay(bucket, paid);
      note(week, head.claim, paid);
      head.owed -= paid;
      if (head.owed === 0n) queue.shift();
    }
  }
  const unpaidTokens = queue.reduce((sum, entry) => sum + (entry.claim >= 0 ? entry.owed : 0n), 0n);

  const requestedTokens = claims.reduce((sum, c) => sum + c.requestedTokens, 0n);
  const totalTokens = claims.reduce((sum, c) => sum + c.tokens, 0n);
  const totalUsd = claims.reduce((sum, c) => sum + c.usd, 0n);
  const weeksList = [...schedule.values()].sort((a, b) => a.week - b.week);
  const lastWeek = weeksList.at(-1)?.week;
  const paidThisScenario = totalTokens - unpaidTokens;
  const stakeBefore = state.totalStake;
  const stakeAfterScenario = stakeBefore - paidThisScenario;

  return {
    dapiIds: ids,
    priceDropBps,
    price,
    claims,
    totalUsd,
    requestedTokens,
    totalTokens,
    shortfallTokens: requestedTokens - totalTokens,
    holds: requestedTokens === totalTokens,
    stakeBefore,
    stakeAfter: stake,
    lossShare: stakeBefore === 0n ? 0n : mulDiv(paidThisScenario, WAD, stakeBefore),
    stakers: state.stakers.map((s) =>
      stakerLoss(s, stakeBefore, stakeAfterScenario, state.totalShares),
    ),
    payments: weeksList.reduce((sum, w) => sum + w.payments, 0),
    windows: weeksList.length,
    weeks: lastWeek === undefined ? 0 : lastWeek + 1,
    paidBy:
      lastWeek === undefined
        ? undefined
        : lastWeek === 0
          ? state.now
          : (bucket0 + BigInt(lastWeek)) * PAYOUT_WINDOW,
    unpaidTokens,
    schedule: weeksList,
  };
}

/**
 * A staker's loss when the stake falls from `stakeBefore` to `stakeAfter` with the shares unchanged: its staked
 * shares lose their value's share, a pending unstake pays `min(amount, value)`, and a frozen exit also answers for
 * `liable` tokens times the payouts' share of the stake, capped by what it is still worth.
 */
export function stakerLoss(
  staker: StressStaker,
  stakeBefore: bigint,
  stakeAfter: bigint,
  totalShares: bigint,
): StressStakerLoss {
  const stakedBefore = shareValue(staker.shares, stakeBefore, totalShares);
  const stakedAfter = shareValue(staker.shares, stakeAfter, totalShares);
  const { pending } = staker;
  const pendingBefore = minOf(pending.amount, shareValue(pending.shares, stakeBefore, totalShares));
  let pendingAfter = minOf(pending.amount, shareValue(pending.shares, stakeAfter, totalShares));
  if (pending.frozen && pending.liable > 0n && stakeBefore > 0n) {
    const charge = mulDiv(pending.liable, stakeBefore - stakeAfter, stakeBefore, "ceil");
    pendingAfter = pendingAfter > charge ? pendingAfter - charge : 0n;
  }
  const before = stakedBefore + pendingBefore;
  return { account: staker.account, before, loss: before - (stakedAfter + pendingAfter) };
}

/** The dAPIs with something to claim: active policies with coverage left. */
export function stressedDapis(state: StressState): bigint[] {
  const ids = new Set<bigint>();
  for (const p of state.policies) if (p.claimableUsd > 0n) ids.add(p.dapiId);
  return [...ids].sort((a, b) => (a < b ? -1 : 1));
}

/** Whether `a` is a worse scenario than `b`: more tokens paid, then more asked, then longer. */
function worse(a: StressResult, b: StressResult): boolean {
  if (a.totalTokens !== b.totalTokens) return a.totalTokens > b.totalTokens;
  if (a.requestedTokens !== b.requestedTokens) return a.requestedTokens > b.requestedTokens;
  return a.weeks > b.weeks;
}

/**
 * The worst single dAPI and the worst pair (most tokens paid, then most asked, then longest to pay; the lowest ids
 * on a tie), over the dAPIs with active coverage. `pair` is undefined with fewer than two such dAPIs, both with none.
 */
export function worstScenarios(
  state: StressState,
  options: StressOptions = {},
): { single?: StressResult; pair?: StressResult } {
  const ids = stressedDapis(state);
  let single: StressResult | undefined;
  let pair: StressResult | undefined;
  for (const [i, a] of ids.entries()) {
    const one = stressScenario(state, [a], options);
    if (!single || worse(one, single)) single = one;
    for (const b of ids.slice(i + 1)) {
      const two = stressScenario(state, [a, b], options);
      if (!pair || worse(two, pair)) pair = two;
    }
  }
  return { single, pair };
}

/**
 * The largest price drop (basis points) at which a failure of `dapiIds` still *holds* (every claim payable in full
 * within the stake): `undefined` if it does not hold even at today's price, 9,999 if it holds at any drop below 100%.
 * Holding only gets harder as the price falls (the same USD needs more tokens), so a binary search finds it.
 */
export function breakingPriceDrop(
  state: StressState,
  dapiIds: readonly bigint[],
): bigint | undefined {
  const holds = (bps: bigint) => stressScenario(state, dapiIds, { priceDropBps: bps }).holds;
  if (!holds(0n)) return undefined;
  let low = 0n; // holds
  let high = BPS; // a drop of 100% never holds (no price)
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (holds(mid)) low = mid;
    else high = mid;
  }
  return low;
}
