// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PackedCheckpoints
/// @notice A history of `(key, value)` checkpoints, keys increasing (timestamps), stored two per storage slot:
/// a checkpoint is 128 bits (`uint32 key << 96 | uint96 value`), checkpoint `i` lives in slot `i >> 1`, the even
/// one in the low half and the odd one in the high half. Every other new checkpoint fills the free half of the
/// newest slot (a ~5K write instead of a ~22K one), and a lookup sees two checkpoints per storage read.
///
/// Historical lookups go through a sparse index, so that their cost is bounded for any spacing of the keys: the
/// slots form groups of 7 (group `g` = slots `7g..7g+6`), and the index holds the first key of every group but
/// group 0, 8 keys (32 bits each) per node, in a 9-ary tree laid out by group number: group
/// `g = c * 9^l + i * 9^(l-1)` (i in 1..8) is key `i` of node `c` of level `l`. A lookup reads one node per level
/// from the top, which leaves one group, then bisects its 7 slots (at most 3 reads). A key is written once, when
/// its group's first slot fills (that slot's second checkpoint, a ~5K write, never a fresh slot's ~22K one): one
/// write per 14 checkpoints, into an existing node (~5.4K) or, once per 8 groups, a fresh one (~22.4K): ~0.55K per
/// checkpoint amortized; a checkpoint's worst case is ~27K of writes (half fill + fresh node) instead of ~22K.
/// @dev The caller keeps the number of slots in use (`slots`, packed into a slot it reads anyway) and passes it
/// in; writes return the new number, which changes only when a checkpoint starts a fresh slot, so the caller
/// writes it back only then. An empty high half marks the newest slot as half full: keys must be positive
/// (timestamps are) and fit 32 bits. A write at the key of the latest checkpoint overwrites it; keys must not
/// decrease (the caller writes at `block.timestamp`). Values are bounded by `MAX_VALUE`, else
/// `CheckpointValueOverflow`.
library PackedCheckpoints {
    /// @notice A value of `value` does not fit the 96 bits of a checkpoint.
    error CheckpointValueOverflow(uint256 value);

    /// @notice The checkpoints, two per slot, and the index of their groups' first keys (node `c` of level `l` at
    /// `index[c << 8 | l]`, its key `i` at bits `32 * (i - 1)`).
    struct History {
        mapping(uint256 slot => uint256 pair) pairs;
        mapping(uint256 node => uint256 keys) index;
    }

    /// @notice The largest value a checkpoint holds (2^96 - 1).
    uint256 internal constant MAX_VALUE = type(uint96).max;

    uint256 private constant _HALF = 128;
    uint256 private constant _HALF_MASK = (1 << 128) - 1;
    uint256 private constant _VALUE_BITS = 96;
    uint256 private constant _KEY_MASK = type(uint32).max;
    uint256 private constant _KEY_BITS = 32;
    /// @dev Slots per group: the index knows the first key of every group; a lookup bisects one group (3 reads).
    uint256 private constant _GROUP_SLOTS = 7;
    /// @dev Children per index node: a node holds 8 keys (32 bits each), which split its range into 9.
    uint256 private constant _FANOUT = 9;

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
    /// @dev Reads the newest slot first: a lookup at or after its first key ends there (one read). Otherwise the
    /// answer is in the full slots before it: one index node per level, from the top (a level whose node would
    /// hold no key below the newest slot's group is skipped), gives the last group whose first key is at most
    /// `key`, and a bisection of that group's slots (at most 3 reads; early exit when `key` falls between a
    /// slot's two checkpoints) the checkpoint. Worst case, whatever the keys: `1 + ceil(log9(groups)) + 3` reads,
    /// `groups` = ceil((slots - 1) / 7): 5 reads up to 126 checkpoints, 6 up to 1,134, 7 up to 10,206, 8 up to
    /// 91,854.
    function upperLookup(History storage self, uint256 slots, uint256 key) internal view returns (uint256) {
        if (slots == 0) return 0;
        uint256 last = slots - 1;
        uint256 pair = self.pairs[last];
        if ((pair >> _VALUE_BITS) & _KEY_MASK <= key) {
            // The newest slot; its high half may be empty (key 0 there means no checkpoint).
            uint256 second = pair >> _HALF;
            if (second != 0 && second >> _VALUE_BITS <= key) return second & MAX_VALUE;
            return pair & MAX_VALUE;
        }
        // The answer lies in slots [0, last), all full. Find the last group among them whose first key is at most
        // `key` (group 0 when none is: then the answer may be "no checkpoint").
        uint256 group = 0;
        unchecked {
            uint256 groups = (last + _GROUP_SLOTS - 1) / _GROUP_SLOTS;
            if (groups > 1) {
                // `step` = 9^(level - 1): the groups between two keys of a node at `level`. Start at the highest
                // level with a key below `groups`.
                uint256 step = 1;
                uint256 level = 1;
                while (step * _FANOUT < groups) {
                    step *= _FANOUT;
                    ++level;
                }
                while (true) {
                    // Keys of this node that exist: groups `group + i * step` below `groups`, i = 1..8 (or more:
                    // then all 8 exist).
                    uint256 count = (groups - 1 - group) / step;
                    if (count != 0) {
                        uint256 keys = self.index[_nodeId(level, group / (step * _FANOUT))];
                        // Keys past the existing ones read as 2^32 - 1, above `key` (< the newest key here).
                        if (count < _FANOUT - 1) keys |= type(uint256).max << (count * _KEY_BITS);
                        // The number of the node's keys at most `key` (they increase): key i at bits 32 * (i - 1).
                        uint256 below = 0;
                        if ((keys >> (3 * _KEY_BITS)) & _KEY_MASK <= key) below = 4;
                        if ((keys >> ((below + 1) * _KEY_BITS)) & _KEY_MASK <= key) below += 2;
                        if ((keys >> (below * _KEY_BITS)) & _KEY_MASK <= key) ++below;
                        if (below == 7 && keys >> (7 * _KEY_BITS) <= key) below = 8;
                        group += below * step;
                    }
                    if (step == 1) break;
                    step /= _FANOUT;
                    --level;
                }
            }
        }
        // Bisect the group's slots. Invariant: the answer is in a slot of [low, high), or it is `found` (the high
        // half of slot low - 1, already read) when no slot there starts at a key <= `key`. The first slot of a
        // group other than 0 starts at a key <= `key`, so `found` is only used for group 0 (no checkpoint: 0).
        unchecked {
            uint256 low = group * _GROUP_SLOTS;
            uint256 high = low + _GROUP_SLOTS;
            if (high > last) high = last;
            uint256 found = 0;
            while (low < high) {
                uint256 mid = (low + high) >> 1;
                pair = self.pairs[mid];
                if ((pair >> _VALUE_BITS) & _KEY_MASK <= key) {
                    // Early exit when `key` falls between this slot's two checkpoints.
                    if ((pair >> (_HALF + _VALUE_BITS)) & _KEY_MASK > key) return pair & MAX_VALUE;
                    found = (pair >> _HALF) & MAX_VALUE;
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return found;
        }
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
            // The group's first slot is now full: index the group (its key is that slot's first). Not earlier: a
            // fresh slot already costs a ~22K write, and a lookup needs the key only once a later slot exists.
            unchecked {
                if ((slots - 1) % _GROUP_SLOTS == 0 && slots != 1) {
                    _indexGroup(self, (slots - 1) / _GROUP_SLOTS, (pair >> _VALUE_BITS) & _KEY_MASK);
                }
            }
        } else {
            self.pairs[slots] = packed;
            return (slots + 1, oldValue, newValue);
        }
        return (slots, oldValue, newValue);
    }

    /// @dev Records `key`, the first key of group `group` (> 0), in the one index node that holds it: group
    /// `g = c * 9^level + i * 9^(level - 1)` (i in 1..8) is key i of node `(level, c)`, so `level` is one more than
    /// the number of times 9 divides `g`. Key 1 starts a fresh node (one fresh slot per 8 groups), written whole
    /// (no read); the others are ORed into the node's free bits.
    function _indexGroup(History storage self, uint256 group, uint256 key) private {
        uint256 level = 1;
        unchecked {
            while (group % _FANOUT == 0) {
                group /= _FANOUT;
                ++level;
            }
            uint256 position = group % _FANOUT - 1;
            uint256 id = _nodeId(level, group / _FANOUT);
            if (position == 0) self.index[id] = key;
            else self.index[id] |= key << (position * _KEY_BITS);
        }
    }

    /// @dev The storage key of index node `node` of level `level` (1..11).
    function _nodeId(uint256 level, uint256 node) private pure returns (uint256) {
        return (node << 8) | level;
    }

    function _checkValue(uint256 value) private pure {
        if (value > MAX_VALUE) revert CheckpointValueOverflow(value);
    }
}
