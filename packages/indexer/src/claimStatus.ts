/** The claims manager's `ClaimStatus` enum, by value (the `status` of `claim` rows). */
export const CLAIM_STATUS = [
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
