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

/// @notice The index of the history (one key per group of 7 slots, 8 keys per node, nodes 9-ary) against a plain
/// reference (arrays of checkpoints in memory, binary search), for key gaps from 1 second to years, lengths across
/// the index's level boundaries (groups 1/2, 9/10, 81/82, 729/730: 14, 126, 1134 and 10,206 checkpoints).
contract PackedCheckpointsIndexTest is Test {
    using PackedCheckpoints for PackedCheckpoints.History;

    /// @dev One history per run of a test (`_resetHistory` moves to a fresh one).
    mapping(uint256 run => PackedCheckpoints.History) internal histories;
    uint256 internal run;
    uint256 internal slots;
    /// @dev The key of a history's first checkpoint.
    uint256 internal firstKey = 1_000_000;

    /// @dev A reference copy: `keys[i]`, `values[i]` for the `count` distinct keys so far; `draws` counts the random
    /// numbers drawn.
    struct Reference {
        uint256[] keys;
        uint256[] values;
        uint256 count;
        uint256 draws;
    }

    uint256 internal constant MODES = 5;

    /// @dev The gap to the next key. Mode 0: 1-2 s (tiny); 1: one hour (even); 2: 1 s to ~2.8 h, heavy-tailed;
    /// 3: mixed, half 1 s, an eighth up to 2^22 s (weeks), the rest up to 1000 s; 4: huge, up to 2^20 s.
    function _gap(uint256 r, uint256 mode) internal pure returns (uint256) {
        if (mode == 0) return 1 + r % 2;
        if (mode == 1) return 1 hours;
        if (mode == 2) return 1 + ((r % 100) ** 4) / 10_000;
        if (mode == 3) {
            uint256 kind = r % 8;
            if (kind < 4) return 1;
            if (kind == 4) return 1 + (r >> 8) % (1 << 22);
            return 1 + (r >> 8) % 1000;
        }
        return 1 + (r >> 8) % (1 << 20);
    }

    /// @dev Appends `n` changes (about one in eight at the same key: an overwrite) starting after the reference's
    /// latest key, and records them in `ref`.
    function _grow(Reference memory ref, uint256 seed, uint256 n, uint256 mode) internal {
        uint256 key = ref.count == 0 ? firstKey : ref.keys[ref.count - 1];
        for (uint256 i = 0; i < n; i++) {
            uint256 r = _random(seed, ref.draws++);
            if (ref.count == 0 || r % 8 != 0) key += _gap(r >> 8, mode);
            uint256 delta = (r >> 128) % 1e18;
            uint256 value;
            uint256 newSlots;
            if ((r >> 200) % 3 == 0 && _history().latest(slots) >= delta) {
                (newSlots,, value) = _history().sub(slots, key, delta);
            } else {
                (newSlots,, value) = _history().add(slots, key, delta);
            }
            slots = newSlots;
            assertLt(key, 1 << 32);
            if (ref.count > 0 && ref.keys[ref.count - 1] == key) {
                ref.values[ref.count - 1] = value;
            } else {
                ref.keys[ref.count] = key;
                ref.values[ref.count] = value;
                ++ref.count;
            }
        }
        assertEq(_history().length(slots), ref.count);
        assertEq(slots, (ref.count + 1) / 2);
    }

    /// @dev A hash of `(seed, x)` in scratch space (no memory allocated: the long tests draw ~10^4 numbers).
    function _random(uint256 seed, uint256 x) internal pure returns (uint256 r) {
        assembly ("memory-safe") {
            mstore(0, seed)
            mstore(0x20, x)
            r := keccak256(0, 0x40)
        }
    }

    function _newReference(uint256 capacity) internal pure returns (Reference memory ref) {
        ref.keys = new uint256[](capacity);
        ref.values = new uint256[](capacity);
    }

    /// @dev The value of the last checkpoint with a key at most `key` (binary search), or 0.
    function _expected(Reference memory ref, uint256 key) internal pure returns (uint256) {
        uint256 low = 0;
        uint256 high = ref.count;
        while (low < high) {
            uint256 mid = (low + high) / 2;
            if (ref.keys[mid] <= key) low = mid + 1;
            else high = mid;
        }
        return low == 0 ? 0 : ref.values[low - 1];
    }

    /// @dev Both lookups; `isLatest` exactly when the answer is the latest checkpoint.
    function _check(Reference memory ref, uint256 key) internal view {
        (uint256 value, bool isLatest) = _history().upperLookupWithLatest(slots, key);
        assertEq(value, _expected(ref, key));
        assertEq(isLatest, ref.count > 0 && key >= ref.keys[ref.count - 1]);
        assertEq(_history().upperLookup(slots, key), value);
    }

    /// @dev Looks up every `stride`-th checkpoint's key, the second before it and a point in the gap after it, plus
    /// the last checkpoints (all), 0 and a key past the end.
    function _checkKeys(Reference memory ref, uint256 stride) internal view {
        _check(ref, 0);
        for (uint256 i = 0; i < ref.count; i++) {
            if (i % stride != 0 && i + 4 < ref.count) continue;
            uint256 k = ref.keys[i];
            _check(ref, k - 1);
            _check(ref, k);
            if (i + 1 < ref.count) _check(ref, k + (ref.keys[i + 1] - k) / 2);
        }
        _check(ref, ref.keys[ref.count - 1] + 1);
        _check(ref, type(uint32).max);
        _check(ref, type(uint256).max);
    }

    /// Random histories of 1..1300 changes in every gap mode, every key looked up.
    /// forge-config: default.fuzz.runs = 64
    function testFuzz_upperLookup_matchesReference(uint256 seed, uint256 length, uint256 mode) public {
        uint256 n = bound(length, 1, 1300);
        Reference memory ref = _newReference(n);
        _grow(ref, seed, n, mode % MODES);
        _checkKeys(ref, 1);
    }

    /// Lengths around every level boundary up to 730 groups, checked as the history grows (newest slot half full
    /// and full, the first slot of a group being the newest), in each gap mode.
    function test_upperLookup_levelBoundaries() public {
        uint256[12] memory lengths = [uint256(13), 14, 15, 16, 125, 126, 127, 128, 1133, 1134, 1135, 1136];
        for (uint256 mode = 0; mode < MODES; mode++) {
            _resetHistory();
            Reference memory ref = _newReference(1136);
            uint256 seed = _random(0xb0, mode);
            for (uint256 j = 0; j < lengths.length; j++) {
                _growTo(ref, seed, lengths[j], mode);
                _checkKeys(ref, lengths[j] < 200 ? 1 : 5);
            }
        }
    }

    /// Keys up to the top of their 32 bits (an index node's keys are compared 4 at a time in 32-bit lanes): 1,200
    /// checkpoints (3 index levels) ending just below 2^32, every key looked up, in the tiny and heavy-tailed modes.
    function test_upperLookup_keysNearTheTopOf32Bits() public {
        for (uint256 mode = 0; mode < 3; mode += 2) {
            _resetHistory();
            firstKey = type(uint32).max - (mode == 0 ? 2500 : 12_000_000);
            Reference memory ref = _newReference(1200);
            _growTo(ref, _random(0x32, mode), 1200, mode);
            assertGt(ref.keys[ref.count - 1], type(uint32).max - 12_000_000);
            _checkKeys(ref, 1);
        }
    }

    /// 10,300 checkpoints: across the 729/730-group boundary (10,206 and 10,220 checkpoints), every key looked up.
    function test_upperLookup_tenThousandCheckpoints_tiny() public {
        _long(0);
    }

    function test_upperLookup_tenThousandCheckpoints_heavyTailed() public {
        _long(2);
    }

    function test_upperLookup_tenThousandCheckpoints_mixed() public {
        _long(3);
    }

    function _long(uint256 mode) internal {
        Reference memory ref = _newReference(10_300);
        uint256 seed = _random(0x10, mode);
        _growTo(ref, seed, 10_205, mode);
        _checkKeys(ref, 3);
        _growTo(ref, seed, 10_207, mode);
        _checkKeys(ref, 3);
        _growTo(ref, seed, 10_300, mode);
        _checkKeys(ref, 1);
    }

    /// @dev Grows the history to `target` distinct keys (overwrites do not count).
    function _growTo(Reference memory ref, uint256 seed, uint256 target, uint256 mode) internal {
        while (ref.count < target) {
            _grow(ref, seed, 1, mode);
        }
    }

    function _history() internal view returns (PackedCheckpoints.History storage) {
        return histories[run];
    }

    function _resetHistory() internal {
        ++run;
        slots = 0;
    }
}
