// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LocalArbitratorV2} from "../../src/devnet/LocalArbitratorV2.sol";
import {LocalDisputeTemplateRegistry} from "../../src/devnet/LocalDisputeTemplateRegistry.sol";
import {LocalEvidenceModule} from "../../src/devnet/LocalEvidenceModule.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {IArbitrableV2} from "../../src/interfaces/kleros-v2/IArbitrableV2.sol";
import {IArbitratorV2} from "../../src/interfaces/kleros-v2/IArbitratorV2.sol";
import {IDisputeTemplateRegistry} from "../../src/interfaces/kleros-v2/IDisputeTemplateRegistry.sol";
import {IEvidenceModule} from "../../src/interfaces/kleros-v2/IEvidenceModule.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Test} from "forge-std/Test.sol";

/// @dev An arbitrable that pays in ETH or in a token (exact approve, then reset to 0) and records `rule()` calls.
contract RecordingArbitrableV2 is IArbitrableV2 {
    uint256 public rulings;
    uint256 public lastDispute;
    uint256 public lastRuling;

    function openEth(IArbitratorV2 arbitrator, uint256 choices) external payable returns (uint256) {
        return arbitrator.createDispute{value: msg.value}(choices, "");
    }

    function openToken(IArbitratorV2 arbitrator, uint256 choices, IERC20 token, uint256 amount)
        external
        returns (uint256 id)
    {
        token.approve(address(arbitrator), amount);
        id = arbitrator.createDispute(choices, "", token, amount);
        token.approve(address(arbitrator), 0);
    }

    function rule(uint256 disputeId, uint256 ruling) external {
        (rulings, lastDispute, lastRuling) = (rulings + 1, disputeId, ruling);
    }
}

