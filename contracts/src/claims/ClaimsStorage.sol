// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../interfaces/IClaimsManager.sol";
import {IStakingPool} from "../interfaces/IStakingPool.sol";
import {IArbitrator} from "../interfaces/erc792/IArbitrator.sol";
import {CoverageExposure} from "../libraries/CoverageExposure.sol";
import {PremiumCurve} from "../libraries/PremiumCurve.sol";
import {PriceConversion} from "../libraries/PriceConversion.sol";
import {QuotaWindow} from "../libraries/QuotaWindow.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title ClaimsStorage
/// @notice The state shared by `ClaimsManager` and its `ClaimsAdmin` module (which runs by delegatecall on
/// the same storage), the constants and bounds, and the helpers both use: capacity, premiums, prices.
/// @dev Both contracts inherit this one and only this one with state, so their storage layouts are equal.
abstract contract ClaimsStorage is IClaimsTypes, ReentrancyGuardTransient {
    using SafeCast for uint256;

    /// @notice A dAPI to register at deployment.
    struct DapiConfig {
        bytes32 name;
        uint256 chainId;
        uint256 capShare;
    }

    /// @dev Parameters read by claims and distribution, packed in one slot.
    struct Params {
        uint64 treasuryShare;
        uint96 claimantBond;
    }

    /// @dev The mediator with the parameters every purchase and payout reads (the price's maximum age, the
    /// collateralization ratio), packed in one slot: a mediator's payout reads it once for both.
    struct HotParams {
        address mediator;
        uint32 maxPriceAge;
        uint64 collateralizationRatio;
    }

    /// @dev The pool's totals, the policy counter and the undistributed premiums, packed in one slot written
    /// once by every purchase. Bounds: active coverage below 2^96 USD units (~7.9e10 USD), undistributed
    /// premiums below 2^96 token units (SafeCast reverts beyond).
    struct Globals {
        uint96 activeUsd;
        uint32 nextWeek;
        uint32 policyCount;
        uint96 premiums;
    }

    /// @dev Claim and dAPI counters and the forfeited bonds held for `distributeRewards`, packed in one slot.
    struct Counters {
        uint32 claimCount;
        uint32 dapiCount;
        uint128 forfeitedBonds;
    }

    /// @dev One dAPI's active coverage and cap, packed in one slot; `registered` marks a known id.
    struct DapiState {
        uint128 activeUsd;
        uint32 nextWeek;
        uint64 capShare;
        bool registered;
    }

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

    uint256 internal constant WAD = 1e18;
    /// @dev The mediator's response window (API3's `mediatorResponsePeriod`).
    uint256 internal constant MEDIATOR_RESPONSE_PERIOD = 3 days;
    /// @dev The claimant's response window (API3's `claimantResponsePeriod`).
    uint256 internal constant CLAIMANT_RESPONSE_PERIOD = 3 days;
    /// @dev Shortest coverage that can be bought.
    uint256 internal constant MIN_COVERAGE_PERIOD = 1 days;
    /// @dev Longest time any policy may still run from the moment it is created or changed.
    uint256 internal constant MAX_POLICY_PERIOD = 730 days;
    /// @dev Weeks a policy can still run after it was added to the totals (bounds the expiry walk).
    uint256 internal constant HORIZON_WEEKS = MAX_POLICY_PERIOD / CoverageExposure.BUCKET + 1;
    /// @dev Ruling options given to the arbitrator: 1 = pay the claim, 2 = pay the settlement (0 = refuse).
    uint256 internal constant RULING_OPTIONS = 2;

    uint256 internal constant MAX_BASE_RATE = 0.5e18;
    uint256 internal constant MAX_SLOPE1 = 1e18;
    uint256 internal constant MIN_KINK = 0.1e18;
    uint256 internal constant MAX_KINK = 0.95e18;
    uint256 internal constant MAX_SLOPE2 = 10e18;
    uint256 internal constant MIN_COLLATERALIZATION_RATIO = 0.05e18;
    uint256 internal constant MAX_COLLATERALIZATION_RATIO = 1e18;
    uint256 internal constant MAX_TREASURY_SHARE = 0.5e18;
    uint256 internal constant MIN_MAX_PRICE_AGE = 10 minutes;
    uint256 internal constant MAX_MAX_PRICE_AGE = 7 days;
    uint256 internal constant MAX_PAYOUT_QUOTA_SHARE = 0.5e18;
    /// @dev The quota of a payer the primary agent never set: 10% of the total stake per window.
    uint256 internal constant DEFAULT_PAYOUT_QUOTA_SHARE = 0.1e18;
    /// @dev `maxClaimantBond` in whole tokens.
    uint256 internal constant MAX_CLAIMANT_BOND_TOKENS = 1_000_000;

    IStakingPool internal immutable _pool;
    IERC20 internal immutable _token;
    IApi3ReaderProxy internal immutable _priceFeed;
    /// @dev Mutable (unlike the other constructor arguments) so the DAO can move its agents (`setPrimaryAgent`).
    address internal _primaryAgent;
    address internal _secondaryAgent;
    /// @dev 10 ** token decimals.
    uint256 internal immutable _tokenUnit;

    Params internal _params;
    PremiumCurve.Params internal _curve;
    Globals internal _globals;
    Counters internal _counters;
    HotParams internal _hot;
    address internal _treasury;
    IArbitrator internal _arbitrator;
    uint96 internal _metaEvidenceId;
    bytes internal _arbitratorExtraData;

    mapping(address agent => bool authorized) internal _policyAgents;
    /// @dev share + 1; 0 = never set (default share). Set together with `_quotas[payer].customShare`.
    mapping(address payer => uint256 shareOrZero) internal _quotaShares;
    mapping(address payer => QuotaWindow.Quota) internal _quotas;
    mapping(uint256 dapiId => DapiState) internal _dapiStates;
    mapping(uint256 dapiId => bytes32 name) internal _dapiNames;
    mapping(uint256 dapiId => uint256 chainId) internal _dapiChainIds;
    mapping(bytes32 key => uint256 dapiId) internal _dapiIds;
    mapping(uint256 policyId => Policy) internal _policies;
    mapping(uint256 week => uint256 usd) internal _expiring;
    mapping(uint256 dapiId => mapping(uint256 week => uint256 usd)) internal _dapiExpiring;
    mapping(uint256 claimId => Claim) internal _claims;
    mapping(address arbitrator => mapping(uint256 disputeId => uint256 claimId)) internal _disputeClaims;

    constructor(IStakingPool pool_, IApi3ReaderProxy priceFeed_, address primaryAgent_, address secondaryAgent_) {
        if (
            address(pool_) == address(0) || address(priceFeed_) == address(0) || primaryAgent_ == address(0)
                || secondaryAgent_ == address(0)
        ) revert ZeroAddress();
        _pool = pool_;
        _token = pool_.token();
        _priceFeed = priceFeed_;
        _primaryAgent = primaryAgent_;
        _secondaryAgent = secondaryAgent_;
        _tokenUnit = 10 ** IERC20Metadata(address(_token)).decimals();
    }

    // ------------------------------------------------------------------ roles

    function _onlyPrimaryAgent() internal view {
        if (msg.sender != _primaryAgent) revert Unauthorized(msg.sender, _primaryAgent);
    }

    function _onlySecondaryAgent() internal view {
        if (msg.sender != _secondaryAgent) revert Unauthorized(msg.sender, _secondaryAgent);
    }

    function _checkBounds(uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ParameterOutOfBounds(value, min, max);
    }

    function _setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare) internal returns (uint256 dapiId) {
        if (dapiName == bytes32(0)) revert UnknownDapi(0);
        _checkBounds(capShare, 0, WAD);
        bytes32 key = keccak256(abi.encode(dapiName, chainId));
        dapiId = _dapiIds[key];
        if (dapiId == 0) {
            dapiId = ++_counters.dapiCount;
            _dapiIds[key] = dapiId;
            _dapiNames[dapiId] = dapiName;
            _dapiChainIds[dapiId] = chainId;
        }
        (_dapiStates[dapiId].capShare, _dapiStates[dapiId].registered) = (uint64(capShare), true);
        emit DapiCapSet(dapiId, dapiName, chainId, capShare);
    }

    // --------------------------------------------------------------- capacity

    /// @dev Adds a new policy's coverage to the totals after checking capacity and assigns its id (one write
    /// of the packed globals). Returns the exposure after the addition (price and capacity included).
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

    function _writeExposure(Exposure memory e, uint256 dapiId, uint256 policyCount_) internal {
        _globals = Globals({
            activeUsd: e.activeUsd.toUint96(),
            nextWeek: uint32(e.week),
            policyCount: policyCount_.toUint32(),
            premiums: _globals.premiums
        });
        _dapiStates[dapiId] = DapiState({
            activeUsd: e.dapiActiveUsd.toUint128(),
            nextWeek: uint32(e.dapiWeek),
            capShare: uint64(e.capShare),
            registered: true
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

    /// @dev The premium of `coverageUsd` for `period`, `e.activeUsd` already including it.
    function _premium(Exposure memory e, uint256 coverageUsd, uint256 period) internal view returns (uint256) {
        uint256 unit = _tokenUnit;
        uint256 utilization = e.capacityTokens == 0
            ? WAD
            : Math.ceilDiv(PriceConversion.toTokensUp(e.activeUsd, e.price, unit) * WAD, e.capacityTokens);
        uint256 rate = PremiumCurve.rate(_curve, utilization);
        return PremiumCurve.premium(PriceConversion.toTokensUp(coverageUsd, e.price, unit), rate, period);
    }

    /// @dev The totals of the pool and of `dapiId` rolled to now, with price and capacity.
    function _exposure(uint256 dapiId) internal view returns (Exposure memory e) {
        DapiState memory d = _dapiStates[dapiId];
        if (!d.registered) revert UnknownDapi(dapiId);
        Globals memory g = _globals;
        (e.activeUsd, e.week) =
            CoverageExposure.roll(g.activeUsd, g.nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
        (e.dapiActiveUsd, e.dapiWeek) =
            CoverageExposure.roll(d.activeUsd, d.nextWeek, _dapiExpiring[dapiId], block.timestamp, HORIZON_WEEKS);
        e.capShare = d.capShare;
        e.price = _price();
        e.capacityTokens = _capacityTokens();
    }

    function _capacityTokens() internal view returns (uint256) {
        return _pool.totalStake() * _hot.collateralizationRatio / WAD;
    }

    function _price() internal view returns (uint256) {
        return PriceConversion.read(_priceFeed, _hot.maxPriceAge);
    }

    // ---------------------------------------------------------------- policies

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

    /// @dev Pending rewards split: the treasury's share of premiums (rounded down; 0 without a treasury),
    /// the rest of the premiums and all forfeited bonds to stakers.
    function _pendingSplit() internal view returns (uint256 toStakers, uint256 toTreasury) {
        uint256 premiums = _globals.premiums;
        if (_treasury != address(0)) toTreasury = premiums * _params.treasuryShare / WAD;
        toStakers = premiums - toTreasury + _counters.forfeitedBonds;
    }

    function _quotaShare(address payer) internal view returns (uint256) {
        uint256 stored = _quotaShares[payer];
        return stored == 0 ? DEFAULT_PAYOUT_QUOTA_SHARE : stored - 1;
    }
}
