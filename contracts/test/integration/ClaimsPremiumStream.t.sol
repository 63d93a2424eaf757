// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {ClaimsRealPool} from "./ClaimsRealPool.t.sol";

/// @notice Premiums are earned over the time they cover: a purchase in week `w` of a policy ending in week `U` pays
/// `premium / (U - w + 1)` (net of the treasury's share) in each week `w + 1 .. U + 1`, pulled by the pool at each
/// epoch's start and streamed over it. Nobody chooses when premiums arrive, so a stake held for seconds around an
/// epoch's end earns at most its stake x time share of them (issue "Staking nobody can snipe": before, a stake held
/// 10 s before the epoch's end, then `distributeRewards`, took half of a month's premiums).
contract ClaimsPremiumStreamTest is ClaimsRealPool {
    uint256 internal constant WEEK = 1 weeks;
    address internal attacker = makeAddr("attacker");

    function setUp() public override {
        super.setUp();
        // No minted rewards: the stake moves only through premiums.
        vm.prank(owner);
        token.setMinter(address(pool), false);
    }

    function _buy(uint256 coverageUsd, uint256 period) internal returns (uint256 premium) {
        (uint256 quoted,) = claims.quoteCoverage(DAPI, coverageUsd, period);
        vm.prank(user);
        (, premium) = claims.buyCoverage(DAPI, coverageUsd, period, quoted, "ipfs://policy");
    }

    function _week() internal view returns (uint256) {
        return block.timestamp / WEEK;
    }

    /// @dev Warps to the next epoch's start plus `offset`, keeping the dAPIs fresh.
    function _toNextEpoch(uint256 offset) internal {
        vm.warp((_week() + 1) * WEEK + offset);
        _pushPrice(int256(PRICE));
        _pushCoveredValue(3000e18);
    }

    function test_buyCoverage_splitsThePremiumOverTheWeeksItCovers() public {
        uint256 week = _week();
        uint256 premium = _buy(100_000e18, 30 days);
        uint256 weeks_ = (block.timestamp + 30 days) / WEEK + 1 - week;
        uint256 perWeek = premium / weeks_;
        (uint256 rate, uint256 next, bool pulled, uint256 due) = claims.premiumStream();
        assertEq(rate, 0, "nothing streams in the week of the purchase");
        assertEq(next, perWeek, "the weekly amount starts next week");
        assertFalse(pulled);
        assertEq(due, 0);
        (uint256 toStakers, uint256 toTreasury) = claims.pendingRewards();
        assertEq(toStakers, 0, "no premium for the stakers to distribute: they are pulled");
        assertEq(toTreasury, premium - perWeek * weeks_, "the split's rounding dust to the treasury");
        assertLt(toTreasury, weeks_);
    }

    function test_pullPremiums_eachWeekPaysTheWeeksAmountNetOfTheTreasuryShare() public {
        uint256 premium = _buy(100_000e18, 30 days);
        uint256 lastWeek = (block.timestamp + 30 days) / WEEK;
        uint256 weeks_ = lastWeek + 1 - _week();
        uint256 perWeek = premium / weeks_;
        uint256 cut = perWeek / 10;
        uint256 pulledTotal;
        for (uint256 i = 1; i <= weeks_; ++i) {
            uint256 poolBefore = token.balanceOf(address(pool));
            _toNextEpoch(1 hours);
            vm.expectEmit(address(cm));
            emit IClaimsTypes.PremiumsPulled(0, perWeek - cut, cut);
            pool.accrue();
            assertEq(token.balanceOf(address(pool)) - poolBefore, perWeek - cut);
            pulledTotal += perWeek - cut;
        }
        // The week after the policy's last one: the rate dropped to 0, nothing is pulled.
        uint256 balanceBefore = token.balanceOf(address(pool));
        _toNextEpoch(1 hours);
        pool.accrue();
        assertEq(token.balanceOf(address(pool)), balanceBefore, "the rate dropped after the policy's last week");
        (uint256 rate,,,) = claims.premiumStream();
        assertEq(rate, 0);
        (, uint256 toTreasury) = claims.pendingRewards();
        assertEq(pulledTotal + toTreasury, premium, "every token of the premium went to stakers or treasury");
    }

    function test_pullPremiums_weeksNobodyPulledArePaidAsPastAndReleasedBeforeTheEpochStarts() public {
        uint256 premium = _buy(100_000e18, 60 days);
        uint256 weeks_ = (block.timestamp + 60 days) / WEEK + 1 - _week();
        uint256 perWeek = premium / weeks_;
        // Three epochs pass without a call: weeks w+1 and w+2 are past, w+3 is current.
        uint256 stake1 = pool.stakeOf(staker1);
        vm.warp((_week() + 3) * WEEK + 1 days);
        vm.expectEmit(address(pool));
        uint256 past = 2 * perWeek - 2 * perWeek / 10;
        uint256 current = perWeek - perWeek / 10;
        emit IStakingPoolTypes.PremiumsPulled(_week(), address(cm), past, current);
        pool.accrue();
        uint256 total = pool.totalShares();
        // Past weeks are released at once (shares did not change since), the current one's elapsed day too.
        uint256 expected = (past + current / 7) * pool.sharesOf(staker1) / total;
        assertApproxEqAbs(pool.stakeOf(staker1) - stake1, expected, 1e9);
    }

    function test_pullPremiums_onlyThePool() public {
        _buy(100_000e18, 30 days);
        vm.warp((_week() + 1) * WEEK);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, attacker, address(pool)));
        vm.prank(attacker);
        claims.pullPremiums();
    }

    /// @dev The attack of the issue, replayed: a month's premiums, a stake held 10 s before the epoch ends, then
    /// `distributeRewards`, leave 10 s after the epoch starts. Bound: the attacker's share of the pool times 20 s of
    /// one week's premiums.
    function test_premiums_stakeHeldTenSecondsAroundTheEpochEndGainsItsTimeShare() public {
        uint256 premium = _buy(1_000_000e18, 30 days);
        uint256 end = (_week() + 1) * WEEK;
        (uint256 gain, uint256 share) = _snipe(4_000_000e18, end - 10, end + 10);
        uint256 perWeek = premium / 5;
        assertLe(gain, perWeek * share / 1e18 * 10 / WEEK + 1e9, "at most its stake x time share");
        assertLt(gain, premium / 10_000, "not half of the month's premiums");
    }

    function testFuzz_premiums_gainAtMostStakeTimeShare(uint256 stakeAt, uint256 heldFor) public {
        uint256 premium = _buy(1_000_000e18, 30 days);
        uint256 perWeek = premium / ((block.timestamp + 30 days) / WEEK + 1 - _week());
        stakeAt = bound(stakeAt, block.timestamp, block.timestamp + 40 days);
        heldFor = bound(heldFor, 0, 3 * WEEK);
        (uint256 gain, uint256 share) = _snipe(4_000_000e18, stakeAt, stakeAt + heldFor);
        // Each week's amount streams over its own epoch: holding `heldFor` earns at most that fraction of a week's
        // amount per week held, i.e. perWeek * heldFor / WEEK, times the attacker's share.
        assertLe(gain, perWeek * share / 1e18 * heldFor / WEEK + 1e9, "at most its stake x time share");
    }

    /// @dev Stakes `amount` at `stakeAt`, calls `distributeRewards` if it has anything, leaves (`scheduleUnstake`
    /// fixes the amount) at `leaveAt`; returns the gain and the attacker's fraction of the shares (1e18 = all).
    function _snipe(uint256 amount, uint256 stakeAt, uint256 leaveAt) internal returns (uint256 gain, uint256 share) {
        vm.prank(owner);
        token.mint(attacker, amount);
        vm.warp(stakeAt);
        vm.startPrank(attacker);
        token.approve(address(pool), amount);
        uint256 shares = pool.depositAndStake(amount);
        vm.stopPrank();
        share = shares * 1e18 / pool.totalShares();
        (uint256 toStakers, uint256 toTreasury) = claims.pendingRewards();
        if (toStakers != 0 || toTreasury != 0) claims.distributeRewards();
        vm.warp(leaveAt);
        vm.prank(attacker);
        uint256 value = pool.scheduleUnstake(shares);
        gain = value > amount ? value - amount : 0;
    }
}
