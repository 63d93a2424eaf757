// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitratorV2} from "./IArbitratorV2.sol";

/// @title IArbitrableV2
/// @notice A contract whose disputes an `IArbitratorV2` (Kleros v2) decides.
/// @dev Declared to match `IArbitrableV2` of `@kleros/kleros-v2-contracts` 0.12.0 (its git
/// tag of that release in kleros/kleros-v2, `contracts/src/arbitration/interfaces/IArbitrableV2.sol`).
/// Written here, not copied. Kleros' court UI and subgraph find a dispute's text through `DisputeRequest`: the
/// template `_templateId` of the `DisputeTemplateRegistry`, populated by its data mappings with the context
/// `{arbitrableAddress, arbitrableChainID, externalDisputeID}`; evidence is grouped by `_externalDisputeID`
/// (`IEvidenceModule.Evidence`). Warning: later, unreleased versions of kleros-v2 drop `_templateUri` (PR #2127) and
/// then `_externalDisputeID` (PR #2169) from `DisputeRequest`; contracts deployed with this version keep this event.
interface IArbitrableV2 {
    /// @dev To be emitted when a dispute is created, to link the dispute to its template.
    /// @param _arbitrator The arbitrator of the contract.
    /// @param _arbitratorDisputeID The identifier of the dispute in the Arbitrator contract.
    /// @param _externalDisputeID An identifier created outside Kleros by the protocol requesting arbitration.
    /// @param _templateId The identifier of the dispute template. Should not be used with _templateUri.
    /// @param _templateUri The URI to the dispute template, e.g. starting with '/ipfs/'. Should not be used with
    /// _templateId.
    event DisputeRequest(
        IArbitratorV2 indexed _arbitrator,
        uint256 indexed _arbitratorDisputeID,
        uint256 _externalDisputeID,
        uint256 _templateId,
        string _templateUri
    );

    /// @dev To be raised when a ruling is given.
    /// @param _arbitrator The arbitrator giving the ruling.
    /// @param _disputeID The identifier of the dispute in the Arbitrator contract.
    /// @param _ruling The ruling which was given.
    event Ruling(IArbitratorV2 indexed _arbitrator, uint256 indexed _disputeID, uint256 _ruling);

    /// @dev Gives the final ruling of a dispute. Must be called by the arbitrator, once per dispute.
    /// @param _disputeID The identifier of the dispute in the Arbitrator contract.
    /// @param _ruling Ruling given by the arbitrator; 0 is reserved for "not able/wanting to make a decision".
    function rule(uint256 _disputeID, uint256 _ruling) external;
}
