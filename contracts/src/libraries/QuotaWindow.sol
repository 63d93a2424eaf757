// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title QuotaWindow
/// @notice A rolling-window payout limit in O(1): payouts are summed in fixed buckets of `WINDOW` seconds,
/// and a payout is allowed only if it fits, together with the current and the previous bucket, under the
/// limit. Any interval of `WINDOW` seconds overlaps at most two consecutive buckets, so no such interval ever
/// holds more than the limit (the check is conservative by up to one bucket).
library QuotaWindow {
    /// @notice The window (and bucket) length.
    uint256 internal constant WINDOW = 1 weeks;

    /// @notice One payer's last two buckets, packed in one slot, with a flag for the owner's use (this library
    /// keeps it as it is): the claims manager marks payers whose limit is not the default one, so that a
    /// default payer's payout reads a single slot. `bucket` fits 24 bits until the year 320,000.
    struct Quota {
        uint24 bucket;
        bool customShare;
        uint112 current;
        uint112 previous;
    }

    /// @notice What `q` has paid in the current and the previous bucket at time `now`.
    function used(Quota memory q, uint256 now_) internal pure returns (uint256) {
        uint256 bucket = now_ / WINDOW;
        if (q.bucket == bucket) return uint256(q.current) + q.previous;
        if (q.bucket + 1 == bucket) return q.current;
        return 0;
    }

    /// @notice What `q` may still pay at `now_` under `limit`.
    function available(Quota memory q, uint256 now_, uint256 limit) internal pure returns (uint256) {
        uint256 spent = used(q, now_);
        return spent >= limit ? 0 : limit - spent;
    }

    /// @notice Records a payout of `amount` at `now_` if it fits under `limit` (one read and one write of
    /// the slot); otherwise changes nothing. The caller reverts when `amount > availableBefore`.
    /// @return availableBefore What `q` could pay at `now_` before this payout.
    function take(Quota storage q, uint256 amount, uint256 now_, uint256 limit)
        internal
        returns (uint256 availableBefore)
    {
        Quota memory m = q;
        availableBefore = available(m, now_, limit);
        if (amount > availableBefore) return availableBefore;
        uint256 bucket = now_ / WINDOW;
        if (m.bucket == bucket) {
            q.current = SafeCast.toUint112(m.current + amount);
        } else {
            uint112 previous = m.bucket + 1 == bucket ? m.current : 0;
            (q.bucket, q.current, q.previous) = (uint24(bucket), SafeCast.toUint112(amount), previous);
        }
    }

    /// @notice Records a payout of `amount` at `now_` (the caller checked `available`).
    function record(Quota storage q, uint256 amount, uint256 now_) internal {
        uint256 bucket = now_ / WINDOW;
        Quota memory m = q;
        if (m.bucket == bucket) {
            q.current = SafeCast.toUint112(m.current + amount);
        } else {
            uint112 previous = m.bucket + 1 == bucket ? m.current : 0;
            (q.bucket, q.current, q.previous) = (uint24(bucket), SafeCast.toUint112(amount), previous);
        }
    }
}
