// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title CoverageExposure
/// @notice Active coverage with lazy expiry and no loop over policies: each policy's coverage is added to the
/// running total and to the bucket of the week that contains its end; a week's bucket leaves the total once
/// that week is over. `roll` subtracts the buckets of the weeks passed since the last update.
/// @dev Bounded work: a policy ends at most `horizonWeeks` after it was added, so when more than
/// `horizonWeeks + 1` weeks passed since the last update, every coverage counted has expired and the total is
/// zero without reading any bucket. Buckets are never cleared (saves gas; a bucket older than the last update
/// is never read again, and a bucket at or after the current week only holds unexpired coverage). A bucket's coverage
/// is its low 128 bits: the high ones are free for the caller (the claims manager keeps premium rates there).
library CoverageExposure {
    /// @notice The bucket length: coverage ends, for capacity, at the end of the week of its end.
    uint256 internal constant BUCKET = 1 weeks;

    /// @notice The bucket (Unix week) that holds coverage ending at `until`.
    function bucketOf(uint256 until) internal pure returns (uint256) {
        return until / BUCKET;
    }

    /// @notice The active total at `now_` from a total `active` last updated in week `nextWeek`.
    /// @return stillActive The total without the coverage expired since.
    /// @return currentWeek The week of `now_`, to store as the new `nextWeek`.
    function roll(
        uint256 active,
        uint256 nextWeek,
        mapping(uint256 week => uint256 usd) storage expiring,
        uint256 now_,
        uint256 horizonWeeks
    ) internal view returns (uint256 stillActive, uint256 currentWeek) {
        currentWeek = now_ / BUCKET;
        if (currentWeek <= nextWeek) return (active, nextWeek);
        if (active == 0 || currentWeek > nextWeek + horizonWeeks + 1) return (0, currentWeek);
        for (uint256 week = nextWeek; week < currentWeek; ++week) {
            active -= uint128(expiring[week]);
        }
        return (active, currentWeek);
    }
}
