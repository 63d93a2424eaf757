// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IApi3ReaderProxyV1Source, IApi3ServerV1Reader} from "../interfaces/IApi3ServerV1Reader.sol";
import {IClaimsTypes} from "../interfaces/IClaimsManager.sol";
import {IIncidentRegistry} from "../interfaces/IIncidentRegistry.sol";
import {IStakingPool} from "../interfaces/IStakingPool.sol";
import {IEvidenceModule} from "../interfaces/kleros-v2/IEvidenceModule.sol";
import {CoverageExposure} from "../libraries/CoverageExposure.sol";
import {PremiumCurve} from "../libraries/PremiumCurve.sol";
import {PriceConversion} from "../libraries/PriceConversion.sol";
import {QuotaWindow} from "../libraries/QuotaWindow.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title ClaimsStorage
/// @notice The state shared by `ClaimsManager` and its modules `ClaimsAdmin` and `ClaimsParametric` (which run by
/// delegatecall on the same storage), the constants and bounds, and the helpers they use: capacity, premiums, prices,
/// payouts.
/// @dev All three contracts inherit this one and only this one with state, so their storage layouts are equal.
abstract contract ClaimsStorage is IClaimsTypes, ReentrancyGuardTransient {
    using SafeCast for uint256;
    using SafeERC20 for IERC20;
    using QuotaWindow for QuotaWindow.Quota;

    /// @notice A dAPI to register at deployment: its name and chain, its cap, and how to judge it (`DapiFeed`:
    /// `heartbeat` 0 when it is not served by this chain's Api3ServerV1).
    struct DapiConfig {
        bytes32 name;
        uint256 chainId;
        uint256 capShare;
        uint256 heartbeat;
        uint256 grace;
    }

    /// @dev Parameters read by claims and distribution, packed in one slot. `claimantBondRate` is in 1e-9 tokens per
    /// USD claimed.
    struct Params {
        uint64 treasuryShare;
        uint96 claimantBond;
        uint32 claimantBondRate;
        uint32 maxDisputeInactivity;
    }

    /// @dev The mediator with the parameters every purchase and payout reads, packed in one slot: the price's maximum
    /// age, the collateralization ratio and the price haircut (both in millionths).
    struct HotParams {
        address mediator;
        uint32 maxPriceAge;
        uint32 collateralizationRatio;
        uint32 priceHaircut;
    }

    /// @dev The arbitrator, the meta-evidence new disputes refer to, and the waiting period: the slot `createClaim`
    /// reads for its `Evidence` event anyway.
    struct ArbitrationParams {
        IArbitrator arbitrator;
        uint64 metaEvidenceId;
        uint32 waitingPeriod;
    }

    /// @dev The pool's totals, the policy counter and the premiums owed to the treasury (its share of the premiums
    /// streamed so far, and the rounding dust of each purchase's weekly split), packed in one slot written once by
    /// every purchase. Bounds: active coverage below 2^96 USD units (~7.9e10 USD), premiums below 2^96 token units
    /// (SafeCast reverts beyond).
    struct Globals {
        uint96 activeUsd;
        uint32 nextWeek;
        uint32 policyCount;
        uint96 premiums;
    }

    /// @dev The stakers' premiums, streamed week by week: a purchase in week `w` of a policy ending in week `U` pays
    /// `premium / (U - w + 1)` in each week `w + 1 .. U + 1` (its first week, already being streamed, is never
    /// topped up mid-week: the weeks are shifted by one). `rate` is week `week`'s amount (`pulled` once the pool took
    /// it), `next` what purchases during `week` add from `week + 1`; each policy's weekly amount leaves the rate
    /// after its last week, recorded in the high 128 bits of its end bucket (`_expiring[U]`, read at week `U + 2`).
    struct PremiumStream {
        uint96 rate;
        uint96 next;
        uint32 week;
        bool pulled;
    }

    /// @dev Claim and dAPI counters, the open exposure in USD (open claims' amounts) and the owed tokens (final,
    /// unpaid payouts), packed in one slot that `createClaim` and every final decision write anyway.
    struct Counters {
        uint32 claimCount;
        uint32 dapiCount;
        uint96 openUsd;
        uint96 owedTokens;
    }

    /// @dev One dAPI's active coverage, cap (millionths) and how it is judged (`IClaimsTypes.DapiFeed`: heartbeat 0 =
    /// not served by this chain's Api3ServerV1), packed in one slot every purchase reads; `registered` marks a known id.
    struct DapiState {
        uint128 activeUsd;
        uint32 nextWeek;
        uint32 capShare;
        uint24 heartbeat;
        uint24 grace;
        bool registered;
    }

    /// @dev A claim as stored. Its policy is not stored: a claim id is `claim count << 224 | policy id`, so
    /// `claimId & POLICY_ID_MASK` is its policy (`IClaimsTypes.Claim` adds it for the view). `owedTokens`: what a
    /// final payout still owes (paid in tranches).
    struct ClaimRecord {
        ClaimStatus status;
        uint32 deadline;
        uint96 amountUsd;
        uint88 bond;
        uint96 settlementUsd;
        uint8 ruling;
        uint104 owedTokens;
        address arbitrator;
        uint96 disputeId;
    }

    /// @dev A payer's claims waiting for tranches, first in first out: positions `head` to `tail - 1`.
    struct PayoutQueue {
        uint64 head;
        uint64 tail;
    }

    /// @dev What the primary agent gave a Kleros v2 arbitrator (`setArbitratorV2`): its evidence module (non-zero marks
    /// the address as an `IArbitratorV2`, for its open disputes too) and the claims template's id.
    struct V2Court {
        IEvidenceModule evidenceModule;
        uint96 templateId;
    }

    /// @dev The fee of escalations to the current Kleros v2 arbitrator: its token (zero: ETH) and the most one pays.
    struct V2Fee {
        IERC20 feeToken;
        uint96 maxFee;
    }

    /// @dev Parametric coverage's terms: its premium multiplier over the quote (millionths) and the most all parametric
    /// claims on one incident record may pay, in USD.
    struct ParametricParams {
        uint32 riskFactor;
        uint96 incidentCapUsd;
    }

    /// @dev The totals rolled to now, and the capacity at the current price.
    struct Exposure {
        uint256 activeUsd;
        uint256 week;
        uint256 dapiActiveUsd;
        uint256 dapiWeek;
        uint256 capShare;
        uint256 heartbeat;
        uint256 grace;
        uint256 price;
        uint256 capacityPrice;
        uint256 capacityTokens;
        uint256 policyCount;
        uint256 premiums;
    }

    uint256 internal constant WAD = 1e18;
    /// @dev Parameters stored in millionths (`PPM`) are set in WAD, multiples of `WAD / PPM`.
    uint256 internal constant PPM = 1e6;
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
    uint256 internal constant MAX_PRICE_HAIRCUT = 0.5e18;
    uint256 internal constant MAX_TREASURY_SHARE = 0.5e18;
    uint256 internal constant MAX_MAX_PRICE_AGE = 7 days;
    uint256 internal constant MIN_PAYOUT_QUOTA_SHARE = 0.01e18;
    uint256 internal constant MAX_PAYOUT_QUOTA_SHARE = 0.5e18;
    /// @dev The quota of a payer the primary agent never set: 10% of the total stake per window.
    uint256 internal constant DEFAULT_PAYOUT_QUOTA_SHARE = 0.1e18;
    /// @dev Bounds of the claimant bond: its floor in whole tokens, its share of the amount claimed.
    uint256 internal constant MAX_CLAIMANT_BOND_TOKENS = 1000;
    /// @dev Bound of the bond's rate, in tokens per USD claimed (WAD): 0.05 (5% of the claim at a token price of 1 USD).
    uint256 internal constant MAX_CLAIMANT_BOND_RATE = 0.05e18;
    /// @dev The bond's rate is stored in units of 1e-9 tokens per USD.
    uint256 internal constant BOND_RATE_UNIT = 1e9;
    uint256 internal constant MAX_WAITING_PERIOD = 7 days;
    uint256 internal constant MIN_MAX_DISPUTE_INACTIVITY = 14 days;
    uint256 internal constant MAX_MAX_DISPUTE_INACTIVITY = 180 days;
    uint256 internal constant MIN_HEARTBEAT = 1 minutes;
    uint256 internal constant MAX_HEARTBEAT = 2 days;
    uint256 internal constant MAX_GRACE = 1 days;

    // A policy is one storage slot, written once at its creation: `_policyStates[policyId]` =
    // `claimant | remainingUsd << 160 | changed << 255`. Its terms at creation are its id:
    // `policyId = count << 192 | claimsAllowedFrom << 160 | claimsAllowedUntil << 128 | dapiId << 96 | coverageUsd`
    // (the count makes ids unique; a forged id finds an empty slot). An upgrade or a downgrade sets `changed` and
    // writes the new end and coverage to `_policyChanges[policyId]` = `claimsAllowedUntil << 128 | coverageUsd`; an
    // upgrade also records, in `_policyUpgrades`, when it happened and the end and coverage before it (the added
    // coverage waits the waiting period). `remainingUsd` is what new claims may still ask: coverage less what was paid
    // and what open claims reserve. A claim id is `claim count << 224 | policy id`.
    uint256 internal constant POLICY_ID_MASK = (1 << 224) - 1;
    uint256 internal constant CLAIM_COUNT_SHIFT = 224;
    /// @dev Largest coverage of one policy (2^95 - 1 USD units, ~3.9e10 USD): the remaining coverage and the
    /// `changed` flag share the 96 bits beside the claimant.
    uint256 internal constant MAX_POLICY_COVERAGE = (1 << 95) - 1;
    uint256 internal constant POLICY_CHANGED = 1 << 255;

    IStakingPool internal immutable _pool;
    IERC20 internal immutable _token;
    IApi3ReaderProxy internal immutable _priceFeed;
    /// @dev The Api3ServerV1 the price proxy reads (an `Api3ReaderProxyV1`), and the hash of the price dAPI's name:
    /// prices and covered dAPIs are read there directly, on their base feeds (zero: a proxy of another kind; prices
    /// then go through it and no covered dAPI can be judged here).
    address internal immutable _api3Server;
    bytes32 internal immutable _priceDapiNameHash;
    /// @dev The price dAPI's heartbeat: `maxPriceAge` never goes below it.
    uint256 internal immutable _priceFeedHeartbeat;
    /// @dev Mutable (unlike the other constructor arguments) so the DAO can move its agents (`setPrimaryAgent`).
    address internal _primaryAgent;
    address internal _secondaryAgent;
    /// @dev 10 ** token decimals.
    uint256 internal immutable _tokenUnit;
    /// @dev Where incidents are proven (zero: none; no parametric coverage, and only staleness blocks purchases).
    IIncidentRegistry internal immutable _incidentRegistry;

    Params internal _params;
    PremiumCurve.Params internal _curve;
    Globals internal _globals;
    Counters internal _counters;
    HotParams internal _hot;
    ArbitrationParams internal _arbitration;
    address internal _treasury;
    uint256 internal _forfeitedBonds;
    PremiumStream internal _premiumStream;
    /// @dev Premiums of weeks that passed without a pull (paid as `past` at the next pull).
    uint256 internal _premiumsDue;
    bytes internal _arbitratorExtraData;

    mapping(address agent => bool authorized) internal _policyAgents;
    /// @dev share + 1; 0 = never set (default share). Set together with `_quotas[payer].customShare`.
    mapping(address payer => uint256 shareOrZero) internal _quotaShares;
    mapping(address payer => QuotaWindow.Quota) internal _quotas;
    mapping(address payer => PayoutQueue) internal _payoutQueues;
    mapping(address payer => mapping(uint256 position => uint256 claimId)) internal _queuedClaims;
    mapping(uint256 dapiId => DapiState) internal _dapiStates;
    mapping(uint256 dapiId => bytes32 name) internal _dapiNames;
    mapping(uint256 dapiId => uint256 chainId) internal _dapiChainIds;
    mapping(bytes32 key => uint256 dapiId) internal _dapiIds;
    mapping(uint256 policyId => uint256 claimantRemainingChanged) internal _policyStates;
    mapping(uint256 policyId => uint256 untilAndCoverage) internal _policyChanges;
    mapping(uint256 policyId => uint256 upgradedAtUntilCoverageBefore) internal _policyUpgrades;
    mapping(uint256 week => uint256 usd) internal _expiring;
    mapping(uint256 dapiId => mapping(uint256 week => uint256 usd)) internal _dapiExpiring;
    mapping(uint256 claimId => ClaimRecord) internal _claims;
    mapping(address arbitrator => mapping(uint256 disputeId => uint256 claimId)) internal _disputeClaims;
    /// @dev Kleros v2 (appended: issue 15). Set by `setArbitratorV2`; `setArbitrator` clears the entry of the address it
    /// sets and the fee.
    mapping(address arbitrator => V2Court) internal _v2Courts;
    V2Fee internal _v2Fee;
    /// @dev Parametric coverage (appended: issue 14). A parametric policy's terms pinned at purchase,
    /// `definitionVersion | waitingPeriod << 128` (0: not parametric), and what parametric claims paid per incident
    /// record.
    ParametricParams internal _parametric;
    mapping(uint256 policyId => uint256 versionAndWaitingPeriod) internal _parametricVersions;
    mapping(uint256 dapiId => mapping(uint256 incidentId => uint256 usd)) internal _incidentPaidUsd;

    constructor(
        IStakingPool pool_,
        IApi3ReaderProxy priceFeed_,
        uint256 priceFeedHeartbeat_,
        address primaryAgent_,
        address secondaryAgent_,
        IIncidentRegistry incidentRegistry_
    ) {
        if (
            address(pool_) == address(0) || address(priceFeed_) == address(0) || primaryAgent_ == address(0)
                || secondaryAgent_ == address(0)
        ) revert ZeroAddress();
        _checkBounds(priceFeedHeartbeat_, MIN_HEARTBEAT, MAX_HEARTBEAT);
        _pool = pool_;
        _token = pool_.token();
        _priceFeed = priceFeed_;
        (_api3Server, _priceDapiNameHash) = _proxySource(address(priceFeed_));
        _priceFeedHeartbeat = priceFeedHeartbeat_;
        _primaryAgent = primaryAgent_;
        _secondaryAgent = secondaryAgent_;
        _tokenUnit = 10 ** IERC20Metadata(address(_token)).decimals();
        _incidentRegistry = incidentRegistry_;
    }

    /// @dev What a module must have been built with to run on a manager's storage: the same pool, price feed, heartbeat
    /// and incident registry (its other immutables derive from these).
    function _configHash(
        IStakingPool pool_,
        IApi3ReaderProxy priceFeed_,
        uint256 priceFeedHeartbeat_,
        IIncidentRegistry incidentRegistry_
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(pool_, priceFeed_, priceFeedHeartbeat_, incidentRegistry_));
    }

    /// @dev The server and the dAPI name hash an `Api3ReaderProxyV1` reads, or zeros for another kind of proxy.
    function _proxySource(address proxy) private view returns (address server, bytes32 nameHash) {
        (bool ok, bytes memory data) = proxy.staticcall(abi.encodeCall(IApi3ReaderProxyV1Source.api3ServerV1, ()));
        if (!ok || data.length != 32) return (address(0), 0);
        address source = abi.decode(data, (address));
        (ok, data) = proxy.staticcall(abi.encodeCall(IApi3ReaderProxyV1Source.dapiName, ()));
        if (!ok || data.length != 32 || source.code.length == 0) return (address(0), 0);
        return (source, keccak256(abi.encodePacked(abi.decode(data, (bytes32)))));
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

    /// @dev `value` (WAD) in millionths, after checking its bounds and that it is a whole number of millionths.
    function _toPpm(uint256 value, uint256 min, uint256 max) internal pure returns (uint32) {
        _checkBounds(value, min, max);
        if (value % (WAD / PPM) != 0) revert ParameterPrecision(value, WAD / PPM);
        return uint32(value / (WAD / PPM));
    }

    function _setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare) internal returns (uint256 dapiId) {
        if (dapiName == bytes32(0)) revert UnknownDapi(0);
        uint32 capPpm = _toPpm(capShare, 0, WAD);
        bytes32 key = keccak256(abi.encode(dapiName, chainId));
        dapiId = _dapiIds[key];
        if (dapiId == 0) {
            dapiId = ++_counters.dapiCount;
            _dapiIds[key] = dapiId;
            _dapiNames[dapiId] = dapiName;
            _dapiChainIds[dapiId] = chainId;
        }
        (_dapiStates[dapiId].capShare, _dapiStates[dapiId].registered) = (capPpm, true);
        emit DapiCapSet(dapiId, dapiName, chainId, capShare);
    }

    /// @dev How dAPI `dapiId` is judged: `heartbeat` 0 = not served by this chain's Api3ServerV1 (never judged stale);
    /// else within [1 minute, 2 days], and served here (this chain, a known server).
    function _setDapiFeed(uint256 dapiId, uint256 heartbeat, uint256 grace) internal {
        if (!_dapiStates[dapiId].registered) revert UnknownDapi(dapiId);
        if (heartbeat != 0) {
            _checkBounds(heartbeat, MIN_HEARTBEAT, MAX_HEARTBEAT);
            if (_api3Server == address(0) || _dapiChainIds[dapiId] != block.chainid) {
                revert DapiNotServedHere(dapiId, _dapiChainIds[dapiId]);
            }
        }
        _checkBounds(grace, 0, MAX_GRACE);
        (_dapiStates[dapiId].heartbeat, _dapiStates[dapiId].grace) = (uint24(heartbeat), uint24(grace));
        emit DapiFeedSet(dapiId, heartbeat, grace);
    }

    // --------------------------------------------------------------- capacity

    /// @dev Adds a new policy's coverage to the totals after checking capacity, counts it and, for a purchase
    /// (`period != 0`), prices it (the quote times `riskFactor`, in millionths, rounded up) and books the premium: one
    /// write of the packed globals. Returns the new policy count and the premium (0 when `period == 0`).
    function _addPolicyExposure(uint256 dapiId, uint256 coverageUsd, uint256 until, uint256 period, uint256 riskFactor)
        internal
        returns (uint256 count, uint256 premium)
    {
        if (coverageUsd == 0) revert ZeroCoverage();
        Exposure memory e = _exposure(dapiId);
        _checkDapiHealthy(dapiId, e.heartbeat, e.grace);
        _checkCapacity(e, dapiId, coverageUsd);
        e.activeUsd += coverageUsd;
        e.dapiActiveUsd += coverageUsd;
        uint256 week = CoverageExposure.bucketOf(until);
        uint256 perWeek;
        uint256 dust;
        if (period != 0) {
            premium = _premium(e, coverageUsd, period);
            if (riskFactor != PPM) premium = Math.mulDiv(premium, riskFactor, PPM, Math.Rounding.Ceil);
            uint256 weeks_ = week + 1 - block.timestamp / CoverageExposure.BUCKET;
            perWeek = premium / weeks_;
            dust = premium - perWeek * weeks_;
            if (perWeek != 0) _addPremiumRate(perWeek);
        }
        // The coverage in the low 128 bits (`CoverageExposure`), the premium's weekly amount in the high ones.
        _expiring[week] += coverageUsd | perWeek << 128;
        _dapiExpiring[dapiId][week] += coverageUsd;
        count = e.policyCount + 1;
        _writeExposure(e, dapiId, count, e.premiums + dust);
    }

    /// @dev Adds `perWeek` to the premium stream from next week on.
    function _addPremiumRate(uint256 perWeek) internal {
        PremiumStream memory stream = _premiumStream;
        uint256 week = block.timestamp / CoverageExposure.BUCKET;
        if (stream.week != week) {
            uint256 due = _rollPremiums(stream, week);
            if (due != 0) _premiumsDue += due;
        }
        stream.next = (stream.next + perWeek).toUint96();
        _premiumStream = stream;
    }

    /// @dev Moves `stream` to `week` (after `stream.week`) and returns the amounts of the weeks in between that were
    /// not pulled. Bounded: after its first week the rate only falls, and every policy in it leaves within
    /// `HORIZON_WEEKS + 2` weeks, so the loop stops once the rate is 0 (one step per week in normal use: the pool
    /// pulls every week).
    function _rollPremiums(PremiumStream memory stream, uint256 week) internal view returns (uint256 due) {
        if (!stream.pulled) due = stream.rate;
        uint256 rate = stream.rate + stream.next;
        for (uint256 k = stream.week + 1; rate != 0; ++k) {
            rate -= _expiring[k - 2] >> 128;
            if (k == week) break;
            due += rate;
        }
        (stream.rate, stream.next, stream.week, stream.pulled) = (uint96(rate), 0, uint32(week), false);
    }

    /// @dev Reverts with `DapiStale` while the covered dAPI is stale: its base feed older than heartbeat + grace, or
    /// unreadable, and with `DapiHasOpenIncident` while the incident registry holds an open incident of it (stale, or
    /// deviating and not voided): no coverage is sold into a failure that is already visible. A dAPI not served here
    /// (`heartbeat == 0`) is not checked.
    function _checkDapiHealthy(uint256 dapiId, uint256 heartbeat, uint256 grace) internal view {
        if (heartbeat == 0) return;
        bytes32 name = _dapiNames[dapiId];
        uint256 updatedAt;
        try IApi3ServerV1Reader(_api3Server).readDataFeedWithDapiNameHash(keccak256(abi.encodePacked(name))) returns (
            int224, uint32 timestamp
        ) {
            updatedAt = timestamp;
        } catch {}
        uint256 staleFrom = updatedAt + heartbeat + grace;
        if (block.timestamp > staleFrom) revert DapiStale(dapiId, updatedAt, staleFrom);
        IIncidentRegistry registry = _incidentRegistry;
        if (address(registry) != address(0) && registry.hasOpenIncident(name)) revert DapiHasOpenIncident(dapiId);
    }

    /// @dev Writes the packed slots whole (one SSTORE each), in the layouts of `Globals` and `DapiState`.
    function _writeExposure(Exposure memory e, uint256 dapiId, uint256 policyCount_, uint256 premiums_) internal {
        uint256 g = uint256(e.activeUsd.toUint96()) | uint256(uint32(e.week)) << 96 | uint256(policyCount_.toUint32())
            << 128 | uint256(premiums_.toUint96()) << 160;
        uint256 d = uint256(e.dapiActiveUsd.toUint128()) | uint256(uint32(e.dapiWeek)) << 128
            | uint256(uint32(e.capShare)) << 160 | e.heartbeat << 192 | e.grace << 216 | 1 << 240;
        DapiState storage dapiSlot = _dapiStates[dapiId];
        assembly ("memory-safe") {
            sstore(_globals.slot, g)
            sstore(dapiSlot.slot, d)
        }
    }

    /// @dev Reverts unless `addUsd` more coverage fits both the pool's and the dAPI's capacity, in tokens at
    /// the haircut price (coverage rounded up, capacity down).
    function _checkCapacity(Exposure memory e, uint256 dapiId, uint256 addUsd) internal view {
        uint256 unit = _tokenUnit;
        if (PriceConversion.toTokensUp(e.activeUsd + addUsd, e.capacityPrice, unit) > e.capacityTokens) {
            uint256 capUsd = PriceConversion.toUsdDown(e.capacityTokens, e.capacityPrice, unit);
            revert InsufficientCapacity(addUsd, capUsd > e.activeUsd ? capUsd - e.activeUsd : 0);
        }
        uint256 dapiCapTokens = e.capacityTokens * e.capShare / PPM;
        if (PriceConversion.toTokensUp(e.dapiActiveUsd + addUsd, e.capacityPrice, unit) > dapiCapTokens) {
            uint256 capUsd = PriceConversion.toUsdDown(dapiCapTokens, e.capacityPrice, unit);
            revert InsufficientDapiCapacity(dapiId, addUsd, capUsd > e.dapiActiveUsd ? capUsd - e.dapiActiveUsd : 0);
        }
    }

    /// @dev The premium of raising active coverage from `e.activeUsd - coverageUsd` to `e.activeUsd` for
    /// `period`: the pricing curve's integral over that interval of utilization (coverage over capacity, both in
    /// USD, capacity at the haircut price), so a purchase split in parts pays at least as much as in one piece (each
    /// part pays its own interval, rounded up). Tokens = integral * period / (1 year * WAD) / price, rounded up.
    function _premium(Exposure memory e, uint256 coverageUsd, uint256 period) internal view returns (uint256) {
        PremiumCurve.Params memory curve = _curveParams();
        uint256 capacityUsd = PriceConversion.toUsdDown(e.capacityTokens, e.capacityPrice, _tokenUnit);
        uint256 cost = PremiumCurve.cumulative(curve, e.activeUsd, capacityUsd)
            - PremiumCurve.cumulative(curve, e.activeUsd - coverageUsd, capacityUsd);
        uint256 scale = period * _tokenUnit;
        uint256 divisor = PremiumCurve.YEAR * WAD * e.price;
        // Plain arithmetic when the product fits (always, for coverage below 2^96 USD units and 18 decimals).
        if (cost <= type(uint256).max / scale) return Math.ceilDiv(cost * scale, divisor);
        return Math.mulDiv(cost, scale, divisor, Math.Rounding.Ceil);
    }

    /// @dev Reads the packed slots whole (one SLOAD each; the struct layouts are in `Globals` and `DapiState`).
    function _exposure(uint256 dapiId) internal view returns (Exposure memory e) {
        DapiState storage dapiSlot = _dapiStates[dapiId];
        uint256 d;
        uint256 g;
        assembly ("memory-safe") {
            d := sload(dapiSlot.slot)
            g := sload(_globals.slot)
        }
        // DapiState: activeUsd 0-127, nextWeek 128-159, capShare 160-191, heartbeat 192-215, grace 216-239,
        // registered 240-247.
        if ((d >> 240) & 0xff == 0) revert UnknownDapi(dapiId);
        // Globals: activeUsd 0-95, nextWeek 96-127, policyCount 128-159, premiums 160-255.
        (e.policyCount, e.premiums) = (uint32(g >> 128), g >> 160);
        (e.activeUsd, e.week) =
            CoverageExposure.roll(uint96(g), uint32(g >> 96), _expiring, block.timestamp, HORIZON_WEEKS);
        (e.dapiActiveUsd, e.dapiWeek) =
            CoverageExposure.roll(uint128(d), uint32(d >> 128), _dapiExpiring[dapiId], block.timestamp, HORIZON_WEEKS);
        (e.capShare, e.heartbeat, e.grace) = (uint32(d >> 160), uint24(d >> 192), uint24(d >> 216));
        HotParams memory hot = _hot;
        e.price = _checkedPrice(hot.maxPriceAge);
        e.capacityPrice = e.price * (PPM - hot.priceHaircut) / PPM;
        e.capacityTokens = _pool.stayingStake() * hot.collateralizationRatio / PPM;
    }

    /// @dev The pricing curve, read in one SLOAD (`PremiumCurve.Params`: four uint64 from the low bits).
    function _curveParams() internal view returns (PremiumCurve.Params memory c) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_curve.slot)
        }
        c = PremiumCurve.Params(uint64(w), uint64(w >> 64), uint64(w >> 128), uint64(w >> 192));
    }

    function _price() internal view returns (uint256) {
        return _checkedPrice(_hot.maxPriceAge);
    }

    /// @dev The pool token's price (see `_readPrice`), refused when not positive or older than `maxAge`.
    function _checkedPrice(uint256 maxAge) internal view returns (uint256) {
        (int224 value, uint32 timestamp) = _readPrice();
        return PriceConversion.check(value, timestamp, maxAge);
    }

    /// @dev The pool token's price as last updated: the price dAPI's base feed in Api3ServerV1, or the proxy's value for
    /// a proxy of another kind. Reverts if the dAPI is not set or never updated.
    function _readPrice() internal view returns (int224 value, uint32 timestamp) {
        address server = _api3Server;
        if (server != address(0)) return IApi3ServerV1Reader(server).readDataFeedWithDapiNameHash(_priceDapiNameHash);
        return _priceFeed.read();
    }

    // ---------------------------------------------------------------- policies

    /// @dev Stores a new policy (`count` from `_addPolicyExposure`) and returns its id, which encodes its terms.
    function _storePolicy(
        uint256 count,
        address claimant,
        uint256 from,
        uint256 until,
        uint256 dapiId,
        uint256 coverageUsd
    ) internal returns (uint256 policyId) {
        if (coverageUsd > MAX_POLICY_COVERAGE) revert ValueOverflow(coverageUsd, MAX_POLICY_COVERAGE);
        // count < 2^32 (`_writeExposure`) and dapiId < 2^32 (a registered id).
        policyId = count << 192 | uint256(from.toUint32()) << 160 | uint256(until.toUint32()) << 128 | dapiId << 96
            | coverageUsd;
        _policyStates[policyId] = uint256(uint160(claimant)) | coverageUsd << 160;
    }

    /// @dev The claimant of a policy (zero if `policyId` is no policy).
    function _claimantOf(uint256 policyId) internal view returns (address) {
        return address(uint160(_policyStates[policyId]));
    }

    /// @dev The policy `policyId` (all zero if none) and its state slot.
    function _policyOf(uint256 policyId) internal view returns (Policy memory p, uint256 state) {
        state = _policyStates[policyId];
        if (state == 0) return (p, 0);
        uint256 terms = state & POLICY_CHANGED == 0 ? policyId : _policyChanges[policyId];
        p = Policy({
            claimant: address(uint160(state)),
            claimsAllowedFrom: uint32(policyId >> 160),
            claimsAllowedUntil: uint32(terms >> 128),
            dapiId: uint32(policyId >> 96),
            coverageUsd: uint96(terms),
            claimedUsd: uint96(terms) - uint96((state >> 160) & MAX_POLICY_COVERAGE)
        });
    }

    /// @dev Gives back to its policy what an open claim reserved (`releaseUsd`, all or the part not paid), and takes
    /// the claim's whole amount out of the open exposure; `owedTokens` more are now owed (paid in tranches).
    function _closeReservation(uint256 claimId, uint256 reservedUsd, uint256 releaseUsd, uint256 owedTokens) internal {
        if (releaseUsd != 0) _policyStates[claimId & POLICY_ID_MASK] += releaseUsd << 160;
        Counters memory counters = _counters;
        counters.openUsd -= uint96(reservedUsd);
        counters.owedTokens = (counters.owedTokens + owedTokens).toUint96();
        _counters = counters;
    }

    /// @dev Pending rewards split: the treasury's premiums to the treasury (to the stakers while there is none),
    /// forfeited bonds to the stakers.
    function _pendingSplit() internal view returns (uint256 toStakers, uint256 toTreasury) {
        uint256 premiums = _globals.premiums;
        if (_treasury != address(0)) toTreasury = premiums;
        else toStakers = premiums;
        toStakers += _forfeitedBonds;
    }

    function _quotaShare(address payer) internal view returns (uint256) {
        uint256 stored = _quotaShares[payer];
        return stored == 0 ? DEFAULT_PAYOUT_QUOTA_SHARE : stored - 1;
    }

    // ---------------------------------------------------------------- payouts

    /// @dev What a claim on policy `policyId` for an incident at `incidentAt` may ask: the policy's `remaining`
    /// coverage, if the incident lies in its cover (from its start plus the waiting period until now, within its
    /// period); for an incident before an upgrade's added coverage has waited the waiting period, only the coverage
    /// (and the period) from before that upgrade.
    function _claimable(
        uint256 policyId,
        bool changed,
        uint256 terms,
        uint256 remaining,
        uint256 incidentAt,
        uint256 waitingPeriod
    ) internal view returns (uint256) {
        uint256 coverFrom = uint32(policyId >> 160) + waitingPeriod;
        if (incidentAt < coverFrom || incidentAt > block.timestamp) {
            revert IncidentOutsideCover(policyId, incidentAt, coverFrom, block.timestamp);
        }
        if (!changed) return remaining;
        uint256 upgrade = _policyUpgrades[policyId];
        uint256 upgradedAt = uint32(upgrade);
        if (upgradedAt == 0 || incidentAt >= upgradedAt + waitingPeriod) return remaining;
        uint256 untilBefore = uint32(upgrade >> 32);
        if (incidentAt > untilBefore) revert IncidentOutsideCover(policyId, incidentAt, coverFrom, untilBefore);
        // A downgrade after the upgrade may have gone below the coverage before it: then nothing added remains.
        uint256 coverage = uint96(terms);
        uint256 before = uint96(upgrade >> 64);
        uint256 added = coverage > before ? coverage - before : 0;
        return remaining > added ? remaining - added : 0;
    }

    /// @dev Makes claim `claimId` final with a payout of `usd` (at most the amount it reserved) decided by `payer`.
    /// The policy gets back the part of the reservation not paid; the payout is fixed in tokens at the current price
    /// (rounded down), capped so that the total owed never exceeds the stake, and paid now as far as `payer`'s quota
    /// and the pool's cap allow, unless older payouts of `payer` wait (first in, first out); the rest is owed and
    /// paid in tranches (`payTranche`). The bond goes back to the claimant. The caller has set the final status.
    /// @return tokens The payout in tokens. @return paid The part paid now.
    function _settle(uint256 claimId, ClaimRecord storage c, uint256 usd, address payer)
        internal
        returns (uint256 tokens, uint256 paid)
    {
        uint256 reserved = c.amountUsd;
        tokens = PriceConversion.toTokensDown(usd, _price(), _tokenUnit);
        QuotaWindow.Quota memory quota = _quotas[payer];
        uint256 owedBefore = _counters.owedTokens;
        (uint256 room,, uint256 stake) = _payoutRoomAndStake(payer, quota);
        if (owedBefore + tokens > stake) tokens = stake > owedBefore ? stake - owedBefore : 0;
        if (quota.queued == 0) paid = Math.min(tokens, room);
        uint256 owed = tokens - paid;
        _closeReservation(claimId, reserved, reserved - usd, owed);
        if (paid != 0) quota.record(paid, block.timestamp);
        if (owed != 0) {
            c.owedTokens = uint104(owed);
            PayoutQueue storage queue = _payoutQueues[payer];
            uint64 tail = queue.tail;
            _queuedClaims[payer][tail] = claimId;
            queue.tail = tail + 1;
            ++quota.queued;
            emit PayoutOwed(claimId, payer, tokens, owed);
        }
        if (paid != 0 || owed != 0) _quotas[payer] = quota;
        address claimant = _claimantOf(claimId & POLICY_ID_MASK);
        if (paid != 0) _pool.payOutClaim(claimant, paid);
        uint256 bond = c.bond;
        if (bond != 0) _token.safeTransfer(claimant, bond);
    }

    /// @dev What `payer` may pay now (its quota's room and the pool's cap's, the smaller), the earliest time it may
    /// pay again when that is nothing, and the total stake.
    function _payoutRoomAndStake(address payer, QuotaWindow.Quota memory quota)
        internal
        view
        returns (uint256 room, uint256 nextRoomAt, uint256 stake)
    {
        uint256 poolRoom;
        (stake, poolRoom) = _pool.payoutRoom();
        // `customShare` is set exactly when `_quotaShares[payer]` is: a default payer reads one slot.
        uint256 share = quota.customShare ? _quotaShares[payer] - 1 : DEFAULT_PAYOUT_QUOTA_SHARE;
        uint256 limit = stake * share / WAD;
        uint256 quotaRoom = quota.available(block.timestamp, limit);
        room = Math.min(quotaRoom, poolRoom);
        if (room != 0) return (room, 0, stake);
        nextRoomAt = quotaRoom == 0
            ? quota.nextRoomAt(block.timestamp, limit)
            : (block.timestamp / QuotaWindow.WINDOW + 1) * QuotaWindow.WINDOW;
    }
}
