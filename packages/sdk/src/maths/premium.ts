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
 * The annual premium rate at `utilization` (WAD, capped at 100%), rounded up (`PremiumCurve.rate`):
 * `baseRate + slope1 * u / kink` up to the kink, then `baseRate + slope1 + slope2 * (u - kink) / (1 - kink)`.
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
  /** The pool's `totalStake()`. */
  totalStake: bigint;
  /** `collateralizationRatio()` (WAD). */
  collateralizationRatio: bigint;
  curve: PricingCurve;
  tokenDecimals?: number;
}

/** A premium with how it was computed. */
export interface PremiumQuote {
  /** Tokens to pay, rounded up. */
  premium: bigint;
  /** Utilization after the purchase (WAD), rounded up. */
  utilization: bigint;
  /** Annual rate applied (WAD). */
  rate: bigint;
  /** Capacity in tokens: `totalStake * collateralizationRatio / WAD`. */
  capacityTokens: bigint;
}

/**
 * The premium `buyCoverage` charges, computed offline exactly as the contract does: utilization after the
 * purchase (coverage in tokens rounded up, over capacity, rounded up; 100% when there is no capacity),
 * its rate on the curve, then `coverageTokens * rate * period / (1e18 * 365 days)` rounded up.
 *
 * @example
 * ```ts
 * const { premium, rate } = quotePremium({ coverageUsd, period, activeCoverageUsd, price, totalStake, collateralizationRatio, curve });
 * ```
 */
export function quotePremium(inputs: PremiumInputs): PremiumQuote {
  const decimals = inputs.tokenDecimals ?? 18;
  const capacityTokens = (inputs.totalStake * inputs.collateralizationRatio) / WAD;
  const activeAfter = inputs.activeCoverageUsd + inputs.coverageUsd;
  const utilization =
    capacityTokens === 0n
      ? WAD
      : mulDiv(
          usdToTokens(activeAfter, inputs.price, "ceil", decimals),
          WAD,
          capacityTokens,
          "ceil",
        );
  const rate = premiumRate(inputs.curve, utilization);
  const coverageTokens = usdToTokens(inputs.coverageUsd, inputs.price, "ceil", decimals);
  const premium = mulDiv(coverageTokens, rate * inputs.period, WAD * YEAR, "ceil");
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
