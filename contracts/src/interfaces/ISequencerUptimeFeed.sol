// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ISequencerUptimeFeed
/// @notice The one read the incident registry makes of a Chainlink-style L2 sequencer uptime feed (Chainlink's
/// `AggregatorV3Interface.latestRoundData`, declared here to keep the dependency to this signature): `answer` 0 means
/// the sequencer is up, 1 that it is down, and `startedAt` is when that status began (0 on an uninitialized feed).
interface ISequencerUptimeFeed {
    /// @notice The latest status round: `answer` (0 up, 1 down) and `startedAt`, the time the status last changed.
    /// @return roundId The round's id.
    /// @return answer 0 while the sequencer is up, 1 while it is down.
    /// @return startedAt When the current status began.
    /// @return updatedAt When the round was written.
    /// @return answeredInRound The round in which the answer was computed.
    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound);
}
