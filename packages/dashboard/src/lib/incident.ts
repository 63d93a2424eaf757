import { incidentCover } from "../../../sdk/src/maths/claims.ts";
import { formatDate, formatDuration, policyNumber } from "./format.ts";

/** What {@link incidentProblem} checks: the incident time against a policy's cover at the chain's time. */
export interface IncidentCheck {
  /** When the incident started (unix seconds); `undefined` if the input is not a date. */
  incidentAt: bigint | undefined;
  policy: { id: bigint; claimsAllowedFrom: bigint };
  /** The claims manager's waiting period (seconds). */
  waitingPeriod: bigint;
  /** The latest block's time: a claim sent now lands at or after it. */
  now: bigint;
}

/**
 * Why `createClaim` would refuse this incident time (`IncidentOutsideCover`), as a sentence, or `null` when it lies in
 * the policy's cover: from its start plus the waiting period until now.
 */
export function incidentProblem({
  incidentAt,
  policy,
  waitingPeriod,
  now,
}: IncidentCheck): string | null {
  if (incidentAt === undefined) return "Enter when the incident started (UTC)";
  const { coverFrom, covered } = incidentCover(incidentAt, policy, waitingPeriod, now);
  if (covered) return null;
  if (incidentAt > now) {
    return `The incident cannot start in the future (${formatDate(incidentAt, true)} UTC; the chain's time is ${formatDate(now, true)} UTC)`;
  }
  return `Policy #${policyNumber(policy.id)} covers incidents from ${formatDate(coverFrom, true)} UTC (its start plus the ${formatDuration(Number(waitingPeriod))} waiting period); the incident started ${formatDate(incidentAt, true)} UTC`;
}
