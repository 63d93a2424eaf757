// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IArbitrable
/// @notice ERC-792 arbitrable: a contract whose disputes an `IArbitrator` decides.
/// @dev Written from the ERC-792 specification.
interface IArbitrable {
    /// @notice The final ruling `_ruling` of `_disputeID` was received from `_arbitrator`.
    event Ruling(IArbitrator indexed _arbitrator, uint256 indexed _disputeID, uint256 _ruling);

    /// @notice Delivers the final ruling of `_disputeID`. Only the arbitrator of that dispute may call it.
    function rule(uint256 _disputeID, uint256 _ruling) external;
}
