// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";
import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";

/// @dev An ERC-792 arbitrator that hands out the same dispute id every time (a buggy or hostile court).
contract RepeatingArbitrator {
    function arbitrationCost(bytes calldata) external pure returns (uint256) {
        return 0;
    }

    function createDispute(uint256, bytes calldata) external payable returns (uint256) {
        return 7;
    }

    function disputeStatus(uint256) external pure returns (IArbitrator.DisputeStatus) {
        return IArbitrator.DisputeStatus.Waiting;
    }

    function rule(IArbitrable arbitrable, uint256 disputeId, uint256 ruling) external {
        arbitrable.rule(disputeId, ruling);
    }
}

/// @notice #12 rule 4: no claim is stuck forever. A dispute whose arbitrator shows no activity for
/// `maxDisputeInactivity` can be closed by anyone (bond returned, reservation released); a later ruling is accepted and
/// ignored; a reused dispute id never overwrites another claim's record.
contract ClaimsStalledDisputesTest is ClaimsBase {
    function _disputed() internal returns (uint256 policyId, uint256 claimId, uint256 disputeId) {
        (policyId, claimId) = _policyAndClaim(3000e18);
        vm.prank(mediator);
        claims.rejectClaim(claimId);
        disputeId = _escalate(alice, claimId);
    }

    /// @dev Closable exactly after the deadline (escalation + 60 days), not at it; the bond goes back, the policy's
    /// reservation is released, and a later ruling is accepted (no revert) and ignored.
    function test_closeStalledDispute_afterTheDeadline() public {
        (uint256 policyId, uint256 claimId, uint256 disputeId) = _disputed();
        uint256 deadline = block.timestamp + 60 days;
        assertEq(claims.claim(claimId).deadline, deadline);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DeadlineNotPassed.selector, claimId, deadline, deadline));
        claims.closeStalledDispute(claimId);
        vm.warp(deadline + 1);
        uint256 before = token.balanceOf(alice);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.StalledDisputeClosed(claimId, address(arbitrator), disputeId, BOND);
        vm.prank(stranger);
        claims.closeStalledDispute(claimId);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.DisputeClosed));
        assertEq(token.balanceOf(alice) - before, BOND);
        assertEq(claims.policy(policyId).claimedUsd, 0);
        assertEq(claims.openExposure(), 0);
        // The court wakes up: its ruling is accepted and ignored.
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        _warpAndRefresh(APPEAL_PERIOD);
        vm.expectEmit(address(cm));
        emit IArbitrable.Ruling(arbitrator, disputeId, 1);
        arbitrator.executeRuling(disputeId);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.DisputeClosed));
        assertEq(pool.totalStake(), STAKE);
    }

    /// @dev An arbitrator that ruled (appeal period open) is active: the dispute cannot be closed, and anyone can record
    /// the activity, which moves the deadline.
    function test_closeStalledDispute_refusedWhileTheArbitratorIsActive() public {
        (, uint256 claimId, uint256 disputeId) = _disputed();
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NoDisputeActivity.selector, claimId));
        claims.noteDisputeActivity(claimId);
        vm.warp(block.timestamp + 60 days + 1);
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.DisputeActive.selector, claimId, uint256(IArbitrator.DisputeStatus.Appealable)
            )
        );
        claims.closeStalledDispute(claimId);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DisputeActivityNoted(
            claimId, uint256(IArbitrator.DisputeStatus.Appealable), block.timestamp + 60 days
        );
        claims.noteDisputeActivity(claimId);
        // An appeal sends the dispute back to the court (status Waiting): it may not be closed before the new deadline.
        vm.prank(alice);
        arbitrator.appeal{value: APPEAL_FEE}(disputeId, "");
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.DeadlineNotPassed.selector, claimId, block.timestamp + 60 days, block.timestamp
            )
        );
        claims.closeStalledDispute(claimId);
    }

    /// @dev Only a `Disputed` claim can be closed as stalled.
    function test_closeStalledDispute_onlyADisputedClaim() public {
        (, uint256 claimId) = _policyAndClaim(3000e18);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InvalidClaimStatus.selector, claimId, IClaimsTypes.ClaimStatus.Pending)
        );
        claims.closeStalledDispute(claimId);
    }

    /// @dev A court that reuses a dispute id cannot redirect another claim's ruling: the second escalation reverts.
    function test_escalateClaim_refusesAReusedDisputeId() public {
        RepeatingArbitrator court2 = new RepeatingArbitrator();
        vm.prank(primary);
        claims.setArbitrator(IArbitrator(address(court2)), "", "ipfs://meta-2");
        (, uint256 first) = _policyAndClaim(1000e18);
        (, uint256 second) = _policyAndClaim(2000e18);
        vm.startPrank(mediator);
        claims.rejectClaim(first);
        claims.rejectClaim(second);
        vm.stopPrank();
        vm.prank(alice);
        claims.escalateClaim(first, "");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DisputeIdReused.selector, address(court2), 7, first));
        claims.escalateClaim(second, "");
        assertEq(claims.claimIdOfDispute(address(court2), 7), first);
        court2.rule(IArbitrable(address(cm)), 7, 0);
        assertEq(uint256(_status(first)), uint256(IClaimsTypes.ClaimStatus.Refused));
        assertEq(uint256(_status(second)), uint256(IClaimsTypes.ClaimStatus.MediatorRejected));
    }
}
