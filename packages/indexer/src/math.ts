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
