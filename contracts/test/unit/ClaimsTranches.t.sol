// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";

/// @notice #12 rule 2: a payable claim is paid in full, even when it is larger than a quota. At finality the payout
/// is fixed in tokens; what the payer's quota (or the pool's cap) does not allow now is owed and paid in tranches,
/// first in first out per payer, by anyone; no governance action is needed.
contract ClaimsTranchesTest is ClaimsBase {
    function setUp() public override {
        super.setUp();
        // Let one policy reach a quarter of the stake (the issue's case: 25% > the 10% quota).
        vm.startPrank(secondary);
        claims.setDapiCap(COVERED_DAPI, block.chainid, 1e18);
        claims.setCollateralizationRatio(1e18);
        vm.stopPrank();
        _toBucketStart();
    }

    function _toBucketStart() internal {
        _warpAndRefresh((block.timestamp / 1 weeks + 1) * 1 weeks - block.timestamp);
    }

    /// @dev A claim worth `fraction` (WAD) of the stake, accepted by the mediator.
    function _accepted(uint256 fraction) internal returns (uint256 claimId, uint256 tokens) {
        tokens = STAKE * fraction / 1e18;
        uint256 usd = tokens * PRICE / 1e18;
        uint256 policyId = _buy(alice, usd, 90 days);
        claimId = _claim(alice, policyId, usd);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
    }

    /// @dev The issue's case: a claim of 25% of the stake, quota 10% per window. Before, the accepted claim reverted
    /// (`QuotaExceeded`) and stayed unpaid unless governance acted. Now: 3 tranches, in buckets 0, 2 and 4 (a bucket
    /// after a full one is still full: the quota counts the previous bucket), each 10% of the stake left then.
    function test_acceptClaim_aboveTheQuotaIsPaidInTranches() public {
        uint256 tokens = STAKE / 4;
        uint256 usd = tokens * PRICE / 1e18;
        uint256 policyId = _buy(alice, usd, 90 days);
        uint256 claimId = _claim(alice, policyId, usd);
        uint256 before = token.balanceOf(alice);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        uint256 first = STAKE / 10;
        assertEq(token.balanceOf(alice) - before, first + BOND);
        IClaimsTypes.Claim memory c = claims.claim(claimId);
        assertEq(uint256(c.status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(c.owedTokens, tokens - first);
        assertEq(claims.owedTokens(), tokens - first);
        (uint256[] memory ids, uint256[] memory owed) = claims.owedClaims(mediator);
        assertEq(ids.length, 1);
        assertEq(ids[0], claimId);
        assertEq(owed[0], tokens - first);
        // Next bucket: the quota still counts the first tranche.
        _warpAndRefresh(1 weeks);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.NoPayoutRoom.selector, mediator, tokens - first, block.timestamp + 1 weeks
            )
        );
        claims.payTranche(mediator);
        _warpAndRefresh(1 weeks);
        vm.prank(stranger);
        (uint256 paidId, uint256 second) = claims.payTranche(mediator);
        assertEq(paidId, claimId);
        assertEq(second, (STAKE - first) / 10);
        _warpAndRefresh(2 weeks);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.TranchePaid(claimId, mediator, tokens - first - second, 0);
        (, uint256 third) = claims.payTranche(mediator);
        assertEq(first + second + third, tokens);
        assertEq(token.balanceOf(alice) - before, tokens + BOND);
        assertEq(claims.claim(claimId).owedTokens, 0);
        assertEq(claims.owedTokens(), 0);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NothingOwed.selector, mediator));
        claims.payTranche(mediator);
    }

    /// @dev How many tranches a claim takes: the least n with 1 - (1 - q)^n >= c (the stake shrinks with each), paid
    /// two buckets apart. Checked against that formula for claims up to the whole of a policy's reach.
    function testFuzz_tranches_countMatchesTheFormula(uint256 fractionBps) public {
        fractionBps = bound(fractionBps, 1, 4000);
        (, uint256 tokens) = _accepted(fractionBps * 1e14);
        uint256 n = 1;
        uint256 left = STAKE;
        uint256 paid = left / 10 < tokens ? left / 10 : tokens;
        left -= paid;
        while (paid < tokens) {
            _warpAndRefresh(2 weeks);
            (, uint256 tranche) = claims.payTranche(mediator);
            assertEq(tranche, tokens - paid < left / 10 ? tokens - paid : left / 10);
            paid += tranche;
            left -= tranche;
            ++n;
        }
        // The formula, in basis points: after n tranches, 1 - 0.9^n of the stake is paid.
        uint256 remainingBps = 10_000;
        uint256 expected;
        while (10_000 - remainingBps < fractionBps) {
            remainingBps = remainingBps * 9 / 10;
            ++expected;
        }
        assertApproxEqAbs(n, expected, 1);
    }

    /// @dev First in, first out: a later claim waits behind an older owed one, even when the quota has room for it.
    function test_payTranche_paysTheOldestFirst() public {
        (uint256 older, uint256 olderTokens) = _accepted(0.15e18);
        (uint256 newer, uint256 newerTokens) = _accepted(0.01e18);
        // The newer claim paid nothing at once: older payouts of the mediator wait.
        assertEq(claims.claim(newer).owedTokens, newerTokens);
        (uint256[] memory ids,) = claims.owedClaims(mediator);
        assertEq(ids[0], older);
        assertEq(ids[1], newer);
        _warpAndRefresh(2 weeks);
        (uint256 first,) = claims.payTranche(mediator);
        assertEq(first, older);
        assertEq(claims.claim(older).owedTokens, 0);
        assertEq(claims.claim(newer).owedTokens, newerTokens);
        (uint256 second,) = claims.payTranche(mediator);
        assertEq(second, newer);
        assertEq(claims.owedTokens(), 0);
        olderTokens;
    }

    /// @dev A settlement cannot be made unpayable by another claim taking the quota first: it becomes owed, and the
    /// claimant's slippage guard covers the whole payout.
    function test_acceptSettlement_staysPayableWhenAnotherClaimTookTheQuota() public {
        _accepted(0.1e18);
        uint256 policyId = _buy(bob, 40_000e18, 90 days);
        uint256 claimId = _claim(bob, policyId, 40_000e18);
        vm.prank(mediator);
        claims.proposeSettlement(claimId, 20_000e18);
        uint256 tokens = _tokensDown(20_000e18, PRICE);
        vm.prank(bob);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PayoutOwed(claimId, mediator, tokens, tokens);
        claims.acceptSettlement(claimId, tokens);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidSettlement));
        _warpAndRefresh(2 weeks);
        uint256 before = token.balanceOf(bob);
        claims.payTranche(mediator);
        assertEq(token.balanceOf(bob) - before, tokens);
    }

    /// @dev A ruling above the arbitrator's quota is paid in tranches under the arbitrator's quota.
    function test_rule_aboveTheQuotaIsPaidInTranches() public {
        uint256 usd = STAKE * 15 / 100 * PRICE / 1e18;
        uint256 policyId = _buy(alice, usd, 90 days);
        uint256 claimId = _claim(alice, policyId, usd);
        vm.prank(mediator);
        claims.rejectClaim(claimId);
        uint256 disputeId = _escalate(alice, claimId);
        _ruleFinally(disputeId, 1);
        uint256 tokens = _tokensDown(usd, PRICE);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(claims.claim(claimId).owedTokens, tokens - STAKE / 10);
        _warpAndRefresh(2 weeks);
        (uint256 paidId,) = claims.payTranche(address(arbitrator));
        assertEq(paidId, claimId);
        assertEq(claims.claim(claimId).owedTokens, 0);
    }

    /// @dev Replacing the mediator never strands what it owes: its owed claims are paid under its own quota.
    function test_setMediator_neverStrandsWhatTheOldMediatorOwes() public {
        (uint256 claimId,) = _accepted(0.15e18);
        vm.prank(primary);
        claims.setMediator(bob);
        _warpAndRefresh(2 weeks);
        claims.payTranche(mediator);
        assertEq(claims.claim(claimId).owedTokens, 0);
    }

    /// @dev The pool's cap limits a tranche too (it applies to all claims managers together).
    function test_payTranche_withinThePoolsCap() public {
        pool.setCapRoom(1000e18);
        (uint256 claimId, uint256 tokens) = _accepted(0.01e18);
        assertEq(claims.claim(claimId).owedTokens, tokens - 1000e18);
        _warpAndRefresh(2 weeks);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.NoPayoutRoom.selector,
                mediator,
                tokens - 1000e18,
                (block.timestamp / 1 weeks + 1) * 1 weeks
            )
        );
        claims.payTranche(mediator);
        pool.setCapRoom(type(uint256).max);
        claims.payTranche(mediator);
        assertEq(claims.owedTokens(), 0);
    }

    /// @dev Total owed-but-unpaid never exceeds the stake: a payout that would is cut to what the stake can pay.
    function test_settle_neverOwesMoreThanTheStake() public {
        uint256 usd = STAKE * 40 / 100 * PRICE / 1e18;
        uint256 policyId = _buy(alice, usd, 90 days);
        uint256 claimId = _claim(alice, policyId, usd);
        // The stake falls to a fifth of the claim (another manager paid, or a wipe-out threatens).
        pool.setTotalStake(STAKE * 8 / 100);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        assertLe(claims.owedTokens(), pool.totalStake());
    }
}
