import assert from "node:assert/strict";
import { test } from "node:test";
import { disputeActions } from "../src/lib/disputes.ts";

const disputed = { status: "Disputed", deadline: 1_000n };

test("disputeActions_closesASilentDisputeOneSecondAfterItsDeadline_notAtIt", () => {
  assert.equal(disputeActions(disputed, 0, 1_000).canCloseStalled, false);
  assert.equal(disputeActions(disputed, 0, 1_001).canCloseStalled, true);
  // An arbitrator that does not answer counts as silent, as in the contract.
  assert.equal(disputeActions(disputed, undefined, 1_001).canCloseStalled, true);
});

test("disputeActions_neverClosesADisputeWithARuling_offersToNoteIt", () => {
  for (const status of [1, 2]) {
    assert.deepEqual(disputeActions(disputed, status, 5_000), {
      canCloseStalled: false,
      canNoteActivity: true,
    });
  }
  assert.equal(disputeActions(disputed, 0, 5_000).canNoteActivity, false);
});

test("disputeActions_offersNothingOutsideArbitration", () => {
  for (const status of ["Pending", "RulingPending", "DisputeClosed", "PaidClaim"]) {
    assert.deepEqual(disputeActions({ status, deadline: 1_000n }, 0, 5_000), {
      canCloseStalled: false,
      canNoteActivity: false,
    });
  }
});
