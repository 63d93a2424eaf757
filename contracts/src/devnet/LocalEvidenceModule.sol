// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IEvidenceModule} from "../interfaces/kleros-v2/IEvidenceModule.sol";

/// @title LocalEvidenceModule
/// @notice Kleros v2's evidence module for local chains: behaves as Kleros' `EvidenceModule`
/// (Kleros v2 contracts release 0.12.0) does for its users: anyone submits evidence for an external dispute id and
/// it is announced with the submitter as `_party`; nothing is stored or checked.
/// @dev Kleros' own contract is a UUPS proxy with an owner who can only upgrade it; this stand-in has no proxy.
contract LocalEvidenceModule is IEvidenceModule {
    /// @inheritdoc IEvidenceModule
    function submitEvidence(uint256 _externalDisputeID, string calldata _evidence) external override {
        emit Evidence(_externalDisputeID, msg.sender, _evidence);
    }
}
