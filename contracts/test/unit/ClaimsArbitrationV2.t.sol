// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LocalArbitratorV2} from "../../src/devnet/LocalArbitratorV2.sol";
import {LocalEvidenceModule} from "../../src/devnet/LocalEvidenceModule.sol";
import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IArbitrableV2} from "../../src/interfaces/kleros-v2/IArbitrableV2.sol";
import {IArbitratorV2} from "../../src/interfaces/kleros-v2/IArbitratorV2.sol";
import {IEvidenceModule} from "../../src/interfaces/kleros-v2/IEvidenceModule.sol";
import {ClaimsBase, ClaimsTestToken} from "./ClaimsBase.t.sol";
import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IEvidence} from "@kleros/erc-792/contracts/erc-1497/IEvidence.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Vm} from "forge-std/Vm.sol";

/// @dev An `IArbitratorV2` that takes only half of an ERC-20 fee and records the allowance it was given (a court that
/// leaves an approval behind unless the arbitrable resets it), and can hand out one dispute id twice.
contract HalfTakingArbitratorV2 {
    uint256 public cost = 3e18;
    uint256 public allowanceSeen;
    uint256 public nextId = 5;
    bool public repeatIds;

    function setRepeatIds(bool repeat) external {
        repeatIds = repeat;
    }

    function arbitrationCost(bytes calldata) external view returns (uint256) {
        return cost;
    }

    function arbitrationCost(bytes calldata, IERC20) external view returns (uint256) {
        return cost;
    }

    function createDispute(uint256, bytes calldata) external payable returns (uint256) {
        return repeatIds ? nextId : nextId++;
    }

    function createDispute(uint256, bytes calldata, IERC20 feeToken, uint256 feeAmount) external returns (uint256) {
        allowanceSeen = feeToken.allowance(msg.sender, address(this));
        SafeERC20.safeTransferFrom(feeToken, msg.sender, address(this), feeAmount / 2);
        return repeatIds ? nextId : nextId++;
    }

    function currentRuling(uint256) external pure returns (uint256, bool, bool) {
        return (0, true, false);
    }
}

