/**
 * What each number a proposal can set means, so `ipool propose` reads it the way every other command does
 * (a bond of `200` is 200 tokens, not 200 wei) and prints the call back with its units. One table, from the
 * contracts' NatSpec: token amounts, durations, WAD fractions (1e18 = 100%), the pool's rates
 * (`HUNDRED_PERCENT` = 1e8 = 100%), basis points, whole percents.
 */
import { formatAmount, formatDuration, parseAmount, parseDuration } from "@insurance-pool/sdk";
import { UsageError } from "../usage.ts";

export type Unit = "tokens" | "tokensPerUsd" | "duration" | "wad" | "rate" | "bps" | "percent";

/** `contract.function.parameter` → unit. Integers not listed are taken as raw integers. */
export const PROPOSAL_UNITS: Record<string, Unit> = {
  "pool.setUnstakeWaitPeriod.unstakeWaitPeriod": "duration",
  "pool.setMinApr.minApr": "rate",
  "pool.setMaxApr.maxApr": "rate",
  "pool.setAprUpdateStep.aprUpdateStep": "rate",
  "pool.setStakeTarget.stakeTarget": "rate",
  "pool.setPayoutCap.payoutCap": "rate",
  "pool.setMaxFreeze.maxFreeze": "duration",
  "claims.setClaimantBond.floor": "tokens",
  "claims.setClaimantBond.rate": "tokensPerUsd",
  "claims.setMaxPriceAge.maxPriceAge_": "duration",
  "claims.setWaitingPeriod.waitingPeriod_": "duration",
  "claims.setMaxDisputeInactivity.maxDisputeInactivity_": "duration",
  "claims.setDapiFeed.heartbeat": "duration",
  "claims.setDapiFeed.grace": "duration",
  "claims.setPriceHaircut.haircut": "wad",
  "claims.setCollateralizationRatio.ratio": "wad",
  "claims.setTreasuryShare.share": "wad",
  "claims.setPayoutQuota.share": "wad",
  "claims.setDapiCap.capShare": "wad",
  "claims.setPricingCurve.baseRate": "wad",
  "claims.setPricingCurve.slope1": "wad",
  "claims.setPricingCurve.kink": "wad",
  "claims.setPricingCurve.slope2": "wad",
  "primary-governor.setVotingDelay.newVotingDelay": "duration",
  "primary-governor.setVotingPeriod.newVotingPeriod": "duration",
  "primary-governor.setProposalThresholdFraction.bps": "bps",
  "primary-governor.updateQuorumNumerator.newQuorumNumerator": "percent",
  "secondary-governor.setVotingDelay.newVotingDelay": "duration",
  "secondary-governor.setVotingPeriod.newVotingPeriod": "duration",
  "secondary-governor.setProposalThresholdFraction.bps": "bps",
  "secondary-governor.updateQuorumNumerator.newQuorumNumerator": "percent",
};

/** Scale of 100% for the fraction units. */
const HUNDRED: Record<"wad" | "rate" | "bps" | "percent", bigint> = {
  wad: 10n ** 18n,
  rate: 10n ** 8n,
  bps: 10_000n,
  percent: 100n,
};

const EXAMPLES: Record<Unit, string> = {
  tokens: "a token amount like 200 or 1.5k",
  tokensPerUsd: "tokens per USD like 0.01",
  duration: "a duration like 2w, 3d, 12h or seconds",
  wad: "a percentage like 50% or 0.5%",
  rate: "a percentage like 5% or 0.25%",
  bps: "a percentage like 1% or 0.05%",
  percent: "a whole percentage like 15%",
};

/** Parses `text` for a parameter of unit `unit`; `name` names it in errors. */
export function parseWithUnit(
  unit: Unit,
  text: string,
  name: string,
  token: { symbol: string; decimals: number },
): bigint {
  const fail = (): never => {
    throw new UsageError(`${name} "${text}" is not ${EXAMPLES[unit]}`);
  };
  const trimmed = text.trim();
  if (unit === "tokens" || unit === "tokensPerUsd") {
    const amount = trimmed.replace(new RegExp(`\\s*${token.symbol}$`, "i"), "");
    try {
      return parseAmount(amount, token.decimals);
    } catch {
      return fail();
    }
  }
  if (unit === "duration") {
    try {
      return parseDuration(trimmed);
    } catch {
      return fail();
    }
  }
  // Fractions take a % sign: a bare "5" could mean 5%, 500% or 5 base units.
  const match = /^(\d+(?:\.\d+)?)%$/.exec(trimmed);
  if (!match?.[1]) return fail();
  const [whole = "0", fraction = ""] = match[1].split(".");
  const scale = HUNDRED[unit];
  const digits = BigInt(whole + fraction) * scale;
  const divisor = 100n * 10n ** BigInt(fraction.length);
  if (digits % divisor !== 0n) {
    throw new UsageError(
      `${name} "${text}" is finer than this parameter can hold (100% = ${scale})`,
    );
  }
  return digits / divisor;
}

/** Shows a value with its unit, e.g. `200 API3`, `2w`, `50%`. */
export function showWithUnit(
  unit: Unit,
  value: bigint,
  token: { symbol: string; decimals: number },
): string {
  if (unit === "tokens")
    return formatAmount(value, token.decimals, { symbol: token.symbol, exact: true });
  if (unit === "tokensPerUsd") {
    return `${formatAmount(value, token.decimals, { symbol: token.symbol, exact: true })} per USD`;
  }
  if (unit === "duration") return `${formatDuration(value)} (${value} s)`;
  const scale = HUNDRED[unit];
  return `${formatAmount(value * 100n, scale.toString().length - 1, { exact: true })}%`;
}
