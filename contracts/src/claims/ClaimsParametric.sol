// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsParametric} from "../interfaces/IClaimsParametric.sol";
import {IIncidentRegistry} from "../interfaces/IIncidentRegistry.sol";
import {IStakingPool} from "../interfaces/IStakingPool.sol";
import {ClaimsStorage} from "./ClaimsStorage.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ClaimsParametric
/// @notice The parametric part of a ClaimsManager (`IClaimsParametric`): policies that pin an incident definition and
/// pay on the `IIncidentRegistry`'s records without a mediator. Deployed on its own (the manager's initcode has no
/// room for it) with the manager's pool, price feed and registry, and run by the manager by delegatecall from its
/// fallback, on the manager's storage; the manager refuses a module built with anything else (`moduleConfig`).
/// @dev Called directly (not by delegatecall) it refuses everything but views of its own empty state.
contract ClaimsParametric is ClaimsStorage, IClaimsParametric {
    using SafeERC20 for IERC20;

    /// @dev How long after a parametric policy's end its claimant may still be paid for an incident in its cover (a
    /// deviation becomes payable up to 14 days after it starts: its confirmation within the open period, at most 7
    /// days, then the challenge window, at most 7 days).
    uint256 internal constant PARAMETRIC_CLAIM_PERIOD = 30 days;
    uint256 internal constant MIN_RISK_FACTOR = WAD;
    uint256 internal constant MAX_RISK_FACTOR = 10 * WAD;
    /// @dev The per-incident cap's floor (USD, 18 decimals): a captured primary agent cannot shut parametric payouts.
    uint256 internal constant MIN_INCIDENT_CAP_USD = 100_000e18;

    /// @dev This module's own address, to refuse direct calls.
    address private immutable _self;

    /// @notice Builds the module for a ClaimsManager with the same arguments (see `ClaimsManager`'s constructor);
    /// `incidentRegistry_` may be zero (no parametric coverage).
    constructor(
        IStakingPool pool_,
        IApi3ReaderProxy priceFeed_,
        uint256 priceFeedHeartbeat_,
        address primaryAgent_,
        address secondaryAgent_,
        IIncidentRegistry incidentRegistry_
    ) ClaimsStorage(pool_, priceFeed_, priceFeedHeartbeat_, primaryAgent_, secondaryAgent_, incidentRegistry_) {
        _self = address(this);
    }

    /// @dev Runs only by delegatecall from the ClaimsManager.
    modifier onlyDelegated() {
        if (address(this) == _self) revert Unauthorized(msg.sender, address(0));
        _;
    }

    // ------------------------------------------------------------- coverage

    /// @inheritdoc IClaimsParametric
    function buyParametricCoverage(
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 period,
        uint256 maxPremium,
        string calldata policyURI
    ) external override nonReentrant onlyDelegated returns (uint256 policyId, uint256 premium) {
        if (period < MIN_COVERAGE_PERIOD || period > MAX_POLICY_PERIOD) {
            revert InvalidPeriod(period, MIN_COVERAGE_PERIOD, MAX_POLICY_PERIOD);
        }
        uint256 version = _offeredVersion(dapiId);
        (policyId, premium) = _storeParametric(dapiId, coverageUsd, period, maxPremium, version);
        if (premium != 0) _token.safeTransferFrom(msg.sender, address(this), premium);
        emit PolicyCreated(
            policyId,
            msg.sender,
            dapiId,
            coverageUsd,
            block.timestamp,
            block.timestamp + period,
            policyURI,
            msg.sender,
            premium
        );
        emit ParametricPolicyBought(policyId, dapiId, version, uint256(_parametric.riskFactor) * (WAD / PPM));
    }

    // ---------------------------------------------------------------- claims

    /// @inheritdoc IClaimsParametric
    function createParametricClaim(uint256 policyId, uint256 incidentId)
        external
        override
        nonReentrant
        onlyDelegated
        returns (uint256 claimId, uint256 amountUsd)
    {
        uint256 start;
        (start, amountUsd) = _coveredClaim(policyId, incidentId);
        uint256 dapiId = uint32(policyId >> 96);
        uint256 paidOnIncident = _incidentPaidUsd[dapiId][incidentId];
        uint256 cap = _parametric.incidentCapUsd;
        if (paidOnIncident >= cap) revert IncidentCapReached(dapiId, incidentId, cap);
        amountUsd = Math.min(amountUsd, cap - paidOnIncident);
        _incidentPaidUsd[dapiId][incidentId] = paidOnIncident + amountUsd;

        // A claim made final at once: reserved against the policy, counted open, then settled like an acceptance.
        _policyStates[policyId] -= amountUsd << 160;
        Counters memory counters = _counters;
        claimId = uint256(++counters.claimCount) << CLAIM_COUNT_SHIFT | policyId;
        counters.openUsd = uint96(counters.openUsd + amountUsd);
        _counters = counters;
        ClaimRecord storage c = _claims[claimId];
        (c.status, c.amountUsd) = (ClaimStatus.PaidClaim, uint96(amountUsd));
        emit ClaimCreated(claimId, policyId, msg.sender, amountUsd, start, 0, 0);
        (uint256 tokens, uint256 paid) = _settle(claimId, c, amountUsd, address(_incidentRegistry));
        emit ParametricClaimPaid(claimId, policyId, incidentId, start, amountUsd, tokens, paid);
    }

    // ------------------------------------------------------------ governance

    /// @inheritdoc IClaimsParametric
    function setParametricRiskFactor(uint256 riskFactor) external override onlyDelegated {
        _onlySecondaryAgent();
        _parametric.riskFactor = _toPpm(riskFactor, MIN_RISK_FACTOR, MAX_RISK_FACTOR);
        emit ParametricRiskFactorSet(riskFactor);
    }

    /// @inheritdoc IClaimsParametric
    function setIncidentPayoutCap(uint256 capUsd) external override onlyDelegated {
        _onlyPrimaryAgent();
        _checkBounds(capUsd, MIN_INCIDENT_CAP_USD, type(uint96).max);
        _parametric.incidentCapUsd = uint96(capUsd);
        emit IncidentPayoutCapSet(capUsd);
    }

    // ----------------------------------------------------------------- views

    /// @inheritdoc IClaimsParametric
    function parametricTerms() external view override returns (uint256 riskFactor, uint256 incidentCapUsd) {
        ParametricParams memory terms = _parametric;
        return (uint256(terms.riskFactor) * (WAD / PPM), terms.incidentCapUsd);
    }

    /// @inheritdoc IClaimsParametric
    function parametricVersionOf(uint256 policyId) external view override returns (uint256) {
        return uint128(_parametricVersions[policyId]);
    }

    /// @inheritdoc IClaimsParametric
    function incidentPaidUsd(uint256 dapiId, uint256 incidentId) external view override returns (uint256) {
        return _incidentPaidUsd[dapiId][incidentId];
    }

    /// @inheritdoc IClaimsParametric
    function incidentRegistry() external view override returns (IIncidentRegistry) {
        return _incidentRegistry;
    }

    /// @inheritdoc IClaimsParametric
    function moduleConfig() external view override returns (bytes32) {
        return _configHash(_pool, _priceFeed, _priceFeedHeartbeat, _incidentRegistry);
    }

    // --------------------------------------------------------------- internal

    /// @dev Adds and stores the caller's parametric policy (priced at the risk factor, pinning `version`).
    function _storeParametric(uint256 dapiId, uint256 coverageUsd, uint256 period, uint256 maxPremium, uint256 version)
        internal
        returns (uint256 policyId, uint256 premium)
    {
        uint256 until = block.timestamp + period;
        uint256 count;
        (count, premium) = _addPolicyExposure(dapiId, coverageUsd, until, period, _parametric.riskFactor);
        if (premium > maxPremium) revert PremiumAboveMaximum(premium, maxPremium);
        policyId = _storePolicy(count, msg.sender, block.timestamp, until, dapiId, coverageUsd);
        // The terms a claim is judged by: the definition version and the waiting period, both as of the purchase.
        _parametricVersions[policyId] = version | uint256(_arbitration.waitingPeriod) << 128;
    }

    /// @dev The incident-definition version a parametric purchase on `dapiId` pins, or `ParametricNotOffered`.
    function _offeredVersion(uint256 dapiId) internal view returns (uint256 version) {
        DapiState memory d = _dapiStates[dapiId];
        if (!d.registered) revert UnknownDapi(dapiId);
        IIncidentRegistry registry = _incidentRegistry;
        bytes32 name = _dapiNames[dapiId];
        // Served here (a heartbeat is set only for this chain's server) and not the dAPI that prices every payout.
        if (
            address(registry) == address(0) || d.heartbeat == 0
                || keccak256(abi.encodePacked(name)) == _priceDapiNameHash
        ) revert ParametricNotOffered(dapiId);
        version = registry.definitionVersion(name);
        if (version == 0) revert ParametricNotOffered(dapiId);
    }

    /// @dev What the caller's parametric policy `policyId` still covers for incident `incidentId` (not capped yet), and
    /// when that incident started under the policy's definition: the caller is its claimant, within the claim period,
    /// the incident payable, holding under the pinned definition and within the policy's cover.
    function _coveredClaim(uint256 policyId, uint256 incidentId)
        internal
        view
        returns (uint256 start, uint256 claimableUsd)
    {
        uint256 pinned = _parametricVersions[policyId];
        if (pinned == 0) revert NotParametric(policyId);
        uint256 state = _policyStates[policyId];
        if (msg.sender != address(uint160(state))) revert Unauthorized(msg.sender, address(uint160(state)));
        bool changed = state & POLICY_CHANGED != 0;
        uint256 terms = changed ? _policyChanges[policyId] : policyId;
        uint256 until = uint32(terms >> 128);
        if (block.timestamp > until + PARAMETRIC_CLAIM_PERIOD) {
            revert ParametricClaimPeriodOver(policyId, until + PARAMETRIC_CLAIM_PERIOD, block.timestamp);
        }
        start = _coveredStart(_dapiNames[uint32(policyId >> 96)], incidentId, uint128(pinned));
        uint256 waitingPeriod = pinned >> 128;
        if (start > until) {
            revert IncidentOutsideCover(policyId, start, uint32(policyId >> 160) + waitingPeriod, until);
        }
        claimableUsd = _claimable(policyId, changed, terms, (state >> 160) & MAX_POLICY_COVERAGE, start, waitingPeriod);
        if (claimableUsd == 0) revert InvalidClaimAmount(0, 0);
    }

    /// @dev When incident `incidentId` of `dapiName` started under definition `version`, after checking that it is
    /// payable now and holds under that version (see `IClaimsParametric`).
    function _coveredStart(bytes32 dapiName, uint256 incidentId, uint256 version)
        internal
        view
        returns (uint256 start)
    {
        IIncidentRegistry registry = _incidentRegistry;
        IIncidentRegistry.Incident memory record = registry.incident(dapiName, incidentId);
        if (record.voided) revert IncidentVoided(dapiName, incidentId);
        if (record.payableAt == 0 || block.timestamp < record.payableAt) {
            revert IncidentNotPayable(dapiName, incidentId, record.payableAt, block.timestamp);
        }
        start = record.startedAt;
        if (record.definitionVersion == version) return start;
        IIncidentRegistry.IncidentDefinition memory pinned = registry.definition(dapiName, version);
        if (record.kind == IIncidentRegistry.IncidentKind.Stale) {
            uint256 staleFrom = uint256(record.feedUpdatedAt) + pinned.heartbeat + pinned.grace;
            if (record.lastProvenAt <= staleFrom) revert IncidentNotCovered(dapiName, incidentId, version);
            // The record starts at its own version's stale time unless a sequencer grace raised it: keep only that
            // raise, so the pinned heartbeat and grace decide the start.
            IIncidentRegistry.IncidentDefinition memory own = registry.definition(dapiName, record.definitionVersion);
            uint256 ownStaleFrom = uint256(record.feedUpdatedAt) + own.heartbeat + own.grace;
            return start > ownStaleFrom ? Math.max(start, staleFrom) : staleFrom;
        }
        if (pinned.quorum == 0 || record.deviationBps <= pinned.deviationThresholdBps) {
            revert IncidentNotCovered(dapiName, incidentId, version);
        }
    }
}
