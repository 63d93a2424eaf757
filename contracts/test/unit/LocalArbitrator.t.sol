// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LocalArbitrator} from "../../src/devnet/LocalArbitrator.sol";
import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Test} from "forge-std/Test.sol";

/// @dev Records the rulings it receives.
contract RecordingArbitrable is IArbitrable {
    uint256 public rulings;
    uint256 public lastDispute;
    uint256 public lastRuling;

    function open(IArbitrator arbitrator, uint256 choices) external payable returns (uint256) {
        return arbitrator.createDispute{value: msg.value}(choices, "");
    }

    function rule(uint256 disputeId, uint256 ruling) external {
        (rulings, lastDispute, lastRuling) = (rulings + 1, disputeId, ruling);
    }
}

/// @dev Rejects every ether transfer.
contract RefusesEther {
    receive() external payable {
        revert("no ether");
    }
}

/// @notice The local ERC-792 arbitrator: fees, rulings by the owner, appeal periods, appeals, final delivery.
contract LocalArbitratorTest is Test {
    LocalArbitrator internal arbitrator;
    RecordingArbitrable internal arbitrable;
    address internal court = makeAddr("court");
    address internal appellant = makeAddr("appellant");

    uint256 internal constant FEE = 0.1 ether;
    uint256 internal constant APPEAL_FEE = 0.3 ether;
    uint256 internal constant PERIOD = 2 days;

    function setUp() public {
        vm.warp(1_800_000_000);
        arbitrator = new LocalArbitrator(court, FEE, APPEAL_FEE, PERIOD);
        arbitrable = new RecordingArbitrable();
        vm.deal(address(this), 10 ether);
        vm.deal(appellant, 10 ether);
    }

    function _open() internal returns (uint256) {
        return arbitrable.open{value: FEE}(arbitrator, 2);
    }

    function test_createDispute_chargesTheFee() public {
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.DisputeCreation(0, arbitrable);
        uint256 id = _open();
        assertEq(id, 0);
        assertEq(_open(), 1);
        assertEq(arbitrator.disputeCount(), 2);
        assertEq(address(arbitrator).balance, 2 * FEE);
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Waiting));
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.InsufficientFee.selector, FEE - 1, FEE));
        arbitrable.open{value: FEE - 1}(arbitrator, 2);
        vm.expectRevert(LocalArbitrator.NoChoices.selector);
        arbitrable.open{value: FEE}(arbitrator, 0);
    }

    function test_fullCycle_ruleAppealRuleExecute() public {
        uint256 id = _open();
        vm.prank(court);
        arbitrator.giveRuling(id, 2);
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Appealable));
        (uint256 start, uint256 end) = arbitrator.appealPeriod(id);
        assertEq(start, block.timestamp);
        assertEq(end, block.timestamp + PERIOD);
        assertEq(arbitrator.currentRuling(id), 2);

        assertEq(arbitrator.appealCost(id, ""), APPEAL_FEE);
        vm.expectEmit(address(arbitrator));
        emit IArbitrator.AppealDecision(id, arbitrable);
        vm.prank(appellant);
        arbitrator.appeal{value: APPEAL_FEE}(id, "");
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Waiting));
        (start, end) = arbitrator.appealPeriod(id);
        assertEq(end, 0);

        vm.prank(court);
        arbitrator.giveRuling(id, 1);
        vm.warp(block.timestamp + PERIOD - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                LocalArbitrator.AppealPeriodNotOver.selector, id, block.timestamp + 1, block.timestamp
            )
        );
        arbitrator.executeRuling(id);
        vm.warp(block.timestamp + 1);
        arbitrator.executeRuling(id);
        assertEq(arbitrable.rulings(), 1);
        assertEq(arbitrable.lastRuling(), 1);
        assertEq(uint256(arbitrator.disputeStatus(id)), uint256(IArbitrator.DisputeStatus.Solved));
        assertEq(arbitrator.dispute(id).appeals, 1);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitrator.InvalidDisputeStatus.selector, id, IArbitrator.DisputeStatus.Solved)
        );
        arbitrator.executeRuling(id);
    }

    function test_appeal_reverts() public {
        uint256 id = _open();
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitrator.InvalidDisputeStatus.selector, id, IArbitrator.DisputeStatus.Waiting)
        );
        arbitrator.appeal{value: APPEAL_FEE}(id, "");
        vm.prank(court);
        arbitrator.giveRuling(id, 1);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.InsufficientFee.selector, APPEAL_FEE - 1, APPEAL_FEE));
        arbitrator.appeal{value: APPEAL_FEE - 1}(id, "");
        vm.warp(block.timestamp + PERIOD);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitrator.AppealPeriodOver.selector, id, block.timestamp, block.timestamp)
        );
        arbitrator.appeal{value: APPEAL_FEE}(id, "");
    }

    function test_giveRuling_reverts() public {
        uint256 id = _open();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        arbitrator.giveRuling(id, 1);
        vm.startPrank(court);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.InvalidRuling.selector, 3, 2));
        arbitrator.giveRuling(id, 3);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.UnknownDispute.selector, 5));
        arbitrator.giveRuling(5, 1);
        arbitrator.giveRuling(id, 0);
        vm.expectRevert(
            abi.encodeWithSelector(
                LocalArbitrator.InvalidDisputeStatus.selector, id, IArbitrator.DisputeStatus.Appealable
            )
        );
        arbitrator.giveRuling(id, 1);
        vm.stopPrank();
    }

    function test_ownerSettings_boundsAndFees() public {
        vm.startPrank(court);
        arbitrator.setFees(1 ether, 2 ether);
        assertEq(arbitrator.arbitrationCost(""), 1 ether);
        vm.expectRevert(
            abi.encodeWithSelector(LocalArbitrator.ParameterOutOfBounds.selector, 1001 ether, 0, 1000 ether)
        );
        arbitrator.setFees(1001 ether, 0);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.ParameterOutOfBounds.selector, 59, 60, 30 days));
        arbitrator.setAppealPeriodDuration(59);
        arbitrator.setAppealPeriodDuration(1 hours);
        assertEq(arbitrator.appealPeriodDuration(), 1 hours);
        vm.stopPrank();
        arbitrable.open{value: 1 ether}(arbitrator, 2);
        address payable treasury = payable(makeAddr("treasury"));
        vm.prank(court);
        arbitrator.withdrawFees(treasury);
        assertEq(treasury.balance, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        arbitrator.withdrawFees(treasury);
    }

    function test_setFees_eachFeeUpToMaxFee() public {
        uint256 max = arbitrator.MAX_FEE();
        vm.startPrank(court);
        vm.expectEmit(address(arbitrator));
        emit LocalArbitrator.FeesSet(max, max);
        arbitrator.setFees(max, max);
        assertEq(arbitrator.arbitrationFee(), max);
        assertEq(arbitrator.appealFee(), max);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.ParameterOutOfBounds.selector, max + 1, 0, max));
        arbitrator.setFees(max + 1, 0);
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.ParameterOutOfBounds.selector, max + 1, 0, max));
        arbitrator.setFees(0, max + 1);
        vm.stopPrank();
        assertEq(arbitrator.arbitrationFee(), max);
        assertEq(arbitrator.appealFee(), max);
    }

    function test_withdrawFees_revertsAndKeepsTheFeesWhenTheRecipientRefusesThem() public {
        _open();
        address payable refuser = payable(address(new RefusesEther()));
        vm.expectRevert(abi.encodeWithSelector(LocalArbitrator.TransferFailed.selector, refuser, FEE));
        vm.prank(court);
        arbitrator.withdrawFees(refuser);
        assertEq(address(arbitrator).balance, FEE);
    }

    function testFuzz_executeRuling_deliversTheLastRuling(uint8 appeals, uint256 seed) public {
        appeals = uint8(bound(appeals, 0, 5));
        uint256 id = _open();
        uint256 ruling;
        for (uint256 i; i <= appeals; ++i) {
            ruling = uint256(keccak256(abi.encode(seed, i))) % 3;
            vm.prank(court);
            arbitrator.giveRuling(id, ruling);
            if (i < appeals) {
                vm.prank(appellant);
                arbitrator.appeal{value: APPEAL_FEE}(id, "");
            }
        }
        vm.warp(block.timestamp + PERIOD);
        arbitrator.executeRuling(id);
        assertEq(arbitrable.lastRuling(), ruling);
        assertEq(arbitrable.rulings(), 1);
        assertEq(address(arbitrator).balance, FEE + uint256(appeals) * APPEAL_FEE);
    }
}
