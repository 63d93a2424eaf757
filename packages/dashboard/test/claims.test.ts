import assert from "node:assert/strict";
import { test } from "node:test";
import { inReadingOrder, type TimelineEntry } from "../src/lib/claims.ts";

const entry = (name: string, blockNumber: bigint): TimelineEntry => ({
  name,
  time: 0,
  blockNumber,
  args: {},
});

test("inReadingOrder_putsTheDecisionBeforeWhatItLeavesOwed_keepsTheRestAsEmitted", () => {
  const emitted = [
    entry("ClaimCreated", 10n),
    entry("Evidence", 10n),
    entry("PayoutOwed", 12n),
    entry("ClaimAccepted", 12n),
    entry("TranchePaid", 20n),
  ];
  assert.deepEqual(
    inReadingOrder(emitted).map((e) => e.name),
    ["ClaimCreated", "Evidence", "ClaimAccepted", "PayoutOwed", "TranchePaid"],
  );
  // Blocks first: an entry listed late but mined early comes first.
  assert.deepEqual(
    inReadingOrder([entry("TranchePaid", 30n), entry("ClaimCreated", 5n)]).map((e) => e.name),
    ["ClaimCreated", "TranchePaid"],
  );
});
