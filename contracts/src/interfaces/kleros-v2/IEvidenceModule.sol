// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IEvidenceModule
/// @notice Kleros v2's evidence: anyone submits evidence for a dispute through the `EvidenceModule`, keyed by the
/// dispute's external id (the one the arbitrable announced in `DisputeRequest`; for the ClaimsManager, the claim id).
/// @dev Declares, as `@kleros/kleros-v2-contracts` 0.12.0 does (git tag `@kleros/kleros-v2-contracts@0.12.0` of
/// kleros/kleros-v2), the `Evidence` event of its `IEvidence` and the `submitEvidence` function of its
/// `EvidenceModule` (which emits `Evidence(_externalDisputeID, msg.sender, _evidence)`, with no access control and no
/// check that the dispute exists). Written here, not copied. Warning: an unreleased later version keys evidence by
/// the arbitrator's dispute id instead (kleros-v2 PR #2169).
interface IEvidenceModule {
    /// @dev To be raised when evidence is submitted.
    /// @param _externalDisputeID Unique identifier for this dispute outside Kleros. It's the submitter's
    /// responsibility to submit the right external dispute ID.
    /// @param _party The address of the party submitting the evidence. 0x0 refers to evidence not submitted by any
    /// party.
    /// @param _evidence Stringified evidence object, e.g. `{"name": "...", "description": "...", "fileURI": "/ipfs/..."}`.
    event Evidence(uint256 indexed _externalDisputeID, address indexed _party, string _evidence);

    /// @dev Submits evidence for a dispute.
    /// @param _externalDisputeID Unique identifier for this dispute outside Kleros.
    /// @param _evidence Stringified evidence object.
    function submitEvidence(uint256 _externalDisputeID, string calldata _evidence) external;
}
