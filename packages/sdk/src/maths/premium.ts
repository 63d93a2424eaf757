import { minOf, mulDiv } from "./mulDiv.ts";

/** 1e18 = 100% for the curve, the ratios and the shares of the ClaimsManager. */
export const WAD = 10n ** 18n;
const YEAR = 365n * 86_400n;

/** The premium curve (`pricingCurve()`): annual rates and the kink, all WAD. */
export interface PricingCurve {
  baseRate: bigint;
  slope1: bigint;
  kink: bigint;
  slope2: bigint;
}

/**
 * The curve's annual premium rate at `utilization` (WAD, capped at 100%), rounded up:
 * `baseRate + slope1 * u / kink` up to the kink, then `baseRate + slope1 + slope2 * (u - kink) / (1 - kink)`.
 * The contract has no such function: a purchase pays the rate's integral ({@link premiumIntegral});
 * {@link quotePremium} gives this marginal rate for a quote of no coverage.
 *
 * @example
 * ```ts
 * premiumRate(curve, WAD / 2n) // rate at 50% utilization
 * ```
 */
export function premiumRate(curve: PricingCurve, utilization: bigint): bigint {
  const u = minOf(utilization, WAD);
  if (u <= curve.kink) return curve.baseRate + mulDiv(curve.slope1, u, curve.kink, "ceil");
  return (
    curve.baseRate + curve.slope1 + mulDiv(curve.slope2, u - curve.kink, WAD - curve.kink, "ceil")
  );
}

/** USD (18 decimals) in token base units at `price` (USD per whole token, 18 decimals), rounded as asked. */
export function usdToTokens(
  usd: bigint,
  price: bigint,
  rounding: "floor" | "ceil",
  tokenDecimals = 18,
): bigint {
  return mulDiv(usd, 10n ** BigInt(tokenDecimals), price, rounding);
}

/** Token base units in USD (18 decimals) at `price`, rounded down. */
export function tokensToUsd(tokens: bigint, price: bigint, tokenDecimals = 18): bigint {
  return mulDiv(tokens, price, 10n ** BigInt(tokenDecimals));
}

/** What {@link quotePremium} needs, all readable from the ClaimsManager and the pool at one block. */
export interface PremiumInputs {
  /** Coverage asked, USD with 18 decimals. */
  coverageUsd: bigint;
  /** Seconds of coverage. */
  period: bigint;
  /** The pool's active coverage now (`activeCoverageUsd()`), before this purchase. */
  activeCoverageUsd: bigint;
  /** The pool token's price (`tokenPrice()`). */
  price: bigint;
  /** The stake that stays (the pool's `stayingStake()`: pending unstakes excluded), which capacity counts. */
  stayingStake: bigint;
  /** `collateralizationRatio()` (WAD). */
  collateralizationRatio: bigint;
  /** `priceHaircut()` (WAD): capacity prices the stake at `price * (1 - haircut)`. Default 0. */
  priceHaircut?: bigint;
  curve: PricingCurve;
  tokenDecimals?: number;
}

/** A premium with how it was computed. */
export interface PremiumQuote {
  /** Tokens to pay, rounded up. */
  premium: bigint;
  /** Utilization after the purchase (WAD), rounded up. */
  utilization: bigint;
  /** The average annual rate paid over the utilization the purchase spans (WAD), rounded down. */
  rate: bigint;
  /** Capacity in tokens: `totalStake * collateralizationRatio / WAD`. */
  capacityTokens: bigint;
}

/**
 * The curve's annual rate integrated over active coverage from 0 to `x`, for a capacity `capacity` in the
 * same unit (USD): `∫_0^x rate(t / capacity) dt`, rounded down piece by piece exactly as
 * `PremiumCurve.cumulative` (beyond capacity, and with no capacity, the rate is the curve's maximum).
 *
 * @example
 * ```ts
 * const cost = premiumIntegral(curve, activeAfter, capacityUsd) - premiumIntegral(curve, activeBefore, capacityUsd);
 * ```
 */
