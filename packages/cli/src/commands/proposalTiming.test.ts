import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ProposalTiming, proposalRefusal } from "./proposalTiming.ts";

const now = 1_800_000_000n;
const proposal = (state: number, extra: Partial<ProposalTiming> = {}): ProposalTiming => ({
  proposalId: 42n,
  state,
  voteStart: now + 299n,
  voteEnd: now + 86_699n,
  eta: 0n,
  ...extra,
});
const [PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, , EXECUTED] = [
  0, 1, 2, 3, 4, 5, 6, 7,
];

describe("proposalRefusal", () => {
  it("allows each action in its state", () => {
    assert.equal(proposalRefusal("vote", proposal(ACTIVE), now), undefined);
    assert.equal(proposalRefusal("queue", proposal(SUCCEEDED), now), undefined);
    assert.equal(proposalRefusal("execute", proposal(QUEUED, { eta: now }), now), undefined);
    assert.equal(proposalRefusal("cancel", proposal(PENDING), now), undefined);
  });

  it("says when voting starts and ends, and when a queued proposal executes, with the time from now", () => {
    assert.equal(
      proposalRefusal("vote", proposal(PENDING), now),
      "proposal 42 is Pending: voting starts at 2027-01-15 08:05:00 UTC (in 5m), ends at 2027-01-16 08:05:00 UTC (in 1d 5m)",
    );
    assert.match(
      proposalRefusal("queue", proposal(ACTIVE, { voteEnd: now + 3_599n }), now) ?? "",
      /^proposal 42 is being voted on: voting ends at .* UTC \(in 1h\); queue it after, if it passes$/,
    );
    assert.equal(
      proposalRefusal("execute", proposal(QUEUED, { eta: now + 300n }), now),
      "proposal 42 is queued in the timelock: executable from 2027-01-15 08:05:00 UTC (in 5m)",
    );
    assert.match(
      proposalRefusal("execute", proposal(SUCCEEDED, { voteEnd: now - 61n }), now) ?? "",
      /passed \(voting ended at .* UTC \(1m ago\)\) but is not queued: queue it first \(ipool queue 42\)/,
    );
    assert.match(
      proposalRefusal("cancel", proposal(ACTIVE, { voteStart: now - 600n }), now) ?? "",
      /can no longer be canceled: voting started at .* \(9m ago\) \(only a Pending proposal can be\)/,
    );
  });

  it("names final states without a bitmap", () => {
    assert.match(
      proposalRefusal("queue", proposal(DEFEATED), now) ?? "",
      /was Defeated .*: it cannot be queued$/,
    );
    assert.equal(
      proposalRefusal("vote", proposal(CANCELED), now),
      "proposal 42 is Canceled: it cannot be voted on any more",
    );
    assert.equal(
      proposalRefusal("execute", proposal(EXECUTED), now),
      "proposal 42 is Executed: it cannot be executed any more",
    );
  });
});
