/** The claims manager's `ClaimStatus` enum, by value (the `status` of `claim` rows): the SDK's list. */
export { CLAIM_STATUSES as CLAIM_STATUS } from "../../sdk/src/maths/claims.ts";
