import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  breakingPriceDrop,
  droppedPrice,
  PAYOUT_WINDOW,
  type StressState,
  stakerLoss,
  stressScenario,
  worstScenarios,
} from "./stress.ts";

const e18 = 10n ** 18n;
const tokens = (n: number) => BigInt(n) * e18;
const usd = tokens;
const WEEK = PAYOUT_WINDOW;
/** A Monday-ish time in the middle of a weekly bucket. */
const NOW = 2_900n * WEEK + 3n * 86_400n;

/** 1,000,000 tokens staked at 1 USD, the defaults: mediator quota 10%, pool cap 25%, nothing used or owed. */
function state(overrides: Partial<StressState> = {}): StressState {
  return {
    now: NOW,
    price: e18,
    tokenDecimals: 18,
    totalStake: tokens(1_000_000),
    totalShares: tokens(1_000_000),
    payoutCap: 25_000_000n,
    poolWindowUsed: 0n,
    quotaShare: e18 / 10n,
    quotaUsed: 0n,
    owedTokens: 0n,
    queue: [],
    policies: [],
    stakers: [],
    ...overrides,
  };
}

const policy = (n: number, dapiId: number, claimable: bigint) => ({
  policyId: BigInt(n) << 192n,
  dapiId: BigInt(dapiId),
  claimableUsd: claimable,
});

describe("stressScenario: payouts, quotas and tranches", () => {
  it("a claim within the mediator's quota is paid at once, in one window", () => {
    const r = stressScenario(state({ policies: [policy(1, 1, usd(50_000))] }), [1n]);
    assert.equal(r.totalTokens, tokens(50_000));
    assert.equal(r.claims[0]?.paidNow, tokens(50_000));
    assert.deepEqual([r.payments, r.windows, r.weeks], [1, 1, 1]);
    assert.equal(r.paidBy, NOW);
    assert.equal(r.lossShare, e18 / 20n); // 5%
    assert.equal(r.stakeAfter, tokens(950_000));
    assert.equal(r.holds, true);
  });

  it("exactly the quota (10% of the stake) is one payment; one unit more waits two weeks for its tranche", () => {
    const at = stressScenario(state({ policies: [policy(1, 1, usd(100_000))] }), [1n]);
    assert.deepEqual([at.payments, at.windows, at.weeks], [1, 1, 1]);
    assert.equal(at.claims[0]?.paidNow, tokens(100_000));

    const past = stressScenario(state({ policies: [policy(1, 1, usd(100_000) + 1n)] }), [1n]);
    assert.equal(past.claims[0]?.paidNow, tokens(100_000));
    // Week 1: the quota is 10% of 900k = 90k, and the bucket before paid 100k: no room. Week 2: room again.
    assert.deepEqual([past.payments, past.windows, past.weeks], [2, 2, 3]);
    assert.deepEqual(
      past.schedule.map((w) => [w.week, w.paid]),
      [
        [0, tokens(100_000)],
        [2, 1n],
      ],
    );
    assert.equal(past.paidBy, (NOW / WEEK + 2n) * WEEK);
  });

  it("the NatSpec example: a claim of 25% of the stake with a 10% quota takes 3 tranches over 5 weeks", () => {
    const r = stressScenario(state({ policies: [policy(1, 1, usd(250_000))] }), [1n]);
    // 100k (10% of 1M), then 90k (10% of 900k) in week 2, then the last 60k in week 4.
    assert.deepEqual(
      r.schedule.map((w) => [w.week, w.paid]),
      [
        [0, tokens(100_000)],
        [2, tokens(90_000)],
        [4, tokens(60_000)],
      ],
    );
    assert.deepEqual([r.payments, r.windows, r.weeks], [3, 3, 5]);
    assert.equal(r.claims[0]?.tranches, 3);
    assert.equal(r.claims[0]?.lastWeek, 4);
  });

  it("the pool's cap binds when the quota is larger: exactly the cap at once, one unit past it waits", () => {
    const base = { quotaShare: e18 / 2n }; // 50% quota, 25% pool cap
    const at = stressScenario(state({ ...base, policies: [policy(1, 1, usd(250_000))] }), [1n]);
    assert.deepEqual([at.payments, at.weeks], [1, 1]);
    const past = stressScenario(state({ ...base, policies: [policy(1, 1, usd(250_000) + 1n)] }), [
      1n,
    ]);
    // Week 1: the cap is 25% of 750k = 187.5k, the bucket before paid 250k: no room; week 2 pays the unit.
    assert.deepEqual(
      past.schedule.map((w) => [w.week, w.paid]),
      [
        [0, tokens(250_000)],
        [2, 1n],
      ],
    );
  });

  it("what the windows already counted leaves only the rest now (counted in the current bucket)", () => {
    const r = stressScenario(
      state({ quotaUsed: tokens(60_000), policies: [policy(1, 1, usd(50_000))] }),
      [1n],
    );
    assert.equal(r.claims[0]?.paidNow, tokens(40_000));
    // Week 1: the current bucket (60k + 40k) is the previous one now, 100k > 10% of 960k: no room; week 2 pays.
    assert.deepEqual(
      r.schedule.map((w) => [w.week, w.paid]),
      [
        [0, tokens(40_000)],
        [2, tokens(10_000)],
      ],
    );
    const pool = stressScenario(
      state({ poolWindowUsed: tokens(250_000), policies: [policy(1, 1, usd(50_000))] }),
      [1n],
    );
    assert.equal(pool.claims[0]?.paidNow, 0n, "the pool's cap is used up");
    assert.equal(pool.schedule[0]?.week, 2);
  });

  it("claims already owed are paid first (FIFO), and a scenario's claims queue behind each other", () => {
    const r = stressScenario(
      state({
        owedTokens: tokens(30_000),
        queue: [tokens(30_000)],
        policies: [policy(2, 1, usd(50_000)), policy(1, 1, usd(40_000))],
      }),
      [1n],
    );
    // Policy order: 1 then 2. The queue is not empty, so nothing is paid at acceptance; the tranches pay 30k (old),
    // then 40k (policy 1), then policy 2 what is left of 10% of the shrinking stake: 10% of 930k = 93k less the 70k
    // used, 23k, in week 0; the last 27k in week 2.
    assert.deepEqual(
      r.claims.map((c) => [c.policyId >> 192n, c.paidNow, c.tranches, c.lastWeek]),
      [
        [1n, 0n, 1, 0],
        [2n, 0n, 2, 2],
      ],
    );
    assert.deepEqual(
      r.schedule.map((w) => [w.week, w.paid, w.payments]),
      [
        [0, tokens(63_000), 2],
        [2, tokens(27_000), 1],
      ],
    );
    assert.equal(r.stakeAfter, tokens(1_000_000 - 30_000 - 90_000));
    assert.equal(r.lossShare, (tokens(90_000) * e18) / tokens(1_000_000));
  });

  it("only the failing dAPIs' policies claim, and only what they have left", () => {
    const s = state({
      policies: [policy(1, 1, usd(10_000)), policy(2, 2, usd(20_000)), policy(3, 3, 0n)],
    });
    assert.equal(stressScenario(s, [2n]).totalUsd, usd(20_000));
    assert.equal(stressScenario(s, [1n, 2n, 3n]).claims.length, 2);
    assert.equal(stressScenario(s, [4n]).totalTokens, 0n);
    assert.deepEqual(
      [stressScenario(s, [4n]).weeks, stressScenario(s, [4n]).paidBy],
      [0, undefined],
    );
  });
});

