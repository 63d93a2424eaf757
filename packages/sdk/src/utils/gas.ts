/**
 * Gas limit to send with a transaction whose gas was estimated: the estimate plus 20% and 75,000.
 *
 * An estimate is exact only for the block it was made against. The pool accrues rewards before any
 * share-price change, so a transaction mined a second later than estimated does more work (release
 * the stream, start a new epoch); sending the bare estimate then fails out of gas. Unused gas is
 * refunded, so the margin costs nothing; 75,000 covers the first call of an epoch (reward mint and
 * APR step, about 63,000 gas) landing on a transaction estimated in the previous epoch.
 *
 * @example
 * const gas = withGasMargin(await estimateContractGas(client, request));
 */
export function withGasMargin(estimate: bigint): bigint {
  return (estimate * 120n) / 100n + 75_000n;
}
