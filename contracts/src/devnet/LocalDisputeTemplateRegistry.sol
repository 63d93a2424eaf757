// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IDisputeTemplateRegistry} from "../interfaces/kleros-v2/IDisputeTemplateRegistry.sol";

/// @title LocalDisputeTemplateRegistry
/// @notice Kleros v2's dispute template registry for local chains: behaves as Kleros' `DisputeTemplateRegistry`
/// (Kleros v2 contracts release 0.12.0) does for its users: anyone registers a template, ids count from 0 in
/// registration order, and the template lives only in the `DisputeTemplate` event (read by Kleros' subgraph).
/// @dev Kleros' own contract is a UUPS proxy with an owner who can only upgrade it; that package is not on the npm
/// registry this project builds from, so this faithful stand-in implements the same interface, without the proxy.
contract LocalDisputeTemplateRegistry is IDisputeTemplateRegistry {
    /// @notice The number of templates registered (the next template's id).
    uint256 public templates;

    /// @inheritdoc IDisputeTemplateRegistry
    function setDisputeTemplate(
        string memory _templateTag,
        string memory _templateData,
        string memory _templateDataMappings
    ) external override returns (uint256 templateId) {
        templateId = templates++;
        emit DisputeTemplate(templateId, _templateTag, _templateData, _templateDataMappings);
    }
}
