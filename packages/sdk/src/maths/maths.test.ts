import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { claimBond, claimDeadlines, claimStatusName, incidentCover } from "./claims.ts";
import { mulDiv } from "./mulDiv.ts";
import {
  payoutTokens,
  premiumIntegral,
  premiumRate,
  quotePremium,
  usdToTokens,
  WAD,
} from "./premium.ts";
import {
  accruedTotals,
  EPOCH,
  formatApr,
  HUNDRED_PERCENT,
  nextApr,
  rewardFor,
  streamedReward,
  unvested,
  withdrawable,
  YEAR,
} from "./rewards.ts";
import {
  DEAD_SHARES,
  frozenExitReleased,
  minFirstStakeFor,
  sharePrice,
  sharesForAssetsUp,
  sharesMinted,
  toAssetsDown,
  toAssetsUp,
  toSharesDown,
  unstakeMaturity,
  unstakePayout,
} from "./shares.ts";

const e18 = 10n ** 18n;
const percent = (n: number) => BigInt(Math.round(n * 1_000_000)); // pool units: 1e8 = 100%

describe("mulDiv", () => {
  it("rounds as named", () => {
    assert.equal(mulDiv(10n, 1n, 3n), 3n);
    assert.equal(mulDiv(10n, 1n, 3n, "ceil"), 4n);
    assert.equal(mulDiv(9n, 1n, 3n, "ceil"), 3n);
    assert.throws(() => mulDiv(1n, 1n, 0n), /division by zero/);
  });
});

describe("share conversions (virtual share and token of 1)", () => {
  it("prices the first stake one to one and resists a donation", () => {
    const empty = { totalStake: 0n, totalShares: 0n };
    assert.equal(toSharesDown(100n * e18, empty), 100n * e18);
    // A donation of 1M tokens into an empty pool is shared with the virtual share: a victim's 1 token
    // deposit still mints shares rather than zero being the attacker's gain.
    const donated = { totalStake: 1_000_000n * e18, totalShares: 1n };
    assert.equal(toSharesDown(e18, donated), (e18 * 2n) / (1_000_000n * e18 + 1n));
  });

  it("charges the first stake of an era the dead shares", () => {
    assert.equal(
      sharesMinted(100n * e18, { totalStake: 0n, totalShares: 0n }),
      100n * e18 - DEAD_SHARES,
    );
    assert.equal(sharesMinted(500n, { totalStake: 0n, totalShares: 0n }), 0n);
    // The first stake of an era must be at least one token (MIN_FIRST_STAKE): at the minimum, and one unit below.
    const era = { totalStake: 0n, totalShares: 0n };
    assert.equal(minFirstStakeFor(era, 18), e18);
    assert.equal(minFirstStakeFor({ totalStake: 1n, totalShares: 1n }, 18), 0n);
    assert.equal(sharesMinted(e18, era), e18 - DEAD_SHARES);
    assert.equal(sharesMinted(e18 - 1n, era), 0n);
    assert.equal(sharesMinted(10n ** 6n, era, 10n ** 6n), 10n ** 6n - DEAD_SHARES);
    assert.equal(
      sharesMinted(5n * e18, { totalStake: 10n * e18, totalShares: 10n * e18 }),
      5n * e18,
    );
  });

  it("rounds down on the way in and out, up when holding back", () => {
    const totals = { totalStake: 3n, totalShares: 2n };
    assert.equal(toSharesDown(2n, totals), 1n); // 2 * 3 / 4
    assert.equal(toAssetsDown(1n, totals), 1n); // 1 * 4 / 3
    assert.equal(toAssetsUp(1n, totals), 2n);
    assert.equal(sharesForAssetsUp(2n, totals), 2n); // ceil(2 * 3 / 4)
    assert.equal(
      sharePrice({ totalStake: 2n * e18, totalShares: e18 }),
      (e18 * (2n * e18 + 1n)) / (e18 + 1n),
    );
  });

  it("never credits more than a pending unstake scheduled", () => {
    const pending = { shares: 100n, amount: 100n };
    assert.equal(unstakePayout(pending, { totalStake: 200n, totalShares: 100n }), 100n);
    assert.equal(
      unstakePayout(pending, { totalStake: 50n, totalShares: 100n }),
      (100n * 51n) / 101n,
    );
  });

  it("tells whether an unstake matured", () => {
    assert.deepEqual(unstakeMaturity({ shares: 0n, maturesAt: 0n }, 10n), {
      pending: false,
      matured: false,
      secondsLeft: 0n,
    });
    assert.deepEqual(unstakeMaturity({ shares: 5n, maturesAt: 100n }, 40n), {
      pending: true,
      matured: false,
      secondsLeft: 60n,
    });
    assert.deepEqual(unstakeMaturity({ shares: 5n, maturesAt: 100n }, 100n), {
      pending: true,
      matured: true,
      secondsLeft: 0n,
    });
  });
});

