// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PackedCheckpoints
/// @notice A history of `(key, value)` checkpoints, keys increasing (timestamps), stored two per storage slot:
/// a checkpoint is 128 bits (`uint32 key << 96 | uint96 value`), checkpoint `i` lives in slot `i >> 1`, the even
/// one in the low half and the odd one in the high half. Every other new checkpoint fills the free half of the
/// newest slot (a ~5K write instead of a ~22K one), and a lookup sees two checkpoints per storage read.
/// @dev The caller keeps the number of slots in use (`slots`, packed into a slot it reads anyway) and passes it
/// in; writes return the new number, which changes only when a checkpoint starts a fresh slot, so the caller
/// writes it back only then. An empty high half marks the newest slot as half full: keys must be positive
/// (timestamps are). A write at the key of the latest checkpoint overwrites it; keys must not decrease (the
/// caller writes at `block.timestamp`). Values are bounded by `MAX_VALUE`, else `CheckpointValueOverflow`.
library PackedCheckpoints {
    /// @notice A value of `value` does not fit the 96 bits of a checkpoint.
    error CheckpointValueOverflow(uint256 value);

    /// @notice The checkpoints, two per slot.
    struct History {
        mapping(uint256 slot => uint256 pair) pairs;
    }

    /// @notice The largest value a checkpoint holds (2^96 - 1).
    uint256 internal constant MAX_VALUE = type(uint96).max;

    uint256 private constant _HALF = 128;
    uint256 private constant _HALF_MASK = (1 << 128) - 1;
    uint256 private constant _VALUE_BITS = 96;
    uint256 private constant _KEY_MASK = type(uint32).max;
    /// @dev Interpolated probes a lookup makes before it falls back to bisection.
    uint256 private constant _INTERPOLATIONS = 2;

    /// @notice Adds `delta` to the latest value (0 when empty) and records the result at `key`.
    /// @return newSlots The number of slots in use afterwards.
    /// @return oldValue The latest value before.
    /// @return newValue The value recorded.
    function add(History storage self, uint256 slots, uint256 key, uint256 delta)
        internal
        returns (uint256 newSlots, uint256 oldValue, uint256 newValue)
    {
        return _update(self, slots, key, delta, true);
    }

    /// @notice Subtracts `delta` from the latest value and records the result at `key`; panics on underflow.
    /// @return newSlots The number of slots in use afterwards.
    /// @return oldValue The latest value before.
    /// @return newValue The value recorded.
    function sub(History storage self, uint256 slots, uint256 key, uint256 delta)
        internal
        returns (uint256 newSlots, uint256 oldValue, uint256 newValue)
    {
        return _update(self, slots, key, delta, false);
    }

    /// @notice The latest value (0 when there is no checkpoint).
    function latest(History storage self, uint256 slots) internal view returns (uint256) {
        if (slots == 0) return 0;
        uint256 pair = self.pairs[slots - 1];
        uint256 high = pair >> _HALF;
        return (high == 0 ? pair : high) & MAX_VALUE;
    }

    /// @notice The number of checkpoints.
    function length(History storage self, uint256 slots) internal view returns (uint256) {
        if (slots == 0) return 0;
        return (slots << 1) - (self.pairs[slots - 1] >> _HALF == 0 ? 1 : 0);
    }

    /// @notice The checkpoint at position `index` (0 = oldest); the caller checks `index < length`.
    function at(History storage self, uint256 index) internal view returns (uint32 key, uint96 value) {
        uint256 checkpoint = (self.pairs[index >> 1] >> ((index & 1) * _HALF)) & _HALF_MASK;
        key = uint32(checkpoint >> _VALUE_BITS);
        value = uint96(checkpoint);
    }

    /// @notice The value of the last checkpoint with a key at most `key`, or 0 if there is none.
    /// @dev O(log n) storage reads (each read sees two checkpoints), most recent first: the newest slot (any
    /// lookup after the latest change ends there), then the slot ~sqrt(slots) from the end (and the oldest slot
    /// if the key is older), then up to `_INTERPOLATIONS` probes placed by interpolating between the keys known to
    /// bound the answer (timestamps tend to be spread evenly, so these usually land on it), then bisection.
    /// Worst case: 3 + `_INTERPOLATIONS` + log2(n / 2) reads.
    function upperLookup(History storage self, uint256 slots, uint256 key) internal view returns (uint256) {
        if (slots == 0) return 0;
        uint256 last = slots - 1;
        uint256 pair = self.pairs[last];
        uint256 highKey = (pair >> _VALUE_BITS) & _KEY_MASK;
        if (highKey <= key) {
            // The newest slot; its high half may be empty (key 0 there means no checkpoint).
            uint256 second = pair >> _HALF;
            if (second != 0 && second >> _VALUE_BITS <= key) return second & MAX_VALUE;
            return pair & MAX_VALUE;
        }
        // Invariant: slots [0, low) start at a key <= `key` (slot low - 1 at `lowKey`); slots [high, last] start
        // at a key > `key` (slot high at `highKey`). Every slot below `last` is full.
        uint256 low = 0;
        uint256 high = last;
        uint256 lowKey = 0;
        uint256 interpolations = _INTERPOLATIONS;
        while (low < high) {
            uint256 mid;
            if (low != 0) {
                if (interpolations != 0) {
                    --interpolations;
                    mid = low - 1 + ((key - lowKey) * (high - low + 1)) / (highKey - lowKey);
                    if (mid < low) mid = low;
                } else {
                    mid = (low + high) >> 1;
                }
            } else if (high == last && high > 4) {
                mid = high - Math.sqrt(high); // the recent end first
            } else {
                mid = 0; // an old key: read the oldest slot, which gives a lower key to interpolate from
            }
            pair = self.pairs[mid];
            uint256 midKey = (pair >> _VALUE_BITS) & _KEY_MASK;
            if (midKey <= key) {
                // Early exit when `key` falls between this slot's two checkpoints.
                if ((pair >> (_HALF + _VALUE_BITS)) & _KEY_MASK > key) return pair & MAX_VALUE;
                low = mid + 1;
                lowKey = midKey;
            } else {
                high = mid;
                highKey = midKey;
            }
        }
        if (low == 0) return 0;
        // Slot `low - 1` is full and both its keys are <= `key`.
        return (self.pairs[low - 1] >> _HALF) & MAX_VALUE;
    }

    function _update(History storage self, uint256 slots, uint256 key, uint256 delta, bool increase)
        private
        returns (uint256 newSlots, uint256 oldValue, uint256 newValue)
    {
        if (slots == 0) {
            newValue = increase ? delta : 0 - delta; // `0 - delta` panics unless delta is 0
            _checkValue(newValue);
            self.pairs[0] = (key << _VALUE_BITS) | newValue;
            return (1, 0, newValue);
        }
        uint256 pair = self.pairs[slots - 1];
        // The latest checkpoint: the high half if present, else the low half (then the high half is free).
        uint256 checkpoint = pair >> _HALF;
        bool highFree = checkpoint == 0;
        if (highFree) checkpoint = pair;
        oldValue = checkpoint & MAX_VALUE;
        newValue = increase ? oldValue + delta : oldValue - delta;
        _checkValue(newValue);
        uint256 packed = (key << _VALUE_BITS) | newValue;
        if (checkpoint >> _VALUE_BITS == key) {
            // Same key: overwrite the latest checkpoint in place.
            self.pairs[slots - 1] = highFree ? packed : (pair & _HALF_MASK) | (packed << _HALF);
        } else if (highFree) {
            self.pairs[slots - 1] = pair | (packed << _HALF);
        } else {
            self.pairs[slots] = packed;
            return (slots + 1, oldValue, newValue);
        }
        return (slots, oldValue, newValue);
    }

    function _checkValue(uint256 value) private pure {
        if (value > MAX_VALUE) revert CheckpointValueOverflow(value);
    }
}
