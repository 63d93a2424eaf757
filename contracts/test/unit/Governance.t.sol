// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {DaoDeployment} from "../../src/governance/DaoDeployment.sol";
import {GovernorProposalRateLimit} from "../../src/governance/GovernorProposalRateLimit.sol";
import {GovernorThresholdFraction} from "../../src/governance/GovernorThresholdFraction.sol";
import {PoolGovernor} from "../../src/governance/PoolGovernor.sol";
import {PoolTimelock} from "../../src/governance/PoolTimelock.sol";
import {GovernanceBase} from "./GovernanceBase.t.sol";
import {GovernancePoolHarness} from "./GovernanceHarness.t.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

contract GovernanceTest is GovernanceBase {
    // ------------------------------------------------------------------ deployment and wiring

    function test_deploy_wiresRolesAndLeavesNoAdmin() public view {
        _assertWired(primaryTimelock, address(primary));
        _assertWired(secondaryTimelock, address(secondary));
        assertEq(primary.timelock(), address(primaryTimelock));
        assertEq(secondary.timelock(), address(secondaryTimelock));
        assertEq(address(primary.token()), address(pool));
        assertEq(pool.primaryAgent(), address(primaryTimelock));
        assertEq(pool.secondaryAgent(), address(secondaryTimelock));
    }

    function _assertWired(PoolTimelock timelock, address governor) internal view {
        assertTrue(timelock.hasRole(timelock.PROPOSER_ROLE(), governor));
        assertTrue(timelock.hasRole(timelock.CANCELLER_ROLE(), governor));
        assertTrue(timelock.hasRole(timelock.EXECUTOR_ROLE(), governor));
        assertFalse(timelock.hasRole(timelock.EXECUTOR_ROLE(), address(0)));
        assertFalse(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(this)));
        assertTrue(timelock.hasRole(timelock.DEFAULT_ADMIN_ROLE(), address(timelock)));
        assertEq(timelock.getMinDelay(), 2 days);
    }

    function test_deploy_deployerCannotScheduleOrExecute() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), primaryTimelock.PROPOSER_ROLE()
            )
        );
        primaryTimelock.schedule(address(pool), 0, data, bytes32(0), bytes32(0), 2 days);
        bytes32 adminRole = primaryTimelock.DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, address(this), adminRole)
        );
        primaryTimelock.grantRole(adminRole, address(this));
    }

    function test_deploy_settingsOfTheTwoAgents() public view {
        assertEq(primary.quorumNumerator(), 50);
        assertEq(secondary.quorumNumerator(), 15);
        assertEq(primary.votingDelay(), 1 days);
        assertEq(primary.votingPeriod(), 1 weeks);
        assertEq(primary.proposalThresholdFraction(), 10);
        assertEq(secondary.proposalThresholdFraction(), 10);
        assertEq(primary.CLOCK_MODE(), "mode=timestamp");
        assertEq(primary.clock(), block.timestamp);
        assertEq(primary.name(), "Insurance Pool Primary Agent");
        assertEq(secondary.name(), "Insurance Pool Secondary Agent");
    }

    function test_constructor_revertsWhenThresholdOutOfBounds() public {
        PoolGovernor.Settings memory settings = PoolGovernor.Settings("x", 1 days, 1 weeks, 50, 9);
        vm.expectRevert(
            abi.encodeWithSelector(GovernorThresholdFraction.GovernorThresholdFractionOutOfBounds.selector, 9, 10, 1000)
        );
        new PoolGovernor(pool, primaryTimelock, settings);
        settings.proposalThresholdBps = 1001;
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorThresholdFraction.GovernorThresholdFractionOutOfBounds.selector, 1001, 10, 1000
            )
        );
        new PoolGovernor(pool, primaryTimelock, settings);
    }

    function test_constructor_revertsWhenSettingsOutOfBounds() public {
        PoolGovernor.Settings memory settings = PoolGovernor.Settings("x", 0, 1 weeks, 50, 10);
        vm.expectRevert(abi.encodeWithSelector(PoolGovernor.GovernorSettingOutOfBounds.selector, 0, 1, 1 weeks));
        new PoolGovernor(pool, primaryTimelock, settings);
        settings = PoolGovernor.Settings("x", 1, 1 hours, 50, 10);
        vm.expectRevert(
            abi.encodeWithSelector(PoolGovernor.GovernorSettingOutOfBounds.selector, 1 hours, 1 days, 4 weeks)
        );
        new PoolGovernor(pool, primaryTimelock, settings);
        settings = PoolGovernor.Settings("x", 1, 1 weeks, 5, 10);
        vm.expectRevert(abi.encodeWithSelector(PoolGovernor.GovernorSettingOutOfBounds.selector, 5, 10, 75));
        new PoolGovernor(pool, primaryTimelock, settings);
    }

    // ------------------------------------------------------------------ proposal threshold

    function test_proposalThreshold_isFractionOfSupplyOneSecondAgo() public {
        assertEq(primary.proposalThreshold(), 1e18); // 0.1% of 1,000e18
        pool.stake(alice, 1000e18); // this second: not yet counted
        assertEq(primary.proposalThreshold(), 1e18);
        vm.warp(block.timestamp + 1);
        assertEq(primary.proposalThreshold(), 2e18);
    }

    function test_proposalThreshold_roundsUpAndIsAtLeastOne() public {
        pool.stake(alice, 1); // supply 1,000e18 + 1
        vm.warp(block.timestamp + 1);
        assertEq(primary.proposalThreshold(), 1e18 + 1);
    }

    function test_proposalThreshold_isOneOnAnEmptyPool() public {
        GovernancePoolHarness emptyPool = new GovernancePoolHarness(address(1), address(2));
        PoolGovernor governor = new PoolGovernor(emptyPool, primaryTimelock, DaoDeployment.primarySettings());
        vm.warp(block.timestamp + 1);
        assertEq(governor.proposalThreshold(), 1);
    }

    function test_propose_revertsBelowThreshold() public {
        address dave = makeAddr("dave");
        pool.stake(dave, 1e18 - 1);
        vm.warp(block.timestamp + 1);
        uint256 threshold = primary.proposalThreshold();
        vm.expectRevert(
            abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, 1e18 - 1, threshold)
        );
        _propose(primary, dave, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "wait 2w");
    }

    function test_propose_succeedsAtExactlyThreshold() public {
        uint256 id =
            _propose(primary, carol, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "wait 2w");
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Pending));
        assertEq(primary.proposalProposer(id), carol);
    }

    function test_propose_votesStakedInTheSameSecondDoNotCount() public {
        address dave = makeAddr("dave");
        pool.stake(dave, 10e18);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, 0, 1e18));
        _propose(primary, dave, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "wait 2w");
    }

    function test_propose_countsDelegatedVotes() public {
        address dave = makeAddr("dave");
        vm.prank(carol);
        pool.delegate(dave);
        vm.warp(block.timestamp + 1);
        _propose(primary, dave, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "wait 2w");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, carol, 0, 1e18));
        _propose(primary, carol, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks)), "wait 3w");
    }

    // ------------------------------------------------------------------ one proposal per proposer per epoch

    function test_propose_revertsWhenSecondInSameEpoch() public {
        // Not block.timestamp: the IR pipeline (`forge coverage --ir-minimum`) may read it again after the warp.
        uint256 first = vm.getBlockTimestamp();
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        vm.warp(first + 1 weeks - 1);
        vm.expectRevert(
            abi.encodeWithSelector(GovernorProposalRateLimit.GovernorProposalTooSoon.selector, alice, first + 1 weeks)
        );
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks)), "b");
        assertEq(primary.nextProposalAllowedAt(alice), first + 1 weeks);

        vm.warp(first + 1 weeks);
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks)), "b");
        assertEq(primary.nextProposalAllowedAt(alice), first + 2 weeks);
    }

    function test_propose_limitIsPerProposer() public {
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        _propose(primary, bob, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks)), "b");
        assertEq(primary.nextProposalAllowedAt(carol), 0);
    }

    function test_propose_limitIsPerGovernor() public {
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        _propose(secondary, alice, address(pool), abi.encodeCall(pool.setApr, (0.1e18)), "b");
    }

    // ------------------------------------------------------------------ governed settings

    function test_setProposalThresholdFraction_revertsUnlessGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, alice));
        vm.prank(alice);
        primary.setProposalThresholdFraction(100);
    }

    function test_setProposalThresholdFraction_byProposal() public {
        bytes memory data = abi.encodeCall(primary.setProposalThresholdFraction, (100));
        _pass(primary, alice, _voters(alice), address(primary), data, "threshold 1%");
        assertEq(primary.proposalThresholdFraction(), 100);
        assertEq(primary.proposalThreshold(), 10e18);
    }

    function test_setProposalThresholdFraction_executionRevertsOutOfBounds() public {
        bytes memory data = abi.encodeCall(primary.setProposalThresholdFraction, (1001));
        uint256 id = _propose(primary, alice, address(primary), data, "threshold 10.01%");
        _voteFor(primary, id, _voters(alice));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(primary), data);
        primary.queue(targets, values, calldatas, keccak256("threshold 10.01%"));
        vm.warp(block.timestamp + 2 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorThresholdFraction.GovernorThresholdFractionOutOfBounds.selector, 1001, 10, 1000
            )
        );
        primary.execute(targets, values, calldatas, keccak256("threshold 10.01%"));
    }

    function test_setProposalThreshold_isDisabled() public {
        vm.expectRevert(PoolGovernor.GovernorAbsoluteThresholdDisabled.selector);
        primary.setProposalThreshold(5);
    }

    function test_setVotingPeriod_executionRevertsOutOfBounds() public {
        bytes memory data = abi.encodeCall(primary.setVotingPeriod, (uint32(5 weeks)));
        uint256 id = _propose(primary, alice, address(primary), data, "period 5w");
        _voteFor(primary, id, _voters(alice));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(primary), data);
        primary.queue(targets, values, calldatas, keccak256("period 5w"));
        vm.warp(block.timestamp + 2 days);
        vm.expectRevert(
            abi.encodeWithSelector(PoolGovernor.GovernorSettingOutOfBounds.selector, 5 weeks, 1 days, 4 weeks)
        );
        primary.execute(targets, values, calldatas, keccak256("period 5w"));
    }

    function test_updateQuorumNumerator_byProposalWithinBounds() public {
        bytes memory data = abi.encodeCall(secondary.updateQuorumNumerator, (20));
        _pass(secondary, alice, _voters(alice), address(secondary), data, "quorum 20%");
        assertEq(secondary.quorumNumerator(), 20);
    }

    // ------------------------------------------------------------------ quorum and votes

    function test_quorum_isPercentOfSupplyAtSnapshot() public {
        uint256 id = _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        uint256 snapshot = primary.proposalSnapshot(id);
        vm.warp(snapshot + 1);
        assertEq(primary.quorum(snapshot), 500e18);
        assertEq(secondary.quorum(snapshot), 150e18);
    }

    /// alice and bob schedule unstakes: alice keeps 400, the voting supply falls to 700 and the quorum to 350, so
    /// alice alone passes it. Counting pending-unstake shares (API3's flaw) would leave the quorum at 500.
    function test_quorum_excludesSharesPendingUnstake() public {
        pool.scheduleUnstake(alice, 200e18); // alice 400, total 800
        pool.scheduleUnstake(bob, 100e18); // bob 299, total 700
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        _voteFor(primary, id, _voters(alice));
        assertEq(primary.quorum(primary.proposalSnapshot(id)), 350e18);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
    }

    function test_castVote_failsQuorumBelowHalf() public {
        uint256 id = _propose(primary, bob, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        _voteFor(primary, id, _voters(bob)); // 399 of 1,000 < 500
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Defeated));
    }

    function test_castVote_secondaryQuorumIsLower() public {
        uint256 id = _propose(secondary, bob, address(pool), abi.encodeCall(pool.setApr, (0.1e18)), "apr");
        _voteFor(secondary, id, _voters(bob)); // 399 of 1,000 >= 150
        assertEq(uint256(secondary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
    }

    function test_castVote_usesVotesAtSnapshot() public {
        uint256 id = _propose(primary, bob, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        vm.warp(primary.proposalSnapshot(id) + 1);
        pool.stake(bob, 1000e18); // after the snapshot: no weight
        vm.prank(bob);
        primary.castVote(id, 1);
        (, uint256 forVotes,) = primary.proposalVotes(id);
        assertEq(forVotes, 399e18);
    }

    function test_castVote_delegateVotesWithDelegatedShares() public {
        vm.prank(bob);
        pool.delegate(carol);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(primary, carol, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "a");
        vm.warp(primary.proposalSnapshot(id) + 1);
        vm.prank(carol);
        primary.castVote(id, 1);
        vm.prank(bob);
        primary.castVote(id, 0); // bob delegated: weight 0
        (uint256 against, uint256 forVotes,) = primary.proposalVotes(id);
        assertEq(forVotes, 400e18);
        assertEq(against, 0);
    }

    // ------------------------------------------------------------------ cancel and the timelock

    function test_cancel_byTheProposerUpToTheSnapshot() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(primary, alice, address(pool), data, "withdrawn");
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        bytes32 descriptionHash = keccak256("withdrawn");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, bob));
        vm.prank(bob);
        primary.cancel(targets, values, calldatas, descriptionHash);

        vm.warp(primary.proposalSnapshot(id)); // the last second the proposal is Pending
        vm.expectEmit(address(primary));
        emit IGovernor.ProposalCanceled(id);
        vm.prank(alice);
        primary.cancel(targets, values, calldatas, descriptionHash);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Canceled));

        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorUnexpectedProposalState.selector,
                id,
                IGovernor.ProposalState.Canceled,
                bytes32(1 << uint8(IGovernor.ProposalState.Active))
            )
        );
        vm.prank(alice);
        primary.castVote(id, 1);
        // A cancelled proposal still counts against its proposer's one proposal a week.
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernorProposalRateLimit.GovernorProposalTooSoon.selector, alice, START + 1 weeks + 1
            )
        );
        _propose(primary, alice, address(pool), data, "again");
    }

    function test_cancel_revertsOnceVotingStarts() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(primary, alice, address(pool), data, "too late");
        vm.warp(primary.proposalSnapshot(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Active));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, alice));
        vm.prank(alice);
        primary.cancel(targets, values, calldatas, keccak256("too late"));
    }

    /// A passed proposal runs only through its agent's timelock, and not before the timelock's delay.
    function test_execute_onlyAfterQueueingAndTheTimelockDelay() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(primary, alice, address(pool), data, "delayed");
        _voteFor(primary, id, _voters(alice));
        assertTrue(primary.proposalNeedsQueuing(id));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        bytes32 descriptionHash = keccak256("delayed");
        bytes32 salt = bytes20(address(primary)) ^ descriptionHash; // GovernorTimelockControl's salt
        bytes memory notReady = abi.encodeWithSelector(
            TimelockController.TimelockUnexpectedOperationState.selector,
            primaryTimelock.hashOperationBatch(targets, values, calldatas, 0, salt),
            bytes32(1 << uint8(TimelockController.OperationState.Ready))
        );
        vm.expectRevert(notReady);
        primary.execute(targets, values, calldatas, descriptionHash);

        primary.queue(targets, values, calldatas, descriptionHash);
        uint256 eta = primary.proposalEta(id);
        assertEq(eta, block.timestamp + DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        vm.warp(eta - 1);
        vm.expectRevert(notReady);
        primary.execute(targets, values, calldatas, descriptionHash);
        vm.warp(eta);
        primary.execute(targets, values, calldatas, descriptionHash);
        assertEq(pool.unstakeWaitPeriod(), 2 weeks);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Executed));
    }

    function test_execute_onlyTheRightAgentCanSetEachParameter() public {
        // The secondary agent cannot change the unstake wait period: its execution reverts in the pool.
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(secondary, alice, address(pool), data, "wrong agent");
        _voteFor(secondary, id, _voters(alice));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        secondary.queue(targets, values, calldatas, keccak256("wrong agent"));
        vm.warp(block.timestamp + 2 days);
        vm.expectRevert(
            abi.encodeWithSelector(
                GovernancePoolHarness.Unauthorized.selector, address(secondaryTimelock), address(primaryTimelock)
            )
        );
        secondary.execute(targets, values, calldatas, keccak256("wrong agent"));
    }
}
