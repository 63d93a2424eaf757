import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseEther } from "viem";
import { getBlock, readContract } from "viem/actions";
import { approve } from "../actions/token/approve.ts";
import { BaseError } from "../errors/base.ts";
import {
  addRewards,
  convertToAssets,
  convertToShares,
  depositAndStake,
  getLockedRewards,
  getShares,
  getStake,
  getUnstaked,
  getUnvested,
  getWithdrawable,
  payOutClaim,
  scheduleUnstake,
  unstake,
  withdraw,
} from "../generated/actions.ts";
import { iStakingPoolAbi } from "../generated/contracts.ts";
import { type PoolFixture, prng, startPoolFixture } from "../testing/poolFixture.ts";
import { accruedTotals, withdrawable } from "./rewards.ts";
import { toAssetsDown, toSharesDown, unstakePayout } from "./shares.ts";

const SEED = Number(process.env.IPOOL_FUZZ_SEED ?? 20261129);
const STEPS = 45;
const USERS = [1, 2, 3, 4] as const;

describe("share maths = the pool's views, over random on-chain states", () => {
  let fx: PoolFixture;
  before(async () => {
    fx = await startPoolFixture();
    for (const index of USERS) {
      await approve(fx.wallet(index), { token: fx.token, spender: fx.pool, amount: 2n ** 255n });
    }
    await approve(fx.wallet(0), { token: fx.token, spender: fx.pool, amount: 2n ** 255n });
  });
  after(async () => fx?.stop());

  it(`matches convertToShares/convertToAssets, stakeOf, withdrawableOf and pending unstakes (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const read = async <name extends "totalStake" | "totalShares">(functionName: name) =>
      readContract(fx.wallet(0), { address: fx.pool, abi: iStakingPoolAbi, functionName });
    const c = () => fx.wallet(0);
    const pool = () => fx.pool;
    const userRead = (
      view:
        | "sharesOf"
        | "stakeOf"
        | "unstakedOf"
        | "withdrawableOf"
        | "lockedRewardsOf"
        | "unvestedOf",
      user: `0x${string}`,
    ): Promise<bigint> => {
      const parameters = { pool: pool(), user };
      switch (view) {
        case "sharesOf":
          return getShares(c(), parameters);
        case "stakeOf":
          return getStake(c(), parameters);
        case "unstakedOf":
          return getUnstaked(c(), parameters);
        case "withdrawableOf":
          return getWithdrawable(c(), parameters);
        case "lockedRewardsOf":
          return getLockedRewards(c(), parameters);
        default:
          return getUnvested(c(), parameters);
      }
    };
    let checks = 0;
    let expectedFailures = 0;
    const actions: string[] = [];

    for (let step = 0; step < STEPS; step++) {
      const index = random.pick(USERS);
      const client = fx.wallet(index);
      const user = client.account.address;
      const action = random.pick([
        "stake",
        "stake",
        "schedule",
        "unstake",
        "payout",
        "rewards",
        "warp",
        "withdraw",
      ] as const);
      actions.push(`${action}(${index})`);
      try {
        if (action === "stake") {
          // Amounts across 12 orders of magnitude, to catch rounding at small and large prices.
          const amount =
            1n + random.bigint(parseEther("1") * 10n ** BigInt(Math.floor(random.next() * 5)));
          await depositAndStake(client, { pool: fx.pool, amount });
        } else if (action === "schedule") {
          const shares = await userRead("sharesOf", user);
          await scheduleUnstake(client, { pool: fx.pool, shares: 1n + random.bigint(shares) });
        } else if (action === "unstake") {
          await unstake(client, { pool: fx.pool, user });
        } else if (action === "payout") {
          const totalStake = await read("totalStake");
          // Mostly partial payouts; now and then the whole stake (a wipe-out starts a new share era).
          const amount = random.next() < 0.1 ? totalStake : random.bigint(totalStake / 2n);
          await payOutClaim(fx.wallet(0), {
            pool: fx.pool,
            recipient: fx.wallet(5).account.address,
            amount,
          });
        } else if (action === "rewards") {
          await addRewards(fx.wallet(0), {
            pool: fx.pool,
            amount: 1n + random.bigint(parseEther("5000")),
          });
        } else if (action === "warp") {
          await fx.warp(1 + Math.floor(random.next() * 9 * 86_400));
        } else {
          const available = await userRead("withdrawableOf", user);
          await withdraw(client, {
            pool: fx.pool,
            recipient: user,
            amount: 1n + random.bigint(available),
          });
        }
      } catch (error) {
        // Random inputs may be refused (nothing staked, not mature, zero amount): the SDK must say so
        // with a decoded error, never an opaque one.
        assert.ok(error instanceof BaseError, `step ${step} ${action}: ${String(error)}`);
        assert.doesNotMatch(error.shortMessage, /unknown data/);
        expectedFailures++;
      }

      const block = await getBlock(fx.wallet(0));
      const [remaining, lastUpdate, , end] = await readContract(fx.wallet(0), {
        address: fx.pool,
        abi: iStakingPoolAbi,
        functionName: "rewardStream",
      });
      const stored = {
        totalStake: await read("totalStake"),
        totalShares: await read("totalShares"),
      };
      const [queuedAmount, queuedEpoch] = await readContract(fx.wallet(0), {
        address: fx.pool,
        abi: iStakingPoolAbi,
        functionName: "queuedRewards",
      });
      const totals = accruedTotals(
        stored,
        { remaining, lastUpdate, end },
        block.timestamp,
        { amount: queuedAmount, epoch: queuedEpoch },
        parseEther("1"),
      );
      for (let sample = 0; sample < 3; sample++) {
        const x = random.bigint(10n ** BigInt(1 + Math.floor(random.next() * 27)));
        const context = `step ${step} (${actions.join(" ")}), x=${x}, totals=${totals.totalStake}/${totals.totalShares}`;
        assert.equal(
          toSharesDown(x, totals),
          await convertToShares(fx.wallet(0), { pool: fx.pool, amount: x }),
          context,
        );
        assert.equal(
          toAssetsDown(x, totals),
          await convertToAssets(fx.wallet(0), { pool: fx.pool, shares: x }),
          context,
        );
        checks += 2;
      }
      for (const other of USERS) {
        const address = fx.wallet(other).account.address;
        const [shares, stakeValue, unstaked, onChainWithdrawable, locked, unvested, pending] =
          await Promise.all([
            userRead("sharesOf", address),
            userRead("stakeOf", address),
            userRead("unstakedOf", address),
            userRead("withdrawableOf", address),
            userRead("lockedRewardsOf", address),
            userRead("unvestedOf", address),
            readContract(fx.wallet(0), {
              address: fx.pool,
              abi: iStakingPoolAbi,
              functionName: "pendingUnstakeOf",
              args: [address],
            }),
          ]);
        const context = `step ${step} user ${other} (${actions.join(" ")})`;
        assert.equal(toAssetsDown(shares, totals), stakeValue, `stakeOf, ${context}`);
        assert.equal(
          withdrawable({ unstaked, stakeValue, pending: pending.amount, locked, unvested }),
          onChainWithdrawable,
          `withdrawableOf, ${context}`,
        );
        if (pending.shares > 0n && pending.amount > 0n) {
          assert.ok(unstakePayout(pending, totals) <= pending.amount, `pending, ${context}`);
        }
        checks += 2;
      }
    }
    assert.ok(checks > STEPS * 10, `${checks} checks`);
    assert.ok(expectedFailures < STEPS, "most random actions must go through");
  });
});
