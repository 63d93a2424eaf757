// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RewardMath} from "../../src/libraries/RewardMath.sol";
import {Test, stdError} from "forge-std/Test.sol";

/// @notice External entry points so that reverts of the (internal) library can be expected.
contract RewardMathHarness {
    function nextApr(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 stakeTarget,
        uint256 step,
        uint256 minApr,
        uint256 maxApr
    ) external pure returns (uint256) {
        return RewardMath.nextApr(apr, totalStake, supply, stakeTarget, step, minApr, maxApr);
    }

    function reward(uint256 totalStake, uint256 apr, uint256 duration) external pure returns (uint256) {
        return RewardMath.reward(totalStake, apr, duration);
    }

    function rewardIndexOf(uint256 growthIndex) external pure returns (uint256) {
        return RewardMath.rewardIndexOf(growthIndex);
    }
}

/// @notice Fuzz tests of RewardMath against plain references written from the rules (issue #3, IStakingPool):
/// the epoch rate controller, the epoch reward, the vesting schedule and the growth index G / reward index A.
/// Ranges are the real ones (StakingPoolBase/Extension): rates and the stake target in [0, HUNDRED_PERCENT = 1e8],
/// the step in [0, 10%], stakes in uint104, G at least INDEX_SCALE.
contract RewardMathFuzzTest is Test {
    uint256 internal constant H = 1e8; // HUNDRED_PERCENT
    uint256 internal constant MAX_STEP = H / 10; // MAX_APR_UPDATE_STEP
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant ONE = 1e27; // INDEX_SCALE
    uint256 internal constant EPOCH = 1 weeks;

    RewardMathHarness internal harness;

    function setUp() public {
        harness = new RewardMathHarness();
    }

    // ---------------------------------------------------------------------------------------------------------
    // References
    // ---------------------------------------------------------------------------------------------------------

    /// @dev Issue #3: one step up if strictly less than `target` (of 1e8) of `supply` is staked, one step down
    /// (not below 0) otherwise, then clipped to [minApr, maxApr]. Written without the code's cross-multiplication:
    /// staked/supply < target/H  <=>  floor(staked * H / supply) < target (target is an integer). With no supply
    /// any stake is at or above the target (0 < 0 is false), so the rate steps down.
    function _refNextApr(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 target,
        uint256 step,
        uint256 minApr,
        uint256 maxApr
    ) internal pure returns (uint256) {
        bool below = supply != 0 && (totalStake * H) / supply < target;
        uint256 moved;
        if (below) {
            moved = apr + step;
        } else if (apr >= step) {
            moved = apr - step;
        } else {
            moved = 0;
        }
        if (moved > maxApr) moved = maxApr;
        if (moved < minApr) moved = minApr;
        return moved;
    }

    /// @dev IStakingPool: `totalStake * apr * duration / (365 days * HUNDRED_PERCENT)`, rounded down.
    function _refReward(uint256 totalStake, uint256 apr, uint256 duration) internal pure returns (uint256) {
        return totalStake * apr * duration / (YEAR * H);
    }

    /// @dev Linear schedule: the not-yet-vested part `amount * (end - time) / (end - start)`, rounded up.
    function _refUnvested(uint256 amount, uint256 start, uint256 end, uint256 time) internal pure returns (uint256) {
        if (time >= end) return 0;
        if (time <= start) return amount;
        uint256 num = amount * (end - time);
        uint256 den = end - start;
        return num / den + (num % den == 0 ? 0 : 1);
    }

    /// @dev G * (totalStake + 1 + released) / (totalStake + 1), rounded down (1 = ShareMath.VIRTUAL_ASSETS).
    function _refGrow(uint256 totalStake, uint256 released, uint256 g) internal pure returns (uint256) {
        uint256 base = totalStake + 1;
        return g * (base + released) / base;
    }

    function _params(uint256 apr, uint256 target, uint256 step, uint256 minApr, uint256 maxApr)
        internal
        pure
        returns (uint256, uint256, uint256, uint256, uint256)
    {
        maxApr = bound(maxApr, 0, H);
        minApr = bound(minApr, 0, maxApr);
        apr = bound(apr, minApr, maxApr); // the stored rate is always clipped into the bounds
        target = bound(target, 0, H);
        step = bound(step, 0, MAX_STEP);
        return (apr, target, step, minApr, maxApr);
    }

    // ---------------------------------------------------------------------------------------------------------
    // (1) nextApr
    // ---------------------------------------------------------------------------------------------------------

    function testFuzz_nextApr_matchesReference(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 target,
        uint256 step,
        uint256 minApr,
        uint256 maxApr
    ) public pure {
        (apr, target, step, minApr, maxApr) = _params(apr, target, step, minApr, maxApr);
        totalStake = bound(totalStake, 0, type(uint104).max);
        // Any supply, including 0 and less than the stake (a burnable token), up to where target * supply fits.
        supply = bound(supply, 0, type(uint256).max / H);
        uint256 got = RewardMath.nextApr(apr, totalStake, supply, target, step, minApr, maxApr);
        assertEq(got, _refNextApr(apr, totalStake, supply, target, step, minApr, maxApr), "nextApr");
        assertGe(got, minApr, "below minApr");
        assertLe(got, maxApr, "above maxApr");
        assertLe(got > apr ? got - apr : apr - got, step, "moved by more than a step");
    }

    /// @dev Also a rate outside the bounds (e.g. one just narrowed) lands inside them.
    function testFuzz_nextApr_anyRateIsClipped(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 target,
        uint256 step,
        uint256 minApr,
        uint256 maxApr
    ) public pure {
        maxApr = bound(maxApr, 0, H);
        minApr = bound(minApr, 0, maxApr);
        apr = bound(apr, 0, type(uint32).max);
        target = bound(target, 0, H);
        step = bound(step, 0, MAX_STEP);
        totalStake = bound(totalStake, 0, type(uint104).max);
        supply = bound(supply, 0, type(uint128).max);
        uint256 got = RewardMath.nextApr(apr, totalStake, supply, target, step, minApr, maxApr);
        assertEq(got, _refNextApr(apr, totalStake, supply, target, step, minApr, maxApr), "nextApr");
    }

    /// @dev Strictly below the target: one step up (before clipping).
    function testFuzz_nextApr_belowTargetStepsUp(uint256 k, uint256 target, uint256 step, uint256 deficit) public pure {
        target = bound(target, 1, H);
        step = bound(step, 1, MAX_STEP);
        k = bound(k, 1, type(uint64).max);
        uint256 supply = H * k;
        uint256 atTarget = target * k; // exactly `target` of the supply
        deficit = bound(deficit, 1, atTarget);
        uint256 apr = H / 2;
        assertEq(RewardMath.nextApr(apr, atTarget - deficit, supply, target, step, 0, H), apr + step, "up");
    }

    /// @dev Exactly at the target, or above it: one step down.
    function testFuzz_nextApr_atOrAboveTargetStepsDown(uint256 k, uint256 target, uint256 step, uint256 excess)
        public
        pure
    {
        target = bound(target, 0, H);
        step = bound(step, 1, MAX_STEP);
        k = bound(k, 1, type(uint64).max);
        uint256 supply = H * k;
        excess = bound(excess, 0, type(uint96).max); // up to more than the whole supply staked
        uint256 apr = H / 2;
        assertEq(RewardMath.nextApr(apr, target * k + excess, supply, target, step, 0, H), apr - step, "down");
    }

    /// @dev No supply: the controller steps down (stake >= 0 = target * 0).
    function testFuzz_nextApr_zeroSupplyStepsDown(uint256 apr, uint256 totalStake, uint256 target, uint256 step)
        public
        pure
    {
        apr = bound(apr, 0, H);
        target = bound(target, 0, H);
        step = bound(step, 0, MAX_STEP);
        totalStake = bound(totalStake, 0, type(uint104).max);
        uint256 want = apr > step ? apr - step : 0;
        assertEq(RewardMath.nextApr(apr, totalStake, 0, target, step, 0, H), want, "zero supply");
    }

    /// @dev The step floors at 0 rather than underflowing, then the minimum applies.
    function testFuzz_nextApr_downSaturatesAtZero(uint256 apr, uint256 step, uint256 minApr) public pure {
        step = bound(step, 1, MAX_STEP);
        apr = bound(apr, 0, step);
        minApr = bound(minApr, 0, apr);
        // stake 1 of supply 1 is 100% >= any target
        assertEq(RewardMath.nextApr(apr, 1, 1, H, step, minApr, H), minApr, "saturated");
    }

    function testFuzz_nextApr_equalBoundsPinTheRate(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 target,
        uint256 step,
        uint256 bound_
    ) public pure {
        bound_ = bound(bound_, 0, H);
        apr = bound(apr, 0, type(uint32).max);
        target = bound(target, 0, H);
        step = bound(step, 0, MAX_STEP);
        totalStake = bound(totalStake, 0, type(uint104).max);
        supply = bound(supply, 0, type(uint128).max);
        assertEq(RewardMath.nextApr(apr, totalStake, supply, target, step, bound_, bound_), bound_, "pinned");
    }

    function testFuzz_nextApr_zeroStepKeepsTheRate(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 target,
        uint256 minApr,
        uint256 maxApr
    ) public pure {
        uint256 step;
        (apr, target, step, minApr, maxApr) = _params(apr, target, 0, minApr, maxApr);
        totalStake = bound(totalStake, 0, type(uint104).max);
        supply = bound(supply, 0, type(uint128).max);
        assertEq(RewardMath.nextApr(apr, totalStake, supply, target, step, minApr, maxApr), apr, "step 0");
    }

    /// @dev Documents the current behaviour: a supply so large that `stakeTarget * supply` overflows reverts.
    function testFuzz_nextApr_hugeSupplyReverts(uint256 supply, uint256 target) public {
        target = bound(target, 2, H);
        supply = bound(supply, type(uint256).max / target + 1, type(uint256).max);
        vm.expectRevert(stdError.arithmeticError);
        harness.nextApr(H / 2, 0, supply, target, 1, 0, H);
    }

    // ---------------------------------------------------------------------------------------------------------
    // (2) reward
    // ---------------------------------------------------------------------------------------------------------

    function testFuzz_reward_matchesReferenceRoundedDown(uint256 totalStake, uint256 apr, uint256 duration)
        public
        pure
    {
        totalStake = bound(totalStake, 0, type(uint104).max);
        apr = bound(apr, 0, H);
        duration = bound(duration, 0, EPOCH); // at most the rest of one epoch
        uint256 got = RewardMath.reward(totalStake, apr, duration);
        assertEq(got, _refReward(totalStake, apr, duration), "reward");
        // rounded down: got <= exact < got + 1
        uint256 exactNum = totalStake * apr * duration;
        assertLe(got * YEAR * H, exactNum, "rounded up");
        assertGt((got + 1) * YEAR * H, exactNum, "rounded down by more than one");
    }

    /// @dev Wider than the real ranges, still exact.
    function testFuzz_reward_wideInputs(uint256 totalStake, uint256 apr, uint256 duration) public pure {
        totalStake = bound(totalStake, 0, type(uint128).max);
        apr = bound(apr, 0, type(uint32).max);
        duration = bound(duration, 0, type(uint64).max);
        assertEq(RewardMath.reward(totalStake, apr, duration), _refReward(totalStake, apr, duration), "reward");
    }

    /// @dev Monotone in each argument.
    function testFuzz_reward_monotone(uint256 totalStake, uint256 apr, uint256 duration, uint256 d) public pure {
        totalStake = bound(totalStake, 0, type(uint104).max - 1);
        apr = bound(apr, 0, H - 1);
        duration = bound(duration, 0, EPOCH - 1);
        d = bound(d, 1, 1000);
        uint256 r = RewardMath.reward(totalStake, apr, duration);
        assertGe(RewardMath.reward(totalStake + 1, apr, duration), r, "stake");
        assertGe(RewardMath.reward(totalStake, apr + 1, duration), r, "apr");
        assertGe(RewardMath.reward(totalStake, apr, duration + d), r, "duration");
    }

    function test_reward_fullYearAtHundredPercentIsTheStake() public pure {
        assertEq(RewardMath.reward(1e18, H, YEAR), 1e18);
        assertEq(RewardMath.reward(type(uint104).max, H, YEAR), type(uint104).max);
        assertEq(RewardMath.reward(type(uint104).max, H, EPOCH), uint256(type(uint104).max) * EPOCH / YEAR);
        assertEq(RewardMath.reward(YEAR * H - 1, 1, 1), 0); // just below one token: rounds to 0
        assertEq(RewardMath.reward(YEAR * H, 1, 1), 1);
    }

    /// @dev No intermediate overflow: the product may exceed 256 bits as long as the result fits.
    function test_reward_fullPrecisionAtTheTop() public view {
        uint256 max = type(uint256).max;
        assertEq(harness.reward(max, H, YEAR), max, "max stake, 100%, one year");
        assertEq(harness.reward(max, H, EPOCH), max / YEAR * EPOCH + (max % YEAR) * EPOCH / YEAR, "one epoch");
        assertEq(harness.reward(max, 1, 1), max / (YEAR * H), "smallest rate");
    }

    /// @dev Reverts (panic 0x11) when the result does not fit, or when apr * duration overflows.
    function testFuzz_reward_overflowReverts(uint256 extra) public {
        extra = bound(extra, 1, YEAR);
        vm.expectRevert(stdError.arithmeticError);
        harness.reward(type(uint256).max, H, YEAR + extra);
        vm.expectRevert(stdError.arithmeticError);
        harness.reward(1, uint256(type(uint128).max) + 1, uint256(type(uint128).max) + extra); // 2^128 * 2^128+
    }

    // ---------------------------------------------------------------------------------------------------------
    // (3) unvested
    // ---------------------------------------------------------------------------------------------------------

    function testFuzz_unvested_matchesReferenceRoundedUp(uint256 amount, uint256 start, uint256 end, uint256 time)
        public
        pure
    {
        amount = bound(amount, 0, type(uint128).max);
        start = bound(start, 0, type(uint64).max);
        end = bound(end, 0, type(uint64).max);
        time = bound(time, 0, type(uint64).max);
        uint256 got = RewardMath.unvested(amount, start, end, time);
        assertEq(got, _refUnvested(amount, start, end, time), "unvested");
        assertLe(got, amount, "more than the amount");
        if (time > start && time < end) {
            uint256 num = amount * (end - time);
            uint256 den = end - start;
            assertGe(got * den, num, "rounded down");
            if (got != 0) assertLt((got - 1) * den, num, "rounded up by more than one");
        }
    }

    function testFuzz_unvested_endpoints(uint256 amount, uint256 start, uint256 length, uint256 t) public pure {
        amount = bound(amount, 0, type(uint128).max);
        start = bound(start, 0, type(uint64).max);
        length = bound(length, 0, type(uint32).max);
        uint256 end = start + length;
        t = bound(t, 0, type(uint64).max);
        assertEq(RewardMath.unvested(amount, start, end, end), 0, "at end");
        assertEq(RewardMath.unvested(amount, start, end, end + t), 0, "after end");
        if (end > start) {
            assertEq(RewardMath.unvested(amount, start, end, start), amount, "at start");
            assertEq(RewardMath.unvested(amount, start, end, start - (t % (start + 1))), amount, "before start");
        }
    }

    /// @dev Never increases with time, and any positive amount is not fully vested one second before the end.
    function testFuzz_unvested_monotoneInTime(uint256 amount, uint256 start, uint256 length, uint256 t1, uint256 t2)
        public
        pure
    {
        amount = bound(amount, 1, type(uint128).max);
        start = bound(start, 0, type(uint64).max);
        length = bound(length, 1, type(uint32).max);
        uint256 end = start + length;
        t1 = bound(t1, 0, end + 1);
        t2 = bound(t2, t1, end + 1);
        assertGe(RewardMath.unvested(amount, start, end, t1), RewardMath.unvested(amount, start, end, t2), "grew");
        assertGe(RewardMath.unvested(amount, start, end, end - 1), 1, "fully vested before the end");
        if (length > 1) assertLe(RewardMath.unvested(amount, start, end, start + 1), amount, "over amount");
    }

    // ---------------------------------------------------------------------------------------------------------
    // (4) grow / rewardIndexOf
    // ---------------------------------------------------------------------------------------------------------

    function testFuzz_grow_matchesReferenceRoundedDown(uint256 totalStake, uint256 released, uint256 g) public pure {
        totalStake = bound(totalStake, 0, type(uint104).max);
        released = bound(released, 0, type(uint104).max);
        g = bound(g, ONE, type(uint128).max);
        uint256 got = RewardMath.grow(totalStake, released, g);
        assertEq(got, _refGrow(totalStake, released, g), "grow");
        uint256 base = totalStake + 1;
        assertLe(got * base, g * (base + released), "rounded up");
        assertGt((got + 1) * base, g * (base + released), "rounded down by more than one");
        // A rises by released * G / (totalStake + 1), rounded down
        assertEq(RewardMath.rewardIndexOf(got) - RewardMath.rewardIndexOf(g), g * released / base, "delta A");
    }

    /// @dev G never decreases, strictly grows with any release when G is large enough to register it, and a
    /// larger release grows it at least as much.
    function testFuzz_grow_neverDecreases(uint256 totalStake, uint256 r1, uint256 r2, uint256 g) public pure {
        totalStake = bound(totalStake, 0, type(uint104).max);
        r1 = bound(r1, 0, type(uint104).max);
        r2 = bound(r2, r1, type(uint104).max);
        g = bound(g, ONE, type(uint128).max);
        uint256 g1 = RewardMath.grow(totalStake, r1, g);
        assertGe(g1, g, "decreased");
        assertGe(RewardMath.grow(totalStake, r2, g), g1, "not monotone in released");
        assertEq(RewardMath.grow(totalStake, 0, g), g, "zero release moved G");
        if (r1 != 0 && totalStake < ONE) assertGt(g1, g, "release lost");
    }

    /// @dev A chain of releases: G never decreases and stays at or below the exact product, by less than one unit
    /// per release (the error bound the pool's LOCK_ROUNDING_MARGIN relies on).
    function testFuzz_grow_chainErrorBound(uint256 totalStake, uint256[8] memory released) public pure {
        totalStake = bound(totalStake, 0, type(uint64).max);
        uint256 g = ONE;
        // exact G = ONE * prod((b_i + r_i) / b_i) = ONE * (b_n) / (b_0) since b_{i+1} = b_i + r_i
        uint256 base0 = totalStake + 1;
        uint256 stake = totalStake;
        for (uint256 i; i < released.length; ++i) {
            uint256 r = bound(released[i], 0, type(uint64).max);
            uint256 next = RewardMath.grow(stake, r, g);
            assertGe(next, g, "decreased");
            g = next;
            stake += r;
        }
        // exact = ONE * (stake + 1) / base0; the rounded G is below it, by less than n units times the growth
        // factor of the later releases (each unit lost is multiplied by them): g <= exact, and
        // exact - g < n * (stake + 1) / base0 + 1 (loose, holds since each later factor <= (stake + 1) / base0).
        uint256 exactNum = ONE * (stake + 1);
        assertLe(g * base0, exactNum, "above the exact product");
        assertLt(exactNum - g * base0, (released.length + 1) * (stake + 1), "error too large");
    }

    function testFuzz_rewardIndexOf(uint256 g) public view {
        g = bound(g, ONE, type(uint256).max);
        assertEq(harness.rewardIndexOf(g), g - ONE, "A = G - 1");
    }

    function testFuzz_rewardIndexOf_revertsBelowOne(uint256 g) public {
        g = bound(g, 0, ONE - 1);
        vm.expectRevert(stdError.arithmeticError);
        harness.rewardIndexOf(g);
    }
}
