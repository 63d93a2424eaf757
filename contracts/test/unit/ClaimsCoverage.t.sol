// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";

/// @notice Coverage: quotes, purchases, premiums, capacity (global and per dAPI), expiry, policy agents'
/// policies, upgrades and downgrades, premium distribution, prices.
contract ClaimsCoverageTest is ClaimsBase {
    /// @dev The pricing curve's integral computed independently, default parameters (2% + 8% * u / 80%, then
    /// + 100% * (u - 80%) / 20%): the annual rate integrated over active coverage from 0 to `x` USD, capacity
    /// `c` USD, each piece rounded down at its own values.
    function _cumulative(uint256 x, uint256 c) internal pure returns (uint256) {
        if (x == 0) return 0;
        uint256 k = c * 0.8e18 / 1e18;
        if (x <= k) return 0.02e18 * x + 0.08e18 * x * x / (2 * k);
        uint256 total = 0.02e18 * x + 0.08e18 * k / 2 + 0.08e18 * (x - k);
        if (x <= c) return total + 1e18 * (x - k) * (x - k) / (2 * (c - k));
        return total + 1e18 * (c - k) / 2 + 1e18 * (x - c);
    }

    /// @dev The premium of raising active coverage to `activeAfterUsd` by `coverageUsd`: the integral over that
    /// interval (capacity in USD at `price`, rounded down), in tokens at `price`, rounded up.
    function _expectedPremium(uint256 coverageUsd, uint256 activeAfterUsd, uint256 period, uint256 price)
        internal
        pure
        returns (uint256)
    {
        uint256 capacityUsd = (STAKE / 2) * price / 1e18;
        uint256 cost = _cumulative(activeAfterUsd, capacityUsd) - _cumulative(activeAfterUsd - coverageUsd, capacityUsd);
        return _ceilDiv(cost * period, 365 days * price);
    }

    function _ceilDiv(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    // ------------------------------------------------------------------ buying

    function test_buyCoverage_createsPolicyAndCollectsPremium() public {
        uint256 expected = _expectedPremium(10_000e18, 10_000e18, 90 days, PRICE);
        uint256 balanceBefore = token.balanceOf(alice);
        // The id is the policy's terms at creation: count, from, until, dAPI, coverage.
        uint256 id = 1 << 192 | block.timestamp << 160 | (block.timestamp + 90 days) << 128 | DAPI << 96 | 10_000e18;
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PolicyCreated(
            id, alice, DAPI, 10_000e18, block.timestamp, block.timestamp + 90 days, "ipfs://policy", alice, expected
        );
        vm.prank(alice);
        (uint256 policyId, uint256 premium) = claims.buyCoverage(DAPI, 10_000e18, 90 days, expected, "ipfs://policy");

        assertEq(policyId, id);
        assertEq(claims.policyCount(), 1);
        assertEq(premium, expected);
        assertEq(token.balanceOf(alice), balanceBefore - expected);
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        assertEq(p.claimant, alice);
        assertEq(p.coverageUsd, 10_000e18);
        assertEq(p.claimsAllowedFrom, block.timestamp);
        assertEq(p.claimsAllowedUntil, block.timestamp + 90 days);
        assertEq(p.dapiId, DAPI);
        assertEq(claims.activeCoverageUsd(), 10_000e18);
        assertEq(claims.dapi(DAPI).activeCoverageUsd, 10_000e18);
        // The premium streams week by week (ClaimsPremiumStream.t.sol): the treasury has only the split's dust yet.
        uint256 weeks_ = (block.timestamp + 90 days) / 1 weeks + 1 - block.timestamp / 1 weeks;
        (uint256 stakers, uint256 treasuryPart) = claims.pendingRewards();
        assertEq(treasuryPart, expected % weeks_);
        assertEq(stakers, 0);
        (, uint256 next,,) = claims.premiumStream();
        assertEq(next, expected / weeks_);
    }

    function test_buyCoverage_revertsWhenPremiumAboveMaximum() public {
        uint256 expected = _expectedPremium(10_000e18, 10_000e18, 90 days, PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.PremiumAboveMaximum.selector, expected, expected - 1));
        claims.buyCoverage(DAPI, 10_000e18, 90 days, expected - 1, "");
    }

    function test_quoteCoverage_matchesPurchaseAndReportsAvailable() public {
        _buy(bob, 100_000e18, 30 days);
        (uint256 quoted, uint256 available) = claims.quoteCoverage(DAPI, 20_000e18, 60 days);
        // dAPI cap: 50% of $1M = $500K, minus $100K active.
        assertEq(available, 400_000e18);
        vm.prank(alice);
        (, uint256 premium) = claims.buyCoverage(DAPI, 20_000e18, 60 days, quoted, "");
        assertEq(premium, quoted);
        assertEq(premium, _expectedPremium(20_000e18, 120_000e18, 60 days, PRICE));
    }

    function test_premium_risesAboveTheKink() public {
        vm.prank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 1e18);
        (uint256 low,) = claims.quoteCoverage(DAPI, 100_000e18, 365 days);
        _buy(bob, 800_000e18, 365 days);
        (uint256 high,) = claims.quoteCoverage(DAPI, 100_000e18, 365 days);
        // 0% -> 10% utilization: 2% + 8% * 5% / 80% = 2.5%/yr on average; 80% -> 90%: 10% + 100% * 5% / 20% =
        // 35%/yr on average.
        assertEq(low, _expectedPremium(100_000e18, 100_000e18, 365 days, PRICE));
        assertEq(high, _expectedPremium(100_000e18, 900_000e18, 365 days, PRICE));
        assertEq(low, 1250e18); // 2.5% of 50,000 tokens
        assertEq(high, 17_500e18); // 35% of 50,000 tokens
    }

    function test_buyCoverage_revertsWhenPoolCapacityExceeded() public {
        vm.prank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 1e18);
        _buy(bob, 900_000e18, 30 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InsufficientCapacity.selector, 100_001e18, 100_000e18));
        claims.buyCoverage(DAPI, 100_001e18, 30 days, type(uint256).max, "");
        _buy(alice, 100_000e18, 30 days);
        assertEq(claims.activeCoverageUsd(), 1_000_000e18);
    }

    function test_buyCoverage_revertsWhenDapiCapExceeded() public {
        _buy(bob, 450_000e18, 30 days);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 60_000e18, 50_000e18)
        );
        claims.buyCoverage(DAPI, 60_000e18, 30 days, type(uint256).max, "");
    }

    function test_buyCoverage_capacityFollowsThePrice() public {
        _pushPrice(1e18, block.timestamp + 1);
        // At $1 the capacity halves: the dAPI holds $250K.
        (, uint256 available) = claims.quoteCoverage(DAPI, 1, 30 days);
        assertEq(available, 250_000e18);
        assertEq(claims.capacityUsd(), 500_000e18);
    }

    function test_buyCoverage_revertsWhenPeriodOutOfBounds() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPeriod.selector, 1 days - 1, 1 days, 730 days));
        claims.buyCoverage(DAPI, 1e18, 1 days - 1, type(uint256).max, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPeriod.selector, 731 days, 1 days, 730 days));
        claims.buyCoverage(DAPI, 1e18, 731 days, type(uint256).max, "");
        vm.stopPrank();
    }

    function test_buyCoverage_revertsWhenUnknownDapiOrZeroCoverage() public {
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDapi.selector, 2));
        claims.buyCoverage(2, 1e18, 30 days, type(uint256).max, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDapi.selector, 0));
        claims.buyCoverage(0, 1e18, 30 days, type(uint256).max, "");
        vm.expectRevert(IClaimsTypes.ZeroCoverage.selector);
        claims.buyCoverage(DAPI, 0, 30 days, type(uint256).max, "");
        vm.stopPrank();
    }

    function test_buyCoverage_revertsWhenDapiCapIsZero() public {
        vm.prank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 1e18, 0));
        claims.buyCoverage(DAPI, 1e18, 30 days, type(uint256).max, "");
    }

    // ------------------------------------------------------------------- prices

    function test_buyCoverage_revertsWhenPriceStale() public {
        uint256 updatedAt = block.timestamp;
        vm.warp(block.timestamp + 25 hours + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.StalePrice.selector, updatedAt, block.timestamp, 25 hours));
        claims.buyCoverage(DAPI, 1e18, 30 days, type(uint256).max, "");
    }

    function test_tokenPrice_revertsWhenZeroOrNegative() public {
        _pushPrice(0, block.timestamp + 1);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NonPositivePrice.selector, int256(0)));
        claims.tokenPrice();
        _pushPrice(-5e18, block.timestamp + 2);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NonPositivePrice.selector, int256(-5e18)));
        claims.tokenPrice();
        _pushPrice(3e18, block.timestamp + 3);
        assertEq(claims.tokenPrice(), 3e18);
    }

    // ------------------------------------------------------------------- expiry

    function test_activeCoverage_expiresAtTheEndOfTheWeekOfItsEnd() public {
        _buy(alice, 10_000e18, 30 days);
        _buy(bob, 5000e18, 60 days);
        uint256 firstEnd = block.timestamp + 30 days;
        uint256 firstBucketEnd = (firstEnd / 1 weeks + 1) * 1 weeks;
        vm.warp(firstBucketEnd - 1);
        assertEq(claims.activeCoverageUsd(), 15_000e18);
        vm.warp(firstBucketEnd);
        assertEq(claims.activeCoverageUsd(), 5000e18);
        assertEq(claims.dapi(DAPI).activeCoverageUsd, 5000e18);
        vm.warp(block.timestamp + 40 days);
        assertEq(claims.activeCoverageUsd(), 0);
    }

    function test_activeCoverage_isZeroAfterALongSilence() public {
        _buy(alice, 10_000e18, 730 days);
        _warpAndRefresh(800 days);
        assertEq(claims.activeCoverageUsd(), 0);
        _buy(bob, 1000e18, 30 days);
        assertEq(claims.activeCoverageUsd(), 1000e18);
    }

    function test_expiredCoverage_freesCapacity() public {
        _buy(bob, 500_000e18, 30 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 1e18, 0));
        claims.buyCoverage(DAPI, 1e18, 30 days, type(uint256).max, "");
        _warpAndRefresh(38 days);
        _buy(alice, 500_000e18, 30 days);
        assertEq(claims.activeCoverageUsd(), 500_000e18);
    }

    // --------------------------------------------------------- policy agents

    function test_createPolicy_byPolicyAgent() public {
        vm.prank(agent);
        uint256 policyId =
            claims.createPolicy(bob, DAPI, 50_000e18, block.timestamp - 1 days, block.timestamp + 100 days, "ipfs://p");
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        assertEq(p.claimant, bob);
        assertEq(p.coverageUsd, 50_000e18);
        assertEq(claims.activeCoverageUsd(), 50_000e18);
    }

    function test_createPolicy_revertsWhenNotPolicyAgent() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NotPolicyAgent.selector, alice));
        claims.createPolicy(bob, DAPI, 1e18, block.timestamp, block.timestamp + 1 days, "");
    }

    function test_createPolicy_revertsForTheZeroClaimant() public {
        vm.prank(agent);
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        claims.createPolicy(address(0), DAPI, 1e18, block.timestamp, block.timestamp + 1 days, "");
    }

    function test_createPolicy_revertsWhenPeriodInvalid() public {
        vm.startPrank(agent);
        uint256 t = block.timestamp;
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPolicyPeriod.selector, t + 2, t + 1, t));
        claims.createPolicy(bob, DAPI, 1e18, t + 2, t + 1, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPolicyPeriod.selector, t - 2, t, t));
        claims.createPolicy(bob, DAPI, 1e18, t - 2, t, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPeriod.selector, 731 days, 0, 730 days));
        claims.createPolicy(bob, DAPI, 1e18, t, t + 731 days, "");
        vm.stopPrank();
    }

    function test_createPolicy_respectsCapacity() public {
        vm.prank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 600_000e18, 500_000e18)
        );
        claims.createPolicy(bob, DAPI, 600_000e18, block.timestamp, block.timestamp + 1 days, "");
    }

    function test_upgradePolicy_raisesAndExtends() public {
        uint256 policyId = _buy(alice, 10_000e18, 30 days);
        uint256 until = block.timestamp + 200 days;
        vm.prank(agent);
        claims.upgradePolicy(policyId, 30_000e18, until, "ipfs://v2");
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        assertEq(p.coverageUsd, 30_000e18);
        assertEq(p.claimsAllowedUntil, until);
        assertEq(claims.activeCoverageUsd(), 30_000e18);
        // The coverage moved to the new end bucket: still active after the old end.
        _warpAndRefresh(60 days);
        assertEq(claims.activeCoverageUsd(), 30_000e18);
    }

    function test_upgradePolicy_revertsWhenLowering() public {
        uint256 policyId = _buy(alice, 10_000e18, 30 days);
        uint256 until = block.timestamp + 30 days;
        vm.startPrank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InvalidCoverageChange.selector, policyId, 10_000e18, 9000e18)
        );
        claims.upgradePolicy(policyId, 9000e18, until, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidUntilChange.selector, policyId, until, until - 1));
        claims.upgradePolicy(policyId, 10_000e18, until - 1, "");
        vm.stopPrank();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NotPolicyAgent.selector, alice));
        claims.upgradePolicy(policyId, 20_000e18, until, "");
    }

    function test_upgradePolicy_revertsWhenExpiredOrOverCapacity() public {
        uint256 policyId = _buy(alice, 10_000e18, 30 days);
        uint256 until = block.timestamp + 30 days;
        vm.prank(agent);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 500_000e18, 490_000e18)
        );
        claims.upgradePolicy(policyId, 510_000e18, until, "");
        vm.warp(until + 1);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.PolicyExpired.selector, policyId, until, until + 1));
        claims.upgradePolicy(policyId, 20_000e18, until + 10 days, "");
    }

    function test_downgradePolicy_byClaimant() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 until = block.timestamp + 10 days;
        vm.prank(alice);
        claims.downgradePolicy(policyId, 4000e18, until, "ipfs://smaller");
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        assertEq(p.coverageUsd, 4000e18);
        assertEq(p.claimsAllowedUntil, until);
        assertEq(claims.activeCoverageUsd(), 4000e18);
        _warpAndRefresh(20 days);
        assertEq(claims.activeCoverageUsd(), 0);
    }

    function test_downgradePolicy_reverts() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 until = block.timestamp + 90 days;
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, bob, alice));
        claims.downgradePolicy(policyId, 1e18, until, "");
        vm.startPrank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InvalidCoverageChange.selector, policyId, 10_000e18, 10_001e18)
        );
        claims.downgradePolicy(policyId, 10_001e18, until, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidUntilChange.selector, policyId, until, until + 1));
        claims.downgradePolicy(policyId, 1e18, until + 1, "");
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.InvalidPolicyPeriod.selector, block.timestamp, block.timestamp - 1, block.timestamp
            )
        );
        claims.downgradePolicy(policyId, 1e18, block.timestamp - 1, "");
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownPolicy.selector, 99));
        claims.downgradePolicy(99, 1e18, until, "");
    }

    function test_downgradePolicy_revertsBelowPaid() public {
        (uint256 policyId, uint256 claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        uint256 until = block.timestamp + 90 days;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.CoverageBelowClaimed.selector, policyId, 2000e18, 3000e18));
        claims.downgradePolicy(policyId, 2000e18, until, "");
    }

    /// @dev An open claim's reservation counts like a payout: the claimant cannot downgrade below it (the claim could
    /// still be paid in full).
    function test_downgradePolicy_revertsBelowWhatAnOpenClaimReserves() public {
        (uint256 policyId,) = _policyAndClaim(3000e18);
        uint256 until = block.timestamp + 90 days;
        vm.startPrank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.CoverageBelowClaimed.selector, policyId, 3000e18 - 1, 3000e18)
        );
        claims.downgradePolicy(policyId, 3000e18 - 1, until, "");
        claims.downgradePolicy(policyId, 3000e18, until, "");
        vm.stopPrank();
        assertEq(claims.policy(policyId).coverageUsd, 3000e18);
    }

    // ----------------------------------------------------------------- rewards

    function test_distributeRewards_sendsTheTreasuryItsShareOfThePulledPremiums() public {
        (, uint256 premium) = _buyReturningPremium(alice, 100_000e18, 365 days);
        uint256 weeks_ = (block.timestamp + 365 days) / 1 weeks + 1 - block.timestamp / 1 weeks;
        uint256 perWeek = premium / weeks_;
        vm.warp((block.timestamp / 1 weeks + 1) * 1 weeks);
        uint256 stakeBefore = pool.totalStake();
        (uint256 past, uint256 current) = pool.pullPremiums(claims);
        assertEq(past, 0);
        assertEq(current, perWeek - perWeek / 10, "the week's amount less the treasury's 10%");
        assertEq(pool.totalStake(), stakeBefore + current);
        (uint256 stakers, uint256 treasuryPart) = claims.pendingRewards();
        assertEq(stakers, 0);
        assertEq(treasuryPart, perWeek / 10 + premium % weeks_);
        claims.distributeRewards();
        assertEq(token.balanceOf(primary), treasuryPart);
        assertEq(pool.rewardsAdded(), 0);
        vm.expectRevert(IClaimsTypes.NothingToDistribute.selector);
        claims.distributeRewards();
    }

    function test_pullPremiums_sendsTheStakersEverythingWithoutTreasury() public {
        vm.prank(primary);
        claims.setTreasury(address(0));
        (, uint256 premium) = _buyReturningPremium(alice, 100_000e18, 365 days);
        uint256 weeks_ = (block.timestamp + 365 days) / 1 weeks + 1 - block.timestamp / 1 weeks;
        vm.warp((block.timestamp / 1 weeks + 1) * 1 weeks);
        (, uint256 current) = pool.pullPremiums(claims);
        assertEq(current, premium / weeks_, "no treasury share");
        claims.distributeRewards(); // the split's dust, to the stakers
        assertEq(pool.rewardsAdded(), premium % weeks_);
    }

    function _buyReturningPremium(address buyer, uint256 usd, uint256 period)
        internal
        returns (uint256 policyId, uint256 premium)
    {
        vm.prank(buyer);
        return claims.buyCoverage(DAPI, usd, period, type(uint256).max, "");
    }

    // --------------------------------------------------------------------- fuzz

    function testFuzz_buyCoverage_premiumMatchesTheCurve(uint256 coverageUsd, uint256 period, uint256 price) public {
        price = bound(price, 0.05e18, 50e18);
        _pushPrice(int256(price), block.timestamp + 1);
        uint256 maxUsd = STAKE / 4 * price / 1e18; // the dAPI cap at this price
        coverageUsd = bound(coverageUsd, 1, maxUsd);
        period = bound(period, 1 days, 730 days);
        uint256 expected = _expectedPremium(coverageUsd, coverageUsd, period, price);
        (, uint256 premium) = _buyReturningPremium(alice, coverageUsd, period);
        assertEq(premium, expected);
        assertEq(claims.activeCoverageUsd(), coverageUsd);
    }

    /// @dev The security review's attack: splitting a purchase into smaller ones priced it lower (each part
    /// was priced at the utilization after it). Each part now pays the curve's integral over its own interval,
    /// rounded up, so the parts cost at least the whole, from any starting utilization (kink included).
    function testFuzz_buyCoverage_splitNeverCheaperThanOnePurchase(
        uint256 before,
        uint256 total,
        uint256 parts,
        uint256 seed,
        uint256 period,
        uint256 price
    ) public {
        vm.prank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 1e18);
        price = bound(price, 0.05e18, 50e18);
        _pushPrice(int256(price), block.timestamp + 1);
        token.mint(alice, 1e30);
        token.mint(bob, 1e30);
        period = bound(period, 1 days, 730 days);
        parts = bound(parts, 2, 6);
        (, uint256 available) = claims.quoteCoverage(DAPI, 0, period);
        before = bound(before, 0, available - available / 10);
        if (before != 0) _buy(bob, before, 730 days);
        (, available) = claims.quoteCoverage(DAPI, 0, period);
        total = bound(total, parts, available);

        uint256 snapshot = vm.snapshotState();
        (, uint256 whole) = _buyReturningPremium(alice, total, period);
        vm.revertToState(snapshot);
        uint256 sum;
        uint256 left = total;
        for (uint256 i = 1; i < parts; ++i) {
            uint256 part = bound(uint256(keccak256(abi.encode(seed, i))), 1, left - (parts - i));
            (, uint256 premium) = _buyReturningPremium(alice, part, period);
            (sum, left) = (sum + premium, left - part);
        }
        (, uint256 last) = _buyReturningPremium(alice, left, period);
        assertGe(sum + last, whole);
    }

    function testFuzz_buyCoverage_neverExceedsCapacity(uint256[4] memory amounts, uint256 price) public {
        vm.prank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 1e18);
        price = bound(price, 0.1e18, 10e18);
        _pushPrice(int256(price), block.timestamp + 1);
        for (uint256 i; i < amounts.length; ++i) {
            uint256 usd = bound(amounts[i], 1e18, 2_000_000e18);
            vm.prank(alice);
            try claims.buyCoverage(DAPI, usd, 30 days, type(uint256).max, "") {} catch {}
            uint256 activeTokens = _ceilDiv(claims.activeCoverageUsd() * 1e18, price);
            assertLe(activeTokens, STAKE / 2);
        }
    }
}
