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

    /// @notice The checkpoints, two per slot, and the index of their groups' first keys. The struct's own slot is
    /// never written: like a dynamic array's, it only seeds the region that holds the data, `r = keccak256(slot)`:
    /// slot `i` of the history (checkpoints `2i`, `2i + 1`) at `r + i`; index node `c` of level `l`, whose keys are
    /// those of groups `g0 + i * 9^(l-1)` (i = 1..8, `g0 = c * 9^l`), at `r + 2^64 + (g0 << 32 | 9^(l-1))`, key `i`
    /// stored inverted (`2^32 - 1 - key`, so that a key not written yet reads as above any other) at bits
    /// `32 * (i - 1)`. The caller counts slots in 32 bits (so groups and `9^(l-1)` fit 32 bits too): the two
    /// ranges never meet. One hash per operation, where mappings take one per slot read or written.
    struct History {
        uint256 seed;
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
    /// @dev Where the index nodes start in a history's region (see `History`).
    uint256 private constant _INDEX_OFFSET = 1 << 64;
    /// @dev For counting an index node's keys at most a key, four at a time (`upperLookupWithLatest`): bit 0, bit 32
    /// and bits 0-31 of each 64-bit lane.
    uint256 private constant _LANE_ONES = 0x0000000000000001000000000000000100000000000000010000000000000001;
    uint256 private constant _LANE_BIT32 = 0x0000000100000000000000010000000000000001000000000000000100000000;
    uint256 private constant _LANE_LOW = 0x00000000ffffffff00000000ffffffff00000000ffffffff00000000ffffffff;

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

    /// @notice Records `(key, value)` as the first checkpoint of an empty history (the caller counts 1 slot): what
    /// `add(self, 0, key, value)` does, without `_update`'s general path (a smaller copy wherever it is inlined).
    function first(History storage self, uint256 key, uint256 value) internal {
        _checkValue(value);
        _store(_region(self), 0, (key << _VALUE_BITS) | value);
    }

    /// @notice The latest value (0 when there is no checkpoint).
    function latest(History storage self, uint256 slots) internal view returns (uint256) {
        if (slots == 0) return 0;
        uint256 pair = _load(_region(self), slots - 1);
        uint256 high = pair >> _HALF;
        return (high == 0 ? pair : high) & MAX_VALUE;
    }

    /// @notice The number of checkpoints.
    function length(History storage self, uint256 slots) internal view returns (uint256) {
        if (slots == 0) return 0;
        return (slots << 1) - (_load(_region(self), slots - 1) >> _HALF == 0 ? 1 : 0);
    }

    /// @notice The checkpoint at position `index` (0 = oldest); the caller checks `index < length`.
    function at(History storage self, uint256 index) internal view returns (uint32 key, uint96 value) {
        uint256 checkpoint = (_load(_region(self), index >> 1) >> ((index & 1) * _HALF)) & _HALF_MASK;
        key = uint32(checkpoint >> _VALUE_BITS);
        value = uint96(checkpoint);
    }

    /// @notice The value of the last checkpoint with a key at most `key`, or 0 if there is none.
    function upperLookup(History storage self, uint256 slots, uint256 key) internal view returns (uint256 value) {
        (value,) = upperLookupWithLatest(self, slots, key);
    }

    /// @notice The value of the last checkpoint with a key at most `key` (0 if there is none), and whether that
    /// checkpoint is the latest one (false when there is none): a caller whose latest value may have expired needs
    /// to check only then.
    /// @dev Reads the newest slot first: a lookup at or after its first key ends there (one read). Otherwise the
    /// answer is in the full slots before it: one index node per level, from the top (a level whose node would
    /// hold no key below the newest slot's group is skipped), gives the last group whose first key is at most
    /// `key`, and a bisection of that group's slots (at most 3 reads; early exit when `key` falls between a
    /// slot's two checkpoints) the checkpoint. Worst case, whatever the keys: `1 + ceil(log9(groups)) + 3` reads,
    /// `groups` = ceil((slots - 1) / 7): 5 reads up to 126 checkpoints, 6 up to 1,134, 7 up to 10,206, 8 up to
    /// 91,854.
    /// In assembly: the cold reads are the floor of the cost (2.1K each, 7 at 10,000 checkpoints) and the rest
    /// should be small; the Solidity version spent ~1K more (a mapping hash per read, a call and up to four branches
    /// per index node, checked loop arithmetic, stack shuffling). An index node's keys are counted four at a time
    /// (no branch); the region (see `History`) is hashed once, in scratch space.
    function upperLookupWithLatest(History storage self, uint256 slots, uint256 key)
        internal
        view
        returns (uint256 value, bool isLatest)
    {
        assembly ("memory-safe") {
            // `value` and `isLatest` stay 0 and false when there is no checkpoint at or before `key`.
            if slots {
                mstore(0, self.slot)
                let region := keccak256(0, 0x20)
                let last := sub(slots, 1)
                let pair := sload(add(region, last))
                switch gt(and(shr(96, pair), 0xffffffff), key)
                case 0 {
                    // The newest slot. Its high half, when present (key 0 there means absent), is the latest
                    // checkpoint; else the low half is.
                    value := and(pair, 0xffffffffffffffffffffffff)
                    isLatest := 1
                    let second := shr(128, pair)
                    if second {
                        switch gt(shr(96, second), key)
                        case 0 { value := and(second, 0xffffffffffffffffffffffff) }
                        default { isLatest := 0 }
                    }
                }
                default {
                    // The answer lies in slots [0, last), all full. Find the last group among them whose first key
                    // is at most `key` (group 0 when none is: then the answer may be "no checkpoint").
                    let group := 0
                    let groups := div(add(last, 6), 7)
                    // `step` = 9^(l - 1): the groups between two keys of a node at level `l`. Start at the
                    // highest level with a key below `groups` (with one group, level 1 has none: no read).
                    let step := 1
                    for { let next := 9 } lt(next, groups) { next := mul(next, 9) } { step := next }
                    let nodes := add(region, _INDEX_OFFSET)
                    // A node's keys are counted in two sets of 4 (keys 1, 3, 5, 7, then 2, 4, 6, 8), each key
                    // in the low half of a 64-bit lane, with bit 32 of the lane set. Keys are stored inverted
                    // (`2^32 - 1 - k`), and `probe` holds `key` inverted in each lane (`key` < 2^32 - 1 here:
                    // below the newest slot's first key): subtracting it from a lane leaves bit 32 set exactly
                    // when the key is at most `key`, and never borrows across lanes. A key not written yet
                    // reads as 0: inverted, 2^32 - 1, above `key`.
                    let probe := mul(xor(key, 0xffffffff), _LANE_ONES)
                    for {} step { step := div(step, 9) } {
                        // The node that starts at `group` (see `History`); it exists when its key 1 does (group
                        // `group + step` is below `groups`).
                        if lt(add(group, step), groups) {
                            let keys := sload(add(nodes, or(shl(32, group), step)))
                            // The lanes' bits 32 (0 to 2 per lane) moved to bit 0, then summed into the top lane:
                            // the number of the node's keys at most `key` (they increase).
                            let atMost :=
                                add(
                                    and(sub(or(and(keys, _LANE_LOW), _LANE_BIT32), probe), _LANE_BIT32),
                                    and(sub(or(and(shr(32, keys), _LANE_LOW), _LANE_BIT32), probe), _LANE_BIT32)
                                )
                            group := add(group, mul(shr(192, mul(shr(32, atMost), _LANE_ONES)), step))
                        }
                    }
                    // Bisect the group's slots, [low, high). `value` is (the 128-bit half holding) the last
                    // checkpoint read with a key <= `key`: the answer when no later slot starts at one. The first
                    // slot of a group other than 0 starts at a key <= `key`, so it stays 0 only for group 0 (no
                    // checkpoint).
                    let low := mul(group, 7)
                    let high := add(low, 7)
                    if gt(high, last) { high := last }
                    for {} lt(low, high) {} {
                        let mid := shr(1, add(low, high))
                        pair := sload(add(region, mid))
                        if gt(and(shr(96, pair), 0xffffffff), key) {
                            high := mid
                            continue
                        }
                        // Early exit when `key` falls between this slot's two checkpoints.
                        if gt(shr(224, pair), key) {
                            value := pair
                            break
                        }
                        value := shr(128, pair)
                        low := add(mid, 1)
                    }
                    value := and(value, 0xffffffffffffffffffffffff)
                }
            }
        }
    }

    function _update(History storage self, uint256 slots, uint256 key, uint256 delta, bool increase)
        private
        returns (uint256 newSlots, uint256 oldValue, uint256 newValue)
    {
        uint256 region = _region(self);
        if (slots == 0) {
            newValue = increase ? delta : 0 - delta; // `0 - delta` panics unless delta is 0
            _checkValue(newValue);
            _store(region, 0, (key << _VALUE_BITS) | newValue);
            return (1, 0, newValue);
        }
        uint256 pair = _load(region, slots - 1);
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
            _store(region, slots - 1, highFree ? packed : (pair & _HALF_MASK) | (packed << _HALF));
        } else if (highFree) {
            _store(region, slots - 1, pair | (packed << _HALF));
            // The group's first slot is now full: index the group (its key is that slot's first). Not earlier: a
            // fresh slot already costs a ~22K write, and a lookup needs the key only once a later slot exists.
            unchecked {
                if ((slots - 1) % _GROUP_SLOTS == 0 && slots != 1) {
                    _indexGroup(region, (slots - 1) / _GROUP_SLOTS, (pair >> _VALUE_BITS) & _KEY_MASK);
                }
            }
        } else {
            _store(region, slots, packed);
            return (slots + 1, oldValue, newValue);
        }
        return (slots, oldValue, newValue);
    }

    /// @dev Records `key`, the first key of group `group` (> 0), in the one index node that holds it: group
    /// `g = c * 9^l + i * 9^(l - 1)` (i in 1..8) is key i of node `c` of level `l` (see `History`), so `9^(l - 1)`
    /// is the largest power of 9 that divides `g`. Key 1 starts a fresh node (one fresh slot per 8 groups), written
    /// whole (no read); the others are ORed into the node's free bits.
    function _indexGroup(uint256 region, uint256 group, uint256 key) private {
        key ^= _KEY_MASK; // stored inverted
        unchecked {
            uint256 step = 1;
            uint256 quotient = group; // group / step
            while (quotient % _FANOUT == 0) {
                quotient /= _FANOUT;
                step *= _FANOUT;
            }
            uint256 i = quotient % _FANOUT;
            uint256 offset = _INDEX_OFFSET + (((group - i * step) << 32) | step);
            if (i == 1) _store(region, offset, key);
            else _store(region, offset, _load(region, offset) | (key << ((i - 1) * _KEY_BITS)));
        }
    }

    /// @dev The first slot of `self`'s region (see `History`).
    function _region(History storage self) private pure returns (uint256 region) {
        assembly ("memory-safe") {
            mstore(0, self.slot)
            region := keccak256(0, 0x20)
        }
    }

    /// @dev The word at `offset` in a region (slot addresses wrap around 2^256, as a dynamic array's do).
    function _load(uint256 region, uint256 offset) private view returns (uint256 word) {
        assembly ("memory-safe") {
            word := sload(add(region, offset))
        }
    }

    function _store(uint256 region, uint256 offset, uint256 word) private {
        assembly ("memory-safe") {
            sstore(add(region, offset), word)
        }
    }

    function _checkValue(uint256 value) private pure {
        if (value > MAX_VALUE) revert CheckpointValueOverflow(value);
    }
}
