// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PackedCheckpoints} from "../../src/libraries/PackedCheckpoints.sol";
import {Test, stdError} from "forge-std/Test.sol";

/// @notice Exposes one PackedCheckpoints history and a plain reference copy of it.
contract PackedCheckpointsHarness {
    using PackedCheckpoints for PackedCheckpoints.History;

    PackedCheckpoints.History internal history;
    uint256 public slots;

    uint256[] public refKeys;
    uint256[] public refValues;

    function add(uint256 key, uint256 delta) external returns (uint256 oldValue, uint256 newValue) {
        (slots, oldValue, newValue) = history.add(slots, key, delta);
        _record(key, newValue);
    }

    function sub(uint256 key, uint256 delta) external returns (uint256 oldValue, uint256 newValue) {
        (slots, oldValue, newValue) = history.sub(slots, key, delta);
        _record(key, newValue);
    }

    function latest() external view returns (uint256) {
        return history.latest(slots);
    }

    function upperLookup(uint256 key) external view returns (uint256) {
        return history.upperLookup(slots, key);
    }

    function count() external view returns (uint256) {
        return history.length(slots);
    }

    function at(uint256 index) external view returns (uint32, uint96) {
        return history.at(index);
    }

    /// The reference answer: a linear scan from the newest checkpoint.
    function referenceLookup(uint256 key) external view returns (uint256) {
        for (uint256 i = refKeys.length; i > 0; i--) {
            if (refKeys[i - 1] <= key) return refValues[i - 1];
        }
        return 0;
    }

    function refLength() external view returns (uint256) {
        return refKeys.length;
    }

    function _record(uint256 key, uint256 value) private {
        uint256 n = refKeys.length;
        if (n > 0 && refKeys[n - 1] == key) {
            refValues[n - 1] = value;
        } else {
            refKeys.push(key);
            refValues.push(value);
        }
    }
}

contract PoolVotesCheckpointsTest is Test {
    PackedCheckpointsHarness internal h;

    function setUp() public {
        h = new PackedCheckpointsHarness();
    }

    function test_add_firstCheckpointFromEmpty() public {
        (uint256 oldValue, uint256 newValue) = h.add(5, 7);
        assertEq(oldValue, 0);
        assertEq(newValue, 7);
        assertEq(h.count(), 1);
        assertEq(h.latest(), 7);
        assertEq(h.upperLookup(4), 0);
        assertEq(h.upperLookup(5), 7);
    }

    function test_add_packsTwoCheckpointsPerSlot() public {
        h.add(1, 10);
        h.add(2, 20);
        h.add(3, 30);
        assertEq(h.count(), 3);
        // Slot 0 holds checkpoints 0 (low half) and 1 (high half); slot 1 holds checkpoint 2.
        (uint32 key, uint96 value) = h.at(1);
        assertEq(key, 2);
        assertEq(value, 30);
        (key, value) = h.at(2);
        assertEq(key, 3);
        assertEq(value, 60);
    }

    function test_add_overwritesAtSameKey() public {
        h.add(1, 10);
        h.add(2, 20);
        h.add(2, 5);
        h.sub(2, 1);
        assertEq(h.count(), 2);
        assertEq(h.latest(), 34);
        assertEq(h.upperLookup(1), 10);
    }

    function test_sub_panicsOnUnderflow() public {
        h.add(1, 10);
        vm.expectRevert(stdError.arithmeticError);
        h.sub(2, 11);
        PackedCheckpointsHarness empty = new PackedCheckpointsHarness();
        vm.expectRevert(stdError.arithmeticError);
        empty.sub(1, 1);
    }

    function test_add_revertsAbove96Bits() public {
        h.add(1, type(uint96).max);
        vm.expectRevert(
            abi.encodeWithSelector(PackedCheckpoints.CheckpointValueOverflow.selector, uint256(type(uint96).max) + 1)
        );
        h.add(2, 1);
    }

    /// Random histories (steps of 0 = overwrite), then every key in range looked up against a linear scan.
    function testFuzz_upperLookup_matchesLinearScan(uint256 seed, uint8 length) public {
        uint256 n = bound(length, 1, 120);
        uint256 key = 100;
        for (uint256 i = 0; i < n; i++) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            key += r % 4; // 0: same key, overwrite
            uint256 delta = (r >> 8) % 1000;
            if ((r >> 32) % 3 == 0 && h.latest() >= delta) h.sub(key, delta);
            else h.add(key, delta);
        }
        assertEq(h.count(), h.refLength());
        for (uint256 k = 98; k <= key + 1; k++) {
            assertEq(h.upperLookup(k), h.referenceLookup(k));
        }
    }
}
