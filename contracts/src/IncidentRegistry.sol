// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IApi3ServerV1Reader} from "./interfaces/IApi3ServerV1Reader.sol";
import {IIncidentRegistry} from "./interfaces/IIncidentRegistry.sol";
import {ISequencerUptimeFeed} from "./interfaces/ISequencerUptimeFeed.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title IncidentRegistry
/// @notice Records stale and deviation incidents of dAPIs, proven on-chain against Api3ServerV1 and API3 signed data,
/// under versioned definitions the DAO's primary agent governs. The specification is `IIncidentRegistry`.
/// @dev Every report is O(1): at most `MAX_REFERENCES` signed values, one slot of per-dAPI state (the current
/// definition's terms live beside the counters), one incident slot, one reference slot per signed value, the bounty
/// slot and the reporter's earnings slot. Reports make only static external calls (Api3ServerV1, the sequencer feed),
/// so they need no reentrancy guard; `claimBounties` writes before it transfers.
contract IncidentRegistry is IIncidentRegistry {
    using SafeCast for uint256;
    using SafeERC20 for IERC20;

    /// @notice The most references a definition holds.
    uint256 public constant MAX_REFERENCES = 7;
    /// @notice How far ahead of the block a signed timestamp may be, in seconds.
    uint256 public constant MAX_SIGNED_AHEAD = 60;
    /// @notice Lower bound of `heartbeat`, in seconds (the claims manager's dAPI heartbeat has the same bounds).
    uint256 public constant MIN_HEARTBEAT = 1 minutes;
    /// @notice Upper bound of `heartbeat`, in seconds.
    uint256 public constant MAX_HEARTBEAT = 2 days;
    /// @notice Upper bound of `grace`, in seconds.
    uint256 public constant MAX_GRACE = 1 days;
    /// @notice Lower bound of `deviationThresholdBps` (0.5%).
    uint256 public constant MIN_DEVIATION_THRESHOLD_BPS = 50;
    /// @notice Upper bound of `deviationThresholdBps` (50%).
    uint256 public constant MAX_DEVIATION_THRESHOLD_BPS = 5000;
    /// @notice Lower bound of `confirmationGap`, in seconds.
    uint256 public constant MIN_CONFIRMATION_GAP = 1 minutes;
    /// @notice Upper bound of `confirmationGap`, in seconds.
    uint256 public constant MAX_CONFIRMATION_GAP = 1 days;
    /// @notice Lower bound of `challengeWindow`, in seconds.
    uint256 public constant MIN_CHALLENGE_WINDOW = 1 hours;
    /// @notice Upper bound of `challengeWindow`, in seconds.
    uint256 public constant MAX_CHALLENGE_WINDOW = 7 days;
    /// @notice Lower bound of `deviationOpenPeriod`, in seconds (it is never below `confirmationGap` either). It equals
    /// `MAX_REPORT_INTERVAL`, so an unconfirmed incident can always be confirmed before it lapses.
    uint256 public constant MIN_DEVIATION_OPEN_PERIOD = 1 hours;
    /// @notice Upper bound of `deviationOpenPeriod`, in seconds.
    uint256 public constant MAX_DEVIATION_OPEN_PERIOD = 7 days;
    /// @notice Upper bound of `sequencerGrace`, in seconds.
    uint256 public constant MAX_SEQUENCER_GRACE = 1 days;
    /// @notice Lower bound of `minReportInterval`, in seconds.
    uint256 public constant MIN_REPORT_INTERVAL = 1 minutes;
    /// @notice Upper bound of `minReportInterval`, in seconds.
    uint256 public constant MAX_REPORT_INTERVAL = 1 hours;
    /// @notice `maxBounty()` in whole tokens.
    uint256 public constant MAX_BOUNTY_TOKENS = 100;
    /// @notice The minimum report interval until governance sets one.
    uint256 public constant DEFAULT_REPORT_INTERVAL = 10 minutes;
    /// @notice The most decimals the token may have (so that `maxBounty()` fits the bounty's 96 bits).
    uint256 public constant MAX_TOKEN_DECIMALS = 26;

    uint256 private constant BPS = 10_000;

    /// @dev A dAPI's counters and its current definition's terms, in one slot (every report reads it once; new
    /// incidents write it once). Version 0: no definition.
    struct DapiState {
        uint32 version;
        uint24 incidentCount;
        uint24 lastStaleId;
        uint24 lastDeviationId;
        uint24 heartbeat;
        uint24 grace;
        uint16 deviationThresholdBps;
        uint24 confirmationGap;
        uint24 challengeWindow;
        uint24 deviationOpenPeriod;
        uint8 quorum;
        bool hasSequencerFeed;
    }

    /// @dev One definition version as stored for `definition` and the sequencer check. The template id of each
    /// reference is in `_templateIds`, keyed by airnode.
    struct StoredDefinition {
        uint24 heartbeat;
        uint24 grace;
        uint16 deviationThresholdBps;
        uint24 confirmationGap;
        uint24 challengeWindow;
        uint24 deviationOpenPeriod;
        uint8 quorum;
        address sequencerUptimeFeed;
        uint32 sequencerGrace;
        address[] airnodes;
    }

    /// @dev The bounty, the minimum interval between an incident's reports and the bounty funds not yet earned, in one
    /// slot (a report reads it once and writes it once when it earns a bounty).
    struct BountyParams {
        uint96 amount;
        uint32 minReportInterval;
        uint128 funds;
    }

    address private immutable _api3ServerV1;
    IERC20 private immutable _token;
    uint256 private immutable _maxBounty;

    mapping(bytes32 dapiName => DapiState) internal _dapis;
    mapping(bytes32 dapiName => mapping(uint256 version => StoredDefinition)) internal _definitions;
    mapping(bytes32 dapiName => mapping(uint256 version => mapping(address airnode => bytes32 templateId))) internal
        _templateIds;
    mapping(bytes32 dapiName => mapping(uint256 incidentId => Incident)) internal _incidents;
    BountyParams internal _bounty;
    mapping(address reporter => uint256 amount) internal _earned;
    address internal _primaryAgent;
    address internal _mediator;

    /// @param api3ServerV1_ This chain's Api3ServerV1, whose dAPIs are judged.
    /// @param token_ The pool token bounties are paid in.
    /// @param primaryAgent_ The primary agent (the DAO's primary Timelock; a deployer configuring first hands it over).
    /// @param mediator_ The mediator who can void deviation incidents (zero: nobody yet).
    constructor(address api3ServerV1_, IERC20 token_, address primaryAgent_, address mediator_) {
        if (api3ServerV1_ == address(0) || address(token_) == address(0) || primaryAgent_ == address(0)) {
            revert ZeroAddress();
        }
        _api3ServerV1 = api3ServerV1_;
        _token = token_;
        uint256 decimals = IERC20Metadata(address(token_)).decimals();
        _check("decimals", decimals, 0, MAX_TOKEN_DECIMALS);
        _maxBounty = MAX_BOUNTY_TOKENS * 10 ** decimals;
        _primaryAgent = primaryAgent_;
        _mediator = mediator_;
        _bounty = BountyParams(0, uint32(DEFAULT_REPORT_INTERVAL), 0);
        emit PrimaryAgentSet(primaryAgent_);
        emit MediatorSet(mediator_);
        emit BountySet(0, DEFAULT_REPORT_INTERVAL);
    }

    // ---------------------------------------------------------------- reports

    /// @inheritdoc IIncidentRegistry
    function reportStale(bytes32 dapiName) external returns (uint256 incidentId) {
        DapiState memory state = _dapis[dapiName];
        if (state.version == 0) revert UnknownDefinition(dapiName, 0);
        uint256 resumedAt = state.hasSequencerFeed ? _checkSequencer(dapiName, state.version) : 0;
        (, uint256 updatedAt) = _readFeed(dapiName);
        uint256 staleFrom = updatedAt + state.heartbeat + state.grace;
        if (block.timestamp <= staleFrom) revert FeedNotStale(dapiName, updatedAt, staleFrom);

        Incident memory record;
        incidentId = state.lastStaleId;
        if (incidentId != 0) record = _incidents[dapiName][incidentId];
        if (incidentId != 0 && record.feedUpdatedAt == updatedAt) {
            // The outage already recorded: extend it.
            uint256 allowedAt = uint256(record.lastProvenAt) + _bounty.minReportInterval;
            if (block.timestamp < allowedAt) revert ReportTooSoon(dapiName, incidentId, allowedAt);
            record.lastProvenAt = uint32(block.timestamp);
        } else {
            incidentId = _newIncidentId(dapiName, state, IncidentKind.Stale);
            record = Incident({
                kind: IncidentKind.Stale,
                definitionVersion: state.version,
                startedAt: uint32(Math.max(staleFrom, resumedAt)),
                lastProvenAt: uint32(block.timestamp),
                payableAt: uint32(block.timestamp),
                feedUpdatedAt: uint32(updatedAt),
                deviationBps: 0,
                lastSignedAt: 0,
                voided: false
            });
        }
        _incidents[dapiName][incidentId] = record;
        _earnBounty(dapiName, incidentId, record);
    }

    /// @inheritdoc IIncidentRegistry
    function reportDeviation(bytes32 dapiName, SignedValue[] calldata signedValues)
        external
        returns (uint256 incidentId)
    {
        DapiState memory state = _dapis[dapiName];
        if (state.version == 0) revert UnknownDefinition(dapiName, 0);
        if (state.quorum == 0) revert DeviationNotJudged(dapiName);
        if (state.hasSequencerFeed) _checkSequencer(dapiName, state.version);
        (int256 value, uint256 updatedAt) = _readFeed(dapiName);

        incidentId = state.lastDeviationId;
        (Incident memory record, bool continues) = _latestDeviation(dapiName, incidentId, state);
        // No signed value serves two reports: each must be newer than the feed and than the last report's newest.
        (int256 median, uint256 newest) =
            _verifiedMedian(dapiName, state, signedValues, Math.max(updatedAt, record.lastSignedAt));
        uint256 deviation = _deviationBps(dapiName, value, median, state.deviationThresholdBps);

        if (continues) {
            if (record.payableAt == 0) record.payableAt = uint32(block.timestamp + state.challengeWindow);
            record.lastProvenAt = uint32(block.timestamp);
            record.lastSignedAt = uint32(newest);
            if (deviation < record.deviationBps) record.deviationBps = uint32(deviation);
        } else {
            incidentId = _newIncidentId(dapiName, state, IncidentKind.Deviation);
            record = Incident({
                kind: IncidentKind.Deviation,
                definitionVersion: state.version,
                startedAt: uint32(block.timestamp),
                lastProvenAt: uint32(block.timestamp),
                payableAt: 0,
                feedUpdatedAt: uint32(updatedAt),
                deviationBps: uint32(deviation),
                lastSignedAt: uint32(newest),
                voided: false
            });
        }
        _incidents[dapiName][incidentId] = record;
        _earnBounty(dapiName, incidentId, record);
    }

    /// @inheritdoc IIncidentRegistry
    function voidIncident(bytes32 dapiName, uint256 incidentId, string calldata reasonURI) external {
        if (msg.sender != _mediator) revert Unauthorized(msg.sender, _mediator);
        Incident storage record = _existing(dapiName, incidentId);
        if (record.kind != IncidentKind.Deviation) revert StaleIncidentNotVoidable(dapiName, incidentId);
        if (record.voided) revert IncidentAlreadyVoided(dapiName, incidentId);
        uint256 payableAt = record.payableAt;
        if (payableAt != 0 && block.timestamp >= payableAt) {
            revert ChallengeWindowOver(dapiName, incidentId, payableAt);
        }
        record.voided = true;
        emit IncidentVoided(dapiName, incidentId, msg.sender, reasonURI);
    }

    // --------------------------------------------------------------- bounties

    /// @inheritdoc IIncidentRegistry
    function fundBounties(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        _token.safeTransferFrom(msg.sender, address(this), amount);
        _bounty.funds = (uint256(_bounty.funds) + amount).toUint128();
        emit BountiesFunded(msg.sender, amount);
    }

    /// @inheritdoc IIncidentRegistry
    function claimBounties(address to) external returns (uint256 amount) {
        if (to == address(0)) revert ZeroAddress();
        amount = _earned[msg.sender];
        if (amount == 0) revert NoBountyEarned(msg.sender);
        delete _earned[msg.sender];
        _token.safeTransfer(to, amount);
        emit BountiesClaimed(msg.sender, to, amount);
    }

    // ------------------------------------------------------------- governance

    /// @inheritdoc IIncidentRegistry
    function setIncidentDefinition(bytes32 dapiName, IncidentDefinition calldata definition_)
        external
        returns (uint256 version)
    {
        _onlyPrimaryAgent();
        if (dapiName == bytes32(0)) revert ZeroDapiName();
        _checkTerms(definition_);
        DapiState storage state = _dapis[dapiName];
        version = uint256(state.version) + 1;
        StoredDefinition storage stored = _definitions[dapiName][version];
        stored.heartbeat = uint24(definition_.heartbeat);
        stored.grace = uint24(definition_.grace);
        stored.deviationThresholdBps = uint16(definition_.deviationThresholdBps);
        stored.confirmationGap = uint24(definition_.confirmationGap);
        stored.challengeWindow = uint24(definition_.challengeWindow);
        stored.deviationOpenPeriod = uint24(definition_.deviationOpenPeriod);
        stored.quorum = uint8(definition_.quorum);
        stored.sequencerUptimeFeed = definition_.sequencerUptimeFeed;
        stored.sequencerGrace = uint32(definition_.sequencerGrace);
        mapping(address airnode => bytes32 templateId) storage templates = _templateIds[dapiName][version];
        Reference[] calldata references = definition_.references;
        for (uint256 i; i < references.length; ++i) {
            address airnode = references[i].airnode;
            if (airnode == address(0) || references[i].templateId == bytes32(0)) revert InvalidReference(i);
            if (i != 0) _checkAscending(i, airnode, references[i - 1].airnode);
            stored.airnodes.push(airnode);
            templates[airnode] = references[i].templateId;
        }
        state.version = uint32(version);
        state.heartbeat = stored.heartbeat;
        state.grace = stored.grace;
        state.deviationThresholdBps = stored.deviationThresholdBps;
        state.confirmationGap = stored.confirmationGap;
        state.challengeWindow = stored.challengeWindow;
        state.deviationOpenPeriod = stored.deviationOpenPeriod;
        state.quorum = stored.quorum;
        state.hasSequencerFeed = definition_.sequencerUptimeFeed != address(0);
        emit IncidentDefinitionSet(dapiName, version, definition_);
    }

    /// @inheritdoc IIncidentRegistry
    function setBounty(uint256 amount, uint256 minReportInterval) external {
        _onlyPrimaryAgent();
        _check("bounty", amount, 0, _maxBounty);
        _check("minReportInterval", minReportInterval, MIN_REPORT_INTERVAL, MAX_REPORT_INTERVAL);
        (_bounty.amount, _bounty.minReportInterval) = (uint96(amount), uint32(minReportInterval));
        emit BountySet(amount, minReportInterval);
    }

    /// @inheritdoc IIncidentRegistry
    function setMediator(address mediator_) external {
        _onlyPrimaryAgent();
        _mediator = mediator_;
        emit MediatorSet(mediator_);
    }

    /// @inheritdoc IIncidentRegistry
    function setPrimaryAgent(address primaryAgent_) external {
        _onlyPrimaryAgent();
        if (primaryAgent_ == address(0)) revert ZeroAddress();
        _primaryAgent = primaryAgent_;
        emit PrimaryAgentSet(primaryAgent_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IIncidentRegistry
    function definitionVersion(bytes32 dapiName) external view returns (uint256) {
        return _dapis[dapiName].version;
    }

    /// @inheritdoc IIncidentRegistry
    function definition(bytes32 dapiName, uint256 version) external view returns (IncidentDefinition memory d) {
        if (version == 0 || version > _dapis[dapiName].version) revert UnknownDefinition(dapiName, version);
        StoredDefinition storage stored = _definitions[dapiName][version];
        d.heartbeat = stored.heartbeat;
        d.grace = stored.grace;
        d.deviationThresholdBps = stored.deviationThresholdBps;
        d.confirmationGap = stored.confirmationGap;
        d.challengeWindow = stored.challengeWindow;
        d.deviationOpenPeriod = stored.deviationOpenPeriod;
        d.quorum = stored.quorum;
        d.sequencerUptimeFeed = stored.sequencerUptimeFeed;
        d.sequencerGrace = stored.sequencerGrace;
        uint256 count = stored.airnodes.length;
        d.references = new Reference[](count);
        for (uint256 i; i < count; ++i) {
            address airnode = stored.airnodes[i];
            d.references[i] = Reference(airnode, _templateIds[dapiName][version][airnode]);
        }
    }

    /// @inheritdoc IIncidentRegistry
    function incident(bytes32 dapiName, uint256 incidentId) external view returns (Incident memory) {
        return _existing(dapiName, incidentId);
    }

    /// @inheritdoc IIncidentRegistry
    function incidentCount(bytes32 dapiName) external view returns (uint256) {
        return _dapis[dapiName].incidentCount;
    }

    /// @inheritdoc IIncidentRegistry
    function latestIncidentIds(bytes32 dapiName) external view returns (uint256 staleId, uint256 deviationId) {
        DapiState storage state = _dapis[dapiName];
        return (state.lastStaleId, state.lastDeviationId);
    }

    /// @inheritdoc IIncidentRegistry
    function hasOpenIncident(bytes32 dapiName) external view returns (bool) {
        DapiState memory state = _dapis[dapiName];
        if (state.lastStaleId != 0) {
            uint256 outage = _incidents[dapiName][state.lastStaleId].feedUpdatedAt;
            try IApi3ServerV1Reader(_api3ServerV1)
                .readDataFeedWithDapiNameHash(keccak256(abi.encodePacked(dapiName))) returns (
                int224, uint32 updatedAt
            ) {
                if (updatedAt == outage) return true;
            } catch {
                return true;
            }
        }
        if (state.lastDeviationId != 0) {
            Incident memory record = _incidents[dapiName][state.lastDeviationId];
            uint256 openPeriod = _definitions[dapiName][record.definitionVersion].deviationOpenPeriod;
            if (!record.voided && block.timestamp <= uint256(record.lastProvenAt) + openPeriod) return true;
        }
        return false;
    }

    /// @inheritdoc IIncidentRegistry
    function bounty() external view returns (uint256 amount, uint256 minReportInterval) {
        BountyParams memory bounty_ = _bounty;
        return (bounty_.amount, bounty_.minReportInterval);
    }

    /// @inheritdoc IIncidentRegistry
    function bountyFunds() external view returns (uint256) {
        return _bounty.funds;
    }

    /// @inheritdoc IIncidentRegistry
    function earnedBounties(address reporter) external view returns (uint256) {
        return _earned[reporter];
    }

    /// @inheritdoc IIncidentRegistry
    function maxBounty() external view returns (uint256) {
        return _maxBounty;
    }

    /// @inheritdoc IIncidentRegistry
    function primaryAgent() external view returns (address) {
        return _primaryAgent;
    }

    /// @inheritdoc IIncidentRegistry
    function mediator() external view returns (address) {
        return _mediator;
    }

    /// @inheritdoc IIncidentRegistry
    function api3ServerV1() external view returns (address) {
        return _api3ServerV1;
    }

    /// @inheritdoc IIncidentRegistry
    function token() external view returns (address) {
        return address(_token);
    }

    // ---------------------------------------------------------------- internal

    /// @dev The dAPI's base feed on Api3ServerV1: its value and `updatedAt`, or `FeedUnreadable`.
    function _readFeed(bytes32 dapiName) internal view returns (int256 value, uint256 updatedAt) {
        try IApi3ServerV1Reader(_api3ServerV1)
            .readDataFeedWithDapiNameHash(keccak256(abi.encodePacked(dapiName))) returns (
            int224 feedValue, uint32 timestamp
        ) {
            return (feedValue, timestamp);
        } catch {
            revert FeedUnreadable(dapiName);
        }
    }

    /// @dev The dAPI's latest deviation incident `incidentId` (empty if 0) and whether a report now continues it (not
    /// voided, same definition version, last proof within the open period); reverts with `ReportTooSoon` when it
    /// would, but before the confirmation gap or the minimum report interval.
    function _latestDeviation(bytes32 dapiName, uint256 incidentId, DapiState memory state)
        internal
        view
        returns (Incident memory record, bool continues)
    {
        if (incidentId == 0) return (record, false);
        record = _incidents[dapiName][incidentId];
        continues = !record.voided && record.definitionVersion == state.version
            && block.timestamp <= uint256(record.lastProvenAt) + state.deviationOpenPeriod;
        if (continues) {
            uint256 allowedAt = uint256(record.lastProvenAt) + _bounty.minReportInterval;
            if (record.payableAt == 0) {
                allowedAt = Math.max(allowedAt, uint256(record.startedAt) + state.confirmationGap);
            }
            if (block.timestamp < allowedAt) revert ReportTooSoon(dapiName, incidentId, allowedAt);
        }
    }

    /// @dev Counts a new incident of `kind` for the dAPI (whose state was read into `state`) and returns its id.
    function _newIncidentId(bytes32 dapiName, DapiState memory state, IncidentKind kind) internal returns (uint256 id) {
        id = uint256(state.incidentCount) + 1;
        DapiState storage stored = _dapis[dapiName];
        stored.incidentCount = id.toUint24();
        if (kind == IncidentKind.Stale) stored.lastStaleId = uint24(id);
        else stored.lastDeviationId = uint24(id);
    }

    /// @dev Reverts while the definition's sequencer feed reports the sequencer down (or cannot be read, or was
    /// never initialized) and during its grace after it came back; returns when that grace ended.
    function _checkSequencer(bytes32 dapiName, uint256 version) internal view returns (uint256 resumedAt) {
        StoredDefinition storage stored = _definitions[dapiName][version];
        address feed = stored.sequencerUptimeFeed;
        uint256 grace = stored.sequencerGrace;
        uint256 upSince;
        try ISequencerUptimeFeed(feed).latestRoundData() returns (
            uint80, int256 answer, uint256 startedAt, uint256, uint80
        ) {
            if (answer != 0 || startedAt == 0) revert SequencerDown(feed);
            upSince = startedAt;
        } catch {
            revert SequencerDown(feed);
        }
        resumedAt = upSince + grace;
        if (block.timestamp <= resumedAt) revert SequencerGracePeriod(feed, resumedAt);
    }

    /// @dev Checks `signedValues` against the current definition (quorum, order, references, timestamps, values,
    /// signatures) and returns their median and newest timestamp. Insertion sort: at most `MAX_REFERENCES` values
    /// get through (an eighth would repeat or be unknown).
    function _verifiedMedian(
        bytes32 dapiName,
        DapiState memory state,
        SignedValue[] calldata signedValues,
        uint256 mustBeAfter
    ) internal view returns (int256 median, uint256 newest) {
        uint256 count = signedValues.length;
        if (count < state.quorum) revert TooFewReferences(count, state.quorum);
        mapping(address airnode => bytes32 templateId) storage templates = _templateIds[dapiName][state.version];
        uint256 latestAllowed = block.timestamp + MAX_SIGNED_AHEAD;
        int256[] memory values = new int256[](count);
        address previous;
        for (uint256 i; i < count; ++i) {
            SignedValue calldata signed = signedValues[i];
            address airnode = signed.airnode;
            if (i != 0) _checkAscending(i, airnode, previous);
            previous = airnode;
            bytes32 templateId = signed.templateId;
            if (templateId == bytes32(0) || templates[airnode] != templateId) {
                revert UnknownReference(airnode, templateId);
            }
            uint256 timestamp = signed.timestamp;
            if (timestamp <= mustBeAfter) revert SignedDataTooOld(airnode, timestamp, mustBeAfter);
            if (timestamp > latestAllowed) revert SignedDataFromFuture(airnode, timestamp, latestAllowed);
            int256 value = signed.value;
            if (value < type(int224).min || value > type(int224).max) revert SignedValueOutOfRange(airnode, value);
            bytes32 digest =
                MessageHashUtils.toEthSignedMessageHash(keccak256(abi.encodePacked(templateId, timestamp, value)));
            if (!_signedBy(digest, signed.signature, airnode)) revert BadSignature(airnode);
            if (timestamp > newest) newest = timestamp;
            uint256 j = i;
            while (j != 0 && values[j - 1] > value) {
                values[j] = values[j - 1];
                --j;
            }
            values[j] = value;
        }
        uint256 middle = count / 2;
        median = count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /// @dev Whether the 65-byte `signature` recovers to `airnode` for `digest` (OpenZeppelin's checks: low `s`,
    /// `v` of 27 or 28).
    function _signedBy(bytes32 digest, bytes calldata signature, address airnode) internal pure returns (bool) {
        if (signature.length != 65) return false;
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        (address signer, ECDSA.RecoverError error,) = ECDSA.tryRecover(digest, v, r, s);
        return error == ECDSA.RecoverError.NoError && signer == airnode;
    }

    /// @dev The deviation of `value` from `median` in basis points of `|median|`, rounded up (`type(uint32).max` for a
    /// zero median or beyond); reverts with `FeedNotDeviating` unless it exceeds `thresholdBps`.
    function _deviationBps(bytes32 dapiName, int256 value, int256 median, uint256 thresholdBps)
        internal
        pure
        returns (uint256)
    {
        uint256 difference = _abs(value - median);
        uint256 base = _abs(median);
        if (difference * BPS <= thresholdBps * base) revert FeedNotDeviating(dapiName, value, median, thresholdBps);
        if (base == 0) return type(uint32).max;
        return Math.min(Math.ceilDiv(difference * BPS, base), type(uint32).max);
    }

    /// @dev Credits the reporter with the bounty, or with the funds left if they are less, and emits the report. No
    /// token moves (the reporter withdraws with `claimBounties`): a report's only external calls are static reads.
    function _earnBounty(bytes32 dapiName, uint256 incidentId, Incident memory record) internal {
        BountyParams memory params = _bounty;
        uint256 earned = Math.min(params.amount, params.funds);
        if (earned != 0) {
            _bounty.funds = uint128(params.funds - earned);
            _earned[msg.sender] += earned;
        }
        emit IncidentReported(dapiName, incidentId, msg.sender, record, earned);
    }

    /// @dev Reverts unless the terms of `d` are within their bounds (the references themselves are checked as they are
    /// stored).
    function _checkTerms(IncidentDefinition calldata d) internal pure {
        _check("heartbeat", d.heartbeat, MIN_HEARTBEAT, MAX_HEARTBEAT);
        _check("grace", d.grace, 0, MAX_GRACE);
        _check(
            "deviationThresholdBps", d.deviationThresholdBps, MIN_DEVIATION_THRESHOLD_BPS, MAX_DEVIATION_THRESHOLD_BPS
        );
        _check("confirmationGap", d.confirmationGap, MIN_CONFIRMATION_GAP, MAX_CONFIRMATION_GAP);
        _check("challengeWindow", d.challengeWindow, MIN_CHALLENGE_WINDOW, MAX_CHALLENGE_WINDOW);
        _check(
            "deviationOpenPeriod",
            d.deviationOpenPeriod,
            Math.max(MIN_DEVIATION_OPEN_PERIOD, d.confirmationGap),
            MAX_DEVIATION_OPEN_PERIOD
        );
        uint256 count = d.references.length;
        _check("references", count, 0, MAX_REFERENCES);
        _check("quorum", d.quorum, count == 0 ? 0 : count / 2 + 1, count);
        _check("sequencerGrace", d.sequencerGrace, 0, d.sequencerUptimeFeed == address(0) ? 0 : MAX_SEQUENCER_GRACE);
    }

    function _checkAscending(uint256 index, address airnode, address previous) internal pure {
        if (airnode == previous) revert DuplicateAirnode(index, airnode);
        if (airnode < previous) revert AirnodesUnsorted(index, airnode, previous);
    }

    function _check(bytes32 parameter, uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert OutOfBounds(parameter, value, min, max);
    }

    function _existing(bytes32 dapiName, uint256 incidentId) internal view returns (Incident storage) {
        if (incidentId == 0 || incidentId > _dapis[dapiName].incidentCount) {
            revert UnknownIncident(dapiName, incidentId);
        }
        return _incidents[dapiName][incidentId];
    }

    function _onlyPrimaryAgent() internal view {
        if (msg.sender != _primaryAgent) revert Unauthorized(msg.sender, _primaryAgent);
    }

    function _abs(int256 x) private pure returns (uint256) {
        return x < 0 ? uint256(-x) : uint256(x);
    }
}
