// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";

/// @notice Every transition and every revert of the claim state machine, table-driven: each claim status
/// is built, then each action is tried by the actor allowed to take it, and the outcome (new status or
/// error) is compared with the table. Deadlines get their own table below.
contract ClaimsStateMachineTest is ClaimsBase {
    enum Action {
        AcceptClaim,
        ProposeSettlement,
        RejectClaim,
        AcceptSettlement,
        EscalateClaim,
        TimeOutClaim,
        ExecuteRuling,
        CloseStalledDispute
    }

    uint256 internal constant CLAIM_USD = 3000e18;
    uint256 internal constant SETTLEMENT_USD = 1000e18;
    /// @dev Outcome codes above the statuses: the action reverts with this error.
    uint8 internal constant E_STATUS = 100;
    uint8 internal constant E_DEADLINE_NOT_PASSED = 101;
    uint8 internal constant E_DEADLINE_PASSED = 102;

    uint256 internal constant N_STATES = 10;
    uint256 internal constant N_ACTIONS = 8;

    /// @dev expected[state - 1][action]: a `ClaimStatus` reached, or an `E_` error code.
    function _table() internal pure returns (uint8[N_ACTIONS][N_STATES] memory t) {
        uint8 P = uint8(IClaimsTypes.ClaimStatus.Pending);
        uint8 S = uint8(IClaimsTypes.ClaimStatus.SettlementProposed);
        uint8 R = uint8(IClaimsTypes.ClaimStatus.MediatorRejected);
        uint8 D = uint8(IClaimsTypes.ClaimStatus.Disputed);
        uint8 PC = uint8(IClaimsTypes.ClaimStatus.PaidClaim);
        uint8 PS = uint8(IClaimsTypes.ClaimStatus.PaidSettlement);
        uint8 X = E_STATUS;
        uint8 N = E_DEADLINE_NOT_PASSED;
        P; // (Pending is never reached by an action)
        //         accept propose reject acceptS escalate timeOut execute closeStalled
        t[0] = [PC, S, R, X, N, N, X, X]; // Pending
        t[1] = [X, X, X, PS, D, N, X, X]; // SettlementProposed
        t[2] = [X, X, X, X, D, N, X, X]; // MediatorRejected
        t[3] = [X, X, X, X, X, X, X, N]; // Disputed
        t[4] = [X, X, X, X, X, X, PC, X]; // RulingPending
        t[5] = [X, X, X, X, X, X, X, X]; // PaidClaim
        t[6] = [X, X, X, X, X, X, X, X]; // PaidSettlement
        t[7] = [X, X, X, X, X, X, X, X]; // Refused
        t[8] = [X, X, X, X, X, X, X, X]; // TimedOut
        t[9] = [X, X, X, X, X, X, X, X]; // DisputeClosed
    }

    function test_stateMachine_everyStatusTimesEveryAction() public {
        uint8[N_ACTIONS][N_STATES] memory t = _table();
        uint256 snapshot = vm.snapshotState();
        for (uint256 s = 1; s <= N_STATES; ++s) {
            for (uint256 a; a < N_ACTIONS; ++a) {
                vm.revertToState(snapshot);
                uint256 claimId = _claimIn(IClaimsTypes.ClaimStatus(s));
                assertEq(uint256(_status(claimId)), s, "set-up reached the wrong status");
                (bool ok, bytes memory ret) = _act(Action(a), claimId);
                uint8 expected = t[s - 1][a];
                string memory where = string.concat("status ", vm.toString(s), " action ", vm.toString(a));
                if (expected < E_STATUS) {
                    assertTrue(ok, where);
                    assertEq(uint256(_status(claimId)), expected, where);
                } else {
                    assertFalse(ok, where);
                    assertEq(bytes4(ret), _selector(expected), where);
                    assertEq(uint256(_status(claimId)), s, where);
                }
            }
        }
    }

    /// @dev Deadline table: (status, seconds after its deadline, action) -> outcome.
    struct TimedCase {
        IClaimsTypes.ClaimStatus status;
        uint256 afterDeadline;
        Action action;
        uint8 expected;
    }

    function test_stateMachine_deadlines() public {
        uint8 PC = uint8(IClaimsTypes.ClaimStatus.PaidClaim);
        uint8 PS = uint8(IClaimsTypes.ClaimStatus.PaidSettlement);
        uint8 S = uint8(IClaimsTypes.ClaimStatus.SettlementProposed);
        uint8 R = uint8(IClaimsTypes.ClaimStatus.MediatorRejected);
        uint8 D = uint8(IClaimsTypes.ClaimStatus.Disputed);
        uint8 T = uint8(IClaimsTypes.ClaimStatus.TimedOut);
        IClaimsTypes.ClaimStatus P = IClaimsTypes.ClaimStatus.Pending;
        IClaimsTypes.ClaimStatus SP = IClaimsTypes.ClaimStatus.SettlementProposed;
        IClaimsTypes.ClaimStatus MR = IClaimsTypes.ClaimStatus.MediatorRejected;
        uint256 claimantWindow = 3 days;
        TimedCase[24] memory cases = [
            // The mediator may act up to its deadline, included.
            TimedCase(P, 0, Action.AcceptClaim, PC),
            TimedCase(P, 0, Action.ProposeSettlement, S),
            TimedCase(P, 0, Action.RejectClaim, R),
            TimedCase(P, 1, Action.AcceptClaim, E_DEADLINE_PASSED),
            TimedCase(P, 1, Action.ProposeSettlement, E_DEADLINE_PASSED),
            TimedCase(P, 1, Action.RejectClaim, E_DEADLINE_PASSED),
            // A silent mediator: the claimant escalates after its deadline, for the claimant's window.
            TimedCase(P, 0, Action.EscalateClaim, E_DEADLINE_NOT_PASSED),
            TimedCase(P, 1, Action.EscalateClaim, D),
            TimedCase(P, claimantWindow, Action.EscalateClaim, D),
            TimedCase(P, claimantWindow + 1, Action.EscalateClaim, E_DEADLINE_PASSED),
            TimedCase(P, claimantWindow, Action.TimeOutClaim, E_DEADLINE_NOT_PASSED),
            TimedCase(P, claimantWindow + 1, Action.TimeOutClaim, T),
            // A settlement proposal: accept or escalate up to its deadline, then anyone times it out.
            TimedCase(SP, 0, Action.AcceptSettlement, PS),
            TimedCase(SP, 0, Action.EscalateClaim, D),
            TimedCase(SP, 1, Action.AcceptSettlement, E_DEADLINE_PASSED),
            TimedCase(SP, 1, Action.EscalateClaim, E_DEADLINE_PASSED),
            TimedCase(SP, 0, Action.TimeOutClaim, E_DEADLINE_NOT_PASSED),
            TimedCase(SP, 1, Action.TimeOutClaim, T),
            // A rejection: escalate up to its deadline, then anyone times it out.
            TimedCase(MR, 0, Action.EscalateClaim, D),
            TimedCase(MR, 1, Action.EscalateClaim, E_DEADLINE_PASSED),
            TimedCase(MR, 0, Action.TimeOutClaim, E_DEADLINE_NOT_PASSED),
            TimedCase(MR, 1, Action.TimeOutClaim, T),
            // A dispute: a silent arbitrator lets anyone close it after its deadline (escalation + 60 days).
            TimedCase(IClaimsTypes.ClaimStatus.Disputed, 0, Action.CloseStalledDispute, E_DEADLINE_NOT_PASSED),
            TimedCase(
                IClaimsTypes.ClaimStatus.Disputed,
                1,
                Action.CloseStalledDispute,
                uint8(IClaimsTypes.ClaimStatus.DisputeClosed)
            )
        ];
        uint256 snapshot = vm.snapshotState();
        for (uint256 i; i < cases.length; ++i) {
            vm.revertToState(snapshot);
            TimedCase memory c = cases[i];
            uint256 claimId = _claimIn(c.status);
            vm.warp(claims.claim(claimId).deadline + c.afterDeadline);
            _pushPrice(int256(PRICE));
            (bool ok, bytes memory ret) = _act(c.action, claimId);
            string memory where = string.concat("case ", vm.toString(i));
            if (c.expected < E_STATUS) {
                assertTrue(ok, where);
                assertEq(uint256(_status(claimId)), c.expected, where);
            } else {
                assertFalse(ok, where);
                assertEq(bytes4(ret), _selector(c.expected), where);
            }
        }
    }

    // ------------------------------------------------------------- who may act

    function test_mediatorActions_revertWhenNotMediator() public {
        (, uint256 claimId) = _policyAndClaim(CLAIM_USD);
        bytes memory err = abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, alice, mediator);
        vm.startPrank(alice);
        vm.expectRevert(err);
        claims.acceptClaim(claimId);
        vm.expectRevert(err);
        claims.proposeSettlement(claimId, SETTLEMENT_USD);
        vm.expectRevert(err);
        claims.rejectClaim(claimId);
        vm.stopPrank();
    }

    function test_claimantActions_revertWhenNotClaimant() public {
        (, uint256 claimId) = _policyAndClaim(CLAIM_USD);
        vm.prank(mediator);
        claims.proposeSettlement(claimId, SETTLEMENT_USD);
        bytes memory err = abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, bob, alice);
        vm.startPrank(bob);
        vm.expectRevert(err);
        claims.acceptSettlement(claimId, 0);
        vm.expectRevert(err);
        claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");
        vm.stopPrank();
    }

    function test_actions_revertWhenClaimUnknown() public {
        bytes memory err = abi.encodeWithSelector(IClaimsTypes.UnknownClaim.selector, 7);
        vm.prank(mediator);
        vm.expectRevert(err);
        claims.acceptClaim(7);
        vm.expectRevert(err);
        claims.timeOutClaim(7);
        vm.expectRevert(err);
        claims.executeRuling(7);
        vm.expectRevert(err);
        claims.submitEvidence(7, "");
    }

    // ------------------------------------------------------------------- set-up

    /// @dev A claim of $3,000 on alice's $10,000 policy, brought into `status` with the real transitions.
    function _claimIn(IClaimsTypes.ClaimStatus status) internal returns (uint256 claimId) {
        (, claimId) = _policyAndClaim(CLAIM_USD);
        if (status == IClaimsTypes.ClaimStatus.Pending) return claimId;
        vm.startPrank(mediator);
        if (status == IClaimsTypes.ClaimStatus.PaidClaim) {
            claims.acceptClaim(claimId);
        } else if (
            status == IClaimsTypes.ClaimStatus.SettlementProposed || status == IClaimsTypes.ClaimStatus.PaidSettlement
        ) {
            claims.proposeSettlement(claimId, SETTLEMENT_USD);
        } else {
            claims.rejectClaim(claimId);
        }
        vm.stopPrank();
        if (status == IClaimsTypes.ClaimStatus.PaidSettlement) {
            vm.prank(alice);
            claims.acceptSettlement(claimId, 0);
        } else if (status == IClaimsTypes.ClaimStatus.TimedOut) {
            vm.warp(block.timestamp + 3 days + 1);
            claims.timeOutClaim(claimId);
        } else if (
            status == IClaimsTypes.ClaimStatus.Disputed || status == IClaimsTypes.ClaimStatus.RulingPending
                || status == IClaimsTypes.ClaimStatus.Refused || status == IClaimsTypes.ClaimStatus.DisputeClosed
        ) {
            uint256 disputeId = _escalate(alice, claimId);
            if (status == IClaimsTypes.ClaimStatus.RulingPending) {
                // The ruling arrives while the price is stale (the appeal period outlasts its maximum age).
                vm.prank(court);
                arbitrator.giveRuling(disputeId, 1);
                vm.warp(block.timestamp + APPEAL_PERIOD);
                arbitrator.executeRuling(disputeId);
                _pushPrice(int256(PRICE));
            } else if (status == IClaimsTypes.ClaimStatus.Refused) {
                _ruleFinally(disputeId, 0);
            } else if (status == IClaimsTypes.ClaimStatus.DisputeClosed) {
                vm.warp(block.timestamp + 60 days + 1);
                claims.closeStalledDispute(claimId);
            }
        }
    }

    function _act(Action action, uint256 claimId) internal returns (bool ok, bytes memory ret) {
        address actor = stranger;
        bytes memory data;
        uint256 value;
        if (action == Action.AcceptClaim) {
            (actor, data) = (mediator, abi.encodeCall(claims.acceptClaim, (claimId)));
        } else if (action == Action.ProposeSettlement) {
            (actor, data) = (mediator, abi.encodeCall(claims.proposeSettlement, (claimId, 500e18)));
        } else if (action == Action.RejectClaim) {
            (actor, data) = (mediator, abi.encodeCall(claims.rejectClaim, (claimId)));
        } else if (action == Action.AcceptSettlement) {
            (actor, data) = (alice, abi.encodeCall(claims.acceptSettlement, (claimId, 0)));
        } else if (action == Action.EscalateClaim) {
            (actor, data, value) =
            (alice, abi.encodeCall(claims.escalateClaim, (claimId, "ipfs://evidence")), ARBITRATION_FEE);
        } else if (action == Action.TimeOutClaim) {
            data = abi.encodeCall(claims.timeOutClaim, (claimId));
        } else if (action == Action.ExecuteRuling) {
            data = abi.encodeCall(claims.executeRuling, (claimId));
        } else {
            data = abi.encodeCall(claims.closeStalledDispute, (claimId));
        }
        vm.prank(actor);
        (ok, ret) = address(claims).call{value: value}(data);
    }

    function _selector(uint8 code) internal pure returns (bytes4) {
        if (code == E_STATUS) return IClaimsTypes.InvalidClaimStatus.selector;
        if (code == E_DEADLINE_NOT_PASSED) return IClaimsTypes.DeadlineNotPassed.selector;
        return IClaimsTypes.DeadlinePassed.selector;
    }
}
