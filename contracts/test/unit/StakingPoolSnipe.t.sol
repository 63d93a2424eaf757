// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";

/// @notice Lumps that arrive at a moment someone chooses (added rewards, forfeited bonds, what a pending unstake
/// earned beyond its amount) cannot be sniped: they are queued and streamed over the next full epoch, so a stake
/// held for a few seconds around their arrival earns at most its stake x time share of them.
/// The bound each attack test states: over the epoch a lump streams in, a staker holding the fraction `f` of the
/// shares for `t` of its `WEEK` seconds earns at most `lump * f * t / WEEK` of it (plus rounding).
/// (Issue "Staking nobody can snipe": before, a stake held 10 s before the epoch's end took half of the lump.)
contract StakingPoolSnipeTest is PoolFixture {
    address internal attacker = makeAddr("attacker");

    function setUp() public override {
        super.setUp();
        _fund(attacker);
        // No minted rewards: a stake moves only through the lumps under test.
        vm.prank(owner);
        token.setMinter(address(pool), false);
    }

    function _deadShares() internal view returns (uint256) {
        return StakingPool(address(pool)).DEAD_SHARES();
    }

    function _minFirstStake() internal view returns (uint256) {
        return StakingPool(address(pool)).MIN_FIRST_STAKE();
    }

    /// @dev The attacker's gain from staking `stake` at `stakeAt`, a lump of `lump` added at `lumpAt`, and leaving
    /// (`scheduleUnstake`, which fixes what it receives) at `leaveAt`.
    function _snipe(uint256 stake, uint256 lump, uint256 stakeAt, uint256 lumpAt, uint256 leaveAt)
        internal
        returns (uint256 gain, uint256 shareOfPool)
    {
        vm.warp(stakeAt);
        uint256 shares = _depositAndStake(attacker, stake);
        shareOfPool = shares * 1e18 / pool.totalShares();
        vm.warp(lumpAt);
        vm.prank(carol);
        pool.addRewards(lump);
        vm.warp(leaveAt);
        uint256 amount = _schedule(attacker, shares);
        gain = amount > stake ? amount - stake : 0;
    }

    function test_addRewards_stakeHeldTenSecondsBeforeTheEpochEndsGainsNothing() public {
        _depositAndStake(alice, 1000e18);
        uint256 end = _epochStart(START_EPOCH + 1);
        // The attack of the issue: stake 10 s before the end, the lump arrives, leave just after the epoch starts.
        (uint256 gain,) = _snipe(1000e18, 100e18, end - 10, end - 5, end + 10);
        // Bound: half the shares for 10 s of the lump's epoch: 100e18 * 0.5 * 10 / WEEK = ~8.3e14.
        assertLe(gain, 100e18 * 10 / WEEK / 2 + 1e6, "at most its stake x time share");
        (uint256 queued,) = pool.queuedRewards();
        assertEq(queued, 0, "the lump left the queue at the epoch start");
    }

    function test_addRewards_streamsOverTheNextEpochToTheStakersPresent() public {
        _depositAndStake(alice, 300e18);
        _depositAndStake(bob, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.RewardsAdded(carol, 40e18, 40e18);
        vm.prank(carol);
        pool.addRewards(40e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.stakeOf(alice), 300e18, "nothing released in the epoch it arrived");
        vm.warp(_epochStart(START_EPOCH + 1) + WEEK / 2);
        uint256 total = 400e18 + SEED;
        assertApproxEqAbs(pool.stakeOf(alice), 300e18 + 20e18 * 300e18 / total, 1e6, "half streamed at mid-epoch");
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        assertApproxEqAbs(pool.stakeOf(alice), 300e18 + 40e18 * 300e18 / total, 1e6);
        assertApproxEqAbs(pool.stakeOf(bob), 100e18 + 40e18 * 100e18 / total, 1e6);
    }

    function test_addRewards_idleEpochsReleaseTheLumpAtOnceToTheUnchangedStakers() public {
        _depositAndStake(alice, 300e18);
        vm.prank(carol);
        pool.addRewards(40e18);
        // Nobody calls the pool during the lump's epoch: shares cannot have changed, so the whole lump is due.
        vm.warp(_epochStart(START_EPOCH + 2) + 1);
        uint256 viewed = pool.stakeOf(alice);
        pool.accrue();
        assertEq(pool.stakeOf(alice), viewed, "the view agrees with the accrual");
        assertApproxEqAbs(viewed, 300e18 + 40e18 * 300e18 / (300e18 + SEED), 1e6);
    }

    /// @dev Fuzzed timing: whenever the attacker stakes, the lump arrives and the attacker leaves, its gain stays
    /// within its stake x time share of the epoch the lump streams over.
    function testFuzz_addRewards_gainAtMostStakeTimeShare(uint256 stakeAt, uint256 lumpAt, uint256 leaveAt) public {
        _depositAndStake(alice, 1000e18);
        uint256 start = _epochStart(START_EPOCH + 1);
        stakeAt = bound(stakeAt, START, start + WEEK - 1);
        lumpAt = bound(lumpAt, stakeAt, start + WEEK - 1);
        leaveAt = bound(leaveAt, lumpAt, start + 3 * WEEK);
        (uint256 gain, uint256 share) = _snipe(1000e18, 100e18, stakeAt, lumpAt, leaveAt);
        // The lump streams over the epoch after the one it arrived in.
        uint256 streamStart = (lumpAt / WEEK + 1) * WEEK;
        uint256 held = leaveAt > streamStart ? leaveAt - streamStart : 0;
        if (held > WEEK) held = WEEK;
        assertLe(gain, 100e18 * share / 1e18 * held / WEEK + 1e6, "at most its stake x time share");
    }

    /// @dev A pending unstake's earnings beyond its fixed amount go back to the stakers when anyone executes it; a
    /// stake placed just before that call gets no more than its time share of them.
    function test_unstake_reStreamedEarningsCannotBeSniped() public {
        _depositAndStake(alice, 1000e18);
        _depositAndStake(bob, 1000e18);
        _schedule(bob, pool.sharesOf(bob));
        // The stake grows while bob waits: his pending shares earn, but he receives only his fixed amount.
        vm.prank(carol);
        pool.addRewards(500e18);
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        uint256 end = _epochStart(START_EPOCH + 3);
        vm.warp(end - 10);
        uint256 shares = _depositAndStake(attacker, 1000e18);
        (uint256 queuedBefore,) = pool.queuedRewards();
        pool.unstake(bob);
        (uint256 queuedAfter,) = pool.queuedRewards();
        uint256 reStreamed = queuedAfter - queuedBefore;
        assertGt(reStreamed, 100e18, "bob's pending shares earned a real sum, queued");
        vm.warp(end + 10);
        uint256 amount = _schedule(attacker, shares);
        uint256 gain = amount > 1000e18 ? amount - 1000e18 : 0;
        // Bound: about half the shares for 10 s of the epoch the sum streams over.
        assertLe(gain, reStreamed * 10 / WEEK + 1e6, "at most its stake x time share");
    }

    // ----------------------------------------------------------------- share eras

    function test_stake_firstStakeOfAnEraAtTheMinimum() public {
        _payOut(pool.totalStake()); // wipe-out: a new era without shares
        assertEq(pool.totalShares(), 0);
        uint256 minimum = _minFirstStake();
        assertEq(minimum, 1e18, "one whole token of an 18-decimal token");
        _depositAndStake(alice, minimum);
        assertEq(pool.sharesOf(alice), minimum - _deadShares());
    }

    function test_stake_firstStakeOfAnEraOneUnitBelowTheMinimumReverts() public {
        _payOut(pool.totalStake());
        uint256 minimum = _minFirstStake();
        _deposit(alice, minimum - 1);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.FirstStakeTooSmall.selector, minimum - 1, minimum));
        vm.prank(alice);
        pool.stake(minimum - 1);
        assertEq(_stateOf(alice), before, "nothing changed");
    }

    /// @dev Tried before the fix: after a wipe-out left 18,000 tokens to the next era, a first stake of 1,001 units
    /// handed ~99.9% of them to the dead shares. Now the leftover waits for the new era's stakers and streams to them.
    function test_endEra_leftoverStreamsToTheNewEraNotToTheDeadShares() public {
        _depositAndStake(alice, 1000e18);
        vm.prank(carol);
        pool.addRewards(18_000e18); // queued for the next epoch
        _payOut(pool.totalStake()); // wipe-out in the same epoch
        (uint256 leftover,) = pool.queuedRewards();
        assertEq(leftover, 18_000e18, "the leftover is queued");
        vm.warp(block.timestamp + 3 days);
        uint256 minimum = _minFirstStake();
        _depositAndStake(bob, minimum);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.stakeOf(bob), minimum - _deadShares(), "nothing released in the era's first epoch before it");
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        uint256 bobStake = pool.stakeOf(bob);
        uint256 dead = pool.totalStake() - bobStake;
        // The dead shares hold 1000 of 1e18 shares (and the price's virtual share one more): at most that part.
        assertLe(
            dead, (minimum + 18_000e18) * (_deadShares() + 1) / minimum + 2, "the dead shares keep a negligible part"
        );
        assertApproxEqRel(bobStake, minimum + 18_000e18, 1e-12 * 1e18);
        // Later stakes still mint shares at a sane price.
        _depositAndStake(alice, 1e18);
        assertGt(pool.sharesOf(alice), 0);
    }

    function test_scheduleUnstake_voidPendingOfAnEndedEraDoesNotBlock() public {
        _depositAndStake(bob, 1000e18);
        _schedule(bob, pool.sharesOf(bob)); // matures in a week
        _payOut(pool.totalStake()); // the era ends: bob's pending unstake is void
        _depositAndStake(bob, 10e18);
        uint256 shares = pool.sharesOf(bob);
        uint256 amount = _schedule(bob, shares);
        assertApproxEqAbs(amount, 10e18 - _deadShares(), 1, "the new era's unstake replaced the void one");
        assertEq(_pending(bob).shares, shares);
    }

    function test_scheduleUnstake_livePendingOfThisEraStillBlocks() public {
        _depositAndStake(bob, 1000e18);
        _schedule(bob, 100e18);
        uint256 maturesAt = block.timestamp + WEEK;
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakeAlreadyPending.selector, bob, maturesAt));
        vm.prank(bob);
        pool.scheduleUnstake(100e18);
    }

    /// @dev When the last staker leaves, what streams waits for the next staker instead of accruing to the dead shares.
    function test_emptyPool_rewardsWaitForTheNextStaker() public {
        uint256 seederShares = pool.sharesOf(seeder);
        vm.prank(seeder);
        pool.scheduleUnstake(seederShares);
        vm.prank(carol);
        pool.addRewards(50e18); // streams over the next epoch, to the seeder's pending shares at first
        vm.warp(START + WEEK); // a day into the stream: the seeder's unstake matures and the last staker leaves
        pool.unstake(seeder);
        assertEq(pool.totalShares(), _deadShares());
        uint256 deadStake = pool.totalStake();
        vm.warp(_epochStart(START_EPOCH + 3));
        pool.accrue();
        assertEq(pool.totalStake(), deadStake, "nothing accrued to the dead shares");
        (uint256 waiting,) = pool.queuedRewards();
        assertGt(waiting, 49e18, "the lump, less what the pending shares earned, waits in the queue");
        _depositAndStake(alice, 100e18);
        vm.warp(_epochStart(START_EPOCH + 5));
        pool.accrue();
        assertApproxEqRel(pool.stakeOf(alice), 100e18 + waiting, 1e-12 * 1e18, "the next staker receives it");
    }
}
