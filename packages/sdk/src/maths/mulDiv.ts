/** How a division rounds; named on every conversion, as in the contracts. */
export type Rounding = "floor" | "ceil";

/**
 * `a * b / c` without intermediate overflow (bigints never overflow), rounded as asked; OpenZeppelin's
 * `Math.mulDiv` with `Math.Rounding.Floor` / `Ceil`. Throws on division by zero, as the EVM reverts.
 *
 * @example
 * ```ts
 * mulDiv(10n, 1n, 3n, "ceil") // 4n
 * ```
 */
export function mulDiv(a: bigint, b: bigint, c: bigint, rounding: Rounding = "floor"): bigint {
  if (c === 0n) throw new RangeError("mulDiv: division by zero");
  const product = a * b;
  const quotient = product / c;
  return rounding === "ceil" && quotient * c !== product ? quotient + 1n : quotient;
}

/** The smaller of two bigints (`Math.min` does not take bigints). */
export function minOf(a: bigint, b: bigint): bigint {
  if (a < b) return a;
  return b;
}
