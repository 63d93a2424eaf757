// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IIncidentRegistry} from "./IIncidentRegistry.sol";

/// @title IClaimsParametric
/// @notice Parametric coverage, served by a ClaimsManager through its `ClaimsParametric` module (delegatecall from its
/// fallback, same address and storage; its events, `ParametricPolicyBought`, `ParametricClaimPaid`, `ParametricRiskFactorSet` and
/// `IncidentPayoutCapSet`, are declared with the others in `IClaimsTypes`): policies that pay without a mediator on an incident the
/// `IIncidentRegistry` recorded.
///
/// Terms of a parametric policy (bought with `buyParametricCoverage`):
/// - It is an ordinary policy (same capacity, premium stream, mediated claims, upgrades and downgrades) that also pins
///   its dAPI's incident-definition version at purchase (`parametricVersionOf`), and costs the quote times
///   `riskFactor` (`parametricTerms`).
/// - *Covered incident*: a record of its dAPI in the registry, not voided, payable (`block.timestamp >= payableAt`:
///   a stale incident at once, a deviation after its challenge window), that holds under the pinned definition and
///   starts within the policy's cover: from its start plus the waiting period *as of the purchase* until its end
///   (for coverage an upgrade added, from the upgrade plus that waiting period). Under the pinned version, a stale
///   incident starts at `feedUpdatedAt + heartbeat + grace` (the pinned heartbeat and grace; later only if an L2
///   sequencer grace raised the record's own start) and holds if its last proof came after that; a deviation
///   incident starts at `startedAt` and holds if its smallest deviation exceeded the pinned threshold (and the pinned
///   version judges deviations at all). So a definition changed after the purchase does not move a recorded outage's
///   start nor make it hold where the pinned one does not.
/// - *Payout*: everything the policy still covers for that incident (its coverage less what was paid and what open
///   claims reserve), capped by what is left of the per-incident cap (`incidentCapUsd`, shared by all parametric
///   claims on one record, first come first served). Fixed in tokens at the current price (rounded down) and paid
///   like any final payout, now or in tranches within the payer's quota and the pool's cap; the payer is the incident
///   registry's address (its quota: `setPayoutQuota(incidentRegistry, share)`, 10% of the stake per window by
///   default). No bond, no mediator.
/// - *When*: from the incident's `payableAt` until `PARAMETRIC_CLAIM_PERIOD` (30 days) after the policy's end, by its
///   claimant. What a capped claim left uncovered can still be claimed on another incident, or through the mediator
///   (`createClaim`, which may cite the record as evidence).
/// Not offered (`ParametricNotOffered`) on a dAPI that is not served by this chain's Api3ServerV1, that has no
/// incident definition, or that prices payouts (the pool token's own dAPI, API3/USD), nor without a registry.
///
/// Warning: the primary agent sets the per-incident cap (at least `MIN_INCIDENT_CAP_USD`, 100,000 USD) and the
/// registry's definitions and mediator; the secondary agent sets the risk factor (1x to 10x). The registry is fixed
/// for the life of the claims manager. Limits a buyer should know:
/// - What can be *recorded* is judged by the registry's current definition, and a deviation record carries its own
///   version's references, gap and window: whoever governs the registry can stop new records (e.g. a sequencer feed
///   that reports down, no references, a much longer heartbeat), which stops parametric payouts on later incidents
///   (the mediated path remains), and no incident being open, coverage keeps selling meanwhile.
/// - "Open" is what the registry says: a deviation stays open only while proven within its open period, so a
///   deviation nobody keeps reporting no longer blocks purchases, and a later report of the same deviation starts a
///   new incident; a waiting period of at least the open period is the governance setting that prevents buying into
///   it. Conversely one unconfirmed deviation report blocks all sales on the dAPI for its open period.
/// - The definition version pinned is the one current in the purchase's block (no `expectedVersion` argument).
interface IClaimsParametric {
    /// @notice Parametric coverage is not sold on dAPI `dapiId` (see the interface's NatSpec).
    error ParametricNotOffered(uint256 dapiId);
    /// @notice Policy `policyId` is not parametric.
    error NotParametric(uint256 policyId);
    /// @notice Incident `incidentId` of `dapiName` was voided by the registry's mediator.
    error IncidentVoided(bytes32 dapiName, uint256 incidentId);
    /// @notice Incident `incidentId` of `dapiName` pays only from `payableAt` (0: a deviation not confirmed yet).
    error IncidentNotPayable(bytes32 dapiName, uint256 incidentId, uint256 payableAt, uint256 now);
    /// @notice Incident `incidentId` of `dapiName` does not hold under definition version `version`, the policy's.
    error IncidentNotCovered(bytes32 dapiName, uint256 incidentId, uint256 version);
    /// @notice Parametric claims on policy `policyId` were possible until `deadline`, before `now`.
    error ParametricClaimPeriodOver(uint256 policyId, uint256 deadline, uint256 now);
    /// @notice Parametric claims on incident `incidentId` of dAPI `dapiId` paid its whole cap, `capUsd`.
    error IncidentCapReached(uint256 dapiId, uint256 incidentId, uint256 capUsd);

