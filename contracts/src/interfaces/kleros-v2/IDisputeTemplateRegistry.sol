// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IDisputeTemplateRegistry
/// @notice Kleros v2's registry of dispute templates: the text a juror reads (a Mustache template of Kleros' dispute
/// details JSON) and the data mappings that fill it from chain for one dispute.
/// @dev Declared to match `IDisputeTemplateRegistry` of `@kleros/kleros-v2-contracts` 0.12.0 (its git
/// tag of that release in kleros/kleros-v2). Written here, not copied. Kleros' own registry numbers
/// templates 0, 1, 2, ... in registration order (`templateId = templates++`) and lets anyone register.
interface IDisputeTemplateRegistry {
    /// @dev To be emitted when a new dispute template is created.
    /// @param _templateId The identifier of the dispute template.
    /// @param _templateTag An optional tag for the dispute template, such as "registration" or "removal".
    /// @param _templateData The template data.
    /// @param _templateDataMappings The data mappings.
    event DisputeTemplate(
        uint256 indexed _templateId, string indexed _templateTag, string _templateData, string _templateDataMappings
    );

    /// @dev Registers a new dispute template.
    /// @param _templateTag The tag of the template (optional).
    /// @param _templateData The data of the template.
    /// @param _templateDataMappings The data mappings of the template.
    /// @return templateId The identifier of the new template.
    function setDisputeTemplate(
        string memory _templateTag,
        string memory _templateData,
        string memory _templateDataMappings
    ) external returns (uint256 templateId);
}