describe("stressScenario: the stake and the price", () => {
  const stake = tokens(100_000);
  const small = {
    totalStake: stake,
    totalShares: stake,
    quotaShare: e18 / 2n,
    payoutCap: 50_000_000n,
  };

  it("holds exactly when the payouts equal the stake; one unit more is cut to the stake", () => {
    const at = stressScenario(state({ ...small, policies: [policy(1, 1, usd(100_000))] }), [1n]);
    assert.equal(at.holds, true);
    assert.equal(at.shortfallTokens, 0n);
    assert.equal(at.totalTokens, stake);
    const past = stressScenario(
      state({ ...small, policies: [policy(1, 1, usd(60_000)), policy(2, 1, usd(40_000) + 1n)] }),
      [1n],
    );
    assert.equal(past.holds, false);
    assert.equal(past.shortfallTokens, 1n);
    assert.equal(past.claims[1]?.tokens, tokens(40_000), "the second claim is cut to what is left");
    assert.equal(past.totalTokens, stake);
  });

  it("what is owed already counts against the stake", () => {
    const r = stressScenario(
      state({
        ...small,
        owedTokens: tokens(10_000),
        queue: [tokens(10_000)],
        policies: [policy(1, 1, usd(95_000))],
      }),
      [1n],
    );
    assert.equal(r.claims[0]?.tokens, tokens(90_000));
    assert.equal(r.holds, false);
  });

  it("a price drop converts the same USD into more tokens", () => {
    // 125,000 USD at 1.25 USD is 100,000 tokens: exactly the stake.
    const s = state({
      ...small,
      price: (125n * e18) / 100n,
      policies: [policy(1, 1, usd(125_000))],
    });
    assert.equal(stressScenario(s, [1n]).holds, true);
    const dropped = stressScenario(s, [1n], { priceDropBps: 1n });
    assert.equal(dropped.price, (125n * e18) / 100n - (125n * e18) / 100n / 10_000n);
    assert.equal(dropped.holds, false, "0.01% lower, the same claim needs more than the stake");
    // 20% lower: 1.00 USD, so 80,000 USD cost 80,000 tokens.
    const twenty = stressScenario(
      state({ ...small, price: (125n * e18) / 100n, policies: [policy(1, 1, usd(80_000))] }),
      [1n],
      { priceDropBps: 2_000n },
    );
    assert.equal(twenty.totalTokens, tokens(80_000));
  });

  it("refuses a drop of 100% or more", () => {
    assert.throws(() => droppedPrice(e18, 10_000n), /outside \[0, 10000\)/);
    assert.equal(droppedPrice(e18, 9_999n), e18 / 10_000n);
  });
});

