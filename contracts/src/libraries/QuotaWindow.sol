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

    /// @notice One payer's last two buckets, packed in one slot, with two fields for the owner's use (this library
    /// keeps them as they are): the claims manager marks payers whose limit is not the default one, so that a
    /// default payer's payout reads a single slot, and counts the payer's claims waiting for tranches. `bucket`
    /// fits 24 bits until the year 320,000.
    struct Quota {
        uint24 bucket;
        bool customShare;
        uint104 current;
        uint104 previous;
        uint16 queued;
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

    /// @notice `q` after a payout of `amount` at `now_` (the caller checked `available`; it writes `q` back).
    function record(Quota memory q, uint256 amount, uint256 now_) internal pure {
        uint256 bucket = now_ / WINDOW;
        if (q.bucket == bucket) {
            q.current = SafeCast.toUint104(q.current + amount);
        } else {
            q.previous = q.bucket + 1 == bucket ? q.current : 0;
            (q.bucket, q.current) = (uint24(bucket), SafeCast.toUint104(amount));
        }
    }

    /// @notice When a payer that has used its whole `limit` at `now_` may pay again: the start of the next bucket
    /// (the previous one then drops out), or the one after if the current bucket alone fills the limit.
    function nextRoomAt(Quota memory q, uint256 now_, uint256 limit) internal pure returns (uint256) {
        uint256 bucket = now_ / WINDOW;
        if (q.bucket == bucket && q.current >= limit) return (bucket + 2) * WINDOW;
        return (bucket + 1) * WINDOW;
    }
}