describe("frozen exits", () => {
  const frozen = { frozen: true, maturesAt: 1_000n };

  it("releases a frozen exit once no claim is open, whatever the time", () => {
    assert.equal(frozenExitReleased(frozen, 1n, 10n), false, "one token of exposure holds it");
    assert.equal(frozenExitReleased(frozen, 0n, 10n), true);
  });

  it("releases a frozen exit at its maturesAt with claims still open, not a second before", () => {
    assert.equal(frozenExitReleased(frozen, 5n, 999n), false);
    assert.equal(frozenExitReleased(frozen, 5n, 1_000n), true);
  });

  it("never calls an exit that is not frozen released", () => {
    assert.equal(frozenExitReleased({ frozen: false, maturesAt: 1_000n }, 0n, 2_000n), false);
  });
});

describe("rewards", () => {
  const parameters = {
    stakeTarget: percent(50),
    aprUpdateStep: percent(1),
    minApr: percent(2.5),
    maxApr: percent(75),
  };

  it("moves the APR one step toward the stake target, clipped", () => {
    assert.equal(nextApr(percent(10), 40n, 100n, parameters), percent(11));
    assert.equal(nextApr(percent(10), 50n, 100n, parameters), percent(9)); // at target: down
    assert.equal(nextApr(percent(75), 10n, 100n, parameters), percent(75));
    assert.equal(nextApr(percent(3), 90n, 100n, parameters), percent(2.5));
  });

  it("computes a period's reward and formats rates", () => {
    assert.equal(rewardFor(1_000n * e18, percent(10), YEAR), 100n * e18);
    assert.equal(
      rewardFor(1_000n * e18, percent(10), EPOCH),
      (1_000n * e18 * percent(10) * EPOCH) / (YEAR * HUNDRED_PERCENT),
    );
    assert.equal(formatApr(percent(37.5)), "37.5%");
    assert.equal(formatApr(percent(2.5)), "2.5%");
    assert.equal(formatApr(percent(75)), "75%");
  });

  it("releases the stream linearly until its epoch ends", () => {
    const lastUpdate = 10n * EPOCH + 1_000n;
    const stream = { remaining: 600n, lastUpdate, end: 11n * EPOCH };
    assert.equal(streamedReward(stream, lastUpdate), 0n);
    assert.equal(streamedReward(stream, lastUpdate + (stream.end - lastUpdate) / 2n), 300n);
    assert.equal(streamedReward(stream, 11n * EPOCH + 5n), 600n);
  });

  it("accrues like the pool: the stream, idle queued lumps at a new epoch, nothing without stakers", () => {
    const totals = { totalStake: 100n * e18, totalShares: 100n * e18 };
    const lastUpdate = 10n * EPOCH + 1_000n;
    const stream = { remaining: 600n, lastUpdate, end: 11n * EPOCH };
    const half = lastUpdate + (stream.end - lastUpdate) / 2n;
    assert.equal(accruedTotals(totals, stream, half).totalStake, totals.totalStake + 300n);
    // A lump queued in epoch 10 streams over epoch 11 (not released at its start); one queued in epoch 9 is idle.
    const queued10 = { amount: 50n, epoch: 10n };
    assert.equal(
      accruedTotals(totals, stream, 11n * EPOCH, queued10).totalStake,
      totals.totalStake + 600n,
    );
    const queued9 = { amount: 50n, epoch: 9n };
    assert.equal(
      accruedTotals(totals, stream, 11n * EPOCH, queued9).totalStake,
      totals.totalStake + 650n,
    );
    // Stakers with fewer shares than MIN_FIRST_STAKE (one token): at the limit it streams, one share below it waits.
    const atMin = { totalStake: e18, totalShares: e18 };
    assert.equal(accruedTotals(atMin, stream, half).totalStake, e18 + 300n);
    const belowMin = { totalStake: e18, totalShares: e18 - 1n };
    assert.equal(accruedTotals(belowMin, stream, half).totalStake, e18);
  });

  it("vests linearly, rounding what is held back up", () => {
    assert.equal(unvested(100n, 10n, 20n, 5n), 100n);
    assert.equal(unvested(100n, 10n, 20n, 13n), 70n);
    assert.equal(unvested(100n, 0n, 3n, 1n), 67n);
    assert.equal(unvested(100n, 10n, 20n, 20n), 0n);
  });

  it("withdrawable keeps locked rewards and unvested tokens in the pool, saturating at zero", () => {
    assert.equal(
      withdrawable({ unstaked: 100n, stakeValue: 50n, pending: 0n, locked: 30n, unvested: 0n }),
      100n,
    );
    assert.equal(
      withdrawable({ unstaked: 100n, stakeValue: 50n, pending: 0n, locked: 80n, unvested: 20n }),
      50n,
    );
    assert.equal(
      withdrawable({ unstaked: 100n, stakeValue: 0n, pending: 0n, locked: 200n, unvested: 0n }),
      0n,
    );
  });

  it("withdrawable counts a pending unstake as covering locked and unvested tokens", () => {
    assert.equal(
      withdrawable({ unstaked: 100n, stakeValue: 0n, pending: 80n, locked: 60n, unvested: 20n }),
      100n,
    );
    assert.equal(
      withdrawable({ unstaked: 100n, stakeValue: 0n, pending: 50n, locked: 60n, unvested: 20n }),
      70n,
    );
  });
});