describe("stakers' losses", () => {
  it("are pro rata to stake: 10% of the stake paid costs each staker 10%", () => {
    const r = stressScenario(
      state({
        quotaShare: e18 / 2n,
        policies: [policy(1, 1, usd(100_000))],
        stakers: [
          { account: "a", shares: tokens(600_000), pending: none },
          { account: "b", shares: tokens(400_000), pending: none },
        ],
      }),
      [1n],
    );
    assert.deepEqual(
      r.stakers.map((s) => [s.account, s.before, s.loss]),
      [
        ["a", tokens(600_000), tokens(60_000)],
        ["b", tokens(400_000), tokens(40_000)],
      ],
    );
  });

  const none = { shares: 0n, amount: 0n, frozen: false, liable: 0n };

  it("a pending unstake loses only below its scheduled amount; a frozen exit also answers for what left", () => {
    const S = tokens(1_000);
    // 100 pending shares worth 100 tokens, scheduled for 95: a 10% payout leaves them worth 90, so they lose 5.
    const pending = stakerLoss(
      {
        account: "p",
        shares: 0n,
        pending: { shares: tokens(100), amount: tokens(95), frozen: false, liable: 0n },
      },
      S,
      tokens(900),
      S,
    );
    assert.equal(pending.before, tokens(95));
    assert.equal(pending.loss, tokens(5));
    // Frozen: 100 shares held, scheduled for 100, liable for 50 that left: 10% costs 10 + 5.
    const frozen = stakerLoss(
      {
        account: "f",
        shares: 0n,
        pending: { shares: tokens(100), amount: tokens(100), frozen: true, liable: tokens(50) },
      },
      S,
      tokens(900),
      S,
    );
    assert.equal(frozen.loss, tokens(15));
    // The charge never takes more than the frozen part is worth.
    const wiped = stakerLoss(
      {
        account: "f",
        shares: 0n,
        pending: { shares: tokens(100), amount: tokens(100), frozen: true, liable: tokens(1_000) },
      },
      S,
      tokens(500),
      S,
    );
    assert.equal(wiped.loss, wiped.before);
  });
});

describe("worstScenarios", () => {
  it("picks the dAPI and the pair that pay the most", () => {
    const s = state({
      policies: [
        policy(1, 1, usd(30_000)),
        policy(2, 2, usd(50_000)),
        policy(3, 3, usd(40_000)),
        policy(4, 3, usd(5_000)),
      ],
    });
    const { single, pair } = worstScenarios(s);
    assert.deepEqual(single?.dapiIds, [2n]);
    assert.deepEqual(pair?.dapiIds, [2n, 3n]);
    assert.equal(pair?.totalTokens, tokens(95_000));
  });

  it("has no pair with one covered dAPI and nothing with none", () => {
    assert.deepEqual(worstScenarios(state({ policies: [policy(1, 1, usd(1))] })).pair, undefined);
    assert.deepEqual(worstScenarios(state()), { single: undefined, pair: undefined });
  });
});

describe("breakingPriceDrop", () => {
  it("is the largest drop that still holds: exactly there it holds, one basis point more it does not", () => {
    // 100,000 tokens at 1 USD; 80,000 USD of claims: holds while 80,000 / (1 - d) <= 100,000, i.e. d <= 20%.
    const s = state({
      totalStake: tokens(100_000),
      totalShares: tokens(100_000),
      policies: [policy(1, 1, usd(80_000))],
    });
    assert.equal(breakingPriceDrop(s, [1n]), 2_000n);
    assert.equal(stressScenario(s, [1n], { priceDropBps: 2_000n }).holds, true);
    assert.equal(stressScenario(s, [1n], { priceDropBps: 2_001n }).holds, false);
    assert.equal(breakingPriceDrop(s, [2n]), 9_999n, "nothing to pay holds at any drop");
    const broken = state({
      totalStake: tokens(10),
      totalShares: tokens(10),
      policies: [policy(1, 1, usd(11))],
    });
    assert.equal(breakingPriceDrop(broken, [1n]), undefined);
  });
});
