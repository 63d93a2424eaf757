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
