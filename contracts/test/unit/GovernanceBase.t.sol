// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DaoDeployment} from "../../src/governance/DaoDeployment.sol";
import {PoolGovernor} from "../../src/governance/PoolGovernor.sol";
import {PoolTimelock} from "../../src/governance/PoolTimelock.sol";
import {GovernancePoolHarness} from "./GovernanceHarness.t.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Test} from "forge-std/Test.sol";

/// @notice The DAO (two governors + timelocks, wired by `DaoDeployment`) over a stand-in pool where alice, bob and
/// carol stake 600, 399 and 1 (of 1,000) one second before the tests start, and helpers that walk a proposal
/// through its life.
abstract contract GovernanceBase is Test {
    GovernancePoolHarness internal pool;
    PoolGovernor internal primary;
    PoolGovernor internal secondary;
    PoolTimelock internal primaryTimelock;
    PoolTimelock internal secondaryTimelock;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    uint256 internal constant START = 1_700_000_000;

    function setUp() public virtual {
        vm.warp(START);
        primaryTimelock = DaoDeployment.deployTimelock(DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        secondaryTimelock = DaoDeployment.deployTimelock(DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        pool = new GovernancePoolHarness(address(primaryTimelock), address(secondaryTimelock));
        primary = DaoDeployment.deployGovernor(IVotes(address(pool)), primaryTimelock, DaoDeployment.primarySettings());
        secondary =
            DaoDeployment.deployGovernor(IVotes(address(pool)), secondaryTimelock, DaoDeployment.secondarySettings());
        pool.stake(alice, 600e18);
        pool.stake(bob, 399e18);
        pool.stake(carol, 1e18); // exactly 0.1% of 1,000e18
        vm.warp(START + 1);
    }

    function _single(address target, bytes memory data)
        internal
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory calldatas)
    {
        targets = new address[](1);
        targets[0] = target;
        values = new uint256[](1);
        calldatas = new bytes[](1);
        calldatas[0] = data;
    }

    function _propose(PoolGovernor governor, address proposer, address target, bytes memory data, string memory text)
        internal
        returns (uint256 proposalId)
    {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(target, data);
        vm.prank(proposer);
        proposalId = governor.propose(targets, values, calldatas, text);
    }

    /// Warps past the voting delay, has each voter vote For, warps past the voting period.
    function _voteFor(PoolGovernor governor, uint256 proposalId, address[] memory voters) internal {
        vm.warp(governor.proposalSnapshot(proposalId) + 1);
        for (uint256 i = 0; i < voters.length; i++) {
            vm.prank(voters[i]);
            governor.castVote(proposalId, 1);
        }
        vm.warp(governor.proposalDeadline(proposalId) + 1);
    }

    function _queueAndExecute(PoolGovernor governor, address target, bytes memory data, string memory text) internal {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(target, data);
        bytes32 descriptionHash = keccak256(bytes(text));
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(block.timestamp + DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        governor.execute(targets, values, calldatas, descriptionHash);
    }

    /// Proposes as `proposer`, votes For with `voters`, queues and executes.
    function _pass(
        PoolGovernor governor,
        address proposer,
        address[] memory voters,
        address target,
        bytes memory data,
        string memory text
    ) internal returns (uint256 proposalId) {
        proposalId = _propose(governor, proposer, target, data, text);
        _voteFor(governor, proposalId, voters);
        assertEq(uint256(governor.state(proposalId)), uint256(IGovernor.ProposalState.Succeeded));
        _queueAndExecute(governor, target, data, text);
    }

    function _voters(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _voters(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        list[0] = a;
        list[1] = b;
    }
}