/// @notice Kleros v2 (`IArbitratorV2`) as the claims' arbitrator: the governed setting, escalation with the fee in ETH
/// or in an ERC-20 (exact cost, excess refunded, exact approval reset to 0, the max-fee guard at its edge, never the
/// pool token), `DisputeRequest`, evidence through the evidence module, rulings 0/1/2 with v2's semantics, an appeal
/// round funded on the arbitrator, stalled disputes, late rulings and reused dispute ids.
contract ClaimsArbitrationV2Test is ClaimsBase {
    uint256 internal constant CLAIMS_TEMPLATE = 3;
    uint256 internal constant MAX_FEE = 1 ether;
    bytes internal constant EXTRA_DATA = abi.encode(uint256(1), uint256(3), uint256(1));
    /// @dev rateInEth 4 with 1 decimal: a fee of 0.1 ETH costs 0.1 * 10 / 4 = 0.25 WETH (distinct from the ETH figure).
    uint256 internal constant TOKEN_FEE = 0.25e18;
    string internal constant EVIDENCE = "ipfs://evidence";

    LocalArbitratorV2 internal v2;
    LocalEvidenceModule internal evidenceModule;
    ClaimsTestToken internal weth;

    function setUp() public override {
        super.setUp();
        v2 = new LocalArbitratorV2(court, ARBITRATION_FEE, APPEAL_FEE, APPEAL_PERIOD);
        evidenceModule = new LocalEvidenceModule();
        weth = new ClaimsTestToken();
        vm.startPrank(court);
        v2.changeAcceptedFeeTokens(weth, true);
        v2.changeCurrencyRates(weth, 4, 1);
        vm.stopPrank();
        weth.mint(alice, 10e18);
        vm.prank(alice);
        weth.approve(address(cm), type(uint256).max);
    }

    function _useV2(IERC20 feeToken, uint256 maxFee) internal {
        vm.prank(primary);
        claims.setArbitratorV2(
            IArbitratorV2(address(v2)),
            EXTRA_DATA,
            feeToken,
            maxFee,
            CLAIMS_TEMPLATE,
            IEvidenceModule(address(evidenceModule))
        );
    }

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

    function _escalateV2(uint256 claimId, uint256 value) internal returns (uint256) {
        vm.prank(alice);
        return claims.escalateClaim{value: value}(claimId, EVIDENCE);
    }

    /// @dev LocalArbitratorV2's court rules; after the appeal period anyone delivers the ruling (prices kept fresh).
    function _ruleV2(uint256 disputeId, uint256 ruling) internal {
        vm.prank(court);
        v2.giveRuling(disputeId, ruling);
        _warpAndRefresh(APPEAL_PERIOD);
        v2.executeRuling(disputeId);
    }

    // -------------------------------------------------------------- governance

    function test_setArbitratorV2_setsTheArbitratorAndItsSettings() public {
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ArbitratorV2Set(
            IArbitratorV2(address(v2)),
            EXTRA_DATA,
            weth,
            MAX_FEE,
            CLAIMS_TEMPLATE,
            IEvidenceModule(address(evidenceModule))
        );
        _useV2(weth, MAX_FEE);
        assertEq(address(claims.arbitrator()), address(v2));
        assertEq(claims.arbitratorExtraData(), EXTRA_DATA);
        IClaimsTypes.ArbitratorV2Config memory config = claims.arbitratorV2Config();
        assertEq(address(config.evidenceModule), address(evidenceModule));
        assertEq(config.templateId, CLAIMS_TEMPLATE);
        assertEq(address(config.feeToken), address(weth));
        assertEq(config.maxFee, MAX_FEE);
    }

    function test_setArbitratorV2_onlyThePrimaryAgent() public {
        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, secondary, primary));
        claims.setArbitratorV2(
            IArbitratorV2(address(v2)), "", IERC20(address(0)), MAX_FEE, 0, IEvidenceModule(address(evidenceModule))
        );
    }

    function test_setArbitratorV2_refusesThePoolTokenAsFeeToken() public {
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.FeeTokenIsPoolToken.selector, address(token)));
        claims.setArbitratorV2(
            IArbitratorV2(address(v2)), "", IERC20(address(token)), MAX_FEE, 0, IEvidenceModule(address(evidenceModule))
        );
    }

    function test_setArbitratorV2_refusesZeroAddresses() public {
        vm.startPrank(primary);
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        claims.setArbitratorV2(
            IArbitratorV2(address(0)), "", IERC20(address(0)), MAX_FEE, 0, IEvidenceModule(address(evidenceModule))
        );
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        claims.setArbitratorV2(
            IArbitratorV2(address(v2)), "", IERC20(address(0)), MAX_FEE, 0, IEvidenceModule(address(0))
        );
        vm.stopPrank();
    }

    /// @dev maxFee in [1, 2^96 - 1] and templateId at most 2^96 - 1: each edge and one past it.
    function test_setArbitratorV2_bounds() public {
        IEvidenceModule module = IEvidenceModule(address(evidenceModule));
        IArbitratorV2 court2 = IArbitratorV2(address(v2));
        uint256 max96 = type(uint96).max;
        vm.startPrank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, 0, 1, max96));
        claims.setArbitratorV2(court2, "", IERC20(address(0)), 0, 0, module);
        claims.setArbitratorV2(court2, "", IERC20(address(0)), 1, 0, module);
        claims.setArbitratorV2(court2, "", IERC20(address(0)), max96, max96, module);
        assertEq(claims.arbitratorV2Config().maxFee, max96);
        assertEq(claims.arbitratorV2Config().templateId, max96);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, max96 + 1, 1, max96));
        claims.setArbitratorV2(court2, "", IERC20(address(0)), max96 + 1, 0, module);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ValueOverflow.selector, max96 + 1, max96));
        claims.setArbitratorV2(court2, "", IERC20(address(0)), 1, max96 + 1, module);
        vm.stopPrank();
    }

    /// @dev Back to ERC-792: the v2 settings read as zero and escalations take the ERC-792 path.
    function test_setArbitrator_clearsTheV2Settings() public {
        _useV2(weth, MAX_FEE);
        vm.prank(primary);
        claims.setArbitrator(arbitrator, "", "ipfs://meta-2");
        IClaimsTypes.ArbitratorV2Config memory config = claims.arbitratorV2Config();
        assertEq(address(config.evidenceModule), address(0));
        assertEq(address(config.feeToken), address(0));
        assertEq(config.maxFee, 0);
        // The v2 court stays known as one for its open disputes; the ERC-792 one is not.
        assertEq(address(claims.evidenceModuleOf(address(v2))), address(evidenceModule));
        assertEq(address(claims.evidenceModuleOf(address(arbitrator))), address(0));
        (, uint256 claimId) = _rejected();
        vm.expectEmit(address(cm));
        emit IEvidence.Dispute(arbitrator, 0, 1, claimId);
        _escalate(alice, claimId);
        assertEq(address(arbitrator).balance, ARBITRATION_FEE);
        assertEq(weth.balanceOf(alice), 10e18);
    }

    // ------------------------------------------------------------ ETH fee

    function test_escalateClaim_v2Eth_paysExactlyTheCost_refundsTheExcess_emitsDisputeRequest() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        uint256 before = alice.balance;
        vm.expectEmit(address(v2));
        emit IArbitratorV2.DisputeCreation(0, IArbitrableV2(address(cm)));
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DisputeRequest(IArbitratorV2(address(v2)), 0, claimId, CLAIMS_TEMPLATE, "");
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimEscalated(claimId, IArbitrator(address(v2)), 0, ARBITRATION_FEE, IERC20(address(0)));
        uint256 disputeId = _escalateV2(claimId, 1 ether);
        assertEq(disputeId, 0);
        assertEq(before - alice.balance, ARBITRATION_FEE);
        assertEq(address(v2).balance, ARBITRATION_FEE);
        assertEq(v2.dispute(0).fee, ARBITRATION_FEE);
        assertEq(address(cm).balance, 0);
        assertEq(claims.claimIdOfDispute(address(v2), 0), claimId);
        assertEq(claims.claim(claimId).arbitrator, address(v2));
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.Disputed));
    }

    function test_escalateClaim_v2Eth_revertsBelowTheCost() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.InsufficientArbitrationFee.selector, ARBITRATION_FEE - 1, ARBITRATION_FEE
            )
        );
        claims.escalateClaim{value: ARBITRATION_FEE - 1}(claimId, EVIDENCE);
    }

    /// @dev The max-fee guard at the cost (passes) and one wei below it (refused, with both values).
    function test_escalateClaim_v2Eth_maxFeeAtTheCost_oneBelowRefused() public {
        _useV2(IERC20(address(0)), ARBITRATION_FEE - 1);
        (, uint256 claimId) = _rejected();
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.ArbitrationFeeAboveMaximum.selector, ARBITRATION_FEE, ARBITRATION_FEE - 1
            )
        );
        claims.escalateClaim{value: ARBITRATION_FEE}(claimId, EVIDENCE);
        _useV2(IERC20(address(0)), ARBITRATION_FEE);
        _escalateV2(claimId, ARBITRATION_FEE);
        assertEq(address(v2).balance, ARBITRATION_FEE);
    }

    // ----------------------------------------------------------- token fee

    function test_escalateClaim_v2Token_pullsExactlyTheCost_approvalResetToZero_refundsEther() public {
        _useV2(weth, MAX_FEE);
        (, uint256 claimId) = _rejected();
        uint256 ethBefore = alice.balance;
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DisputeRequest(IArbitratorV2(address(v2)), 0, claimId, CLAIMS_TEMPLATE, "");
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimEscalated(claimId, IArbitrator(address(v2)), 0, TOKEN_FEE, weth);
        // Ether sent along is not needed on the token path: all of it comes back.
        _escalateV2(claimId, 0.3 ether);
        assertEq(alice.balance, ethBefore);
        assertEq(weth.balanceOf(alice), 10e18 - TOKEN_FEE);
        assertEq(weth.balanceOf(address(v2)), TOKEN_FEE);
        assertEq(weth.balanceOf(address(cm)), 0);
        assertEq(weth.allowance(address(cm), address(v2)), 0);
        assertEq(address(v2.dispute(0).feeToken), address(weth));
        assertEq(v2.dispute(0).fee, TOKEN_FEE);
    }

    /// @dev A court that takes less than approved: it saw exactly the cost approved, and no allowance is left after.
    function test_escalateClaim_v2Token_approvesExactly_andResetsWhatTheCourtLeft() public {
        HalfTakingArbitratorV2 half = new HalfTakingArbitratorV2();
        vm.prank(primary);
        claims.setArbitratorV2(
            IArbitratorV2(address(half)), "", weth, MAX_FEE * 10, 0, IEvidenceModule(address(evidenceModule))
        );
        (, uint256 claimId) = _rejected();
        _escalateV2(claimId, 0);
        assertEq(half.allowanceSeen(), 3e18);
        assertEq(weth.allowance(address(cm), address(half)), 0);
        assertEq(weth.balanceOf(address(half)), 1.5e18);
        assertEq(weth.balanceOf(alice), 10e18 - 3e18);
    }

    function test_escalateClaim_v2Token_maxFeeAtTheCost_oneBelowRefused() public {
        _useV2(weth, TOKEN_FEE - 1);
        (, uint256 claimId) = _rejected();
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.ArbitrationFeeAboveMaximum.selector, TOKEN_FEE, TOKEN_FEE - 1)
        );
        claims.escalateClaim(claimId, EVIDENCE);
        _useV2(weth, TOKEN_FEE);
        _escalateV2(claimId, 0);
        assertEq(weth.balanceOf(address(v2)), TOKEN_FEE);
    }

    /// @dev Without the claimant's approval nothing moves: the escalation reverts and the claim stays rejected.
    function test_escalateClaim_v2Token_revertsWithoutTheClaimantsApproval() public {
        _useV2(weth, MAX_FEE);
        (, uint256 claimId) = _rejected();
        vm.prank(alice);
        weth.approve(address(cm), TOKEN_FEE - 1);
        vm.prank(alice);
        vm.expectRevert();
        claims.escalateClaim(claimId, EVIDENCE);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.MediatorRejected));
        assertEq(weth.balanceOf(alice), 10e18);
    }

    // ---------------------------------------------------------------- evidence

    /// @dev The claim was filed under the ERC-792 arbitrator; escalated to Kleros v2, its evidence is announced to the
    /// v2 evidence module under the claim id, and tagged with the v2 arbitrator.
    function test_escalateClaim_v2_reannouncesTheClaimsEvidenceToTheEvidenceModule() public {
        (, uint256 claimId) = _rejected();
        _useV2(IERC20(address(0)), MAX_FEE);
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(IArbitrator(address(v2)), claimId, alice, EVIDENCE);
        vm.expectEmit(address(evidenceModule));
        emit IEvidenceModule.Evidence(claimId, address(cm), EVIDENCE);
        _escalateV2(claimId, ARBITRATION_FEE);
    }

    /// @dev An empty URI announces nothing: no `Evidence` event anywhere in the escalation.
    function test_escalateClaim_v2_emptyEvidenceAnnouncesNothing() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        vm.recordLogs();
        vm.prank(alice);
        claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "");
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i; i < logs.length; ++i) {
            assertTrue(logs[i].topics[0] != IEvidence.Evidence.selector, "ERC-1497 Evidence");
            assertTrue(logs[i].topics[0] != IEvidenceModule.Evidence.selector, "v2 Evidence");
        }
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.Disputed));
    }

    /// @dev Later evidence of either side also reaches the module, keyed by the claim id, even after the DAO moved new
    /// disputes back to an ERC-792 arbitrator.
    function test_submitEvidence_onAV2Dispute_goesToTheEvidenceModule() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        _escalateV2(claimId, ARBITRATION_FEE);
        vm.prank(primary);
        claims.setArbitrator(arbitrator, "", "ipfs://meta-2");
        vm.expectEmit(address(cm));
        emit IEvidence.Evidence(IArbitrator(address(v2)), claimId, mediator, "ipfs://answer");
        vm.expectEmit(address(evidenceModule));
        emit IEvidenceModule.Evidence(claimId, address(cm), "ipfs://answer");
        vm.prank(mediator);
        claims.submitEvidence(claimId, "ipfs://answer");
    }

    // ---------------------------------------------------------------- rulings

    /// @dev v2 rulings: 1 pays the claim, 2 pays the settlement (a refusal without one), 0 ("refuse to arbitrate",
    /// also a tie in Kleros v2) refuses the claim and forfeits the bond.
    function testFuzz_rule_v2_everyRulingEndsTheClaim(uint8 ruling, bool settled, bool inToken) public {
        ruling = uint8(bound(ruling, 0, 2));
        _useV2(inToken ? IERC20(address(weth)) : IERC20(address(0)), MAX_FEE);
        (uint256 policyId, uint256 claimId) = settled ? _settlementProposed() : _rejected();
        uint256 disputeId = _escalateV2(claimId, inToken ? 0 : ARBITRATION_FEE);
        uint256 before = token.balanceOf(alice);
        vm.prank(court);
        v2.giveRuling(disputeId, ruling);
        _warpAndRefresh(APPEAL_PERIOD);
        // The arbitrable's `Ruling` (ERC-792's and IArbitrableV2's event share their signature) as rule() arrives.
        vm.expectEmit(address(cm));
        emit IArbitrable.Ruling(IArbitrator(address(v2)), disputeId, ruling);
        v2.executeRuling(disputeId);
        IClaimsTypes.ClaimStatus status = _status(claimId);
        uint256 paidUsd = claims.policy(policyId).claimedUsd;
        uint256 received = token.balanceOf(alice) - before;
        if (ruling == 1) {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
            assertEq(paidUsd, 3000e18);
            assertEq(received, _tokensDown(3000e18, PRICE) + BOND);
        } else if (ruling == 2 && settled) {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.PaidSettlement));
            assertEq(paidUsd, 1000e18);
            assertEq(received, _tokensDown(1000e18, PRICE) + BOND);
        } else {
            assertEq(uint256(status), uint256(IClaimsTypes.ClaimStatus.Refused));
            assertEq(paidUsd, 0);
            assertEq(received, 0);
            (uint256 stakers,) = claims.pendingRewards();
            assertGe(stakers, BOND);
        }
        assertEq(claims.claim(claimId).ruling, ruling);
    }

    /// @dev An appeal round, funded on the arbitrator (Kleros v2: in the dispute kit), changes the ruling; the claims
    /// manager only sees the final one.
    function test_rule_v2_afterAnAppealFundedOnTheArbitrator() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalateV2(claimId, ARBITRATION_FEE);
        vm.prank(court);
        v2.giveRuling(disputeId, 0);
        vm.prank(alice);
        v2.fundAppeal{value: APPEAL_FEE}(disputeId, 1);
        _ruleV2(disputeId, 1);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
    }

    /// @dev Only the v2 arbitrator that holds the dispute may rule, with one of the claim's rulings.
    function test_rule_v2_onlyFromTheDisputesArbitrator() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalateV2(claimId, ARBITRATION_FEE);
        vm.prank(court);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDispute.selector, court, disputeId));
        claims.rule(disputeId, 1);
        vm.prank(address(v2));
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidRuling.selector, 3));
        claims.rule(disputeId, 3);
    }

    /// @dev A reused dispute id on a v2 court is refused as on ERC-792.
    function test_escalateClaim_v2_refusesAReusedDisputeId() public {
        HalfTakingArbitratorV2 repeating = new HalfTakingArbitratorV2();
        repeating.setRepeatIds(true);
        vm.prank(primary);
        claims.setArbitratorV2(
            IArbitratorV2(address(repeating)),
            "",
            IERC20(address(0)),
            MAX_FEE * 10,
            0,
            IEvidenceModule(address(evidenceModule))
        );
        (, uint256 first) = _rejected();
        (, uint256 second) = _rejected();
        _escalateV2(first, 3e18);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DisputeIdReused.selector, address(repeating), 5, first));
        claims.escalateClaim{value: 3e18}(second, EVIDENCE);
        assertEq(uint256(_status(second)), uint256(IClaimsTypes.ClaimStatus.MediatorRejected));
    }

    // ----------------------------------------------------- silent arbitrator

    /// @dev A v2 court with no counted vote (current ruling tied) is silent: closable after the deadline, not at it;
    /// its ruling arriving later is accepted and ignored.
    function test_closeStalledDispute_v2_silentCourt_lateRulingIgnored() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (uint256 policyId, uint256 claimId) = _rejected();
        uint256 disputeId = _escalateV2(claimId, ARBITRATION_FEE);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.NoDisputeActivity.selector, claimId));
        claims.noteDisputeActivity(claimId);
        uint256 deadline = claims.claim(claimId).deadline;
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DeadlineNotPassed.selector, claimId, deadline, deadline));
        claims.closeStalledDispute(claimId);
        vm.warp(deadline + 1);
        uint256 before = token.balanceOf(alice);
        claims.closeStalledDispute(claimId);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.DisputeClosed));
        assertEq(token.balanceOf(alice) - before, BOND);
        _ruleV2(disputeId, 1);
        assertEq(uint256(_status(claimId)), uint256(IClaimsTypes.ClaimStatus.DisputeClosed));
        assertEq(claims.policy(policyId).claimedUsd, 0);
        assertEq(token.balanceOf(alice) - before, BOND);
    }

    /// @dev A v2 court whose current ruling is no longer tied is active: not closable, and its activity moves the
    /// deadline.
    function test_noteDisputeActivity_v2_rulingGiven_blocksClosing() public {
        _useV2(IERC20(address(0)), MAX_FEE);
        (, uint256 claimId) = _rejected();
        uint256 disputeId = _escalateV2(claimId, ARBITRATION_FEE);
        vm.warp(claims.claim(claimId).deadline + 1);
        vm.prank(court);
        v2.giveRuling(disputeId, 0);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DisputeActive.selector, claimId, 1));
        claims.closeStalledDispute(claimId);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DisputeActivityNoted(claimId, 1, block.timestamp + 60 days);
        claims.noteDisputeActivity(claimId);
        assertEq(claims.claim(claimId).deadline, block.timestamp + 60 days);
    }
}
