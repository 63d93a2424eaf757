// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title LockHistory
/// @notice Per-user history of reward-lock states, kept in a ring of `CAPACITY` (27) snapshots in push order.
/// A snapshot `{epoch, shares, debt}` is the user's state during lock period `epoch` (the pool's lock periods are
/// two epochs long; the field keeps its name, the library only compares the values): its last state in that
/// period. From then until the user's next change, its cumulative reward credit is `debt + shares * rewardIndex`.
/// The pool writes one snapshot per lock period in which the user changed its stake (not one per epoch): a
/// weekly staker writes one every other week, and a fresh slot only for its first 27 such periods.
/// @dev 27 entries suffice: the pool asks for the newest snapshot whose period is before the period of epoch
/// `now - 51`, at most 26 periods before the current one, and the ring's entries have distinct periods below the
/// user's last one, so a full ring's oldest entry is always old enough. `debt` is stored quantized (floored to a
/// multiple of 2^16 credit units, about 1e-13 tokens), which can only lower the credit at the window start and so
/// only raise the lock (rounding against the user).
library LockHistory {
    /// @notice Entries in the ring: one per lock period in which the user changed its stake, for the last 27.
    uint256 internal constant CAPACITY = 27;
    /// @notice Bits dropped from `debt` in a snapshot.
    uint256 internal constant DEBT_QUANTUM_BITS = 16;

    struct Snapshot {
        uint32 epoch;
        uint112 shares;
        int112 debtQuantized;
    }

    struct Ring {
        Snapshot[CAPACITY] entries;
    }

    /// @notice Appends `(epoch, shares, debt)` after the newest entry, overwriting the oldest when full.
    /// @return newHead The index of the oldest entry after the push.
    /// @return newCount The number of entries after the push.
    function push(Ring storage ring, uint256 head, uint256 count, uint256 epoch, uint256 shares, int256 debt)
        internal
        returns (uint256 newHead, uint256 newCount)
    {
        Snapshot memory snapshot = Snapshot({
            epoch: uint32(epoch),
            shares: uint112(shares),
            debtQuantized: int112(debt >> DEBT_QUANTUM_BITS) // floor: never above `debt`
        });
        if (count < CAPACITY) {
            ring.entries[(head + count) % CAPACITY] = snapshot;
            return (head, count + 1);
        }
        ring.entries[head] = snapshot;
        return ((head + 1) % CAPACITY, count);
    }

    /// @notice The newest entry whose epoch (lock period) is strictly below `epoch`, if any, given `before`: an
    /// epoch above every entry's (the user's current `lastPeriod`: entries hold earlier periods). Entries have
    /// distinct increasing epochs, so entry `p` (in push order) has an epoch at most `before - count + p`, and entry
    /// `p = count - 1 - (before - epoch)` one at most `epoch - 1`: a candidate. A user who changed its stake in
    /// every period has exactly `epoch - 1` there, which settles the search in one read; otherwise a binary search
    /// of the entries from there on (or of all of them, when no entry is known to be a candidate) finishes it:
    /// one read for such a user or a ring with one entry, at most ~6 whatever the history.
    function newestBefore(Ring storage ring, uint256 head, uint256 count, uint256 before, uint256 epoch)
        internal
        view
        returns (bool found, uint256 shares, int256 debt)
    {
        if (count == 0) return (false, 0, 0);
        Snapshot memory best;
        // Invariant: entry `lo` (in push order) is below `epoch` (`best`); every entry after `hi` is not.
        uint256 lo;
        uint256 hi = count - 1;
        uint256 gap = before - epoch; // the caller ensures `before >= epoch`
        if (gap < count) {
            lo = count - 1 - gap;
            best = ring.entries[(head + lo) % CAPACITY];
            if (best.epoch + 1 == epoch) hi = lo;
        } else {
            best = ring.entries[head];
            if (best.epoch >= epoch) return (false, 0, 0);
        }
        while (lo < hi) {
            uint256 mid = (lo + hi + 1) / 2;
            Snapshot memory candidate = ring.entries[(head + mid) % CAPACITY];
            if (candidate.epoch < epoch) {
                best = candidate;
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return (true, best.shares, int256(best.debtQuantized) << DEBT_QUANTUM_BITS);
    }
}