export function premiumIntegral(curve: PricingCurve, x: bigint, capacity: bigint): bigint {
  const { baseRate, slope1, slope2 } = curve;
  if (x === 0n) return 0n;
  if (capacity === 0n) return (baseRate + slope1 + slope2) * x;
  const k = (capacity * curve.kink) / WAD;
  let total = baseRate * x;
  if (x <= k) return total + (slope1 * x * x) / (2n * k);
  total += (slope1 * k) / 2n + slope1 * (x - k);
  if (x <= capacity) return total + (slope2 * (x - k) * (x - k)) / (2n * (capacity - k));
  return total + (slope2 * (capacity - k)) / 2n + slope2 * (x - capacity);
}

/**
 * The price capacity counts the stake at: `price * (1 - haircut)`, as the contract computes it (the haircut in
 * millionths, rounded down).
 */
export function capacityPriceOf(price: bigint, priceHaircut: bigint): bigint {
  const ppm = 1_000_000n;
  return (price * (ppm - priceHaircut / 10n ** 12n)) / ppm;
}

/**
 * The premium `buyCoverage` charges, computed offline exactly as the contract does: the curve's integral
 * over the utilization the purchase spans (from the active coverage before it to after it, over the capacity
 * in USD at the price, rounded down), so that splitting a purchase never lowers its premium; in tokens,
 * `integral * period / (365 days * 1e18)` at the price, rounded up.
 *
 * @example
 * ```ts
 * const { premium, rate } = quotePremium({ coverageUsd, period, activeCoverageUsd, price, totalStake, collateralizationRatio, curve });
 * ```
 */
export function quotePremium(inputs: PremiumInputs): PremiumQuote {
  const decimals = inputs.tokenDecimals ?? 18;
  const capacityTokens = (inputs.stayingStake * inputs.collateralizationRatio) / WAD;
  const capacityPrice = capacityPriceOf(inputs.price, inputs.priceHaircut ?? 0n);
  const capacityUsd = tokensToUsd(capacityTokens, capacityPrice, decimals);
  const activeAfter = inputs.activeCoverageUsd + inputs.coverageUsd;
  const utilization =
    capacityTokens === 0n
      ? WAD
      : mulDiv(
          usdToTokens(activeAfter, capacityPrice, "ceil", decimals),
          WAD,
          capacityTokens,
          "ceil",
        );
  const cost =
    premiumIntegral(inputs.curve, activeAfter, capacityUsd) -
    premiumIntegral(inputs.curve, inputs.activeCoverageUsd, capacityUsd);
  const premium = mulDiv(
    cost,
    inputs.period * 10n ** BigInt(decimals),
    YEAR * WAD * inputs.price,
    "ceil",
  );
  const rate =
    inputs.coverageUsd === 0n ? premiumRate(inputs.curve, utilization) : cost / inputs.coverageUsd;
  return { premium, utilization, rate, capacityTokens };
}

/**
 * Tokens a payout of `usd` sends at `price` (rounded down, against the claimant), e.g. to choose the
 * `minimumPayoutTokens` of `acceptSettlement`.
 *
 * @example
 * ```ts
 * const expected = payoutTokens(claim.settlementUsd, price);
 * ```
 */
export function payoutTokens(usd: bigint, price: bigint, tokenDecimals = 18): bigint {
  return usdToTokens(usd, price, "floor", tokenDecimals);
}

/**
 * The premium of parametric coverage: the ordinary quote times the governed risk factor (WAD, a multiple of 1e-6),
 * rounded up, as `ClaimsParametric.buyParametricCoverage` charges it.
 */
export function parametricPremium(quote: bigint, riskFactor: bigint): bigint {
  if (riskFactor === WAD) return quote;
  return (quote * riskFactor + WAD - 1n) / WAD;
}