/// @notice The devnet's Kleros v2 arbitrator: ETH and token fees, the owner's rulings, one appeal round, delivery of
/// the final ruling through `rule()` once, after `Ruling`; and the template registry and evidence module.
contract LocalArbitratorV2Test is Test {
    LocalArbitratorV2 internal arbitrator;
    RecordingArbitrableV2 internal arbitrable;
    TestToken internal weth;
    address internal court = makeAddr("court");
    address internal appellant = makeAddr("appellant");

    uint256 internal constant FEE = 0.1 ether;
    uint256 internal constant APPEAL_FEE = 0.3 ether;
    uint256 internal constant PERIOD = 2 days;
    // 1 token = 0.0005 ETH: rateInEth 5, 4 decimals -> 0.1 ETH costs 0.1 * 10^4 / 5 = 200 tokens.
    uint64 internal constant RATE = 5;
    uint8 internal constant RATE_DECIMALS = 4;
    uint256 internal constant TOKEN_FEE = 200 ether;

    function setUp() public {
        vm.warp(1_800_000_000);
        arbitrator = new LocalArbitratorV2(court, FEE, APPEAL_FEE, PERIOD);
        arbitrable = new RecordingArbitrableV2();
        weth = new TestToken("Fee token", "FEE", address(this));
        weth.setMinter(address(this), true);
        weth.mint(address(arbitrable), 1000 ether);
        vm.startPrank(court);
        arbitrator.changeAcceptedFeeTokens(weth, true);
        arbitrator.changeCurrencyRates(weth, RATE, RATE_DECIMALS);
        vm.stopPrank();
        vm.deal(address(this), 10 ether);
        vm.deal(appellant, 10 ether);
    }

    function _open() internal returns (uint256) {
        return arbitrable.openEth{value: FEE}(arbitrator, 2);
    }

    function _rule(uint256 id, uint256 ruling) internal {
        vm.prank(court);
        arbitrator.giveRuling(id, ruling);
    }

    function test_createDispute_eth_keepsAllOfTheValue_atTheCostAndAbove() public {
        vm.expectEmit(address(arbitrator));
        emit IArbitratorV2.DisputeCreation(0, arbitrable);
        assertEq(_open(), 0);
        assertEq(arbitrable.openEth{value: FEE + 1}(arbitrator, 2), 1);
        assertEq(address(arbitrator).balance, 2 * FEE + 1);
        assertEq(arbitrator.dispute(1).fee, FEE + 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.InsufficientFee.selector, FEE - 1, FEE));
        arbitrable.openEth{value: FEE - 1}(arbitrator, 2);
        vm.expectRevert(LocalArbitratorV2.NoChoices.selector);
        arbitrable.openEth{value: FEE}(arbitrator, 0);
    }

    function test_arbitrationCost_token_usesKlerosCoreRateMaths() public view {
        assertEq(arbitrator.arbitrationCost(""), FEE);
        assertEq(arbitrator.arbitrationCost("", weth), FEE * 10 ** RATE_DECIMALS / RATE);
        assertEq(arbitrator.arbitrationCost("", weth), TOKEN_FEE);
    }

    function test_createDispute_token_pullsExactlyTheFeeAmount_atTheCostAndAbove() public {
        uint256 id = arbitrable.openToken(arbitrator, 2, weth, TOKEN_FEE);
        assertEq(weth.balanceOf(address(arbitrator)), TOKEN_FEE);
        assertEq(weth.allowance(address(arbitrable), address(arbitrator)), 0);
        LocalArbitratorV2.DisputeData memory d = arbitrator.dispute(id);
        assertEq(address(d.feeToken), address(weth));
        assertEq(d.fee, TOKEN_FEE);
        arbitrable.openToken(arbitrator, 2, weth, TOKEN_FEE + 1);
        assertEq(weth.balanceOf(address(arbitrator)), 2 * TOKEN_FEE + 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.InsufficientFee.selector, TOKEN_FEE - 1, TOKEN_FEE));
        arbitrable.openToken(arbitrator, 2, weth, TOKEN_FEE - 1);
    }

    function test_createDispute_token_refusesATokenNotAccepted() public {
        TestToken other = new TestToken("Other", "OTH", address(this));
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.TokenNotAccepted.selector, other));
        arbitrator.arbitrationCost("", other);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.TokenNotAccepted.selector, other));
        arbitrable.openToken(arbitrator, 2, other, 1 ether);
        vm.expectEmit(address(arbitrator));
        emit IArbitratorV2.AcceptedFeeToken(weth, false);
        vm.prank(court);
        arbitrator.changeAcceptedFeeTokens(weth, false);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.TokenNotAccepted.selector, weth));
        arbitrable.openToken(arbitrator, 2, weth, TOKEN_FEE);
    }

    function test_fullCycle_ruleAppealRuleExecute_deliversOnceAfterRulingEvent() public {
        uint256 id = _open();
        // Before the ruling, as Kleros' classic dispute kit before the votes: no ruling, tied.
        (uint256 ruling, bool tied, bool overridden) = arbitrator.currentRuling(id);
        assertEq(ruling, 0);
        assertTrue(tied);
        assertFalse(overridden);
        _rule(id, 2);
        (ruling, tied, overridden) = arbitrator.currentRuling(id);
        assertEq(ruling, 2);
        assertFalse(tied);
        assertFalse(overridden);
        (uint256 start, uint256 end) = arbitrator.appealPeriod(id);
        assertEq(start, block.timestamp);
        assertEq(end, block.timestamp + PERIOD);

        assertEq(arbitrator.appealCost(id), APPEAL_FEE);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.AppealForCurrentRuling.selector, id, 2));
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 2);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.InsufficientFee.selector, APPEAL_FEE - 1, APPEAL_FEE));
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE - 1}(id, 1);
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 1);
        (start, end) = arbitrator.appealPeriod(id);
        assertEq(end, 0);
        // The appeal round awaits its ruling: tied again, as a new round of Kleros' dispute kit.
        (ruling, tied,) = arbitrator.currentRuling(id);
        assertEq(ruling, 0);
        assertTrue(tied);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitratorV2.InvalidPhase.selector, id, LocalArbitratorV2.Phase.Ruling)
        );
        arbitrator.executeRuling(id);

        _rule(id, 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.NoMoreAppeals.selector, id));
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 2);

        vm.warp(block.timestamp + PERIOD);
        vm.expectEmit(address(arbitrator));
        emit IArbitratorV2.Ruling(arbitrable, id, 1);
        arbitrator.executeRuling(id);
        assertEq(arbitrable.rulings(), 1);
        assertEq(arbitrable.lastDispute(), id);
        assertEq(arbitrable.lastRuling(), 1);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitratorV2.InvalidPhase.selector, id, LocalArbitratorV2.Phase.Executed)
        );
        arbitrator.executeRuling(id);
        assertEq(arbitrable.rulings(), 1);
    }

    function test_fundAppeal_atTheEndOfThePeriod_reverts_oneSecondBefore_succeeds() public {
        uint256 id = _open();
        _rule(id, 0);
        uint256 end = block.timestamp + PERIOD;
        vm.warp(end);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.AppealPeriodOver.selector, id, end, end));
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 1);
        vm.warp(end - 1);
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 1);
    }

    function test_executeRuling_oneSecondBeforeTheEnd_reverts_atTheEnd_succeeds() public {
        uint256 id = _open();
        _rule(id, 0);
        uint256 end = block.timestamp + PERIOD;
        vm.warp(end - 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.AppealPeriodNotOver.selector, id, end, end - 1));
        arbitrator.executeRuling(id);
        vm.warp(end);
        arbitrator.executeRuling(id);
        assertEq(arbitrable.lastRuling(), 0);
    }

    function test_giveRuling_onlyOwner_withinChoices_once() public {
        uint256 id = _open();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, appellant));
        vm.prank(appellant);
        arbitrator.giveRuling(id, 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.InvalidRuling.selector, 3, 2));
        _rule(id, 3);
        _rule(id, 2);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitratorV2.InvalidPhase.selector, id, LocalArbitratorV2.Phase.Appealable)
        );
        _rule(id, 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.UnknownDispute.selector, 1));
        _rule(1, 1);
    }

    function test_owner_setsRatesAndWithdrawsFees() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, appellant));
        vm.prank(appellant);
        arbitrator.changeCurrencyRates(weth, 1, 0);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, 0, 1, type(uint64).max));
        vm.prank(court);
        arbitrator.changeCurrencyRates(weth, 0, 0);
        vm.expectEmit(address(arbitrator));
        emit IArbitratorV2.NewCurrencyRate(weth, 1, 0);
        vm.prank(court);
        arbitrator.changeCurrencyRates(weth, 1, 0);
        assertEq(arbitrator.arbitrationCost("", weth), FEE);

        _open();
        arbitrable.openToken(arbitrator, 2, weth, FEE);
        address payable treasury = payable(makeAddr("treasury"));
        vm.startPrank(court);
        arbitrator.withdrawFees(treasury);
        arbitrator.withdrawTokenFees(weth, treasury);
        vm.stopPrank();
        assertEq(treasury.balance, FEE);
        assertEq(weth.balanceOf(treasury), FEE);
    }

    function test_templateRegistry_countsFromZero_andAnnouncesTheTemplate() public {
        LocalDisputeTemplateRegistry registry = new LocalDisputeTemplateRegistry();
        vm.expectEmit(address(registry));
        emit IDisputeTemplateRegistry.DisputeTemplate(0, "claims", "{\"title\":\"t\"}", "[]");
        vm.prank(appellant);
        assertEq(registry.setDisputeTemplate("claims", "{\"title\":\"t\"}", "[]"), 0);
        assertEq(registry.setDisputeTemplate("", "{}", ""), 1);
        assertEq(registry.templates(), 2);
    }

    function test_evidenceModule_announcesTheSubmitterAsParty() public {
        LocalEvidenceModule module = new LocalEvidenceModule();
        vm.expectEmit(address(module));
        emit IEvidenceModule.Evidence(42, appellant, "ipfs://evidence");
        vm.prank(appellant);
        module.submitEvidence(42, "ipfs://evidence");
    }

    function test_fundAppeal_refusesBeforeARulingAndAChoiceBeyondTheChoices() public {
        uint256 id = _open();
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitratorV2.InvalidPhase.selector, id, LocalArbitratorV2.Phase.Ruling)
        );
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 1);
        _rule(id, 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.InvalidRuling.selector, 3, 2));
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 3);
        vm.prank(appellant);
        arbitrator.fundAppeal{value: APPEAL_FEE}(id, 2);
    }

    function test_setFees_atMaxFee_succeeds_oneWeiAbove_reverts() public {
        uint256 max = arbitrator.MAX_FEE();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, appellant));
        vm.prank(appellant);
        arbitrator.setFees(1, 1);
        vm.startPrank(court);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, max + 1, 0, max));
        arbitrator.setFees(max + 1, 0);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, max + 1, 0, max));
        arbitrator.setFees(0, max + 1);
        vm.expectEmit(address(arbitrator));
        emit LocalArbitratorV2.FeesSet(max, max);
        arbitrator.setFees(max, max);
        vm.stopPrank();
        assertEq(arbitrator.arbitrationCost(""), max);
        assertEq(arbitrator.appealFee(), max);
    }

    function test_setAppealPeriodDuration_atEachBound_succeeds_oneSecondOutside_reverts() public {
        uint256 min = arbitrator.MIN_APPEAL_PERIOD_DURATION();
        uint256 max = arbitrator.MAX_APPEAL_PERIOD_DURATION();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, appellant));
        vm.prank(appellant);
        arbitrator.setAppealPeriodDuration(min);
        vm.startPrank(court);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, min - 1, min, max));
        arbitrator.setAppealPeriodDuration(min - 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, max + 1, min, max));
        arbitrator.setAppealPeriodDuration(max + 1);
        arbitrator.setAppealPeriodDuration(min);
        assertEq(arbitrator.appealPeriodDuration(), min);
        vm.expectEmit(address(arbitrator));
        emit LocalArbitratorV2.AppealPeriodDurationSet(max);
        arbitrator.setAppealPeriodDuration(max);
        vm.stopPrank();
        assertEq(arbitrator.appealPeriodDuration(), max);
    }

    function test_changeCurrencyRates_at36Decimals_succeeds_at37_reverts() public {
        vm.startPrank(court);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.ParameterOutOfBounds.selector, 37, 0, 36));
        arbitrator.changeCurrencyRates(weth, RATE, 37);
        arbitrator.changeCurrencyRates(weth, RATE, 36);
        vm.stopPrank();
        assertEq(arbitrator.arbitrationCost("", weth), FEE * 10 ** 36 / RATE);
    }

    function test_withdrawFees_toARecipientThatRefusesEth_reverts_andKeepsTheFees() public {
        _open();
        address payable refuser = payable(address(new LocalDisputeTemplateRegistry()));
        vm.expectRevert(abi.encodeWithSelector(LocalArbitratorV2.TransferFailed.selector, refuser, FEE));
        vm.prank(court);
        arbitrator.withdrawFees(refuser);
        assertEq(address(arbitrator).balance, FEE);
    }

    function test_disputeCount_countsEveryDispute() public {
        assertEq(arbitrator.disputeCount(), 0);
        _open();
        arbitrable.openToken(arbitrator, 2, weth, TOKEN_FEE);
        assertEq(arbitrator.disputeCount(), 2);
    }
}
