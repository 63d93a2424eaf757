// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";
import {IEvidence} from "@kleros/erc-792/contracts/erc-1497/IEvidence.sol";

/// @notice Claims: filing (period, amount, bond), the mediator's payouts and settlements, bonds, quotas.
contract ClaimsPayoutsTest is ClaimsBase {
    // ----------------------------------------------------------------- filing

    function test_createClaim_pullsBondAndAnnouncesEvidence() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 balanceBefore = token.balanceOf(alice);
        // A claim's id is its count above its policy's id.
        uint256 id = 1 << 224 | policyId;
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimCreated(id, policyId, alice, 2500e18, block.timestamp, BOND, block.timestamp + 3 days);
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(arbitrator, id, alice, "ipfs://evidence");
        uint256 claimId = _claim(alice, policyId, 2500e18);
        assertEq(claimId, id);
        assertEq(claims.claimCount(), 1);
        assertEq(token.balanceOf(alice), balanceBefore - BOND);
        IClaimsTypes.Claim memory c = claims.claim(claimId);
        assertEq(uint256(c.status), uint256(IClaimsTypes.ClaimStatus.Pending));
        assertEq(c.policyId, policyId);
        assertEq(c.amountUsd, 2500e18);
        assertEq(c.bond, BOND);
        assertEq(c.deadline, block.timestamp + 3 days);
    }

    function test_createClaim_revertsWhenNotClaimant() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, bob, alice));
        claims.createClaim(policyId, 1e18, block.timestamp, "");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownPolicy.selector, 5));
        claims.createClaim(5, 1e18, block.timestamp, "");
    }

    /// @dev A policy's terms are its id: an id with other terms (a later end, more coverage) is no policy.
    function test_createClaim_refusesForgedPolicyIds() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 longer = policyId + (uint256(365 days) << 128);
        uint256 larger = policyId + 1_000_000e18;
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownPolicy.selector, longer));
        claims.createClaim(longer, 1e18, block.timestamp, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownPolicy.selector, larger));
        claims.createClaim(larger, 20_000e18, block.timestamp, "");
        vm.stopPrank();
        assertEq(claims.policy(larger).claimant, address(0));
        assertEq(claims.policy(larger).coverageUsd, 0);
    }

    /// @dev After an upgrade the stored terms replace the id's: claims follow the new end and coverage.
    function test_createClaim_followsUpgradedTerms() public {
        uint256 policyId = _buy(alice, 10_000e18, 30 days);
        uint256 claimId = _claim(alice, policyId, 4000e18);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        vm.prank(agent);
        claims.upgradePolicy(policyId, 30_000e18, block.timestamp + 200 days, "");
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        assertEq(p.claimedUsd, 4000e18);
        assertEq(p.coverageUsd, 30_000e18);
        _warpAndRefresh(100 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 26_001e18, 26_000e18));
        claims.createClaim(policyId, 26_001e18, block.timestamp, "");
        claimId = _claim(alice, policyId, 26_000e18);
        assertEq(claims.claim(claimId).policyId, policyId);
        // An unknown claim reads as all zero (no policy either).
        assertEq(claims.claim(claimId + 1).policyId, 0);
    }

    function test_createClaim_revertsOutsideThePolicyPeriod() public {
        uint256 from = block.timestamp + 10 days;
        uint256 until = block.timestamp + 20 days;
        vm.prank(agent);
        uint256 policyId = claims.createPolicy(alice, DAPI, 10_000e18, from, until, "");
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.OutsideClaimsPeriod.selector, policyId, from, until, block.timestamp)
        );
        claims.createClaim(policyId, 1e18, block.timestamp, "");
        vm.warp(from);
        _claim(alice, policyId, 1e18);
        vm.warp(until);
        _claim(alice, policyId, 1e18);
        vm.warp(until + 1);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.OutsideClaimsPeriod.selector, policyId, from, until, until + 1)
        );
        claims.createClaim(policyId, 1e18, block.timestamp, "");
    }

    function test_createClaim_revertsWhenAmountZeroOrAboveRemaining() public {
        (uint256 policyId, uint256 claimId) = _policyAndClaim(4000e18);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 0, 6000e18));
        claims.createClaim(policyId, 0, block.timestamp, "");
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 6001e18, 6000e18));
        claims.createClaim(policyId, 6001e18, block.timestamp, "");
        vm.stopPrank();
        _claim(alice, policyId, 6000e18);
    }

    function test_createClaim_withoutBond() public {
        vm.prank(secondary);
        claims.setClaimantBond(0, 0);
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 balanceBefore = token.balanceOf(alice);
        uint256 claimId = _claim(alice, policyId, 1e18);
        assertEq(token.balanceOf(alice), balanceBefore);
        assertEq(claims.claim(claimId).bond, 0);
    }

    // ---------------------------------------------------------------- payouts

    function test_acceptClaim_paysTokensAtThePriceAndReturnsBond() public {
        (uint256 policyId, uint256 claimId) = _policyAndClaim(3000e18);
        _pushPrice(2.5e18, block.timestamp + 1);
        uint256 balanceBefore = token.balanceOf(alice);
        uint256 expectedTokens = _tokensDown(3000e18, 2.5e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimAccepted(claimId, policyId, mediator, 3000e18, expectedTokens, expectedTokens);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        assertEq(token.balanceOf(alice), balanceBefore + expectedTokens + BOND);
        assertEq(pool.totalStake(), STAKE - expectedTokens);
        assertEq(claims.policy(policyId).claimedUsd, 3000e18);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
    }

    /// @dev #12 rule 1: open claims reserve their amount, so N concurrent claims never ask for more than the
    /// policy's remaining coverage (before, each could claim all of it and freeze N times the exposure for N bonds).
    function test_createClaim_openClaimsNeverAskMoreThanTheCoverage() public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        uint256 first = _claim(alice, policyId, 8000e18);
        assertEq(claims.policy(policyId).claimedUsd, 8000e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 2000e18 + 1, 2000e18));
        claims.createClaim(policyId, 2000e18 + 1, block.timestamp, "");
        uint256 second = _claim(alice, policyId, 2000e18);
        assertEq(claims.policy(policyId).claimedUsd, 10_000e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 1, 0));
        claims.createClaim(policyId, 1, block.timestamp, "");
        // A rejection gives the reservation back; a settlement gives back what it does not pay.
        vm.startPrank(mediator);
        claims.rejectClaim(second);
        claims.proposeSettlement(first, 5000e18);
        vm.stopPrank();
        _warpAndRefresh(3 days + 1);
        claims.timeOutClaim(second);
        assertEq(claims.policy(policyId).claimedUsd, 8000e18);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.DeadlinePassed.selector, first, block.timestamp - 1, block.timestamp)
        );
        claims.acceptSettlement(first, 0);
        assertEq(claims.policy(policyId).claimedUsd, 8000e18);
    }

    /// @dev A settlement gives the unpaid part of the claim's reservation back to the policy.
    function test_acceptSettlement_releasesTheRestOfTheReservation() public {
        (uint256 policyId, uint256 claimId) = _policyAndClaim(8000e18);
        vm.prank(mediator);
        claims.proposeSettlement(claimId, 3000e18);
        vm.prank(alice);
        claims.acceptSettlement(claimId, 0);
        assertEq(claims.policy(policyId).claimedUsd, 3000e18);
        _claim(alice, policyId, 7000e18);
    }

    function test_acceptClaim_revertsWhenPriceStale() public {
        (, uint256 claimId) = _policyAndClaim(3000e18);
        uint256 updatedAt = block.timestamp;
        vm.warp(block.timestamp + 25 hours + 1);
        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.StalePrice.selector, updatedAt, block.timestamp, 25 hours));
        claims.acceptClaim(claimId);
    }

    function test_acceptSettlement_paysSettlementWithSlippageGuard() public {
        (uint256 policyId, uint256 claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.proposeSettlement(claimId, 1200e18);
        uint256 expectedTokens = _tokensDown(1200e18, PRICE);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.PayoutBelowMinimum.selector, expectedTokens, expectedTokens + 1)
        );
        claims.acceptSettlement(claimId, expectedTokens + 1);
        uint256 before = token.balanceOf(alice);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.SettlementAccepted(claimId, policyId, 1200e18, expectedTokens, expectedTokens);
        vm.prank(alice);
        claims.acceptSettlement(claimId, expectedTokens);
        assertEq(token.balanceOf(alice) - before, expectedTokens + BOND);
        assertEq(claims.policy(policyId).claimedUsd, 1200e18);
    }

    function test_proposeSettlement_revertsWhenNotBelowClaim() public {
        (, uint256 claimId) = _policyAndClaim(3000e18);
        vm.startPrank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidSettlement.selector, 3000e18, 3000e18));
        claims.proposeSettlement(claimId, 3000e18);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidSettlement.selector, 0, 3000e18));
        claims.proposeSettlement(claimId, 0);
        vm.stopPrank();
    }

    function test_timeOutClaim_forfeitsBondToStakers() public {
        (, uint256 claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.rejectClaim(claimId);
        vm.warp(block.timestamp + 3 days + 1);
        (uint256 stakersBefore,) = claims.pendingRewards();
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimTimedOut(claimId, BOND);
        vm.prank(stranger);
        claims.timeOutClaim(claimId);
        (uint256 stakersAfter,) = claims.pendingRewards();
        assertEq(stakersAfter - stakersBefore, BOND);
    }

    // ----------------------------------------------------------------- quotas

    function test_quota_rollsOverTwoWindows() public {
        vm.prank(primary);
        claims.setPayoutQuota(mediator, 0.01e18); // 1% of the stake per window
        uint256 policyId = _buy(alice, 100_000e18, 90 days);
        uint256 weekStart = (block.timestamp / 1 weeks + 1) * 1 weeks;
        _warpAndRefresh(weekStart - block.timestamp);
        uint256 first = _claim(alice, policyId, 16_000e18); // 8,000 tokens
        vm.prank(mediator);
        claims.acceptClaim(first);
        // Next bucket: the last window still holds 8,000 of it.
        _warpAndRefresh(1 weeks);
        uint256 limit = (STAKE - 8000e18) / 100;
        assertEq(claims.availablePayoutQuota(mediator), limit - 8000e18);
        // Two buckets on, the first payout no longer counts.
        _warpAndRefresh(1 weeks);
        assertEq(claims.availablePayoutQuota(mediator), limit);
    }

    // ------------------------------------------------------------------- fuzz

    function testFuzz_acceptClaim_paysFloorOfUsdAtPrice(uint256 amountUsd, uint256 price) public {
        price = bound(price, 0.01e18, 1000e18);
        amountUsd = bound(amountUsd, 1, 10_000e18);
        (uint256 policyId, uint256 claimId) = _policyAndClaim(amountUsd);
        _pushPrice(int256(price), block.timestamp + 1);
        uint256 expected = _tokensDown(amountUsd, price);
        vm.assume(expected <= STAKE / 10);
        uint256 before = token.balanceOf(alice);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        assertEq(token.balanceOf(alice) - before, expected + BOND);
        assertEq(claims.policy(policyId).claimedUsd, amountUsd);
        // Rounding against the claimant: the tokens are never worth more than the USD claimed.
        assertLe(expected * price / 1e18, amountUsd);
    }

    function testFuzz_claims_neverPayMoreThanCoverage(uint256[5] memory amounts) public {
        uint256 policyId = _buy(alice, 10_000e18, 90 days);
        for (uint256 i; i < amounts.length; ++i) {
            uint256 remaining = 10_000e18 - claims.policy(policyId).claimedUsd;
            if (remaining == 0) break;
            uint256 claimId = _claim(alice, policyId, bound(amounts[i], 1, remaining));
            vm.prank(mediator);
            claims.acceptClaim(claimId);
        }
        assertLe(claims.policy(policyId).claimedUsd, 10_000e18);
    }

    function testFuzz_escalationWindow(uint256 wait) public {
        wait = bound(wait, 0, 10 days);
        (, uint256 claimId) = _policyAndClaim(3000e18);
        uint256 deadline = block.timestamp + 3 days;
        vm.warp(block.timestamp + wait);
        vm.prank(alice);
        (bool ok,) = address(claims).call{value: ARBITRATION_FEE}(
            abi.encodeCall(claims.escalateClaim, (claimId, "ipfs://evidence"))
        );
        assertEq(ok, block.timestamp > deadline && block.timestamp <= deadline + 3 days);
    }
}
