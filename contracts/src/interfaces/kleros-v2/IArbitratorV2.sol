// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitrableV2} from "./IArbitrableV2.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IArbitratorV2
/// @notice The arbitrator of Kleros v2 (`KlerosCore` on Arbitrum One): takes disputes from arbitrable contracts for a
/// fee in ETH or in an accepted ERC-20, and delivers the final ruling by calling `IArbitrableV2.rule`. Unlike ERC-792
/// it says nothing about appeals: in Kleros v2 they are funded in the dispute kit (`DisputeKitClassic.fundAppeal`),
/// not through the arbitrable or this interface.
/// @dev Declared to match `IArbitratorV2` of `@kleros/kleros-v2-contracts` 0.12.0 (its git
/// tag of that release in kleros/kleros-v2, `contracts/src/arbitration/interfaces/IArbitratorV2.sol`):
/// same functions, events and parameter names, so ABIs and selectors are Kleros' own. Written here, not copied.
/// Semantics of `KlerosCore` at that version, which an arbitrable must expect:
/// - `createDispute` (ETH) reverts `ArbitrationFeesNotEnough()` when `msg.value < arbitrationCost(_extraData)` and
///   keeps all of `msg.value` (no refund of an excess);
/// - `createDispute` (ERC-20) reverts `TokenNotAccepted()` for a token without an accepted rate, reverts
///   `ArbitrationFeesNotEnough()` when `_feeAmount < arbitrationCost(_extraData, _feeToken)`, and pulls all of
///   `_feeAmount` with `transferFrom` from the caller (the arbitrable approves exactly that, then resets to 0);
/// - `arbitrationCost(_extraData, _feeToken)` = `arbitrationCost(_extraData) * 10^rateDecimals / rateInEth`;
/// - `_extraData` is `abi.encode(courtID, minJurors, disputeKitID)` (each 32 bytes; missing or invalid values fall
///   back to the General court, 3 jurors and the classic dispute kit);
/// - rulings: `_numberOfChoices` options numbered 1..n; 0 means "refuse to arbitrate" (also the result of a tie);
///   `rule(disputeID, ruling)` is called once, after the last appeal period, by `executeRuling`, right after this
///   contract emitted `Ruling(arbitrable, disputeID, ruling)`.
interface IArbitratorV2 {
    /// @dev To be emitted when a dispute is created.
    /// @param _disputeID The identifier of the dispute in the Arbitrator contract.
    /// @param _arbitrable The contract which created the dispute.
    event DisputeCreation(uint256 indexed _disputeID, IArbitrableV2 indexed _arbitrable);

    /// @dev To be raised when a ruling is given.
    /// @param _arbitrable The arbitrable receiving the ruling.
    /// @param _disputeID The identifier of the dispute in the Arbitrator contract.
    /// @param _ruling The ruling which was given.
    event Ruling(IArbitrableV2 indexed _arbitrable, uint256 indexed _disputeID, uint256 _ruling);

    /// @dev To be emitted when an ERC-20 token is added or removed as a method to pay fees.
    /// @param _token The ERC-20 token.
    /// @param _accepted Whether the token is accepted or not.
    event AcceptedFeeToken(IERC20 indexed _token, bool indexed _accepted);

    /// @dev To be emitted when the fee for a particular ERC-20 token is updated.
    /// @param _feeToken The ERC-20 token.
    /// @param _rateInEth The new rate of the fee token in ETH.
    /// @param _rateDecimals The new decimals of the fee token rate.
    event NewCurrencyRate(IERC20 indexed _feeToken, uint64 _rateInEth, uint8 _rateDecimals);

    /// @dev Creates a dispute, the fee paid in the native currency (ETH). Called by the arbitrable contract, with at
    /// least `arbitrationCost(_extraData)`.
    /// @param _numberOfChoices The number of choices the arbitrator can choose from in this dispute.
    /// @param _extraData The court (first 32 bytes), minimum number of jurors (next 32) and dispute kit (last 32).
    /// @return disputeID The identifier of the dispute created.
    function createDispute(uint256 _numberOfChoices, bytes calldata _extraData)
        external
        payable
        returns (uint256 disputeID);

    /// @dev Creates a dispute, the fee paid in an accepted ERC-20. Called by the arbitrable contract, which has
    /// approved `_feeAmount` (at least `arbitrationCost(_extraData, _feeToken)`) to this contract.
    /// @param _numberOfChoices The number of choices the arbitrator can choose from in this dispute.
    /// @param _extraData The court (first 32 bytes), minimum number of jurors (next 32) and dispute kit (last 32).
    /// @param _feeToken The ERC-20 token used to pay fees.
    /// @param _feeAmount Amount of the ERC-20 token used to pay fees.
    /// @return disputeID The identifier of the dispute created.
    function createDispute(uint256 _numberOfChoices, bytes calldata _extraData, IERC20 _feeToken, uint256 _feeAmount)
        external
        returns (uint256 disputeID);

    /// @dev The cost of arbitration in the native currency (ETH).
    /// @param _extraData The court (first 32 bytes), minimum number of jurors (next 32) and dispute kit (last 32).
    /// @return cost The arbitration cost in ETH.
    function arbitrationCost(bytes calldata _extraData) external view returns (uint256 cost);

    /// @dev The cost of arbitration in `_feeToken`.
    /// @param _extraData The court (first 32 bytes), minimum number of jurors (next 32) and dispute kit (last 32).
    /// @param _feeToken The ERC-20 token used to pay fees.
    /// @return cost The arbitration cost in `_feeToken`.
    function arbitrationCost(bytes calldata _extraData, IERC20 _feeToken) external view returns (uint256 cost);

    /// @dev The current ruling of a dispute.
    /// @param _disputeID The ID of the dispute.
    /// @return ruling The current ruling.
    /// @return tied Whether it's a tie or not.
    /// @return overridden Whether the ruling was overridden by appeal funding or not.
    function currentRuling(uint256 _disputeID) external view returns (uint256 ruling, bool tied, bool overridden);
}