describe("premiums", () => {
  const curve = {
    baseRate: WAD / 50n,
    slope1: (WAD * 8n) / 100n,
    kink: (WAD * 8n) / 10n,
    slope2: WAD,
  };

  it("follows the kinked curve and caps utilization at 100%", () => {
    assert.equal(premiumRate(curve, 0n), curve.baseRate);
    assert.equal(premiumRate(curve, curve.kink), curve.baseRate + curve.slope1);
    assert.equal(premiumRate(curve, WAD), curve.baseRate + curve.slope1 + curve.slope2);
    assert.equal(premiumRate(curve, 5n * WAD), premiumRate(curve, WAD));
    assert.equal(premiumRate(curve, WAD / 2n), curve.baseRate + (curve.slope1 * 5n) / 8n);
  });

  it("quotes a year of coverage at half utilization, rounding up", () => {
    const quote = quotePremium({
      coverageUsd: 1_000n * e18,
      period: YEAR,
      activeCoverageUsd: 0n,
      price: 2n * e18, // 2 USD per token: 500 tokens of coverage
      stayingStake: 1_000n * e18,
      collateralizationRatio: WAD, // capacity 1,000 tokens
      curve,
    });
    assert.equal(quote.utilization, WAD / 2n);
    // 0% -> 50% utilization, below the kink: the average rate is the rate at 25%.
    assert.equal(quote.rate, curve.baseRate + (curve.slope1 * 5n) / 16n);
    assert.equal(quote.premium, (500n * e18 * quote.rate) / WAD);
    const none = quotePremium({
      ...{ coverageUsd: 1n, period: 1n, activeCoverageUsd: 0n, price: e18 },
      stayingStake: 0n,
      collateralizationRatio: WAD,
      curve,
    });
    assert.equal(none.utilization, WAD);
  });

  it("prices a purchase over the utilization it spans: splitting it never costs less", () => {
    const inputs = {
      period: YEAR / 3n,
      price: (3n * e18) / 2n,
      stayingStake: 1_000_000n * e18,
      collateralizationRatio: WAD / 2n,
      curve,
    };
    const whole = quotePremium({
      ...inputs,
      coverageUsd: 600_000n * e18,
      activeCoverageUsd: 100_000n * e18,
    }).premium;
    let active = 100_000n * e18;
    let parts = 0n;
    for (const coverageUsd of [1n, 200_000n * e18 - 1n, 250_000n * e18, 150_000n * e18]) {
      parts += quotePremium({ ...inputs, coverageUsd, activeCoverageUsd: active }).premium;
      active += coverageUsd;
    }
    assert.ok(parts >= whole, `${parts} < ${whole}`);
    assert.ok(parts - whole <= 4n, "only the rounding of each part");
    // The integral is continuous at the kink and at capacity (each piece meets the next).
    const capacity = 750_000n * e18;
    const k = (capacity * curve.kink) / WAD;
    for (const x of [k, capacity]) {
      assert.ok(
        premiumIntegral(curve, x + 1n, capacity) - premiumIntegral(curve, x, capacity) >= 0n,
      );
      assert.ok(
        premiumIntegral(curve, x, capacity) - premiumIntegral(curve, x - 1n, capacity) >= 0n,
      );
    }
  });

  it("converts USD with the named rounding", () => {
    assert.equal(usdToTokens(10n * e18, 3n * e18, "floor"), 3_333_333_333_333_333_333n);
    assert.equal(usdToTokens(10n * e18, 3n * e18, "ceil"), 3_333_333_333_333_333_334n);
    assert.equal(payoutTokens(2_000n * e18, (125n * e18) / 100n), 1_600n * e18);
  });
});

