// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LocalArbitrator} from "../../src/devnet/LocalArbitrator.sol";
import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";
import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IEvidence} from "@kleros/erc-792/contracts/erc-1497/IEvidence.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Escalation to the ERC-792 arbitrator, ERC-1497 evidence, rulings (with appeals on the local
/// arbitrator), deferred rulings and governance of the arbitrator.
contract ClaimsArbitrationTest is ClaimsBase {
    function _rejected() internal returns (uint256 policyId, uint256 claimId) {
        (policyId, claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.rejectClaim(claimId);
    }

    function _settlementProposed() internal returns (uint256 policyId, uint256 claimId) {
        (policyId, claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.proposeSettlement(claimId, 1000e18);
    }

    // ------------------------------------------------------------- escalation

    function test_escalateClaim_createsDisputeAndEmitsErc1497() public {
        (, uint256 claimId) = _rejected();
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.DisputeCreation(0, IArbitrable(address(cm)));
        vm.expectEmit(address(cm));
        emit IEvidence.Dispute(arbitrator, 0, 0, claimId);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimEscalated(claimId, arbitrator, 0, ARBITRATION_FEE, IERC20(address(0)));
        uint256 disputeId = _escalate(alice, claimId);
        assertEq(disputeId, 0);
        assertEq(address(arbitrator).balance, ARBITRATION_FEE);
        assertEq(claims.claimIdOfDispute(address(arbitrator), disputeId), claimId);
        IClaimsTypes.Claim memory c = claims.claim(claimId);
        assertEq(uint256(c.status), uint256(IClaimsTypes.ClaimStatus.Disputed));
        assertEq(c.arbitrator, address(arbitrator));
        assertEq(c.disputeId, disputeId);
    }

    /// @dev The claim was filed while another arbitrator was set: escalation announces its evidence again, tagged with
    /// the arbitrator that now holds the dispute (a court listing evidence by its own address finds it).
    function test_escalateClaim_reannouncesTheClaimsEvidenceWithTheCurrentArbitrator() public {
        (, uint256 claimId) = _rejected();
        LocalArbitrator newCourt = new LocalArbitrator(court, ARBITRATION_FEE, APPEAL_FEE, APPEAL_PERIOD);
        vm.prank(primary);
        claims.setArbitrator(newCourt, "", "ipfs://meta-2");
        vm.expectEmit(address(cm));
        emit IEvidence.Dispute(newCourt, 0, 1, claimId);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimEscalated(claimId, newCourt, 0, ARBITRATION_FEE, IERC20(address(0)));
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(newCourt, claimId, alice, "ipfs://evidence");
        _escalate(alice, claimId);
        assertEq(claims.claim(claimId).arbitrator, address(newCourt));
    }

    function test_escalateClaim_refundsExcessFee() public {
        (, uint256 claimId) = _rejected();
        uint256 before = alice.balance;
        vm.prank(alice);
        claims.escalateClaim{value: 1 ether}(claimId, "ipfs://evidence");
        assertEq(before - alice.balance, ARBITRATION_FEE);
        assertEq(address(cm).balance, 0);
    }

    function test_escalateClaim_revertsWhenFeeTooLow() public {
        (, uint256 claimId) = _rejected();
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.InsufficientArbitrationFee.selector, ARBITRATION_FEE - 1, ARBITRATION_FEE
            )
        );
        claims.escalateClaim{value: ARBITRATION_FEE - 1}(claimId, "ipfs://evidence");
    }

    function test_escalateClaim_revertsWithoutArbitrator() public {
        (, uint256 claimId) = _rejected();
        vm.prank(primary);
        claims.setArbitrator(IArbitrator(address(0)), "", "");
        vm.prank(alice);
        vm.expectRevert(IClaimsTypes.NoArbitrator.selector);
        claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");
    }

    // ---------------------------------------------------------------- rulings

    function test_rule_payClaimAfterAppeal() public {
        (uint256 policyId, uint256 claimId) = _settlementProposed();
        uint256 disputeId = _escalate(alice, claimId);
        // The court first refuses; alice appeals; the court then rules "pay the claim".
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 0);
        vm.prank(alice);
        arbitrator.appeal{value: APPEAL_FEE}(disputeId, "");
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        vm.warp(block.timestamp + APPEAL_PERIOD);
        _pushPrice(int256(PRICE));
        uint256 before = token.balanceOf(alice);
        uint256 expected = _tokensDown(3000e18, PRICE);
        vm.expectEmit(address(cm));
        emit IArbitrable.Ruling(arbitrator, disputeId, 1);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.RulingExecuted(
            claimId, policyId, 1, IClaimsTypes.ClaimStatus.PaidClaim, 3000e18, expected, expected
        );
        arbitrator.executeRuling(disputeId);
        assertEq(token.balanceOf(alice) - before, expected + BOND);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(claims.policy(policyId).claimedUsd, 3000e18);
    }

    function test_rule_paySettlement() public {
        (uint256 policyId, uint256 claimId) = _settlementProposed();
        uint256 disputeId = _escalate(alice, claimId);
        _ruleFinally(disputeId, 2);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidSettlement));
        assertEq(claims.policy(policyId).claimedUsd, 1000e18);
        assertEq(claims.claim(claimId).ruling, 2);
    }

    function test_rule_refuseForfeitsBond() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        uint256 before = token.balanceOf(alice);
        _ruleFinally(disputeId, 0);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.Refused));
        assertEq(token.balanceOf(alice), before);
        (uint256 stakers,) = claims.pendingRewards();
        assertGe(stakers, BOND);
        assertEq(pool.totalStake(), STAKE);
    }

    function test_rule_settlementWithoutProposalIsARefusal() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        _ruleFinally(disputeId, 2);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.Refused));
        assertEq(pool.totalStake(), STAKE);
    }

    function test_rule_revertsWhenNotTheArbitrator() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDispute.selector, court, disputeId));
        claims.rule(disputeId, 1);
        vm.prank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDispute.selector, address(arbitrator), 9));
        claims.rule(9, 1);
    }

    function test_rule_revertsWhenRulingInvalidOrRepeated() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        vm.startPrank(address(arbitrator));
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidRuling.selector, 3));
        claims.rule(disputeId, 3);
        claims.rule(disputeId, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InvalidClaimStatus.selector, claimId, IClaimsTypes.ClaimStatus.Refused)
        );
        claims.rule(disputeId, 1);
        vm.stopPrank();
    }

    /// @dev A ruling that arrives while the price is stale cannot be fixed in tokens: it is recorded
    /// (`RulingPending`) and made final by anyone once the price is fresh; it is never lost.
    function test_rule_isRecordedWhenThePriceIsStaleAndExecutedLater() public {
        (uint256 policyId, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        // The appeal period (3 days) outlasts the price's maximum age (25 hours): no push meanwhile.
        vm.warp(block.timestamp + APPEAL_PERIOD);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.RulingDeferred(claimId, 1);
        arbitrator.executeRuling(disputeId);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.RulingPending));
        assertEq(uint256(arbitrator.disputeStatus(disputeId)), uint256(IArbitrator.DisputeStatus.Solved));
        (, uint32 updatedAt) = priceFeed.read();
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.StalePrice.selector, updatedAt, block.timestamp, 25 hours));
        claims.executeRuling(claimId);
        _pushPrice(int256(PRICE));
        uint256 before = token.balanceOf(alice);
        vm.prank(stranger);
        claims.executeRuling(claimId);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(token.balanceOf(alice) - before, _tokensDown(3000e18, PRICE) + BOND);
        assertEq(claims.policy(policyId).claimedUsd, 3000e18);
    }

    function test_rule_staysWithTheDisputesArbitratorAfterAChange() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        vm.prank(primary);
        claims.setArbitrator(IArbitrator(makeAddr("newCourt")), hex"01", "ipfs://meta-2");
        assertEq(claims.metaEvidenceId(), 1);
        _ruleFinally(disputeId, 1);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
    }

    // ---------------------------------------------------------------- evidence

    function test_submitEvidence_byEitherSide() public {
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        disputeId;
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(arbitrator, claimId, alice, "ipfs://more");
        vm.prank(alice);
        claims.submitEvidence(claimId, "ipfs://more");
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(arbitrator, claimId, mediator, "ipfs://answer");
        vm.prank(mediator);
        claims.submitEvidence(claimId, "ipfs://answer");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, stranger, alice));
        claims.submitEvidence(claimId, "ipfs://spam");
    }

    function test_submitEvidence_revertsOnClosedClaim() public {
        (, uint256 claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.InvalidClaimStatus.selector, claimId, IClaimsTypes.ClaimStatus.PaidClaim
            )
        );
        claims.submitEvidence(claimId, "ipfs://late");
    }

    // -------------------------------------------------------------- governance

    function test_setArbitrator_emitsMetaEvidence() public {
        vm.expectEmit(address(cm));
        emit IEvidence.MetaEvidence(1, "ipfs://meta-2");
        vm.prank(primary);
        claims.setArbitrator(arbitrator, hex"beef", "ipfs://meta-2");
        assertEq(claims.arbitratorExtraData(), hex"beef");
        assertEq(address(claims.arbitrator()), address(arbitrator));
    }

    function testFuzz_rule_everyRulingEndsTheClaim(uint8 ruling, bool settled) public {
        ruling = uint8(bound(ruling, 0, 2));
        (uint256 policyId, uint256 claimId) = settled ? _settlementProposed() : _rejected();
        uint256 disputeId = _escalate(alice, claimId);
        _ruleFinally(disputeId, ruling);
        IClaimsTypes.ClaimStatus status = _status(claimId);
        uint256 paid = claims.policy(policyId).claimedUsd;
        if (ruling == 1) {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
            assertEq(paid, 3000e18);
        } else if (ruling == 2 && settled) {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.PaidSettlement));
            assertEq(paid, 1000e18);
        } else {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.Refused));
            assertEq(paid, 0);
        }
    }
}
