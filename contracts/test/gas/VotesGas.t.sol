// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolVotesHarness} from "../unit/PoolVotesHarness.t.sol";
import {Test, console} from "forge-std/Test.sol";

/// @notice Gas of the voting-power operations. Each test function makes one call after `setUp` (cold storage, as
/// in a real transaction), so `forge snapshot` records it; the callee's gas is measured with `gasleft()` around
/// the call (operands read into locals first) and checked against the targets. A whole transaction costs
/// 21,000 + calldata + the measured gas - 2,600 (a transaction's `to` is already warm).
/// Checkpoints are packed two per slot, so a write either fills the free half of the newest slot ("half") or
/// starts a fresh slot ("fresh"); both cases are measured.
abstract contract VotesGasBase is Test {
    PoolVotesHarness internal votes;

    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal whale = makeAddr("whale");
    address internal jumpy = makeAddr("jumpy");

    uint256 internal constant START = 1_700_000_000;
    uint256 internal constant CHECKPOINTS = 10_000;
    uint256 internal constant TX_BASE = 21_000 - 2600;
    uint256 internal end;
    uint256 internal jumpyEnd;
    uint256 internal whaleStart;

    function setUp() public virtual {
        vm.warp(START);
        votes = new PoolVotesHarness();
        // alice and bob: two checkpoints each (newest slot full); carol: one (newest slot half full).
        votes.stake(alice, 1000e18);
        votes.stake(bob, 500e18);
        vm.warp(START + 1 days);
        votes.stake(alice, 10e18);
        votes.stake(bob, 10e18);
        votes.stake(carol, 10e18);
        // jumpy: 10,000 checkpoints at irregular gaps (1 s to ~2.8 hours); then whale: 10,000, one per hour.
        uint256 t = START + 2 days;
        for (uint256 i = 0; i < CHECKPOINTS; i++) {
            t += 1 + ((uint256(keccak256(abi.encode(i))) % 100) ** 4) / 10_000;
            vm.warp(t);
            votes.stake(jumpy, 1);
        }
        jumpyEnd = t;
        whaleStart = t + 1 hours;
        for (uint256 i = 0; i < CHECKPOINTS; i++) {
            vm.warp(whaleStart + i * 1 hours);
            votes.stake(whale, 1e18 + i);
        }
        end = whaleStart + CHECKPOINTS * 1 hours;
        vm.warp(end);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 gas) {
        for (uint256 i = 0; i < data.length; i++) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }

    function _delegateTx(address from, address to) internal returns (uint256 txGas) {
        PoolVotesHarness v = votes;
        vm.prank(from);
        uint256 before = gasleft();
        v.delegate(to);
        uint256 used = before - gasleft();
        txGas = TX_BASE + used + _calldataGas(abi.encodeCall(v.delegate, (to)));
    }

    function _hookGas(address user) internal returns (uint256) {
        PoolVotesHarness v = votes;
        uint256 before = gasleft();
        v.addVotingSharesOnly(user, 1e18);
        return before - gasleft() - 2600;
    }

    function _lookupGas(address account, uint256 timepoint) internal view returns (uint256 used, uint256 value) {
        PoolVotesHarness v = votes;
        uint256 before = gasleft();
        value = v.getPastVotes(account, timepoint);
        used = before - gasleft();
    }
}

contract VotesGasTest is VotesGasBase {
    /// Both the delegator's and the delegate's newest slots are full: two fresh slots (worst case).
    function test_gas_delegate_freshSlots() public {
        uint256 txGas = _delegateTx(alice, bob);
        console.log("delegate (two fresh slots), whole tx:", txGas);
        assertLe(txGas, 100_000);
    }

    /// The delegator's newest slot is full, the delegate's half full (one fresh slot: the average case).
    function test_gas_delegate_oneFreshSlot() public {
        uint256 txGas = _delegateTx(alice, carol);
        console.log("delegate (one fresh slot), whole tx:", txGas);
        assertLe(txGas, 90_000);
    }

    /// The hook's share of a stake transaction (no tx base: the pool's stake pays it), for an existing staker at a
    /// new timestamp. After `setUp` the total's newest slot is full (20,002 checkpoints): a fresh total slot.
    function test_gas_stakeHook_userFresh_totalFresh() public {
        uint256 used = _hookGas(alice);
        console.log("_addVotingShares (user slot fresh, total slot fresh):", used);
        assertLe(used, 65_000);
    }

    function test_gas_stakeHook_userHalf_totalFresh() public {
        uint256 used = _hookGas(carol);
        console.log("_addVotingShares (user slot half, total slot fresh):", used);
        assertLe(used, 45_000);
    }

    function test_gas_getPastVotes_10000Checkpoints_afterLatest() public view {
        (uint256 used,) = _lookupGas(whale, end - 1);
        console.log("getPastVotes, 10,000 checkpoints, after the latest:", used);
        assertLe(used, 20_000);
    }

    function test_gas_getPastVotes_10000Checkpoints_50Back() public view {
        (uint256 used, uint256 value) = _lookupGas(whale, whaleStart + (CHECKPOINTS - 50) * 1 hours + 30 minutes);
        console.log("getPastVotes, 10,000 checkpoints, 50 back:", used);
        assertGt(value, 0);
        assertLe(used, 20_000);
    }

    function test_gas_getPastVotes_10000Checkpoints_oldest() public view {
        (uint256 used,) = _lookupGas(whale, whaleStart + 10 hours);
        console.log("getPastVotes, 10,000 checkpoints, near the oldest:", used);
        assertLe(used, 20_000);
    }

    function test_gas_getPastVotes_10000IrregularCheckpoints_50Back() public view {
        (uint256 used,) = _lookupGas(jumpy, jumpyEnd - 50 * 2000);
        console.log("getPastVotes, 10,000 irregular checkpoints, ~50 back:", used);
        assertLe(used, 25_000);
    }

    function test_gas_getPastVotes_10000IrregularCheckpoints_middle() public view {
        (uint256 used,) = _lookupGas(jumpy, START + 2 days + (jumpyEnd - START - 2 days) / 2);
        console.log("getPastVotes, 10,000 irregular checkpoints, middle:", used);
        assertLe(used, 40_000);
    }

    function test_gas_getPastTotalSupply_20000Checkpoints_50Back() public view {
        PoolVotesHarness v = votes;
        uint256 t = end - 50 * 1 hours - 1;
        uint256 before = gasleft();
        v.getPastTotalSupply(t);
        uint256 used = before - gasleft();
        console.log("getPastTotalSupply, 20,000 checkpoints, ~50 back:", used);
        assertLe(used, 25_000);
    }
}

/// The same with one more total checkpoint, so the total's newest slot is half full.
contract VotesGasTotalHalfTest is VotesGasBase {
    function setUp() public override {
        super.setUp();
        votes.stake(makeAddr("other"), 1);
        vm.warp(block.timestamp + 1);
    }

    function test_gas_stakeHook_userFresh_totalHalf() public {
        uint256 used = _hookGas(alice);
        console.log("_addVotingShares (user slot fresh, total slot half):", used);
        assertLe(used, 45_000);
    }

    function test_gas_stakeHook_userHalf_totalHalf() public {
        uint256 used = _hookGas(carol);
        console.log("_addVotingShares (user slot half, total slot half):", used);
        assertLe(used, 27_000);
    }
}
