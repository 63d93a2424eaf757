/** The claims manager's `ClaimStatus` enum, by value (the `status` of `claim` rows): the SDK's list. */
/** Sequence numbers from the packed ids (the `number` of `policy` and `claim` rows): the SDK's maths. */
export {
  CLAIM_STATUSES as CLAIM_STATUS,
  claimNumber,
  policyNumber,
} from "../../sdk/src/maths/claims.ts";
