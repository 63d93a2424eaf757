// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Release} from "../utils/Release.sol";

/// @notice Every setter: only its agent, within its hard bounds, evented.
contract StakingPoolGovernanceTest is PoolFixture {
    function _expectUnauthorized(address caller, address expected) internal {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.Unauthorized.selector, caller, expected));
        vm.prank(caller);
    }

    function _expectOutOfBounds(address agent, uint256 value, uint256 min, uint256 max) internal {
        vm.expectRevert(abi.encodeWithSelector(IStakingPool.ParameterOutOfBounds.selector, value, min, max));
        vm.prank(agent);
    }

    function test_constructor_revertsWhenZeroAddress() public {
        vm.expectRevert(IStakingPool.ZeroAddress.selector);
        Release.stakingPool(token, address(0), secondary);
        vm.expectRevert(IStakingPool.ZeroAddress.selector);
        Release.stakingPool(token, primary, address(0));
    }

    function test_setClaimsManager() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.ClaimsManagerSet(carol, true);
        vm.prank(primary);
        pool.setClaimsManager(carol, true);
        assertTrue(pool.isClaimsManager(carol));
        _expectUnauthorized(secondary, primary);
        pool.setClaimsManager(carol, false);
        vm.expectRevert(IStakingPool.ZeroAddress.selector);
        vm.prank(primary);
        pool.setClaimsManager(address(0), true);
        assertTrue(pool.isClaimsManager(carol));
    }

    function test_setUnstakeWaitPeriod() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.UnstakeWaitPeriodSet(2 weeks);
        vm.prank(primary);
        pool.setUnstakeWaitPeriod(2 weeks);
        assertEq(pool.unstakeWaitPeriod(), 2 weeks);
        _expectOutOfBounds(primary, 1 weeks - 1, 1 weeks, 52 weeks);
        pool.setUnstakeWaitPeriod(1 weeks - 1);
        _expectOutOfBounds(primary, 52 weeks + 1, 1 weeks, 52 weeks);
        pool.setUnstakeWaitPeriod(52 weeks + 1);
        _expectUnauthorized(secondary, primary);
        pool.setUnstakeWaitPeriod(3 weeks);
        assertEq(pool.unstakeWaitPeriod(), 2 weeks);
        // It applies to unstakes scheduled afterwards.
        _depositAndStake(alice, 10e18);
        _schedule(alice, 1e18);
        assertEq(_pending(alice).maturesAt, block.timestamp + 2 weeks);
    }

    function test_setVestingManagerAndAgents() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.VestingManagerSet(carol);
        vm.prank(primary);
        pool.setVestingManager(carol);
        assertEq(pool.vestingManager(), carol);
        _expectUnauthorized(carol, primary);
        pool.setVestingManager(carol);

        vm.expectEmit(address(pool));
        emit IStakingPool.SecondaryAgentSet(bob);
        vm.prank(primary);
        pool.setSecondaryAgent(bob);
        assertEq(pool.secondaryAgent(), bob);
        vm.expectRevert(IStakingPool.ZeroAddress.selector);
        vm.prank(primary);
        pool.setSecondaryAgent(address(0));

        vm.expectRevert(IStakingPool.ZeroAddress.selector);
        vm.prank(primary);
        pool.setPrimaryAgent(address(0));
        vm.expectEmit(address(pool));
        emit IStakingPool.PrimaryAgentSet(alice);
        vm.prank(primary);
        pool.setPrimaryAgent(alice);
        assertEq(pool.primaryAgent(), alice);
        _expectUnauthorized(primary, alice);
        pool.setPrimaryAgent(primary);
    }

    function test_setMinAprAndMaxApr_clipTheCurrentApr() public {
        _expectUnauthorized(primary, secondary);
        pool.setMinApr(0);
        _expectOutOfBounds(secondary, 75_000_001, 0, 75_000_000);
        pool.setMinApr(75_000_001);
        vm.expectEmit(address(pool));
        emit IStakingPool.MinAprSet(50_000_000);
        vm.prank(secondary);
        pool.setMinApr(50_000_000);
        assertEq(pool.minApr(), 50_000_000);
        assertEq(pool.apr(), 50_000_000, "clipped up");

        _expectOutOfBounds(secondary, 49_999_999, 50_000_000, 100_000_000);
        pool.setMaxApr(49_999_999);
        _expectOutOfBounds(secondary, 100_000_001, 50_000_000, 100_000_000);
        pool.setMaxApr(100_000_001);
        vm.prank(secondary);
        pool.setMinApr(0);
        vm.expectEmit(address(pool));
        emit IStakingPool.MaxAprSet(10_000_000);
        vm.prank(secondary);
        pool.setMaxApr(10_000_000);
        assertEq(pool.maxApr(), 10_000_000);
        assertEq(pool.apr(), 10_000_000, "clipped down");
    }

    function test_setAprUpdateStepAndStakeTarget() public {
        vm.expectEmit(address(pool));
        emit IStakingPool.AprUpdateStepSet(10_000_000);
        vm.prank(secondary);
        pool.setAprUpdateStep(10_000_000);
        assertEq(pool.aprUpdateStep(), 10_000_000);
        _expectOutOfBounds(secondary, 10_000_001, 0, 10_000_000);
        pool.setAprUpdateStep(10_000_001);
        _expectUnauthorized(primary, secondary);
        pool.setAprUpdateStep(1);

        vm.expectEmit(address(pool));
        emit IStakingPool.StakeTargetSet(100_000_000);
        vm.prank(secondary);
        pool.setStakeTarget(100_000_000);
        assertEq(pool.stakeTarget(), 100_000_000);
        _expectOutOfBounds(secondary, 100_000_001, 0, 100_000_000);
        pool.setStakeTarget(100_000_001);
        _expectUnauthorized(primary, secondary);
        pool.setStakeTarget(1);
        // A 10-point step toward a 100% target.
        _depositAndStake(alice, 10e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.apr(), 38_750_000 + 10_000_000);
    }
}
