// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Release} from "../utils/Release.sol";

/// @notice #12 rule 6: governance cannot empty the pool at once. What all claims managers together pay is capped per
/// rolling week (two fixed buckets), and a manager authorized while stake is in the pool acts only after stakers could
/// leave. Uses a pool with the cap as deployed (the fixture's pool is uncapped for accounting tests).
contract StakingPoolPayoutCapTest is PoolFixture {
    IStakingPool internal capped;
    address internal rogue = makeAddr("rogueManager");

    function setUp() public override {
        super.setUp();
        capped = Release.stakingPool(token, primary, secondary);
        vm.prank(primary);
        capped.setClaimsManager(claims, true);
        vm.prank(alice);
        token.approve(address(capped), type(uint256).max);
        vm.prank(alice);
        capped.depositAndStake(10_000e18);
        // Start at the beginning of a payout bucket.
        vm.warp((block.timestamp / WEEK + 1) * WEEK);
    }

    function _pay(address manager, uint256 amount) internal {
        vm.prank(manager);
        capped.payOutClaim(victim, amount);
    }

    /// @dev 25% of the stake per window by default: exactly the cap passes, one unit more does not.
    function test_payOutClaim_capsWhatAllManagersPayPerWindow() public {
        uint256 limit = capped.totalStake() * 25 / 100;
        (uint256 stake, uint256 available) = capped.payoutRoom();
        assertEq(stake, capped.totalStake());
        assertEq(available, limit);
        uint256 snapshot = vm.snapshotState();
        vm.prank(claims);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.PayoutCapExceeded.selector, limit + 1, limit));
        capped.payOutClaim(victim, limit + 1);
        _pay(claims, limit);
        (, available) = capped.payoutRoom();
        assertEq(available, 0);
        vm.prank(claims);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.PayoutCapExceeded.selector, 1, 0));
        capped.payOutClaim(victim, 1);
        vm.revertToState(snapshot);
        // Split in parts: the cap is a share of the stake before each payout, so the parts add up to no more.
        _pay(claims, limit / 2);
        (, available) = capped.payoutRoom();
        assertEq(available, (capped.totalStake() * 25 / 100) - limit / 2);
        _pay(claims, available);
        (, available) = capped.payoutRoom();
        assertEq(available, 0);
    }

    /// @dev The window rolls by fixed buckets: the next bucket still counts the last one's payouts; the one after
    /// does not. So no seven-day interval ever holds more than the cap.
    function test_payOutClaim_capRollsOverTwoBuckets() public {
        uint256 limit = capped.totalStake() * 25 / 100;
        _pay(claims, limit);
        vm.warp(block.timestamp + WEEK);
        (uint256 stake, uint256 available) = capped.payoutRoom();
        // The cap follows the stake, which the first payout lowered.
        uint256 newLimit = stake * 25 / 100;
        assertEq(available, newLimit > limit ? newLimit - limit : 0);
        vm.warp((block.timestamp / WEEK + 1) * WEEK - 1);
        (, available) = capped.payoutRoom();
        assertEq(available, 0);
        vm.warp(block.timestamp + 1);
        (, available) = capped.payoutRoom();
        assertEq(available, newLimit);
        _pay(claims, newLimit);
    }

    /// @dev A captured DAO authorizes a rogue manager to drain the pool: it waits the unstake wait plus the longest
    /// freeze (stakers can leave meanwhile), then takes at most the cap per window.
    function test_capturedDao_cannotEmptyThePoolAtOnce() public {
        vm.prank(primary);
        capped.setClaimsManager(rogue, true);
        uint256 stake = capped.totalStake();
        vm.prank(rogue);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, rogue));
        capped.payOutClaim(rogue, stake);
        vm.warp(block.timestamp + capped.unstakeWaitPeriod() + capped.maxFreeze());
        uint256 limit = stake * 25 / 100;
        vm.prank(rogue);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.PayoutCapExceeded.selector, stake, limit));
        capped.payOutClaim(rogue, stake);
        _pay(rogue, limit);
        assertEq(capped.totalStake(), stake - limit);
    }

    /// @dev The cap at its highest (50%) still lets a claim of half the stake through in one window.
    function test_setPayoutCap_raisesTheRoom() public {
        vm.prank(primary);
        capped.setPayoutCap(50e6);
        (, uint256 available) = capped.payoutRoom();
        assertEq(available, capped.totalStake() / 2);
        _pay(claims, capped.totalStake() / 2);
    }
}
