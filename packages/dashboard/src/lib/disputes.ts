/** ERC-792 dispute statuses, as arbitrators report them (`disputeStatus`). */
export const DISPUTE_WAITING = 0;
export const DISPUTE_APPEALABLE = 1;
export const DISPUTE_SOLVED = 2;

/**
 * What anyone may do about a claim in arbitration at `now` (#12, no claim stuck forever): close the dispute as
 * stalled once its deadline has passed (`now > deadline`) while the arbitrator shows no ruling (status waiting,
 * or no answer), or note the arbitrator's activity (a ruling appealable or given), which moves that deadline.
 * Mirrors `closeStalledDispute` (`DeadlineNotPassed`, `DisputeActive`) and `noteDisputeActivity`
 * (`NoDisputeActivity`).
 */
export function disputeActions(
  claim: { status: string; deadline: bigint },
  arbitrationStatus: number | undefined,
  now: number,
): { canCloseStalled: boolean; canNoteActivity: boolean } {
  if (claim.status !== "Disputed") return { canCloseStalled: false, canNoteActivity: false };
  const ruled = arbitrationStatus === DISPUTE_APPEALABLE || arbitrationStatus === DISPUTE_SOLVED;
  return {
    canCloseStalled: !ruled && BigInt(now) > claim.deadline,
    canNoteActivity: ruled,
  };
}
