// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {RecordingArbitrable} from "./LocalArbitrator.t.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {CentralizedArbitratorWithAppeal} from "@kleros/erc-792/contracts/examples/CentralizedArbitratorWithAppeal.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Kleros' own CentralizedArbitratorWithAppeal (@kleros/erc-792 8.0.0), as the devnet runs it: the quirks
/// the docs and the CLI warn about, each pinned here so that a new version of the package that changes one fails.
contract KlerosCentralizedArbitratorTest is Test {
    CentralizedArbitratorWithAppeal internal arbitrator;
    RecordingArbitrable internal arbitrable;
    address internal court = makeAddr("court");
    address internal stranger = makeAddr("stranger");

    uint256 internal constant DEFAULT_FEE = 1e15; // the contract's initial arbitrationFee
    uint256 internal constant WINDOW = 3 minutes; // its fixed appeal window

    function setUp() public {
        vm.warp(1_800_000_000);
        vm.prank(court);
        arbitrator = new CentralizedArbitratorWithAppeal();
        arbitrable = new RecordingArbitrable();
        vm.deal(address(this), 10 ether);
        vm.deal(stranger, 10 ether);
    }

    function test_deployerIsTheOwner_andOnlyItRules() public {
        assertEq(arbitrator.owner(), court);
        uint256 id = arbitrable.open{value: DEFAULT_FEE}(arbitrator, 2);
        vm.expectRevert(CentralizedArbitratorWithAppeal.NotOwner.selector);
        vm.prank(stranger);
        arbitrator.giveRuling(id, 1);
    }

    function test_quirk_setArbitrationCost_hasNoAccessControl() public {
        vm.prank(stranger);
        arbitrator.setArbitrationCost(5 ether);
        assertEq(arbitrator.arbitrationCost(""), 5 ether);
    }

    function test_quirk_createDispute_feeCheckIsInverted() public {
        // More than the cost is refused ...
        vm.expectRevert(
            abi.encodeWithSelector(
                CentralizedArbitratorWithAppeal.InsufficientPayment.selector, DEFAULT_FEE + 1, DEFAULT_FEE
            )
        );
        arbitrable.open{value: DEFAULT_FEE + 1}(arbitrator, 2);
        // ... the exact cost, less, and nothing at all are accepted.
        assertEq(arbitrable.open{value: DEFAULT_FEE}(arbitrator, 2), 0);
        assertEq(arbitrable.open{value: DEFAULT_FEE - 1}(arbitrator, 2), 1);
        assertEq(arbitrable.open{value: 0}(arbitrator, 2), 2);
    }

    function test_quirk_appeal_chargesTwiceTheQuotedAppealCost() public {
        uint256 id = arbitrable.open{value: DEFAULT_FEE}(arbitrator, 2);
        vm.prank(court);
        arbitrator.giveRuling(id, 1);
        uint256 quoted = arbitrator.appealCost(id, "");
        assertEq(quoted, DEFAULT_FEE);
        vm.expectRevert(
            abi.encodeWithSelector(CentralizedArbitratorWithAppeal.InsufficientPayment.selector, quoted, 2 * quoted)
        );
        vm.prank(stranger);
        arbitrator.appeal{value: quoted}(id, "");
        vm.prank(stranger);
        arbitrator.appeal{value: 2 * quoted}(id, "");
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Waiting));
        // The next round quotes what the first one charged, and charges twice that.
        assertEq(arbitrator.appealCost(id, ""), 2 * quoted);
    }

    function test_quirk_appealWindow_endIsBothAppealableAndReportedSolved() public {
        uint256 id = arbitrable.open{value: DEFAULT_FEE}(arbitrator, 2);
        vm.prank(court);
        arbitrator.giveRuling(id, 2);
        (, uint256 end) = arbitrator.appealPeriod(id);
        assertEq(end, block.timestamp + WINDOW);
        vm.warp(end);
        // At the end second: reported Solved, yet not executable and still appealable.
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Solved));
        vm.expectRevert(
            abi.encodeWithSelector(CentralizedArbitratorWithAppeal.BeforeAppealPeriodEnd.selector, end, end)
        );
        arbitrator.executeRuling(id);
        vm.warp(end + 1);
        arbitrator.executeRuling(id);
        assertEq(arbitrable.lastRuling(), 2);
        assertEq(arbitrable.rulings(), 1);
    }

    function test_appeal_oneSecondAfterTheWindow_reverts() public {
        uint256 id = arbitrable.open{value: DEFAULT_FEE}(arbitrator, 2);
        vm.prank(court);
        arbitrator.giveRuling(id, 2);
        (, uint256 end) = arbitrator.appealPeriod(id);
        vm.warp(end);
        vm.prank(stranger);
        arbitrator.appeal{value: 2 * DEFAULT_FEE}(id, "");
        vm.prank(court);
        arbitrator.giveRuling(id, 1);
        (, end) = arbitrator.appealPeriod(id);
        vm.warp(end + 1);
        vm.expectRevert(
            abi.encodeWithSelector(CentralizedArbitratorWithAppeal.AfterAppealPeriodEnd.selector, end + 1, end)
        );
        vm.prank(stranger);
        arbitrator.appeal{value: 4 * DEFAULT_FEE}(id, "");
    }
}
