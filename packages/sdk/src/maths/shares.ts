import { minOf, mulDiv } from "./mulDiv.ts";

/** The pool's virtual share and virtual token (`ShareMath.VIRTUAL_SHARES` / `VIRTUAL_ASSETS`). */
export const VIRTUAL_SHARES = 1n;
export const VIRTUAL_ASSETS = 1n;

/** Shares burned by the first stake of a share era (`DEAD_SHARES`), so `totalShares` never returns to 0. */
export const DEAD_SHARES = 1000n;

/** The two totals that price a share (`totalStake()`, `totalShares()`). */
export interface PoolTotals {
  totalStake: bigint;
  totalShares: bigint;
}

/**
 * Shares worth `assets` at the price `(totalStake + 1) / (totalShares + 1)`, rounded down: what `stake`
 * mints and what `convertToShares` returns (against the staker).
 *
 * @example
 * ```ts
 * const shares = toSharesDown(parseAmount("100", 18), { totalStake, totalShares });
 * ```
 */
export function toSharesDown(assets: bigint, totals: PoolTotals): bigint {
  return mulDiv(assets, totals.totalShares + VIRTUAL_SHARES, totals.totalStake + VIRTUAL_ASSETS);
}

/**
 * The shares a stake of `amount` gives the staker (`stake` / `depositAndStake`): {@link toSharesDown} at
 * the accrued totals, less the {@link DEAD_SHARES} the first stake of a share era pays for. Zero means the
 * stake would revert: with `ZeroSharesMinted`, or `FirstStakeTooSmall` for an era's first stake below
 * `minFirstStake` (the pool's `MIN_FIRST_STAKE`, one token of 18 decimals by default).
 *
 * @example
 * ```ts
 * const shares = sharesMinted(parseAmount("100", 18), accruedTotals(totals, stream, now));
 * ```
 */
export function sharesMinted(
  amount: bigint,
  totals: PoolTotals,
  minFirstStake = 10n ** 18n,
): bigint {
  const minted = toSharesDown(amount, totals);
  if (totals.totalShares === 0n && amount < minFirstStake) return 0n;
  const dead = totals.totalShares === 0n ? DEAD_SHARES : 0n;
  return minted > dead ? minted - dead : 0n;
}

/**
 * The least the first stake of a share era may be for a token of `decimals` (the pool's `MIN_FIRST_STAKE`: one
 * whole token), or 0 when the era already has shares. A smaller first stake reverts with `FirstStakeTooSmall`.
 *
 * @example
 * ```ts
 * if (amount < minFirstStakeFor(totals, 18)) throw new Error("stake at least one token");
 * ```
 */
export function minFirstStakeFor(totals: PoolTotals, decimals: number): bigint {
  return totals.totalShares === 0n ? 10n ** BigInt(decimals) : 0n;
}

/**
 * Tokens worth `shares`, rounded down: what `convertToAssets`, `stakeOf` and `scheduleUnstake` give
 * (values paid or credited to a user).
 *
 * @example
 * ```ts
 * const value = toAssetsDown(shares, { totalStake, totalShares });
 * ```
 */
export function toAssetsDown(shares: bigint, totals: PoolTotals): bigint {
  return mulDiv(shares, totals.totalStake + VIRTUAL_ASSETS, totals.totalShares + VIRTUAL_SHARES);
}

/**
 * Tokens worth `shares`, rounded up: amounts held back from a user (locked rewards).
 *
 * @example
 * ```ts
 * const locked = toAssetsUp(lockedShares, { totalStake, totalShares });
 * ```
 */
export function toAssetsUp(shares: bigint, totals: PoolTotals): bigint {
  return mulDiv(
    shares,
    totals.totalStake + VIRTUAL_ASSETS,
    totals.totalShares + VIRTUAL_SHARES,
    "ceil",
  );
}

/**
 * Shares needed so that scheduling their unstake yields at least `assets` tokens (rounded up), capped by
 * nothing: compare with the staker's shares yourself.
 *
 * @example
 * ```ts
 * const shares = sharesForAssetsUp(parseAmount("200", 18), totals);
 * ```
 */
export function sharesForAssetsUp(assets: bigint, totals: PoolTotals): bigint {
  return mulDiv(
    assets,
    totals.totalShares + VIRTUAL_SHARES,
    totals.totalStake + VIRTUAL_ASSETS,
    "ceil",
  );
}

/**
 * The value of one whole share (`unit` shares, 10^18 by default) in token base units, rounded down.
 *
 * @example
 * ```ts
 * formatAmount(sharePrice(totals), 18) // "1.0213"
 * ```
 */
export function sharePrice(totals: PoolTotals, unit = 10n ** 18n): bigint {
  return toAssetsDown(unit, totals);
}

/**
 * What executing a pending unstake credits: the scheduled amount, or less if payouts lowered the share
 * price since (`min(amount, toAssetsDown(shares))`); never more, so a pending unstake earns nothing.
 *
 * @example
 * ```ts
 * const credited = unstakePayout(await getPendingUnstake(client, { pool, user }), totals);
 * ```
 */
export function unstakePayout(
  pending: { shares: bigint; amount: bigint },
  totals: PoolTotals,
): bigint {
  const value = toAssetsDown(pending.shares, totals);
  return minOf(value, pending.amount);
}

/**
 * Where a pending unstake stands at `now` (unix seconds).
 *
 * @example
 * ```ts
 * const { matured, secondsLeft } = unstakeMaturity(pending, BigInt(Math.floor(Date.now() / 1000)));
 * ```
 */
export function unstakeMaturity(
  pending: { shares: bigint; maturesAt: bigint },
  now: bigint,
): { pending: boolean; matured: boolean; secondsLeft: bigint } {
  const isPending = pending.shares > 0n || pending.maturesAt > 0n;
  const secondsLeft = isPending && pending.maturesAt > now ? pending.maturesAt - now : 0n;
  return { pending: isPending, matured: isPending && secondsLeft === 0n, secondsLeft };
}

/**
 * Whether the frozen part of an exit (held back by claims open when it matured) may leave at `now`: once no claim
 * is open (`openExposure` 0) or at its `maturesAt` (the latest release), whichever comes first; a second `unstake`
 * then credits it. Before that, `unstake` reverts with `ExitFrozen`. False for a pending unstake that is not frozen
 * (see {@link unstakeMaturity}).
 *
 * @example
 * ```ts
 * const canRelease = frozenExitReleased(pending, await getOpenExposure(client, { pool }), now);
 * ```
 */
export function frozenExitReleased(
  pending: { frozen: boolean; maturesAt: bigint },
  openExposure: bigint,
  now: bigint,
): boolean {
  return pending.frozen && (openExposure === 0n || now >= pending.maturesAt);
}
