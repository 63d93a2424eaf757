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
