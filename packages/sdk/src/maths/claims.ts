/** The claim states of `IClaimsManager.ClaimStatus`, by value. */
export const CLAIM_STATUSES = [
  "None",
  "Pending",
  "SettlementProposed",
  "MediatorRejected",
  "Disputed",
  "RulingPending",
  "PaidClaim",
  "PaidSettlement",
  "Refused",
  "TimedOut",
  "DisputeClosed",
] as const;

/** A claim state's name. */
export type ClaimStatusName = (typeof CLAIM_STATUSES)[number];

/** The name of a `ClaimStatus` value, e.g. `claimStatusName(2)` = `"SettlementProposed"`. */
export function claimStatusName(status: number | bigint): ClaimStatusName | `Unknown(${string})` {
  return CLAIM_STATUSES[Number(status)] ?? `Unknown(${String(status)})`;
}

/** The rulings of the ERC-792 arbitration, by value. */
export const RULINGS = ["refuse", "pay claim", "pay settlement"] as const;

/** What {@link claimDeadlines} needs from a claim. */
export interface ClaimTiming {
  status: number;
  /** End of the current stage's response period (unix seconds), as stored in the claim. */
  deadline: number | bigint;
}

/** Who may do what until when, derived from a claim's status and deadline. */
export interface ClaimDeadlines {
  /** The mediator may accept, settle or reject until then (Pending). */
  mediatorUntil?: bigint;
  /** The claimant may accept the settlement until then (SettlementProposed). */
  acceptSettlementUntil?: bigint;
  /** The claimant may escalate from `escalateFrom` until `escalateUntil`. */
  escalateFrom?: bigint;
  escalateUntil?: bigint;
  /** Anyone may time the claim out from then on (its bond then goes to stakers). */
  timeOutFrom?: bigint;
  /**
   * Disputed: anyone may close the dispute as stalled from then on if the arbitrator still shows no ruling (the
   * bond goes back to the claimant); a ruling noted meanwhile (`noteDisputeActivity`) moves it.
   */
  closeStalledFrom?: bigint;
}

/**
 * The deadlines of a claim, mirroring the ClaimsManager's state machine:
 * Pending: the mediator answers until `deadline`; a silent mediator lets the claimant escalate after it,
 * within `claimantResponsePeriod`; after that anyone may time it out.
 * SettlementProposed / MediatorRejected: the claimant accepts (settlement) or escalates until `deadline`;
 * after it anyone may time it out. Other states have no deadline.
 *
 * @example
 * ```ts
 * const { escalateUntil } = claimDeadlines(claim, { claimantResponsePeriod: 3n * 86_400n });
 * ```
 */
export function claimDeadlines(
  claim: ClaimTiming,
  periods: { claimantResponsePeriod: bigint },
): ClaimDeadlines {
  const deadline = BigInt(claim.deadline);
  switch (claimStatusName(claim.status)) {
    case "Pending":
      return {
        mediatorUntil: deadline,
        escalateFrom: deadline + 1n,
        escalateUntil: deadline + periods.claimantResponsePeriod,
        timeOutFrom: deadline + periods.claimantResponsePeriod + 1n,
      };
    case "SettlementProposed":
      return {
        acceptSettlementUntil: deadline,
        escalateUntil: deadline,
        timeOutFrom: deadline + 1n,
      };
    case "MediatorRejected":
      return { escalateUntil: deadline, timeOutFrom: deadline + 1n };
    case "Disputed":
      return { closeStalledFrom: deadline + 1n };
    default:
      return {};
  }
}

/**
 * A policy id is its terms at creation (the ClaimsManager stores one slot per policy and reads the rest from
 * the id): `number << 192 | claimsAllowedFrom << 160 | claimsAllowedUntil << 128 | dapiId << 96 | coverageUsd`,
 * where `number` counts policies from 1. A claim id is `number << 224 | policyId`, its number counting claims
 * from 1. Numbers are what people read and type; ids are what the contract takes.
 */
export const POLICY_NUMBER_SHIFT = 192n;
/** See {@link POLICY_NUMBER_SHIFT}. */
export const CLAIM_NUMBER_SHIFT = 224n;
/** Numbers are below 2^32; any larger value is a full id. */
export const MAX_ID_NUMBER = (1n << 32n) - 1n;

/** A policy's number (1, 2, ...) from its id. */
export function policyNumber(policyId: bigint): bigint {
  return policyId >> POLICY_NUMBER_SHIFT;
}

/** A claim's number (1, 2, ...) from its id. */
export function claimNumber(claimId: bigint): bigint {
  return claimId >> CLAIM_NUMBER_SHIFT;
}

/** The policy of a claim, from the claim's id. */
export function policyIdOfClaim(claimId: bigint): bigint {
  return claimId & ((1n << CLAIM_NUMBER_SHIFT) - 1n);
}

/** What {@link claimBond} needs: the bond's floor (token units) and rate (WAD tokens per USD claimed). */
export interface BondParameters {
  floor: bigint;
  rate: bigint;
  /** 10 ** token decimals. */
  tokenUnit: bigint;
}

/**
 * The claimant bond of a claim of `amountUsd` (18 decimals), as `createClaim` computes it: the floor plus `rate`
 * tokens per USD claimed, rounded up.
 *
 * @example
 * ```ts
 * claimBond(5000n * 10n ** 18n, { floor: 50n * 10n ** 18n, rate: 10n ** 16n, tokenUnit: 10n ** 18n }) // 100 tokens
 * ```
 */
export function claimBond(amountUsd: bigint, { floor, rate, tokenUnit }: BondParameters): bigint {
  if (rate === 0n) return floor;
  const product = amountUsd * rate * tokenUnit;
  const scale = 10n ** 36n;
  return floor + (product + scale - 1n) / scale;
}

/**
 * Whether an incident at `incidentAt` lies in a policy's cover: from `claimsAllowedFrom + waitingPeriod` until
 * `now`. Returns the earliest covered time and the reason when it does not (`createClaim` refuses it with
 * `IncidentOutsideCover`).
 */
export function incidentCover(
  incidentAt: bigint,
  policy: { claimsAllowedFrom: number | bigint },
  waitingPeriod: bigint,
  now: bigint,
): { coverFrom: bigint; covered: boolean } {
  const coverFrom = BigInt(policy.claimsAllowedFrom) + waitingPeriod;
  return { coverFrom, covered: incidentAt >= coverFrom && incidentAt <= now };
}
