// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IArbitrator} from "./IArbitrator.sol";

/// @title IEvidence
/// @notice ERC-1497 evidence standard: the events through which an arbitrable contract tells
/// arbitrators and jurors what a dispute is about (`MetaEvidence`), which dispute belongs to which
/// evidence group (`Dispute`), and what each party submitted (`Evidence`).
/// @dev Written from the ERC-1497 specification. `_evidence` strings are URIs (e.g. `ipfs://...`) of JSON
/// documents in the format the standard describes.
interface IEvidence {
    /// @notice Announces the meta-evidence `_metaEvidenceID`: the context, ruling options and rules for the
    /// disputes that refer to it.
    event MetaEvidence(uint256 indexed _metaEvidenceID, string _evidence);

    /// @notice `_party` submitted `_evidence` to the evidence group `_evidenceGroupID`, for `_arbitrator`.
    event Evidence(
        IArbitrator indexed _arbitrator, uint256 indexed _evidenceGroupID, address indexed _party, string _evidence
    );

    /// @notice Dispute `_disputeID` of `_arbitrator` was created, with meta-evidence `_metaEvidenceID` and the
    /// evidence of group `_evidenceGroupID`.
    event Dispute(
        IArbitrator indexed _arbitrator, uint256 indexed _disputeID, uint256 _metaEvidenceID, uint256 _evidenceGroupID
    );
}
