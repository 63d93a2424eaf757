/** Fixed-point scale of `sharePrice` (tokens per share × 1e18). */
export const PRICE_SCALE = 10n ** 18n;

/**
 * Tokens per share scaled by 1e18, rounded down; 1e18 for an empty pool (the first stake mints
 * one share per token).
 */
export function sharePrice(totalStake: bigint, totalShares: bigint): bigint {
  if (totalShares === 0n) return PRICE_SCALE;
  return (totalStake * PRICE_SCALE) / totalShares;
}

/** The largest of `values` (bigints; `Math.max` takes numbers only). */
export function maxOf(first: bigint, ...rest: bigint[]): bigint {
  let result = first;
  for (const value of rest) if (value > result) result = value;
  return result;
}

/** The smallest of `values`. */
export function minOf(first: bigint, ...rest: bigint[]): bigint {
  let result = first;
  for (const value of rest) if (value < result) result = value;
  return result;
}
