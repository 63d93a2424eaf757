// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPoolVotes} from "../../src/interfaces/IPoolVotes.sol";
import {PackedCheckpoints} from "../../src/libraries/PackedCheckpoints.sol";
import {PoolVotesHarness} from "./PoolVotesHarness.t.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Test} from "forge-std/Test.sol";

contract PoolVotesTest is Test {
    PoolVotesHarness internal votes;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    uint256 internal constant START = 1_700_000_000;

    function setUp() public {
        vm.warp(START);
        votes = new PoolVotesHarness();
    }

    // ------------------------------------------------------------------ clock

    function test_clock_isTimestamp() public {
        assertEq(votes.clock(), START);
        vm.warp(START + 123);
        assertEq(votes.clock(), START + 123);
        assertEq(votes.CLOCK_MODE(), "mode=timestamp");
    }

    // ------------------------------------------------------------------ own shares

    function test_stake_countsOwnSharesWithoutDelegation() public {
        votes.stake(alice, 100);
        assertEq(votes.getVotes(alice), 100);
        assertEq(votes.totalVotingSupply(), 100);
        assertEq(votes.delegates(alice), alice);
        assertEq(votes.numCheckpoints(alice), 1);
    }

    function test_stake_emitsDelegateVotesChanged() public {
        votes.stake(alice, 100);
        vm.warp(START + 1);
        vm.expectEmit(address(votes));
        emit IVotes.DelegateVotesChanged(alice, 100, 150);
        votes.stake(alice, 50);
    }

    function test_scheduleUnstake_removesVotesAndTotal() public {
        votes.stake(alice, 100);
        votes.stake(bob, 40);
        vm.warp(START + 10);
        votes.scheduleUnstake(alice, 30);
        assertEq(votes.getVotes(alice), 70);
        assertEq(votes.totalVotingSupply(), 110);
        vm.warp(START + 11);
        // Pending-unstake shares are out of the total at once, so quorum stays reachable.
        assertEq(votes.getPastTotalSupply(START + 10), 110);
        assertEq(votes.getPastTotalSupply(START + 9), 140);
    }

    function test_stake_sameTimestampOverwritesCheckpoint() public {
        votes.stake(alice, 100);
        votes.stake(alice, 5);
        votes.scheduleUnstake(alice, 20);
        assertEq(votes.numCheckpoints(alice), 1);
        assertEq(votes.numTotalCheckpoints(), 1);
        assertEq(votes.getVotes(alice), 85);
        vm.warp(START + 1);
        assertEq(votes.getPastVotes(alice, START), 85);
    }

    function test_stake_ignoresZeroShares() public {
        votes.stake(alice, 0);
        assertEq(votes.numCheckpoints(alice), 0);
        assertEq(votes.numTotalCheckpoints(), 0);
    }

    function test_stake_revertsWhenValueOverflows96Bits() public {
        votes.stake(alice, type(uint96).max);
        uint256 total = uint256(type(uint96).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(PackedCheckpoints.CheckpointValueOverflow.selector, total));
        votes.stake(bob, 1);
    }

    // ------------------------------------------------------------------ past lookups

    function test_getPastVotes_revertsAtOrAfterClock() public {
        votes.stake(alice, 100);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.ERC5805FutureLookup.selector, START, uint48(START)));
        votes.getPastVotes(alice, START);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.ERC5805FutureLookup.selector, START + 5, uint48(START)));
        votes.getPastVotes(alice, START + 5);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.ERC5805FutureLookup.selector, START, uint48(START)));
        votes.getPastTotalSupply(START);
    }

    function test_getPastVotes_returnsValueAtEachPastTimepoint() public {
        votes.stake(alice, 10); // START: 10
        vm.warp(START + 100);
        votes.stake(alice, 20); // +100: 30
        vm.warp(START + 200);
        votes.scheduleUnstake(alice, 5); // +200: 25
        vm.warp(START + 300);
        votes.stake(alice, 1); // +300: 26
        vm.warp(START + 1000);
        assertEq(votes.getPastVotes(alice, START - 1), 0);
        assertEq(votes.getPastVotes(alice, START), 10);
        assertEq(votes.getPastVotes(alice, START + 99), 10);
        assertEq(votes.getPastVotes(alice, START + 100), 30);
        assertEq(votes.getPastVotes(alice, START + 199), 30);
        assertEq(votes.getPastVotes(alice, START + 200), 25);
        assertEq(votes.getPastVotes(alice, START + 300), 26);
        assertEq(votes.getPastVotes(alice, START + 999), 26);
        assertEq(votes.getPastTotalSupply(START + 250), 25);
        assertEq(votes.getPastVotes(bob, START + 999), 0);
    }

    function test_checkpoints_returnsEachCheckpoint() public {
        votes.stake(alice, 10);
        vm.warp(START + 7);
        votes.stake(alice, 5);
        vm.warp(START + 9);
        votes.scheduleUnstake(alice, 3);
        (uint32 key, uint96 value) = votes.checkpoints(alice, 0);
        assertEq(key, START);
        assertEq(value, 10);
        (key, value) = votes.checkpoints(alice, 1);
        assertEq(key, START + 7);
        assertEq(value, 15);
        (key, value) = votes.checkpoints(alice, 2);
        assertEq(key, START + 9);
        assertEq(value, 12);
    }

    function test_checkpoints_revertsWhenOutOfRange() public {
        votes.stake(alice, 10);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.CheckpointOutOfRange.selector, alice, 1, 1));
        votes.checkpoints(alice, 1);
    }

    // ------------------------------------------------------------------ delegation

    function test_delegate_movesOwnSharesToDelegatee() public {
        votes.stake(alice, 100);
        votes.stake(bob, 10);
        vm.expectEmit(address(votes));
        emit IVotes.DelegateChanged(alice, alice, bob);
        vm.expectEmit(address(votes));
        emit IVotes.DelegateVotesChanged(alice, 100, 0);
        vm.expectEmit(address(votes));
        emit IVotes.DelegateVotesChanged(bob, 10, 110);
        vm.prank(alice);
        votes.delegate(bob);
        assertEq(votes.getVotes(alice), 0);
        assertEq(votes.getVotes(bob), 110);
        assertEq(votes.totalVotingSupply(), 110);
        assertEq(votes.delegates(alice), bob);
        assertEq(votes.delegationChangeableAt(alice), START + 1 weeks);
    }

    function test_delegate_routesLaterStakesAndUnstakesToDelegatee() public {
        vm.prank(alice);
        votes.delegate(bob); // with no shares yet
        votes.stake(alice, 50);
        assertEq(votes.getVotes(alice), 0);
        assertEq(votes.getVotes(bob), 50);
        votes.scheduleUnstake(alice, 20);
        assertEq(votes.getVotes(bob), 30);
        assertEq(votes.totalVotingSupply(), 30);
    }

    function test_delegate_revertsWhenDelegateeDelegates() public {
        vm.prank(bob);
        votes.delegate(carol);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegateeIsDelegating.selector, bob, carol));
        vm.prank(alice);
        votes.delegate(bob);
        assertEq(votes.delegates(alice), alice);
    }

    function test_delegate_keepsDelegatedSharesWhenDelegateeDelegatesLater() public {
        votes.stake(alice, 100);
        votes.stake(bob, 10);
        vm.prank(alice);
        votes.delegate(bob);
        vm.prank(bob);
        votes.delegate(carol);
        // One hop: alice's shares stay with bob, bob's own go to carol.
        assertEq(votes.getVotes(alice), 0);
        assertEq(votes.getVotes(bob), 100);
        assertEq(votes.getVotes(carol), 10);
        assertEq(votes.totalVotingSupply(), 110);
    }

    function test_delegate_revertsWhenChangedWithinPeriod() public {
        votes.stake(alice, 100);
        vm.prank(alice);
        votes.delegate(bob);
        vm.warp(START + 1 weeks - 1);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegationTooSoon.selector, alice, START + 1 weeks));
        vm.prank(alice);
        votes.delegate(carol);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegationTooSoon.selector, alice, START + 1 weeks));
        vm.prank(alice);
        votes.delegate(address(0));
        assertEq(votes.getVotes(bob), 100);

        vm.warp(START + 1 weeks);
        vm.prank(alice);
        votes.delegate(carol);
        assertEq(votes.getVotes(bob), 0);
        assertEq(votes.getVotes(carol), 100);
        assertEq(votes.delegationChangeableAt(alice), START + 2 weeks);
    }

    function test_delegate_undelegatesWithZeroAddressOrSelf() public {
        votes.stake(alice, 100);
        vm.prank(alice);
        votes.delegate(bob);
        vm.warp(START + 1 weeks);
        vm.expectEmit(address(votes));
        emit IVotes.DelegateChanged(alice, bob, alice);
        vm.prank(alice);
        votes.delegate(address(0));
        assertEq(votes.getVotes(alice), 100);
        assertEq(votes.getVotes(bob), 0);
        assertEq(votes.delegates(alice), alice);

        vm.warp(START + 2 weeks);
        vm.prank(alice);
        votes.delegate(bob);
        vm.warp(START + 3 weeks);
        vm.prank(alice);
        votes.delegate(alice);
        assertEq(votes.getVotes(alice), 100);
        assertEq(votes.delegates(alice), alice);
    }

    function test_delegate_revertsWhenUnchanged() public {
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegateUnchanged.selector, alice, alice));
        vm.prank(alice);
        votes.delegate(alice);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegateUnchanged.selector, alice, alice));
        vm.prank(alice);
        votes.delegate(address(0));
        vm.prank(alice);
        votes.delegate(bob);
        vm.warp(START + 1 weeks);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegateUnchanged.selector, alice, bob));
        vm.prank(alice);
        votes.delegate(bob);
    }

    function test_delegate_toAnAccountWithDelegatorsIsAllowed() public {
        votes.stake(alice, 1);
        votes.stake(bob, 2);
        votes.stake(carol, 4);
        vm.prank(alice);
        votes.delegate(carol);
        vm.prank(bob);
        votes.delegate(carol);
        assertEq(votes.getVotes(carol), 7);
    }

    function test_delegate_cannotDelegateToAnAccountThatDelegatesToYou() public {
        vm.prank(alice);
        votes.delegate(bob);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.DelegateeIsDelegating.selector, alice, bob));
        vm.prank(bob);
        votes.delegate(alice);
    }

    function test_delegate_pastVotesSeeTheChangeOnlyFromItsTimestamp() public {
        votes.stake(alice, 100);
        vm.warp(START + 50);
        vm.prank(alice);
        votes.delegate(bob);
        vm.warp(START + 51);
        assertEq(votes.getPastVotes(alice, START + 49), 100);
        assertEq(votes.getPastVotes(bob, START + 49), 0);
        assertEq(votes.getPastVotes(alice, START + 50), 0);
        assertEq(votes.getPastVotes(bob, START + 50), 100);
    }

    function test_delegateBySig_reverts() public {
        vm.expectRevert(IPoolVotes.DelegateBySigUnsupported.selector);
        votes.delegateBySig(bob, 0, 0, 0, bytes32(0), bytes32(0));
    }

    // ------------------------------------------------------------------ fuzz

    /// Votes of each account equal own (non-delegated) shares plus shares delegated to it, after any delegation.
    function testFuzz_delegate_conservesVotes(uint96 a, uint96 b, uint96 c) public {
        a = uint96(bound(a, 0, type(uint64).max));
        b = uint96(bound(b, 0, type(uint64).max));
        c = uint96(bound(c, 0, type(uint64).max));
        votes.stake(alice, a);
        votes.stake(bob, b);
        votes.stake(carol, c);
        vm.prank(alice);
        votes.delegate(bob);
        vm.prank(carol);
        votes.delegate(bob);
        assertEq(votes.getVotes(bob), uint256(a) + b + c);
        vm.warp(START + 1 weeks);
        address dave = makeAddr("dave");
        vm.prank(bob);
        votes.delegate(dave);
        assertEq(votes.getVotes(bob), uint256(a) + c);
        assertEq(votes.getVotes(dave), b);
        assertEq(votes.getVotes(carol), 0);
        assertEq(
            votes.getVotes(alice) + votes.getVotes(bob) + votes.getVotes(carol) + votes.getVotes(dave),
            votes.totalVotingSupply()
        );
    }

    // ------------------------------------------------------------------ share eras (wipe-outs)

    function test_endEra_voidsEveryVoteAtOnce() public {
        votes.stake(alice, 100);
        votes.stake(bob, 50);
        vm.prank(bob);
        votes.delegate(carol);
        vm.warp(START + 10);
        votes.endEra();
        assertEq(votes.getVotes(alice), 0);
        assertEq(votes.getVotes(carol), 0);
        assertEq(votes.totalVotingSupply(), 0);
        vm.warp(START + 20);
        assertEq(votes.getPastVotes(alice, START + 9), 100, "before the wipe-out");
        assertEq(votes.getPastVotes(carol, START + 9), 50);
        assertEq(votes.getPastTotalSupply(START + 9), 150);
        assertEq(votes.getPastVotes(alice, START + 10), 0, "from the end of its second on");
        assertEq(votes.getPastVotes(carol, START + 19), 0);
        assertEq(votes.getPastTotalSupply(START + 10), 0);
    }

    function test_endEra_staleHistoryRestartsFromZeroAndKeepsItsPast() public {
        votes.stake(alice, 100);
        vm.warp(START + 10);
        votes.endEra();
        vm.warp(START + 20);
        votes.stake(alice, 5);
        assertEq(votes.getVotes(alice), 5);
        assertEq(votes.totalVotingSupply(), 5);
        vm.warp(START + 30);
        assertEq(votes.getPastVotes(alice, START + 9), 100);
        assertEq(votes.getPastVotes(alice, START + 10), 0, "the marker at the era's end");
        assertEq(votes.getPastVotes(alice, START + 19), 0);
        assertEq(votes.getPastVotes(alice, START + 20), 5);
        assertEq(votes.getPastTotalSupply(START + 20), 5);
    }

    function test_endEra_historyStaleAcrossTwoErasReadsZeroInBoth() public {
        votes.stake(alice, 100);
        vm.warp(START + 10);
        votes.endEra();
        vm.warp(START + 20);
        votes.stake(bob, 7);
        vm.warp(START + 30);
        votes.endEra();
        vm.warp(START + 40);
        assertEq(votes.getPastVotes(alice, START + 25), 0, "era 1: alice is stale");
        assertEq(votes.getPastVotes(bob, START + 25), 7);
        assertEq(votes.getPastTotalSupply(START + 25), 7);
        assertEq(votes.getPastVotes(bob, START + 30), 0);
        votes.stake(alice, 3);
        vm.warp(START + 50);
        assertEq(votes.getPastVotes(alice, START + 5), 100, "era 0 is kept");
        assertEq(votes.getPastVotes(alice, START + 25), 0, "era 1 still reads 0 after alice came back");
        assertEq(votes.getPastVotes(alice, START + 39), 0);
        assertEq(votes.getPastVotes(alice, START + 40), 3);
        assertEq(votes.getPastTotalSupply(START + 40), 3);
    }

    function test_endEra_stakeInTheWipeOutsSecondCountsOnlyNewShares() public {
        votes.stake(alice, 100);
        vm.warp(START + 10);
        votes.stake(alice, 1); // old era, same second as the wipe-out
        votes.endEra();
        votes.stake(alice, 7); // new era, same second
        assertEq(votes.getVotes(alice), 7);
        vm.warp(START + 11);
        assertEq(votes.getPastVotes(alice, START + 9), 100);
        assertEq(votes.getPastVotes(alice, START + 10), 7);
        assertEq(votes.getPastTotalSupply(START + 10), 7);
    }

    function test_endEra_delegatedVotesOfBothErasNeverMix() public {
        votes.stake(bob, 50);
        vm.prank(bob);
        votes.delegate(alice);
        votes.stake(alice, 10);
        vm.warp(START + 10);
        votes.endEra();
        vm.warp(START + 20);
        vm.prank(carol);
        votes.delegate(alice);
        assertEq(votes.getVotes(alice), 0, "carol has no shares yet");
        votes.stake(carol, 4);
        assertEq(votes.getVotes(alice), 4, "alice's old 60 are gone");
        votes.stake(bob, 2); // bob's old 50 are void: only the new 2 reach alice
        assertEq(votes.getVotes(alice), 6);
        assertEq(votes.totalVotingSupply(), 6);
        vm.prank(carol);
        vm.expectRevert(); // carol's delegation period; bob may move his 2 shares after his week
        votes.delegate(address(0));
        vm.warp(START + 1 weeks + 1);
        vm.prank(bob);
        votes.delegate(address(0));
        assertEq(votes.getVotes(alice), 4);
        assertEq(votes.getVotes(bob), 2);
        assertEq(votes.totalVotingSupply(), 6);
    }

    /// getPastVotes checks the era only when its answer is the account's latest checkpoint: any earlier checkpoint
    /// is final (the change after it recorded the wipe-out's 0 first). A stale account with an indexed history (40
    /// checkpoints, newest slot full: the latest is its high half; 41, half full: its low half), looked up deep (every
    /// checkpoint and the gap after it, through the index), at its latest checkpoint, at and after the wipe-out, then
    /// the same after the account comes back; its checkpoint list agrees throughout.
    function test_endEra_staleAccountLookups_deepAndLatest() public {
        _checkStaleAccount(alice, 40);
        _checkStaleAccount(bob, 41);
    }

    /// A stale account whose latest value is 0 (all of it scheduled for unstake before the wipe-out).
    function test_endEra_staleAccountAtZeroStaysZero() public {
        votes.stake(alice, 100);
        vm.warp(START + 10);
        votes.scheduleUnstake(alice, 100);
        vm.warp(START + 20);
        votes.endEra();
        vm.warp(START + 30);
        assertEq(votes.getPastVotes(alice, START + 9), 100);
        assertEq(votes.getPastVotes(alice, START + 10), 0);
        assertEq(votes.getPastVotes(alice, START + 29), 0);
        assertEq(votes.numCheckpoints(alice), 2, "no marker for a zero latest value");
        votes.stake(alice, 4);
        vm.warp(START + 40);
        assertEq(votes.getPastVotes(alice, START + 9), 100);
        assertEq(votes.getPastVotes(alice, START + 29), 0);
        assertEq(votes.getPastVotes(alice, START + 30), 4);
        _assertListAgrees(alice);
    }

    /// `user` makes `n` changes (change i at START + 10 i, adding i), then the era ends at START + 1000 (user
    /// stale), then user stakes 7 at START + 3000.
    function _checkStaleAccount(address user, uint256 n) internal {
        vm.warp(START);
        votes = new PoolVotesHarness();
        for (uint256 i = 1; i <= n; i++) {
            vm.warp(START + 10 * i);
            votes.stake(user, i);
        }
        uint256 last = n * (n + 1) / 2;
        vm.warp(START + 1000);
        votes.endEra();
        vm.warp(START + 2000);
        _assertDeep(user, n);
        assertEq(votes.getPastVotes(user, START + 10 * n), last, "latest checkpoint, before the wipe-out");
        assertEq(votes.getPastVotes(user, START + 999), last);
        assertEq(votes.getPastVotes(user, START + 1000), 0, "at the wipe-out");
        assertEq(votes.getPastVotes(user, START + 1999), 0, "after it");
        assertEq(votes.numCheckpoints(user), n + 1, "the marker is listed");
        _assertListAgrees(user);

        vm.warp(START + 3000);
        votes.stake(user, 7);
        vm.warp(START + 4000);
        _assertDeep(user, n);
        assertEq(votes.getPastVotes(user, START + 999), last, "no longer the latest checkpoint");
        assertEq(votes.getPastVotes(user, START + 1000), 0, "the marker");
        assertEq(votes.getPastVotes(user, START + 2999), 0);
        assertEq(votes.getPastVotes(user, START + 3000), 7);
        assertEq(votes.getPastVotes(user, START + 3999), 7);
        assertEq(votes.numCheckpoints(user), n + 2);
        _assertListAgrees(user);
    }

    function _assertDeep(address user, uint256 n) internal view {
        assertEq(votes.getPastVotes(user, START + 9), 0, "before the first checkpoint");
        for (uint256 i = 1; i < n; i++) {
            assertEq(votes.getPastVotes(user, START + 10 * i), i * (i + 1) / 2);
            assertEq(votes.getPastVotes(user, START + 10 * i + 9), i * (i + 1) / 2);
        }
    }

    /// Each listed checkpoint's value is what getPastVotes gives from its key until the next key, and the last
    /// one's until now.
    function _assertListAgrees(address user) internal view {
        uint256 count = votes.numCheckpoints(user);
        for (uint256 j = 0; j < count; j++) {
            (uint32 key, uint96 value) = votes.checkpoints(user, j);
            uint256 end = block.timestamp;
            if (j + 1 < count) (end,) = votes.checkpoints(user, j + 1);
            assertEq(votes.getPastVotes(user, key), value);
            assertEq(votes.getPastVotes(user, end - 1), value);
        }
    }
}
