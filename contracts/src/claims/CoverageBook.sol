// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsManager} from "../interfaces/IClaimsManager.sol";
import {CoverageExposure} from "../libraries/CoverageExposure.sol";
import {PremiumCurve} from "../libraries/PremiumCurve.sol";
import {PriceConversion} from "../libraries/PriceConversion.sol";
import {ClaimsConfig} from "./ClaimsConfig.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title CoverageBook
/// @notice Policies, premiums and capacity: self-service purchases at a quoted premium, policies granted by
/// policy agents, upgrades and downgrades, with active coverage tracked globally and per dAPI (see
/// `CoverageExposure`) and checked against the pool's capacity at the current price.
abstract contract CoverageBook is ClaimsConfig, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @dev Weeks a policy can still run after it was added to the totals (expiry-walk bound).
    uint256 internal constant HORIZON_WEEKS = MAX_POLICY_PERIOD / CoverageExposure.BUCKET + 1;

    /// @dev The totals rolled to now, and the capacity at the current price.
    struct Exposure {
        uint256 activeUsd;
        uint256 week;
        uint256 dapiActiveUsd;
        uint256 dapiWeek;
        uint256 capShare;
        uint256 price;
        uint256 capacityTokens;
    }

    mapping(uint256 policyId => Policy) internal _policies;
    mapping(uint256 week => uint256 usd) internal _expiring;
    mapping(uint256 dapiId => mapping(uint256 week => uint256 usd)) internal _dapiExpiring;

    // ------------------------------------------------------------- coverage

    /// @inheritdoc IClaimsManager
    function buyCoverage(uint256 dapiId, uint256 coverageUsd, uint256 period, uint256 maxPremium, string calldata policyURI)
        external
        override
        nonReentrant
        returns (uint256 policyId, uint256 premium)
    {
        if (period < MIN_COVERAGE_PERIOD || period > MAX_POLICY_PERIOD) {
            revert InvalidPeriod(period, MIN_COVERAGE_PERIOD, MAX_POLICY_PERIOD);
        }
        uint256 until = block.timestamp + period;
        Exposure memory e;
        (policyId, e) = _addPolicyExposure(dapiId, coverageUsd, until);
        premium = _premium(e, coverageUsd, period);
        if (premium > maxPremium) revert PremiumAboveMaximum(premium, maxPremium);
        _storePolicy(policyId, msg.sender, block.timestamp, until, dapiId, coverageUsd);

        uint256 treasuryPremium;
        if (premium != 0) {
            if (treasury != address(0)) treasuryPremium = premium * _params.treasuryShare / WAD;
            PendingRewards memory p = _pending;
            _pending = PendingRewards({
                stakers: (p.stakers + premium - treasuryPremium).toUint128(),
                treasury: (p.treasury + treasuryPremium).toUint128()
            });
            token.safeTransferFrom(msg.sender, address(this), premium);
        }
        emit PolicyCreated(
            policyId,
            msg.sender,
            dapiId,
            coverageUsd,
            block.timestamp,
            until,
            policyURI,
            msg.sender,
            premium,
            treasuryPremium
        );
    }

    /// @inheritdoc IClaimsManager
    function quoteCoverage(uint256 dapiId, uint256 coverageUsd, uint256 period)
        external
        view
        override
        returns (uint256 premium, uint256 availableUsd)
    {
        Exposure memory e = _exposure(dapiId);
        availableUsd = _availableUsd(e);
        e.activeUsd += coverageUsd;
        premium = _premium(e, coverageUsd, period);
    }

    /// @inheritdoc IClaimsManager
    function createPolicy(
        address claimant,
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 claimsAllowedFrom,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external override returns (uint256 policyId) {
        if (!isPolicyAgent[msg.sender]) revert NotPolicyAgent(msg.sender);
        if (claimant == address(0)) revert ZeroAddress();
        if (claimsAllowedFrom >= claimsAllowedUntil || claimsAllowedUntil <= block.timestamp) {
            revert InvalidPolicyPeriod(claimsAllowedFrom, claimsAllowedUntil, block.timestamp);
        }
        _checkUntil(claimsAllowedUntil);
        (policyId,) = _addPolicyExposure(dapiId, coverageUsd, claimsAllowedUntil);
        _storePolicy(policyId, claimant, claimsAllowedFrom, claimsAllowedUntil, dapiId, coverageUsd);
        emit PolicyCreated(
            policyId,
            claimant,
            dapiId,
            coverageUsd,
            claimsAllowedFrom,
            claimsAllowedUntil,
            policyURI,
            msg.sender,
            0,
            0
        );
    }

    /// @inheritdoc IClaimsManager
    function upgradePolicy(uint256 policyId, uint256 coverageUsd, uint256 claimsAllowedUntil, string calldata policyURI)
        external
        override
    {
        if (!isPolicyAgent[msg.sender]) revert NotPolicyAgent(msg.sender);
        Policy memory p = _livePolicy(policyId);
        if (coverageUsd < p.coverageUsd) revert InvalidCoverageChange(policyId, p.coverageUsd, coverageUsd);
        if (claimsAllowedUntil < p.claimsAllowedUntil) {
            revert InvalidUntilChange(policyId, p.claimsAllowedUntil, claimsAllowedUntil);
        }
        _checkUntil(claimsAllowedUntil);
        _moveExposure(p, coverageUsd, claimsAllowedUntil, true);
        _updatePolicy(policyId, coverageUsd, claimsAllowedUntil);
        emit PolicyUpgraded(policyId, msg.sender, coverageUsd, claimsAllowedUntil, policyURI);
    }

    /// @inheritdoc IClaimsManager
    function downgradePolicy(
        uint256 policyId,
        uint256 coverageUsd,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external override {
        Policy memory p = _livePolicy(policyId);
        if (msg.sender != p.claimant) revert Unauthorized(msg.sender, p.claimant);
        if (coverageUsd > p.coverageUsd) revert InvalidCoverageChange(policyId, p.coverageUsd, coverageUsd);
        if (coverageUsd < p.paidUsd) revert CoverageBelowPaid(policyId, coverageUsd, p.paidUsd);
        if (claimsAllowedUntil > p.claimsAllowedUntil) {
            revert InvalidUntilChange(policyId, p.claimsAllowedUntil, claimsAllowedUntil);
        }
        if (claimsAllowedUntil < block.timestamp || claimsAllowedUntil <= p.claimsAllowedFrom) {
            revert InvalidPolicyPeriod(p.claimsAllowedFrom, claimsAllowedUntil, block.timestamp);
        }
        _moveExposure(p, coverageUsd, claimsAllowedUntil, false);
        _updatePolicy(policyId, coverageUsd, claimsAllowedUntil);
        emit PolicyDowngraded(policyId, coverageUsd, claimsAllowedUntil, policyURI);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClaimsManager
    function capacityUsd() external view override returns (uint256) {
        uint256 price = PriceConversion.read(priceFeed, _params.maxPriceAge);
        return PriceConversion.toUsdDown(_capacityTokens(), price, _tokenUnit);
    }

    /// @inheritdoc IClaimsManager
    function activeCoverageUsd() external view override returns (uint256 active) {
        Globals memory g = _globals;
        (active,) = CoverageExposure.roll(g.activeUsd, g.nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
    }

    /// @inheritdoc IClaimsManager
    function dapi(uint256 dapiId) external view override returns (Dapi memory d) {
        DapiState memory s = _dapiStates[dapiId];
        (uint256 active,) =
            CoverageExposure.roll(s.activeUsd, s.nextWeek, _dapiExpiring[dapiId], block.timestamp, HORIZON_WEEKS);
        return Dapi(_dapiNames[dapiId], _dapiChainIds[dapiId], s.capShare, active);
    }

    /// @inheritdoc IClaimsManager
    function policy(uint256 policyId) external view override returns (Policy memory) {
        return _policies[policyId];
    }

    /// @inheritdoc IClaimsManager
    function policyCount() external view override returns (uint256) {
        return _globals.policyCount;
    }

    // --------------------------------------------------------------- internal

    /// @dev Adds a new policy's coverage to the totals after checking capacity; assigns its id (one write of
    /// the packed globals). Returns the exposure after the addition (price and capacity included).
    function _addPolicyExposure(uint256 dapiId, uint256 coverageUsd, uint256 until)
        internal
        returns (uint256 policyId, Exposure memory e)
    {
        if (coverageUsd == 0) revert ZeroCoverage();
        e = _exposure(dapiId);
        _checkCapacity(e, dapiId, coverageUsd);
        e.activeUsd += coverageUsd;
        e.dapiActiveUsd += coverageUsd;
        uint256 week = CoverageExposure.bucketOf(until);
        _expiring[week] += coverageUsd;
        _dapiExpiring[dapiId][week] += coverageUsd;
        policyId = _globals.policyCount + 1;
        _writeExposure(e, dapiId, policyId);
    }

    /// @dev Replaces a live policy's contribution (coverage, end bucket) to the totals.
    function _moveExposure(Policy memory p, uint256 coverageUsd, uint256 until, bool check) internal {
        Exposure memory e = _exposure(p.dapiId);
        if (check && coverageUsd > p.coverageUsd) _checkCapacity(e, p.dapiId, coverageUsd - p.coverageUsd);
        e.activeUsd = e.activeUsd + coverageUsd - p.coverageUsd;
        e.dapiActiveUsd = e.dapiActiveUsd + coverageUsd - p.coverageUsd;
        uint256 oldWeek = CoverageExposure.bucketOf(p.claimsAllowedUntil);
        uint256 newWeek = CoverageExposure.bucketOf(until);
        _expiring[oldWeek] -= p.coverageUsd;
        _dapiExpiring[p.dapiId][oldWeek] -= p.coverageUsd;
        _expiring[newWeek] += coverageUsd;
        _dapiExpiring[p.dapiId][newWeek] += coverageUsd;
        _writeExposure(e, p.dapiId, _globals.policyCount);
    }

    function _writeExposure(Exposure memory e, uint256 dapiId, uint256 policyCount_) internal {
        Globals memory g = _globals;
        _globals = Globals({
            activeUsd: e.activeUsd.toUint128(),
            nextWeek: uint32(e.week),
            policyCount: policyCount_.toUint32(),
            claimCount: g.claimCount,
            dapiCount: g.dapiCount
        });
        _dapiStates[dapiId] = DapiState({
            activeUsd: e.dapiActiveUsd.toUint128(),
            nextWeek: uint32(e.dapiWeek),
            capShare: uint64(e.capShare)
        });
    }

    /// @dev Reverts unless `addUsd` more coverage fits both the pool's and the dAPI's capacity, in tokens at
    /// the current price (coverage rounded up, capacity down).
    function _checkCapacity(Exposure memory e, uint256 dapiId, uint256 addUsd) internal view {
        uint256 unit = _tokenUnit;
        if (PriceConversion.toTokensUp(e.activeUsd + addUsd, e.price, unit) > e.capacityTokens) {
            uint256 capUsd = PriceConversion.toUsdDown(e.capacityTokens, e.price, unit);
            revert InsufficientCapacity(addUsd, capUsd > e.activeUsd ? capUsd - e.activeUsd : 0);
        }
        uint256 dapiCapTokens = e.capacityTokens * e.capShare / WAD;
        if (PriceConversion.toTokensUp(e.dapiActiveUsd + addUsd, e.price, unit) > dapiCapTokens) {
            uint256 capUsd = PriceConversion.toUsdDown(dapiCapTokens, e.price, unit);
            revert InsufficientDapiCapacity(dapiId, addUsd, capUsd > e.dapiActiveUsd ? capUsd - e.dapiActiveUsd : 0);
        }
    }

    /// @dev The room left under both caps, in USD (0 when over).
    function _availableUsd(Exposure memory e) internal view returns (uint256) {
        uint256 unit = _tokenUnit;
        uint256 capUsd = PriceConversion.toUsdDown(e.capacityTokens, e.price, unit);
        uint256 dapiCapUsd = PriceConversion.toUsdDown(e.capacityTokens * e.capShare / WAD, e.price, unit);
        uint256 room = capUsd > e.activeUsd ? capUsd - e.activeUsd : 0;
        uint256 dapiRoom = dapiCapUsd > e.dapiActiveUsd ? dapiCapUsd - e.dapiActiveUsd : 0;
        return Math.min(room, dapiRoom);
    }

    /// @dev The premium of `coverageUsd` for `period` with `e.activeUsd` already including it.
    function _premium(Exposure memory e, uint256 coverageUsd, uint256 period) internal view returns (uint256) {
        uint256 unit = _tokenUnit;
        uint256 utilization = e.capacityTokens == 0
            ? WAD
            : Math.mulDiv(PriceConversion.toTokensUp(e.activeUsd, e.price, unit), WAD, e.capacityTokens, Math.Rounding.Ceil);
        uint256 rate = PremiumCurve.rate(_curve, utilization);
        return PremiumCurve.premium(PriceConversion.toTokensUp(coverageUsd, e.price, unit), rate, period);
    }

    /// @dev The totals of the pool and of `dapiId` rolled to now, with price and capacity.
    function _exposure(uint256 dapiId) internal view returns (Exposure memory e) {
        if (dapiId == 0 || dapiId > _globals.dapiCount) revert UnknownDapi(dapiId);
        Globals memory g = _globals;
        DapiState memory d = _dapiStates[dapiId];
        (e.activeUsd, e.week) =
            CoverageExposure.roll(g.activeUsd, g.nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
        (e.dapiActiveUsd, e.dapiWeek) =
            CoverageExposure.roll(d.activeUsd, d.nextWeek, _dapiExpiring[dapiId], block.timestamp, HORIZON_WEEKS);
        e.capShare = d.capShare;
        e.price = PriceConversion.read(priceFeed, _params.maxPriceAge);
        e.capacityTokens = _capacityTokens();
    }

    function _capacityTokens() internal view returns (uint256) {
        return pool.totalStake() * _params.collateralizationRatio / WAD;
    }

    function _storePolicy(
        uint256 policyId,
        address claimant,
        uint256 from,
        uint256 until,
        uint256 dapiId,
        uint256 coverageUsd
    ) internal {
        _policies[policyId] = Policy({
            claimant: claimant,
            claimsAllowedFrom: from.toUint32(),
            claimsAllowedUntil: until.toUint32(),
            dapiId: uint32(dapiId),
            coverageUsd: coverageUsd.toUint96(),
            paidUsd: 0
        });
    }

    function _updatePolicy(uint256 policyId, uint256 coverageUsd, uint256 until) internal {
        Policy storage p = _policies[policyId];
        p.coverageUsd = coverageUsd.toUint96();
        p.claimsAllowedUntil = until.toUint32();
    }

    /// @dev A policy that exists and has not ended.
    function _livePolicy(uint256 policyId) internal view returns (Policy memory p) {
        p = _policies[policyId];
        if (p.claimant == address(0)) revert UnknownPolicy(policyId);
        if (p.claimsAllowedUntil < block.timestamp) {
            revert PolicyExpired(policyId, p.claimsAllowedUntil, block.timestamp);
        }
    }

    function _checkUntil(uint256 until) internal view {
        if (until > block.timestamp + MAX_POLICY_PERIOD) {
            revert InvalidPeriod(until - block.timestamp, 0, MAX_POLICY_PERIOD);
        }
    }
}
