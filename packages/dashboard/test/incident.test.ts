import assert from "node:assert/strict";
import { test } from "node:test";
import { incidentProblem } from "../src/lib/incident.ts";

const policy = { id: (3n << 192n) | 123n, claimsAllowedFrom: 1_772_000_000n };
const waitingPeriod = 86_400n;
const coverFrom = policy.claimsAllowedFrom + waitingPeriod;
const now = coverFrom + 3_600n;

test("incidentProblem_acceptsTheStartPlusTheWaitingPeriod_refusesOneSecondBefore", () => {
  assert.equal(incidentProblem({ incidentAt: coverFrom, policy, waitingPeriod, now }), null);
  const early = incidentProblem({ incidentAt: coverFrom - 1n, policy, waitingPeriod, now });
  assert.equal(
    early,
    "Policy #3 covers incidents from 2026-02-26 06:13:20 UTC (its start plus the 1d 0h waiting period); the incident started 2026-02-26 06:13:19 UTC",
  );
});

test("incidentProblem_acceptsNow_refusesOneSecondInTheFuture", () => {
  assert.equal(incidentProblem({ incidentAt: now, policy, waitingPeriod, now }), null);
  assert.match(
    incidentProblem({ incidentAt: now + 1n, policy, waitingPeriod, now }) ?? "",
    /^The incident cannot start in the future \(2026-02-26 07:13:21 UTC; the chain's time is 2026-02-26 07:13:20 UTC\)$/,
  );
});

test("incidentProblem_asksForADateWhenTheInputIsNotOne", () => {
  assert.equal(
    incidentProblem({ incidentAt: undefined, policy, waitingPeriod, now }),
    "Enter when the incident started (UTC)",
  );
});