describe("claim deadlines", () => {
  const periods = { claimantResponsePeriod: 3n * 86_400n };

  it("derives who may act until when from the status and deadline", () => {
    assert.equal(claimStatusName(2), "SettlementProposed");
    assert.equal(claimStatusName(42), "Unknown(42)");
    assert.deepEqual(claimDeadlines({ status: 1, deadline: 1_000n }, periods), {
      mediatorUntil: 1_000n,
      escalateFrom: 1_001n,
      escalateUntil: 1_000n + periods.claimantResponsePeriod,
      timeOutFrom: 1_001n + periods.claimantResponsePeriod,
    });
    assert.deepEqual(claimDeadlines({ status: 2, deadline: 500 }, periods), {
      acceptSettlementUntil: 500n,
      escalateUntil: 500n,
      timeOutFrom: 501n,
    });
    assert.deepEqual(claimDeadlines({ status: 3, deadline: 500 }, periods), {
      escalateUntil: 500n,
      timeOutFrom: 501n,
    });
    assert.deepEqual(claimDeadlines({ status: 6, deadline: 500 }, periods), {});
    assert.deepEqual(claimDeadlines({ status: 4, deadline: 500 }, periods), {
      closeStalledFrom: 501n,
    });
  });
});

describe("claim bond and incident cover", () => {
  const bond = { floor: 50n * e18, rate: 10n ** 16n, tokenUnit: e18 };

  it("charges the floor plus the rate per USD claimed, rounded up", () => {
    assert.equal(claimBond(5_000n * e18, bond), 100n * e18);
    assert.equal(claimBond(0n, bond), 50n * e18);
    // One USD unit (1e-18 USD) costs a whole token unit more: rounded up, never down.
    assert.equal(claimBond(1n, bond), 50n * e18 + 1n);
    assert.equal(claimBond(5_000n * e18, { ...bond, rate: 0n }), 50n * e18);
    // A 6-decimal token: 0.01 token per USD is 10,000 units per USD.
    assert.equal(
      claimBond(3n * e18, { floor: 0n, rate: 10n ** 16n, tokenUnit: 10n ** 6n }),
      30_000n,
    );
  });

  it("covers incidents from the policy's start plus the waiting period, not a second before", () => {
    const policy = { claimsAllowedFrom: 1_000 };
    const waiting = 86_400n;
    const from = 1_000n + waiting;
    assert.deepEqual(incidentCover(from, policy, waiting, from + 10n), {
      coverFrom: from,
      covered: true,
    });
    assert.equal(incidentCover(from - 1n, policy, waiting, from + 10n).covered, false);
  });

  it("covers incidents up to now, not a second in the future", () => {
    const policy = { claimsAllowedFrom: 1_000n };
    assert.equal(incidentCover(5_000n, policy, 0n, 5_000n).covered, true);
    assert.equal(incidentCover(5_001n, policy, 0n, 5_000n).covered, false);
  });
});
