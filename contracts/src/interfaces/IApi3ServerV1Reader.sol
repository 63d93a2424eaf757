// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IApi3ServerV1Reader
/// @notice The two reads the claims manager makes of API3's contracts beyond `IApi3ReaderProxy`: a dAPI's base feed in
/// `Api3ServerV1` by the hash of its name (the feed API3's heartbeat applies to: OEV updates, through the proxy's OEV
/// extension, come on top), and which server and dAPI an `Api3ReaderProxyV1` reads. Declared here rather than imported
/// to keep the dependency to these signatures (package api3/contracts 34.0.0: `IApi3ServerV1`, `IApi3ReaderProxyV1`).
interface IApi3ServerV1Reader {
    /// @notice The base feed of the dAPI whose name hashes to `dapiNameHash`. Reverts if the name is not set or the feed
    /// never updated.
    function readDataFeedWithDapiNameHash(bytes32 dapiNameHash) external view returns (int224 value, uint32 timestamp);
}

/// @title IApi3ReaderProxyV1Source
/// @notice Where an `Api3ReaderProxyV1` reads from (its immutables).
interface IApi3ReaderProxyV1Source {
    function api3ServerV1() external view returns (address);
    function dapiName() external view returns (bytes32);
}