    /// @notice Buys parametric coverage of `coverageUsd` on dAPI `dapiId` for `period` seconds from now, for the caller
    /// as claimant: `buyCoverage`'s checks and premium times `riskFactor` (rounded up), pinning the dAPI's current
    /// incident-definition version. Refused while the dAPI is stale or has an open incident.
    /// @dev Reverts with `buyCoverage`'s errors and `ParametricNotOffered`.
    /// @return policyId The new policy. @return premium The premium paid, in tokens.
    function buyParametricCoverage(
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 period,
        uint256 maxPremium,
        string calldata policyURI
    ) external returns (uint256 policyId, uint256 premium);

    /// @notice The claimant of parametric policy `policyId` is paid for incident `incidentId` of its dAPI (see the
    /// interface's NatSpec for the terms): no bond, no mediator; paid now or in tranches.
    /// @dev Reverts with `NotParametric`, `Unauthorized` (not the claimant), `ParametricClaimPeriodOver`, the registry's
    /// `UnknownIncident`, `IncidentVoided`, `IncidentNotPayable`, `IncidentNotCovered`, `IncidentOutsideCover`,
    /// `InvalidClaimAmount` (nothing left to claim), `IncidentCapReached`, and price errors (`StalePrice`).
    /// @return claimId The claim (final: `PaidClaim`). @return amountUsd What it pays, in USD.
    function createParametricClaim(uint256 policyId, uint256 incidentId)
        external
        returns (uint256 claimId, uint256 amountUsd);

    /// @notice Sets the premium multiplier of parametric coverage, `riskFactor` (WAD) in [1, 10], a multiple of
    /// 0.000001. Only the secondary agent.
    function setParametricRiskFactor(uint256 riskFactor) external;

    /// @notice Sets the most all parametric claims on one incident record may pay, in USD (18 decimals), at least
    /// `MIN_INCIDENT_CAP_USD` (100,000 USD) and below 2^96. Applies to claims filed afterwards. Only the primary agent.
    function setIncidentPayoutCap(uint256 capUsd) external;

    /// @notice The premium multiplier (WAD) and the per-incident cap (USD).
    function parametricTerms() external view returns (uint256 riskFactor, uint256 incidentCapUsd);

    /// @notice The incident-definition version parametric policy `policyId` pinned (0: not parametric, or no policy).
    function parametricVersionOf(uint256 policyId) external view returns (uint256);

    /// @notice What parametric claims paid (in USD) on incident `incidentId` of dAPI `dapiId`.
    function incidentPaidUsd(uint256 dapiId, uint256 incidentId) external view returns (uint256);

    /// @notice Where incidents are proven (zero: parametric coverage is not offered).
    function incidentRegistry() external view returns (IIncidentRegistry);

    /// @notice The hash of what the module was built with (pool, price feed, its heartbeat, incident registry): a
    /// ClaimsManager runs only a module built like itself.
    function moduleConfig() external view returns (bytes32);
}
