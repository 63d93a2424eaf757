// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {DaoDeployment} from "../../src/governance/DaoDeployment.sol";
import {GovernorProposalRateLimit} from "../../src/governance/GovernorProposalRateLimit.sol";
import {PoolGovernor} from "../../src/governance/PoolGovernor.sol";
import {PoolTimelock} from "../../src/governance/PoolTimelock.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {Release} from "../utils/Release.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Test} from "forge-std/Test.sol";

/// @notice End to end: the real StakingPool, its two agents deployed and wired by `DaoDeployment`, stakers who
/// deposit and stake real tokens, propose, vote, queue and execute parameter changes through the unmodified
/// OpenZeppelin Governor and TimelockController.
contract GovernanceEndToEndTest is Test {
    TestToken internal token;
    IStakingPool internal pool;
    PoolGovernor internal primary;
    PoolGovernor internal secondary;
    PoolTimelock internal primaryTimelock;
    PoolTimelock internal secondaryTimelock;

    address internal owner = makeAddr("owner");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal dave = makeAddr("dave");

    uint256 internal constant START = 2900 * 1 weeks + 1 days;

    function setUp() public {
        vm.warp(START);
        token = new TestToken("Pool Token", "POOL", owner);
        primaryTimelock = DaoDeployment.deployTimelock(DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        secondaryTimelock = DaoDeployment.deployTimelock(DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        pool = Release.stakingPool(token, address(primaryTimelock), address(secondaryTimelock));
        primary = DaoDeployment.deployGovernor(IVotes(address(pool)), primaryTimelock, DaoDeployment.primarySettings());
        secondary =
            DaoDeployment.deployGovernor(IVotes(address(pool)), secondaryTimelock, DaoDeployment.secondarySettings());
        vm.prank(owner);
        token.setMinter(address(pool), true);

        _depositAndStake(alice, 400_000e18);
        _depositAndStake(bob, 350_000e18);
        _depositAndStake(carol, 249_000e18);
        _depositAndStake(dave, 900e18); // below 0.1% of the total
        vm.warp(block.timestamp + 1);
    }

    function _depositAndStake(address user, uint256 amount) internal {
        vm.prank(owner);
        token.setMinter(owner, true);
        vm.prank(owner);
        token.mint(user, amount);
        vm.startPrank(user);
        token.approve(address(pool), amount);
        pool.depositAndStake(amount);
        vm.stopPrank();
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

    function _propose(PoolGovernor governor, address proposer, bytes memory data, string memory text)
        internal
        returns (uint256)
    {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        vm.prank(proposer);
        return governor.propose(targets, values, calldatas, text);
    }

    function _vote(PoolGovernor governor, uint256 id, address voter, uint8 support) internal {
        vm.prank(voter);
        governor.castVote(id, support);
    }

    function _queueAndExecute(PoolGovernor governor, bytes memory data, string memory text) internal {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        governor.queue(targets, values, calldatas, keccak256(bytes(text)));
        vm.warp(block.timestamp + DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        governor.execute(targets, values, calldatas, keccak256(bytes(text)));
    }

    function test_primaryAgent_changesUnstakeWaitPeriodThroughProposal() public {
        assertEq(pool.primaryAgent(), address(primaryTimelock));
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(primary, alice, data, "Unstake wait period: 2 weeks");
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Pending));

        vm.warp(primary.proposalSnapshot(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Active));
        _vote(primary, id, alice, 1);
        _vote(primary, id, bob, 1);
        _vote(primary, id, carol, 0);
        (uint256 against, uint256 forVotes,) = primary.proposalVotes(id);
        assertEq(forVotes, pool.sharesOf(alice) + pool.sharesOf(bob));
        assertEq(against, pool.sharesOf(carol));

        vm.warp(primary.proposalDeadline(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
        _queueAndExecute(primary, data, "Unstake wait period: 2 weeks");
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Executed));
        assertEq(pool.unstakeWaitPeriod(), 2 weeks);
    }

    function test_secondaryAgent_changesRewardParameterWithLowerQuorum() public {
        uint256 newMinApr = StakingPool(address(pool)).HUNDRED_PERCENT() / 20; // 5%
        bytes memory data = abi.encodeCall(pool.setMinApr, (newMinApr));
        uint256 id = _propose(secondary, carol, data, "Minimum APR: 5%");
        vm.warp(secondary.proposalSnapshot(id) + 1);
        _vote(secondary, id, carol, 1); // ~25% of the supply: above 15%, below 50%
        vm.warp(secondary.proposalDeadline(id) + 1);
        assertEq(uint256(secondary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
        _queueAndExecute(secondary, data, "Minimum APR: 5%");
        assertEq(pool.minApr(), newMinApr);
    }

    function test_primaryAgent_sameVotesFailBelowHalfQuorum() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(primary, carol, data, "Unstake wait period: 2 weeks");
        vm.warp(primary.proposalSnapshot(id) + 1);
        _vote(primary, id, carol, 1);
        vm.warp(primary.proposalDeadline(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Defeated));
        assertEq(pool.unstakeWaitPeriod(), 1 weeks);
    }

    function test_propose_failsBelowThreshold() public {
        uint256 supply = pool.getPastTotalSupply(block.timestamp - 1);
        uint256 threshold = (supply + 999) / 1000;
        assertEq(primary.proposalThreshold(), threshold);
        vm.expectRevert(
            abi.encodeWithSelector(
                IGovernor.GovernorInsufficientProposerVotes.selector, dave, pool.sharesOf(dave), threshold
            )
        );
        _propose(primary, dave, abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "from dave");
    }

    function test_propose_secondInSameEpochFails() public {
        uint256 first = block.timestamp;
        _propose(primary, alice, abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "one");
        vm.warp(first + 3 days);
        vm.expectRevert(
            abi.encodeWithSelector(GovernorProposalRateLimit.GovernorProposalTooSoon.selector, alice, first + 1 weeks)
        );
        _propose(primary, alice, abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks)), "two");
    }

    function test_delegation_letsADelegatePassWhatNeitherCouldAlone() public {
        // carol (~25%) delegates to bob (~35%): bob alone then carries ~60% > 50%.
        vm.prank(carol);
        pool.delegate(bob);
        vm.warp(block.timestamp + 1);
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks));
        uint256 id = _propose(primary, bob, data, "Unstake wait period: 3 weeks");
        vm.warp(primary.proposalSnapshot(id) + 1);
        _vote(primary, id, bob, 1);
        vm.warp(primary.proposalDeadline(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
        _queueAndExecute(primary, data, "Unstake wait period: 3 weeks");
        assertEq(pool.unstakeWaitPeriod(), 3 weeks);
    }

    /// @dev No double voting through delegation: carol votes, then (in the same block) delegates to bob, who votes
    /// next: the Governor counts what each held at the snapshot, so carol's shares count once.
    function test_delegation_afterVotingCountsNothingTwice() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (5 weeks));
        uint256 id = _propose(primary, alice, data, "Unstake wait period: 5 weeks");
        uint256 snapshot = primary.proposalSnapshot(id);
        vm.warp(snapshot + 1);
        _vote(primary, id, carol, 1);
        vm.prank(carol);
        pool.delegate(bob);
        assertEq(pool.getVotes(bob), pool.sharesOf(bob) + pool.sharesOf(carol), "bob holds carol's votes now");
        _vote(primary, id, bob, 1);
        (, uint256 forVotes,) = primary.proposalVotes(id);
        assertEq(forVotes, pool.getPastVotes(carol, snapshot) + pool.getPastVotes(bob, snapshot));
        assertEq(forVotes, pool.sharesOf(carol) + pool.sharesOf(bob), "carol's shares counted once");
        // Together ~60% of the supply: the proposal passes on their votes, not on twice carol's.
        vm.warp(primary.proposalDeadline(id) + 1);
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
    }

    function test_scheduleUnstake_removesVotesAndQuorumShrinks() public {
        // bob schedules all his shares out: they no longer vote nor count in the total, so alice's ~40% of the
        // original supply is > 50% of what remains.
        uint256 bobShares = pool.sharesOf(bob);
        vm.prank(bob);
        pool.scheduleUnstake(bobShares);
        assertEq(pool.getVotes(bob), 0);
        vm.warp(block.timestamp + 1);
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (4 weeks));
        uint256 id = _propose(primary, alice, data, "Unstake wait period: 4 weeks");
        vm.warp(primary.proposalSnapshot(id) + 1);
        _vote(primary, id, alice, 1);
        vm.warp(primary.proposalDeadline(id) + 1);
        uint256 supply = pool.getPastTotalSupply(primary.proposalSnapshot(id));
        assertEq(supply, pool.sharesOf(alice) + pool.sharesOf(carol) + pool.sharesOf(dave));
        assertEq(uint256(primary.state(id)), uint256(IGovernor.ProposalState.Succeeded));
    }

    function test_execute_wrongAgentRevertsInThePool() public {
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks));
        uint256 id = _propose(secondary, alice, data, "wrong agent");
        vm.warp(secondary.proposalSnapshot(id) + 1);
        _vote(secondary, id, alice, 1);
        vm.warp(secondary.proposalDeadline(id) + 1);
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(address(pool), data);
        secondary.queue(targets, values, calldatas, keccak256("wrong agent"));
        vm.warp(block.timestamp + DaoDeployment.DEFAULT_TIMELOCK_DELAY);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStakingPoolTypes.Unauthorized.selector, address(secondaryTimelock), address(primaryTimelock)
            )
        );
        secondary.execute(targets, values, calldatas, keccak256("wrong agent"));
    }

    function test_votes_sumToTotalSupplyAfterRealStakesUnstakesAndDelegations() public {
        vm.prank(alice);
        pool.delegate(carol);
        uint256 bobUnstaking = pool.sharesOf(bob) / 3;
        vm.prank(bob);
        pool.scheduleUnstake(bobUnstaking);
        vm.warp(block.timestamp + 1 days);
        _depositAndStake(dave, 5000e18);
        uint256 t = block.timestamp;
        vm.warp(t + 1);
        uint256 sum = pool.getPastVotes(alice, t) + pool.getPastVotes(bob, t) + pool.getPastVotes(carol, t)
            + pool.getPastVotes(dave, t);
        assertEq(sum, pool.getPastTotalSupply(t));
        assertEq(pool.getVotes(carol), pool.sharesOf(alice) + pool.sharesOf(carol));
        // Every share votes except those pending unstake and the pool's dead shares (minted to nobody).
        assertEq(
            pool.totalVotingSupply(),
            pool.totalShares() - pool.pendingUnstakeOf(bob).shares - StakingPool(address(pool)).DEAD_SHARES()
        );
    }
}
