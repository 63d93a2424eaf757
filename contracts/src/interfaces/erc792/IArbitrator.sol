// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitrable} from "./IArbitrable.sol";

/// @title IArbitrator
/// @notice ERC-792 arbitrator: takes disputes from arbitrable contracts for a fee, rules on them, lets
/// anyone appeal a ruling within its appeal period, and finally delivers the ruling by calling
/// `IArbitrable.rule` on the contract that raised the dispute.
/// @dev Written from the ERC-792 specification. Ruling 0 is reserved for "refuse to arbitrate".
interface IArbitrator {
    /// @notice Where a dispute stands.
    /// @dev `Waiting`: no ruling yet (or appealed). `Appealable`: ruled, inside the appeal period.
    /// `Solved`: the final ruling was delivered to the arbitrable.
    enum DisputeStatus {
        Waiting,
        Appealable,
        Solved
    }

    /// @notice A dispute was created.
    event DisputeCreation(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);

    /// @notice A ruling was given and can now be appealed.
    event AppealPossible(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);

    /// @notice A ruling was appealed; the dispute waits for a new ruling.
    event AppealDecision(uint256 indexed _disputeID, IArbitrable indexed _arbitrable);

    /// @notice Creates a dispute with `_choices` ruling options; the caller is the arbitrable. Must be paid
    /// at least `arbitrationCost(_extraData)`.
    /// @return disputeID The new dispute's id.
    function createDispute(uint256 _choices, bytes calldata _extraData) external payable returns (uint256 disputeID);

    /// @notice The fee to create a dispute with `_extraData`.
    function arbitrationCost(bytes calldata _extraData) external view returns (uint256 cost);

    /// @notice Appeals the current ruling of `_disputeID`; must be paid at least `appealCost`.
    function appeal(uint256 _disputeID, bytes calldata _extraData) external payable;

    /// @notice The fee to appeal `_disputeID`.
    function appealCost(uint256 _disputeID, bytes calldata _extraData) external view returns (uint256 cost);

    /// @notice The period in which the current ruling of `_disputeID` can be appealed, `(0, 0)` when none.
    function appealPeriod(uint256 _disputeID) external view returns (uint256 start, uint256 end);

    /// @notice The status of `_disputeID`.
    function disputeStatus(uint256 _disputeID) external view returns (DisputeStatus status);

    /// @notice The current ruling of `_disputeID` (0 before any ruling).
    function currentRuling(uint256 _disputeID) external view returns (uint256 ruling);
}
