// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PackedCheckpoints
/// @notice A history of `(key, value)` checkpoints, keys non-decreasing (timestamps), stored two per
/// storage slot: a checkpoint is 128 bits (`uint32 key << 96 | uint96 value`), checkpoint `i` lives in
/// slot `i >> 1`, the even one in the low half and the odd one in the high half. So every other new
/// checkpoint writes into a slot that already exists (a ~5K write instead of a ~22K one), and a lookup
/// reads two checkpoints per storage read.
/// @dev The number of checkpoints is kept by the caller (packed into a slot it writes anyway) and passed
/// in; every function returns the new count. A write at the key of the latest checkpoint overwrites it.
/// Keys must not decrease (the caller writes at `block.timestamp`). Values are bounded by `MAX_VALUE`:
/// writing more reverts with `CheckpointValueOverflow`.
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
    /// @return newCount The number of checkpoints afterwards.
    /// @return oldValue The latest value before.
    /// @return newValue The value recorded.
    function add(History storage self, uint256 count, uint256 key, uint256 delta)
        internal
        returns (uint256 newCount, uint256 oldValue, uint256 newValue)
    {
        return _update(self, count, key, delta, true);
    }

    /// @notice Subtracts `delta` from the latest value and records the result at `key`; panics on underflow.
    /// @return newCount The number of checkpoints afterwards.
    /// @return oldValue The latest value before.
    /// @return newValue The value recorded.
    function sub(History storage self, uint256 count, uint256 key, uint256 delta)
        internal
        returns (uint256 newCount, uint256 oldValue, uint256 newValue)
    {
        return _update(self, count, key, delta, false);
    }

    /// @notice The latest value (0 when there is no checkpoint).
    function latest(History storage self, uint256 count) internal view returns (uint256) {
        if (count == 0) return 0;
        uint256 index = count - 1;
        return (self.pairs[index >> 1] >> ((index & 1) * _HALF)) & MAX_VALUE;
    }

    /// @notice The checkpoint at position `index` (0 = oldest); the caller checks `index < count`.
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
    function upperLookup(History storage self, uint256 count, uint256 key) internal view returns (uint256) {
        if (count == 0) return 0;
        uint256 last = (count - 1) >> 1;
        uint256 pair = self.pairs[last];
        uint256 highKey = (pair >> _VALUE_BITS) & _KEY_MASK;
        if (highKey <= key) {
            // The newest slot: its high half holds a checkpoint when `count` is even.
            if (count & 1 == 0 && (pair >> (_HALF + _VALUE_BITS)) & _KEY_MASK <= key) {
                return (pair >> _HALF) & MAX_VALUE;
            }
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

    function _update(History storage self, uint256 count, uint256 key, uint256 delta, bool increase)
        private
        returns (uint256 newCount, uint256 oldValue, uint256 newValue)
    {
        if (count == 0) {
            newValue = increase ? delta : 0 - delta; // `0 - delta` panics unless delta is 0
            _checkValue(newValue);
            self.pairs[0] = (key << _VALUE_BITS) | newValue;
            return (1, 0, newValue);
        }
        uint256 index = count - 1;
        uint256 slot = index >> 1;
        uint256 shift = (index & 1) * _HALF;
        uint256 pair = self.pairs[slot];
        uint256 checkpoint = (pair >> shift) & _HALF_MASK;
        oldValue = checkpoint & MAX_VALUE;
        newValue = increase ? oldValue + delta : oldValue - delta;
        _checkValue(newValue);
        uint256 packed = (key << _VALUE_BITS) | newValue;
        if (checkpoint >> _VALUE_BITS == key) {
            // Same key: overwrite the latest checkpoint in place.
            self.pairs[slot] = (pair & ~(_HALF_MASK << shift)) | (packed << shift);
            return (count, oldValue, newValue);
        }
        if (shift == 0) {
            // The latest checkpoint is the low half: the new one fills the high half of the same slot.
            self.pairs[slot] = pair | (packed << _HALF);
        } else {
            self.pairs[slot + 1] = packed;
        }
        return (count + 1, oldValue, newValue);
    }

    function _checkValue(uint256 value) private pure {
        if (value > MAX_VALUE) revert CheckpointValueOverflow(value);
    }
}
