import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coverageHistory } from "../src/api/coverage.ts";
import { bucketHistory, type PoolHistoryRow } from "../src/api/history.ts";
import { rpcUrls } from "../src/deployment.ts";
import { maxOf, minOf, PRICE_SCALE, sharePrice } from "../src/math.ts";

const row = (
  timestamp: number,
  totalStake: bigint,
  kind = "stake",
  amount = 0n,
): PoolHistoryRow => ({
  timestamp: BigInt(timestamp),
  totalStake,
  totalShares: 100n,
  sharePrice: sharePrice(totalStake, 100n),
  kind,
  amount,
});

describe("sharePrice", () => {
  it("is one token per share for an empty pool", () => {
    assert.equal(sharePrice(0n, 0n), PRICE_SCALE);
  });

  it("rounds down", () => {
    assert.equal(sharePrice(2n, 3n), (2n * PRICE_SCALE) / 3n);
    assert.equal(sharePrice(10n ** 18n, 3n) * 3n < 10n ** 18n * PRICE_SCALE, true);
  });
});

describe("bucketHistory", () => {
  it("returns nothing for no events", () => {
    assert.deepEqual(bucketHistory([], [], 10), []);
  });

  it("keeps each bucket's last state and the running payouts and rewards", () => {
    const rows = [
      row(0, 100n),
      row(1, 150n),
      row(50, 120n, "payout", 30n),
      row(99, 125n, "rewardsAdded", 5n),
      row(100, 125n),
    ];
    const points = bucketHistory(rows, [{ timestamp: 40n, apr: 7n }], 3);
    assert.deepEqual(
      points.map((p) => [
        p.timestamp,
        p.totalStake,
        p.cumulativePaidOut,
        p.cumulativeRewards,
        p.apr,
        p.events,
      ]),
      [
        [1n, 150n, 0n, 0n, null, 2],
        [99n, 125n, 30n, 5n, 7n, 2],
        [100n, 125n, 30n, 5n, 7n, 1],
      ],
    );
  });

  it("never returns more points than asked", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(i * 7, BigInt(i)));
    const points = bucketHistory(rows, [], 50);
    assert.ok(points.length <= 50 && points.length > 40, `${points.length} points`);
    assert.equal(points.at(-1)?.totalStake, 999n);
    assert.equal(
      points.reduce((sum, p) => sum + p.events, 0),
      1000,
    );
  });
});

describe("coverageHistory", () => {
  it("sums the policies active at each point", () => {
    const policies = [
      { coverageUsd: 10n, createdAt: 0n, claimsAllowedUntil: 50n },
      { coverageUsd: 5n, createdAt: 20n, claimsAllowedUntil: 1000n },
    ];
    const points = coverageHistory(policies, 100n, 3);
    assert.deepEqual(
      points.map((p) => [p.timestamp, p.activeCoverageUsd, p.activePolicies]),
      [
        [0n, 10n, 1],
        [50n, 5n, 1],
        [100n, 5n, 1],
      ],
    );
  });

  it("is empty without policies", () => {
    assert.deepEqual(coverageHistory([], 100n, 10), []);
  });
});

describe("helpers", () => {
  it("lists the RPC URL once per lane", () => {
    assert.deepEqual(rpcUrls("http://127.0.0.1:8545", 1), ["http://127.0.0.1:8545"]);
    const lanes = rpcUrls("http://127.0.0.1:8545", 3);
    assert.equal(new Set(lanes).size, 3);
    for (const url of lanes) assert.match(url, /^http:\/\/127\.0\.0\.1:8545\/\?lane=\d$/);
  });

  it("takes the max and min of bigints", () => {
    assert.equal(maxOf(3n, 9n, -1n), 9n);
    assert.equal(minOf(3n, 9n, -1n), -1n);
    assert.equal(maxOf(4n), 4n);
  });
});
