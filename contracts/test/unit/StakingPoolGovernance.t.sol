// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Release} from "../utils/Release.sol";

/// @notice Every setter: only its agent, within its hard bounds, evented.
contract StakingPoolGovernanceTest is PoolFixture {
    function _expectUnauthorized(address caller, address expected) internal {
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.Unauthorized.selector, caller, expected));
        vm.prank(caller);
    }

    function _expectOutOfBounds(address agent, uint256 value, uint256 min, uint256 max) internal {
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.ParameterOutOfBounds.selector, value, min, max));
        vm.prank(agent);
    }

    function test_constructor_revertsWhenZeroAddress() public {
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        Release.stakingPool(token, address(0), secondary);
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        Release.stakingPool(token, primary, address(0));
    }

    /// @dev #12 rule 6: a manager authorized while stake is in the pool acts only after the unstake wait plus the
    /// longest freeze, so stakers who disagree can leave first (exactly then, not a second before).
    function test_setClaimsManager_takesEffectAfterTheUnstakeWaitPlusTheLongestFreeze() public {
        uint256 activatesAt = block.timestamp + 1 weeks + 12 weeks;
        assertEq(pool.claimsManagerActivationDelay(), 13 weeks);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.ClaimsManagerSet(carol, true, activatesAt, 0);
        vm.prank(primary);
        pool.setClaimsManager(carol, true);
        assertFalse(pool.isClaimsManager(carol));
        (bool authorized, uint256 at, uint256 owed) = pool.claimsManagerState(carol);
        assertTrue(authorized);
        assertEq(at, activatesAt);
        assertEq(owed, 0);
        vm.warp(activatesAt - 1);
        vm.prank(carol);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, carol));
        pool.payOutClaim(victim, 1);
        vm.warp(activatesAt);
        assertTrue(pool.isClaimsManager(carol));
        vm.prank(carol);
        pool.payOutClaim(victim, 1);
        // Re-authorizing an active manager changes nothing.
        vm.prank(primary);
        pool.setClaimsManager(carol, true);
        assertTrue(pool.isClaimsManager(carol));
        _expectUnauthorized(secondary, primary);
        pool.setClaimsManager(carol, false);
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        vm.prank(primary);
        pool.setClaimsManager(address(0), true);
    }

    /// @dev In a pool without stake nobody needs time to leave: the first manager acts at once (the fixture's `claims`
    /// was authorized before the first stake).
    function test_setClaimsManager_actsAtOnceInAnEmptyPool() public {
        IStakingPool empty = Release.stakingPool(token, primary, secondary);
        assertEq(empty.claimsManagerActivationDelay(), 0);
        vm.prank(primary);
        empty.setClaimsManager(carol, true);
        assertTrue(empty.isClaimsManager(carol));
        assertTrue(pool.isClaimsManager(claims));
    }

    /// @dev #12 rule 2/6: a revocation is immediate, but what the manager owed then stays payable, and only that.
    function test_setClaimsManager_revokedManagerPaysOnlyWhatItOwed() public {
        OwingManager manager = new OwingManager();
        manager.setOwed(300e18);
        IStakingPool fresh = Release.stakingPool(token, primary, secondary);
        vm.prank(primary);
        fresh.setClaimsManager(address(manager), true);
        vm.prank(alice);
        token.approve(address(fresh), type(uint256).max);
        vm.prank(alice);
        fresh.depositAndStake(10_000e18);
        vm.expectEmit(address(fresh));
        emit IStakingPoolTypes.ClaimsManagerSet(address(manager), false, block.timestamp, 300e18);
        vm.prank(primary);
        fresh.setClaimsManager(address(manager), false);
        assertFalse(fresh.isClaimsManager(address(manager)));
        assertEq(fresh.openExposure(), 300e18);
        vm.prank(address(manager));
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, address(manager)));
        fresh.payOutClaim(victim, 300e18 + 1);
        vm.prank(address(manager));
        fresh.payOutClaim(victim, 200e18);
        vm.prank(address(manager));
        fresh.payOutClaim(victim, 100e18);
        (,, uint256 owed) = fresh.claimsManagerState(address(manager));
        assertEq(owed, 0);
        vm.prank(address(manager));
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, address(manager)));
        fresh.payOutClaim(victim, 1);
        assertEq(token.balanceOf(victim), 300e18);
        // Revoked again with nothing owed, it leaves the list of managers whose exposure counts.
        assertEq(fresh.claimsManagers().length, 1);
        vm.prank(primary);
        fresh.setClaimsManager(address(manager), false);
        assertEq(fresh.claimsManagers().length, 0);
    }

    function test_setClaimsManager_atMostEightTracked() public {
        for (uint256 i = 1; i < 8; ++i) {
            vm.prank(primary);
            pool.setClaimsManager(address(uint160(0x1000 + i)), true);
        }
        assertEq(pool.claimsManagers().length, 8);
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.TooManyClaimsManagers.selector, 8));
        pool.setClaimsManager(address(0x2000), true);
        vm.prank(primary);
        pool.setClaimsManager(address(0x1001), false);
        vm.prank(primary);
        pool.setClaimsManager(address(0x2000), true);
        assertEq(pool.claimsManagers().length, 8);
    }

    function test_setMaxFreeze() public {
        assertEq(pool.maxFreeze(), 12 weeks);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.MaxFreezeSet(26 weeks);
        vm.prank(primary);
        pool.setMaxFreeze(26 weeks);
        assertEq(pool.maxFreeze(), 26 weeks);
        vm.prank(primary);
        pool.setMaxFreeze(4 weeks);
        assertEq(pool.maxFreeze(), 4 weeks);
        _expectOutOfBounds(primary, 4 weeks - 1, 4 weeks, 26 weeks);
        pool.setMaxFreeze(4 weeks - 1);
        _expectOutOfBounds(primary, 26 weeks + 1, 4 weeks, 26 weeks);
        pool.setMaxFreeze(26 weeks + 1);
        _expectUnauthorized(secondary, primary);
        pool.setMaxFreeze(5 weeks);
    }

    function test_setPayoutCap() public {
        assertEq(Release.stakingPool(token, primary, secondary).payoutCap(), 25e6);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.PayoutCapSet(50e6);
        vm.prank(primary);
        pool.setPayoutCap(50e6);
        assertEq(pool.payoutCap(), 50e6);
        vm.prank(primary);
        pool.setPayoutCap(5e6);
        assertEq(pool.payoutCap(), 5e6);
        _expectOutOfBounds(primary, 5e6 - 1, 5e6, 50e6);
        pool.setPayoutCap(5e6 - 1);
        _expectOutOfBounds(primary, 50e6 + 1, 5e6, 50e6);
        pool.setPayoutCap(50e6 + 1);
        // Basis-point steps only (1e4 in HUNDRED_PERCENT units).
        _expectOutOfBounds(primary, 5e6 + 1, 5e6, 50e6);
        pool.setPayoutCap(5e6 + 1);
        _expectUnauthorized(secondary, primary);
        pool.setPayoutCap(10e6);
    }

    function test_setUnstakeWaitPeriod() public {
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.UnstakeWaitPeriodSet(2 weeks);
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
        emit IStakingPoolTypes.VestingManagerSet(carol);
        vm.prank(primary);
        pool.setVestingManager(carol);
        assertEq(pool.vestingManager(), carol);
        _expectUnauthorized(carol, primary);
        pool.setVestingManager(carol);

        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.SecondaryAgentSet(bob);
        vm.prank(primary);
        pool.setSecondaryAgent(bob);
        assertEq(pool.secondaryAgent(), bob);
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        vm.prank(primary);
        pool.setSecondaryAgent(address(0));

        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        vm.prank(primary);
        pool.setPrimaryAgent(address(0));
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.PrimaryAgentSet(alice);
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
        emit IStakingPoolTypes.MinAprSet(50_000_000);
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
        emit IStakingPoolTypes.MaxAprSet(10_000_000);
        vm.prank(secondary);
        pool.setMaxApr(10_000_000);
        assertEq(pool.maxApr(), 10_000_000);
        assertEq(pool.apr(), 10_000_000, "clipped down");
    }

    function test_setAprUpdateStepAndStakeTarget() public {
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.AprUpdateStepSet(10_000_000);
        vm.prank(secondary);
        pool.setAprUpdateStep(10_000_000);
        assertEq(pool.aprUpdateStep(), 10_000_000);
        _expectOutOfBounds(secondary, 10_000_001, 0, 10_000_000);
        pool.setAprUpdateStep(10_000_001);
        _expectUnauthorized(primary, secondary);
        pool.setAprUpdateStep(1);

        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.StakeTargetSet(100_000_000);
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

/// @dev A claims manager that reports what it owes (and no open claim beyond it).
contract OwingManager {
    uint256 public owedTokens;

    function setOwed(uint256 owed) external {
        owedTokens = owed;
    }

    function openExposure() external view returns (uint256) {
        return owedTokens;
    }
}
