import { minOf } from "../math.ts";

/** A policy's terms as the coverage chart needs them. */
export interface CoveragePolicy {
  coverageUsd: bigint;
  createdAt: bigint;
  claimsAllowedUntil: bigint;
}

/** Active coverage at a time: policies created by then and not yet expired. */
export interface CoveragePoint {
  timestamp: bigint;
  activeCoverageUsd: bigint;
  activePolicies: number;
}

/**
 * Active coverage over time, at most `points` points from the first policy's creation to `now`:
 * at each point, the sum of the (current) coverage of the policies created at or before it whose
 * claims period has not ended.
 */
export function coverageHistory(
  policies: readonly CoveragePolicy[],
  now: bigint,
  points: number,
): CoveragePoint[] {
  if (policies.length === 0) return [];
  const first = minOf(now, ...policies.map((p) => p.createdAt));
  const count = BigInt(Math.max(2, points));
  const span = now > first ? now - first : 0n;
  const times =
    span === 0n
      ? [now]
      : Array.from({ length: Number(count) }, (_, i) => first + (span * BigInt(i)) / (count - 1n));
  return times.map((timestamp) => {
    let activeCoverageUsd = 0n;
    let activePolicies = 0;
    for (const p of policies) {
      if (p.createdAt <= timestamp && timestamp < p.claimsAllowedUntil) {
        activeCoverageUsd += p.coverageUsd;
        activePolicies++;
      }
    }
    return { timestamp, activeCoverageUsd, activePolicies };
  });
}
