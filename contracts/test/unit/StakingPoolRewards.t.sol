// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Release} from "../utils/Release.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A token whose `mint` burns all the gas it is given.
contract GasGuzzlerToken is ERC20("Guzzler", "GZ") {
    uint256 public sink;

    function mint(address, uint256) external {
        while (true) {
            sink++;
        }
    }
}

/// @notice Rewards: the epoch controller, the stream, added rewards and a lost mint right.
contract StakingPoolRewardsTest is PoolFixture {
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant MID_APR = 38_750_000;

    function _remaining() internal view returns (uint256 remaining) {
        (remaining,,,) = pool.rewardStream();
    }

    function test_constructor_startsAtTheMidpointApr() public view {
        assertEq(pool.apr(), MID_APR);
        assertEq(pool.minApr(), 2_500_000);
        assertEq(pool.maxApr(), 75_000_000);
        assertEq(pool.aprUpdateStep(), 1_000_000);
        assertEq(pool.stakeTarget(), 50_000_000);
        assertEq(pool.unstakeWaitPeriod(), WEEK);
        assertEq(pool.currentEpoch(), START_EPOCH);
    }

    function test_accrue_firstCallOfEpochMintsRewardAndRaisesAprBelowTarget() public {
        _depositAndStake(alice, 1000e18);
        uint256 at = _epochStart(START_EPOCH + 1) + 1 days;
        vm.warp(at);
        uint256 newApr = MID_APR + 1_000_000;
        uint256 reward = (1000e18 + SEED) * newApr * (6 days) / (YEAR * 1e8);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.EpochStarted(START_EPOCH + 1, newApr, reward, reward, 1000e18 + SEED);
        pool.accrue();
        assertEq(pool.apr(), newApr);
        assertEq(_remaining(), reward);
        assertEq(token.balanceOf(address(pool)), 1000e18 + SEED + reward);
        (, uint256 lastUpdate, uint256 epoch, uint256 end) = pool.rewardStream();
        assertEq(lastUpdate, at);
        assertEq(epoch, START_EPOCH + 1);
        assertEq(end, _epochStart(START_EPOCH + 2));
    }

    function test_accrue_lowersAprAtOrAboveTarget() public {
        vm.prank(owner);
        token.mint(alice, 10_000_000e18); // alice then stakes more than half of the supply
        _depositAndStake(alice, 9_000_000e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.apr(), MID_APR - 1_000_000);
    }

    function test_accrue_clipsAprToBounds() public {
        vm.prank(secondary);
        pool.setMaxApr(39_000_000);
        _depositAndStake(alice, 1000e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.apr(), 39_000_000);
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        assertEq(pool.apr(), 39_000_000);
    }

    function test_accrue_streamsLinearlyUntilTheEpochEnds() public {
        _depositAndStake(alice, 1000e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        uint256 reward = _remaining();
        vm.warp(_epochStart(START_EPOCH + 1) + WEEK / 4);
        pool.accrue();
        assertEq(pool.totalStake(), 1000e18 + SEED + reward / 4);
        vm.warp(_epochStart(START_EPOCH + 1) + WEEK - 1);
        pool.accrue();
        assertLt(pool.totalStake(), 1000e18 + SEED + reward);
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        assertEq(pool.totalStake(), 1000e18 + SEED + reward, "all of it by the end");
    }

    function test_accrue_epochsWithoutInteractionEarnNothing() public {
        _depositAndStake(alice, 1000e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        uint256 firstReward = _remaining();
        vm.warp(_epochStart(START_EPOCH + 5) + 1 days);
        pool.accrue();
        assertEq(pool.totalStake(), 1000e18 + SEED + firstReward, "nothing for epochs 2-4");
        assertEq(pool.apr(), MID_APR + 2_000_000, "one step per minted epoch");
        uint256 reward = (1000e18 + SEED + firstReward) * pool.apr() * (6 days) / (YEAR * 1e8);
        assertEq(_remaining(), reward);
    }

    function test_accrue_lostMintRightKeepsEverythingWorking() public {
        _depositAndStake(alice, 1000e18);
        _depositAndStake(bob, 1000e18);
        vm.prank(owner);
        token.setMinter(address(pool), false);
        vm.warp(_epochStart(START_EPOCH + 1));
        uint256 expected = (2000e18 + SEED) * (MID_APR + 1_000_000) * WEEK / (YEAR * 1e8);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.RewardMintFailed(START_EPOCH + 1, expected);
        _depositAndStake(carol, 10e18);
        assertEq(_remaining(), 0);
        assertEq(pool.totalStake(), 2010e18 + SEED);
        _schedule(alice, 100e18);
        _payOut(20e18);
        vm.warp(block.timestamp + WEEK);
        assertGt(pool.unstake(alice), 0);
        uint256 withdrawable = pool.withdrawableOf(alice);
        assertGt(withdrawable, 0);
        vm.prank(alice);
        pool.withdraw(alice, withdrawable);
    }

    function test_accrue_revertsWhenTheMintRunsOutOfGas() public {
        GasGuzzlerToken guzzler = new GasGuzzlerToken();
        IStakingPool guzzled = Release.stakingPool(guzzler, primary, secondary);
        deal(address(guzzler), alice, 100e18);
        vm.startPrank(alice);
        guzzler.approve(address(guzzled), 100e18);
        guzzled.depositAndStake(100e18);
        vm.stopPrank();
        vm.warp(_epochStart(START_EPOCH + 1));
        vm.expectPartialRevert(IStakingPoolTypes.RewardMintOutOfGas.selector);
        guzzled.accrue{gas: 300_000}();
        assertEq(guzzled.apr(), MID_APR, "nothing changed");
    }

    /// @dev API3 paid a full epoch's reward to whoever was staked at the boundary. Here a stake made one minute
    /// before the end of the epoch earns one minute of the stream.
    function test_regression_stakingJustBeforeEpochEndEarnsOnlyForTheTimeStaked() public {
        _depositAndStake(alice, 1000e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        uint256 reward = _remaining();
        vm.warp(_epochStart(START_EPOCH + 2) - 1 minutes);
        _depositAndStake(bob, 1000e18);
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue(); // any call ends the epoch
        uint256 bobGain = pool.stakeOf(bob) - 1000e18 + 1;
        uint256 aliceGain = pool.stakeOf(alice) - 1000e18;
        // bob holds about half the shares for 1 of 10,080 minutes of the stream.
        uint256 lastMinute = reward / 10_080;
        uint256 bobPart = lastMinute * pool.sharesOf(bob) / pool.totalShares();
        assertApproxEqRel(bobGain, bobPart, 0.0001e18);
        // alice shares the rest with the seed's token (1 of 1,001 before bob).
        uint256 alicePart =
            (reward - lastMinute) * 1000e18 / (1000e18 + SEED) + lastMinute * pool.sharesOf(alice) / pool.totalShares();
        assertApproxEqRel(aliceGain, alicePart, 0.0001e18);
        assertLt(bobGain, reward / 10_000, "not half the epoch's reward");
    }

    function test_addRewards_waitForTheFirstStaker() public {
        vm.prank(owner);
        token.setMinter(address(pool), false); // only the added rewards move the stake
        // A pool of a new era has no shares at all.
        _payOut(SEED);
        vm.prank(carol);
        pool.addRewards(40e18);
        vm.warp(block.timestamp + 2 days);
        _depositAndStake(alice, 100e18);
        assertEq(pool.totalStake(), 100e18, "nothing released to an empty pool");
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.totalStake(), 100e18, "queued: it streams over the epoch that starts now");
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        assertApproxEqAbs(pool.stakeOf(alice), 140e18, 1e6);
    }

    function test_addRewards_revertsWhenZeroAmount() public {
        bytes32 before = _stateOf(carol);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        vm.prank(carol);
        pool.addRewards(0);
        assertEq(_stateOf(carol), before);
    }
}
