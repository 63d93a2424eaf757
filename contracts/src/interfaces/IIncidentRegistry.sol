// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title IIncidentRegistry
/// @notice On-chain proofs of dAPI malfunctions. For each dAPI (by its `bytes32` name on this chain's Api3ServerV1),
/// governance sets a versioned *incident definition*; anyone then proves, while it holds, that the dAPI is
/// - *stale*: its base feed's `updatedAt` is older than `heartbeat + grace` (the chain itself shows it), or
/// - *deviating*: its value differs from the median of fresh signed data of a governed set of reference
///   (airnode, templateId) pairs by more than a threshold, shown by two reports at least a governed gap apart.
/// Proofs become *incident records* (ids 1, 2, ... per dAPI) that claims managers read to pay parametric policies.
///
/// Definitions used throughout:
/// - *Stale.* `block.timestamp > updatedAt + heartbeat + grace`, with `updatedAt` the timestamp of the dAPI's base feed
///   in Api3ServerV1 (`readDataFeedWithDapiNameHash`; the feed API3's heartbeat applies to, OEV updates aside). A stale
///   incident starts at `updatedAt + heartbeat + grace` (later after an L2 sequencer outage, see below), not at the
///   report's time. All reports of one outage (the same `updatedAt`) extend one incident; once the feed updates, the
///   next stale report starts a new incident.
/// - *Deviating.* `|value - median| * 10_000 > deviationThresholdBps * |median|`, `value` the dAPI's base feed value
///   and `median` the median of the references' signed values (the mean of the two middle ones, rounded toward zero,
///   for an even count). At the threshold exactly, the feed is healthy. A push feed legitimately lags by its own
///   deviation threshold, so a deviation counts only when two reports at least `confirmationGap` apart both show it:
///   the first report starts an *unconfirmed* incident (`payableAt == 0`), the second *confirms* it (`payableAt` =
///   confirmation time + `challengeWindow`), and later reports extend it. The incident starts at the first report.
///   A report continues the latest deviation incident of its dAPI when that one is not voided, was proven under the
///   current definition version, and its last proof is at most `deviationOpenPeriod` old; otherwise it starts a new
///   one (an unconfirmed incident that nobody confirms in time stays unconfirmed forever).
/// - *Open* (`hasOpenIncident`): the dAPI's latest stale incident while its feed has not updated since (or cannot be
///   read), or its latest deviation incident (confirmed or not) while not voided and its last proof is at most the
///   `deviationOpenPeriod` of its definition version old. An open incident is a failure already visible: no coverage
///   should be sold on that dAPI.
/// - *Payable at* (`Incident.payableAt`): a stale incident's first proof time (the chain proves it, nothing can be
///   challenged); a deviation incident's confirmation time plus `challengeWindow`, during which the mediator can void
///   it (`voidIncident`); 0 while unconfirmed. A voided incident (`voided`) never pays.
///
/// Signed data are API3's: an Airnode signs the Ethereum signed message of
/// `keccak256(abi.encodePacked(templateId, timestamp, data))` with `data = abi.encode(int256 value)`, exactly what
/// `Api3ServerV1.updateBeaconWithSignedData` verifies (`SignedValue.value` is that `int256`, and `abi.encode` of it is
/// the same 32 bytes). What is signed names no chain and no dAPI, so:
/// - cross-feed replay is stopped by the governed set: only the (airnode, templateId) pairs of the reported dAPI's
///   current definition count, and an airnode's template for another asset is an unknown reference;
/// - replay within a dAPI is stopped by time: every signed timestamp must be newer than the dAPI's `updatedAt` and
///   than the newest signed timestamp any earlier deviation report of the dAPI used (`Incident.lastSignedAt` of its
///   latest deviation incident), so no signed value ever serves two reports;
/// - cross-chain use of the same data is not a replay: a signed value is a fact about the asset, and what is judged
///   is this chain's feed.
///
/// L2 sequencer: a definition may name a Chainlink-style sequencer uptime feed (`ISequencerUptimeFeed`). While it
/// reports the sequencer down, and for `sequencerGrace` after it came back up, every report is refused; a stale
/// incident then starts no earlier than the end of that grace (a feed cannot update while the sequencer is down).
/// Without such a feed, an outage of the chain itself is not detected: set one on rollups.
///
/// Bounty: a report that starts, confirms or extends an incident earns the reporter `bounty` pool tokens, taken from
/// the registry's bounty funds (`bountyFunds`, which anyone, e.g. the DAO, adds to with `fundBounties`); the reporter
/// withdraws its earnings with `claimBounties`. No token moves in a report (a transfer would cost each report ~15K gas
/// more, and a report's only external calls stay static reads). Extensions and confirmations are accepted at most once
/// per `minReportInterval` per incident, so repeated reports cannot drain the funds; when the funds are short, the
/// report is still recorded and earns what is left (possibly nothing). The event says what was earned. Warning: tokens
/// sent to the registry by a plain transfer are not bounty funds and stay in the registry for good; a token that takes
/// a fee on transfers would leave the funds over-counted (the pool token takes none).
///
/// Governance: the primary agent (the DAO's primary Timelock) sets definitions, the bounty, the mediator and the
/// primary agent; every value has hard bounds (`OutOfBounds` names the parameter). Warning: it can change a dAPI's
/// definition at any time (a new version; incidents keep the version they were proven under, and policies pin the
/// version they were bought under), appoint a mediator that voids deviation incidents within their challenge window,
/// and set the bounty to 0. It cannot void a stale incident, alter a recorded incident, or move the registry's tokens
/// other than as earned bounties.
interface IIncidentRegistry {
    // ------------------------------------------------------------------ types

    /// @notice What an incident proves: a stale feed or a feed deviating from its references.
    enum IncidentKind {
        Stale,
        Deviation
    }

    /// @notice A reference data source: an Airnode and the template whose signed values it publishes.
    struct Reference {
        address airnode;
        bytes32 templateId;
    }

    /// @notice How a dAPI's incidents are judged (one version; bounds in `IncidentRegistry`'s constants).
    /// @param heartbeat Seconds API3 lets the feed go without an update, [1 minute, 2 days].
    /// @param grace Seconds beyond the heartbeat before the feed counts as stale, [0, 1 day].
    /// @param deviationThresholdBps The deviation, in basis points of the references' median, that a feed must
    /// exceed to deviate, [50, 5,000].
    /// @param confirmationGap The least time between the report that starts a deviation incident and the one that
    /// confirms it, [1 minute, 1 day].
    /// @param challengeWindow How long after its confirmation the mediator can void a deviation incident, [1 hour,
    /// 7 days].
    /// @param deviationOpenPeriod How long after its last proof a deviation incident stays open and can be confirmed or
    /// extended, [max(confirmationGap, 1 hour), 7 days].
    /// @param quorum How many references a deviation report needs: a strict majority of `references`, at most all of
    /// them (0 with no references: deviations are not judged for this dAPI).
    /// @param references The governed reference set: at most 7 pairs, airnodes strictly ascending (sorted and
    /// unique), template ids not zero.
    /// @param sequencerUptimeFeed A Chainlink-style L2 sequencer uptime feed, or the zero address (not detected).
    /// @param sequencerGrace Seconds after the sequencer comes back before reports count again, [0, 1 day]; 0 without a
    /// feed.
    struct IncidentDefinition {
        uint256 heartbeat;
        uint256 grace;
        uint256 deviationThresholdBps;
        uint256 confirmationGap;
        uint256 challengeWindow;
        uint256 deviationOpenPeriod;
        uint256 quorum;
        Reference[] references;
        address sequencerUptimeFeed;
        uint256 sequencerGrace;
    }

    /// @notice One reference's signed value, in API3's signed-data format (see the contract's NatSpec).
    /// @param airnode The Airnode that signed.
    /// @param templateId The template it signed for.
    /// @param timestamp The time it signed for.
    /// @param value The signed `int256` (API3's `data` is `abi.encode(value)`; it must fit an `int224`, as
    /// Api3ServerV1 requires).
    /// @param signature The 65-byte signature of the Ethereum signed message of
    /// `keccak256(abi.encodePacked(templateId, timestamp, abi.encode(value)))`.
    struct SignedValue {
        address airnode;
        bytes32 templateId;
        uint256 timestamp;
        int256 value;
        bytes signature;
    }

    /// @notice A recorded incident (one storage slot). Timestamps are unix seconds.
    /// @param kind Stale or Deviation.
    /// @param definitionVersion The dAPI's definition version it was proven under (its first report's).
    /// @param startedAt Stale: `updatedAt + heartbeat + grace` (or the end of a sequencer grace, if later); deviation:
    /// the time of its first report.
    /// @param lastProvenAt The time of its latest report (each report that extends it moves it).
    /// @param payableAt Stale: its first report's time. Deviation: confirmation time + challenge window; 0 while
    /// unconfirmed. A claims manager pays on it only from this time on, and never when `voided`.
    /// @param feedUpdatedAt The dAPI's `updatedAt` at its first report (for a stale incident: the outage it belongs
    /// to, so a policy under another definition version can recompute its start from it).
    /// @param deviationBps Deviation: the smallest deviation its reports showed, in basis points of the median, rounded
    /// up (so it exceeds every threshold the reports exceeded; `type(uint32).max` for a zero median). Stale: 0.
    /// @param lastSignedAt Deviation: the newest signed timestamp its reports used (later reports of the dAPI must use
    /// newer data). Stale: 0.
    /// @param voided Whether the mediator voided it (deviation incidents only).
    struct Incident {
        IncidentKind kind;
        uint32 definitionVersion;
        uint32 startedAt;
        uint32 lastProvenAt;
        uint32 payableAt;
        uint32 feedUpdatedAt;
        uint32 deviationBps;
        uint32 lastSignedAt;
        bool voided;
    }

    // ----------------------------------------------------------------- errors

    /// @notice The caller is not `expected`, the account that holds this power.
    error Unauthorized(address caller, address expected);
    /// @notice An address argument that must be set was the zero address.
    error ZeroAddress();
    /// @notice A definition was given for the zero dAPI name.
    error ZeroDapiName();
    /// @notice `value` of `parameter` (its name as a bytes32 string, e.g. "heartbeat") is outside [`min`, `max`].
    error OutOfBounds(bytes32 parameter, uint256 value, uint256 min, uint256 max);
    /// @notice Airnode `airnode` at `index` (of a definition's references or a report's signed values) is below the
    /// one before it, `previous`: airnodes must be strictly ascending.
    error AirnodesUnsorted(uint256 index, address airnode, address previous);
    /// @notice Airnode `airnode` appears twice, the second time at `index`.
    error DuplicateAirnode(uint256 index, address airnode);
    /// @notice The reference at `index` of a definition has a zero airnode or template id.
    error InvalidReference(uint256 index);
    /// @notice dAPI `dapiName` has no incident definition (or not version `version`, for `definition`).
    error UnknownDefinition(bytes32 dapiName, uint256 version);
    /// @notice dAPI `dapiName`'s current definition has no references: its deviations are not judged.
    error DeviationNotJudged(bytes32 dapiName);
    /// @notice dAPI `dapiName` cannot be read on Api3ServerV1 (its name is not set or its feed never updated): there is
    /// no `updatedAt` to judge or date an incident from.
    error FeedUnreadable(bytes32 dapiName);
    /// @notice dAPI `dapiName` is not stale: its feed from `updatedAt` is fresh until `staleFrom` (inclusive).
    error FeedNotStale(bytes32 dapiName, uint256 updatedAt, uint256 staleFrom);
    /// @notice dAPI `dapiName` does not deviate: `value` is within `thresholdBps` of the references' `median`.
    error FeedNotDeviating(bytes32 dapiName, int256 value, int256 median, uint256 thresholdBps);
    /// @notice The sequencer uptime feed `feed` reports the L2 sequencer down (or cannot be read).
    error SequencerDown(address feed);
    /// @notice The L2 sequencer came back up recently: reports count again after `graceEndsAt`.
    error SequencerGracePeriod(address feed, uint256 graceEndsAt);
    /// @notice Incident `incidentId` of `dapiName` cannot be extended or confirmed before `allowedAt` (the minimum
    /// report interval, or the confirmation gap).
    error ReportTooSoon(bytes32 dapiName, uint256 incidentId, uint256 allowedAt);
    /// @notice A deviation report brought `provided` signed values; the definition requires `required`.
    error TooFewReferences(uint256 provided, uint256 required);
    /// @notice (`airnode`, `templateId`) is not in the reported dAPI's governed reference set.
    error UnknownReference(address airnode, bytes32 templateId);
    /// @notice `airnode`'s value signed at `timestamp` is not newer than `mustBeAfter` (the dAPI's `updatedAt`, or the
    /// newest signed timestamp an earlier deviation report of the dAPI used).
    error SignedDataTooOld(address airnode, uint256 timestamp, uint256 mustBeAfter);
    /// @notice `airnode`'s value signed at `timestamp` is more than 60 seconds ahead of the block (`latestAllowed`).
    error SignedDataFromFuture(address airnode, uint256 timestamp, uint256 latestAllowed);
    /// @notice `airnode`'s signed `value` does not fit an `int224` (Api3ServerV1 would refuse it too).
    error SignedValueOutOfRange(address airnode, int256 value);
    /// @notice The signature does not recover to `airnode` for the signed value (malformed, malleable or another
    /// signer's).
    error BadSignature(address airnode);
    /// @notice dAPI `dapiName` has no incident `incidentId`.
    error UnknownIncident(bytes32 dapiName, uint256 incidentId);
    /// @notice Incident `incidentId` of `dapiName` is a stale incident, which the chain proves: it cannot be voided.
    error StaleIncidentNotVoidable(bytes32 dapiName, uint256 incidentId);
    /// @notice Incident `incidentId` of `dapiName` is already voided.
    error IncidentAlreadyVoided(bytes32 dapiName, uint256 incidentId);
    /// @notice Incident `incidentId` of `dapiName` became payable at `payableAt`: its challenge window is over.
    error ChallengeWindowOver(bytes32 dapiName, uint256 incidentId, uint256 payableAt);
    /// @notice An amount that must be positive was zero.
    error ZeroAmount();
    /// @notice `reporter` has no bounties to claim.
    error NoBountyEarned(address reporter);

    // ----------------------------------------------------------------- events

    /// @notice Governance set `definition` as version `version` of dAPI `dapiName`'s incident definition.
    event IncidentDefinitionSet(bytes32 indexed dapiName, uint256 indexed version, IncidentDefinition definition);
    /// @notice `reporter` started, confirmed or extended incident `incidentId` of `dapiName`, which now reads
    /// `incident`, and earned `bounty` tokens (claimable with `claimBounties`).
    event IncidentReported(
        bytes32 indexed dapiName,
        uint256 indexed incidentId,
        address indexed reporter,
        Incident incident,
        uint256 bounty
    );
    /// @notice `mediator` voided deviation incident `incidentId` of `dapiName`, for the reasons at `reasonURI`.
    event IncidentVoided(
        bytes32 indexed dapiName, uint256 indexed incidentId, address indexed mediator, string reasonURI
    );
    /// @notice Governance set the bounty to `amount` tokens per report and the minimum report interval to
    /// `minReportInterval` seconds.
    event BountySet(uint256 amount, uint256 minReportInterval);
    /// @notice `funder` added `amount` tokens to the bounty funds.
    event BountiesFunded(address indexed funder, uint256 amount);
    /// @notice `reporter` withdrew its earned bounties, `amount` tokens, to `to`.
    event BountiesClaimed(address indexed reporter, address indexed to, uint256 amount);
    /// @notice Governance appointed `mediator` (the zero address: nobody can void).
    event MediatorSet(address indexed mediator);
    /// @notice Governance handed the primary agent's powers to `primaryAgent`.
    event PrimaryAgentSet(address indexed primaryAgent);

    // ---------------------------------------------------------------- reports

    /// @notice Proves that dAPI `dapiName` is stale now, and records it: a new incident starting at
    /// `updatedAt + heartbeat + grace`, or, for an outage already recorded (the same `updatedAt`), an extension of its
    /// incident (at most once per `minReportInterval`). Anyone; earns the bounty (see the contract's NatSpec).
    /// @dev Reverts with `UnknownDefinition`, `SequencerDown`, `SequencerGracePeriod`, `FeedUnreadable`,
    /// `FeedNotStale` or `ReportTooSoon`; nothing is recorded then.
    /// @param dapiName The dAPI's `bytes32` name.
    /// @return incidentId The incident started or extended.
    function reportStale(bytes32 dapiName) external returns (uint256 incidentId);

    /// @notice Proves that dAPI `dapiName` deviates now from the median of `signedValues`, and records it: starts an
    /// unconfirmed deviation incident, confirms the open one (at least `confirmationGap` after its start) or extends
    /// a confirmed one (at least `minReportInterval` after its last proof). Anyone; earns the bounty.
    /// @dev `signedValues` must hold at least `quorum` values of the current definition's references, airnodes
    /// strictly ascending, each timestamp newer than the dAPI's `updatedAt` and than the newest timestamp used by the
    /// dAPI's previous deviation report, and at most 60 seconds ahead of the block. Reverts with `UnknownDefinition`,
    /// `DeviationNotJudged`, `SequencerDown`, `SequencerGracePeriod`, `FeedUnreadable`, `ReportTooSoon`,
    /// `TooFewReferences`, `AirnodesUnsorted`, `DuplicateAirnode`, `UnknownReference`, `SignedDataTooOld`,
    /// `SignedDataFromFuture`, `SignedValueOutOfRange`, `BadSignature` or `FeedNotDeviating`; nothing is recorded then.
    /// @param dapiName The dAPI's `bytes32` name.
    /// @param signedValues The references' signed values.
    /// @return incidentId The incident started, confirmed or extended.
    function reportDeviation(bytes32 dapiName, SignedValue[] calldata signedValues)
        external
        returns (uint256 incidentId);

    /// @notice Voids deviation incident `incidentId` of `dapiName`, shown wrong, before it becomes payable (while
    /// unconfirmed, or before `payableAt`). Only the mediator. A voided incident stays in the record, never pays,
    /// and is no longer open; the next deviation report starts a new incident.
    /// @dev Reverts with `Unauthorized`, `UnknownIncident`, `StaleIncidentNotVoidable`, `IncidentAlreadyVoided` or
    /// `ChallengeWindowOver` (at `payableAt` exactly, the window is over).
    /// @param dapiName The dAPI's `bytes32` name.
    /// @param incidentId The incident's id.
    /// @param reasonURI Where the mediator explains the decision (e.g. an IPFS URI).
    function voidIncident(bytes32 dapiName, uint256 incidentId, string calldata reasonURI) external;

    // --------------------------------------------------------------- bounties

    /// @notice Adds `amount` tokens, pulled from the caller (who approved them), to the bounty funds. Anyone.
    /// @dev Reverts with `ZeroAmount`, or the token's error if the transfer fails.
    /// @param amount Tokens to add (not zero).
    function fundBounties(uint256 amount) external;

    /// @notice Sends the caller's earned bounties, all of them, to `to`.
    /// @dev Reverts with `ZeroAddress` or `NoBountyEarned`. The earnings are zeroed before the transfer.
    /// @param to The recipient (not zero).
    /// @return amount Tokens sent.
    function claimBounties(address to) external returns (uint256 amount);

    // ------------------------------------------------------------- governance

    /// @notice Sets the next version of dAPI `dapiName`'s incident definition. Only the primary agent.
    /// @dev Reverts with `Unauthorized`, `ZeroDapiName`, `OutOfBounds` (naming the parameter), `AirnodesUnsorted`,
    /// `DuplicateAirnode` or `InvalidReference`. Incidents already recorded keep their version; an unconfirmed or confirmed deviation
    /// incident is not continued under the new version (the next report starts a new one), a stale outage is.
    /// @param dapiName The dAPI's `bytes32` name (not zero).
    /// @param definition The definition.
    /// @return version The new version (1 for the first definition).
    function setIncidentDefinition(bytes32 dapiName, IncidentDefinition calldata definition)
        external
        returns (uint256 version);

    /// @notice Sets the bounty earned per accepted report and the minimum interval between an incident's reports. Only
    /// the primary agent.
    /// @param amount Tokens per report, [0, `maxBounty()`].
    /// @param minReportInterval Seconds, [1 minute, 1 hour].
    function setBounty(uint256 amount, uint256 minReportInterval) external;

    /// @notice Appoints the mediator who can void deviation incidents (zero: nobody). Only the primary agent.
    /// @param mediator The mediator's address.
    function setMediator(address mediator) external;

    /// @notice Hands the primary agent's powers to `primaryAgent` (e.g. a new Timelock). Only the primary agent.
    /// @param primaryAgent The new primary agent (not zero).
    function setPrimaryAgent(address primaryAgent) external;

    // ------------------------------------------------------------------ views

    /// @notice The current definition version of `dapiName` (0: none yet). Policies pin this at purchase.
    /// @param dapiName The dAPI's `bytes32` name.
    /// @return The current version.
    function definitionVersion(bytes32 dapiName) external view returns (uint256);

    /// @notice Version `version` of `dapiName`'s incident definition. Reverts with `UnknownDefinition` for a version
    /// never set.
    /// @param dapiName The dAPI's `bytes32` name.
    /// @param version The version, from 1 to `definitionVersion(dapiName)`.
    /// @return The definition.
    function definition(bytes32 dapiName, uint256 version) external view returns (IncidentDefinition memory);

    /// @notice Incident `incidentId` of `dapiName`. Reverts with `UnknownIncident` outside 1..`incidentCount`.
    /// @param dapiName The dAPI's `bytes32` name.
    /// @param incidentId The incident's id.
    /// @return The incident.
    function incident(bytes32 dapiName, uint256 incidentId) external view returns (Incident memory);

    /// @notice How many incidents `dapiName` has (ids are 1..count).
    /// @param dapiName The dAPI's `bytes32` name.
    /// @return The count.
    function incidentCount(bytes32 dapiName) external view returns (uint256);

    /// @notice The ids of `dapiName`'s latest stale and latest deviation incidents (0: none).
    /// @param dapiName The dAPI's `bytes32` name.
    /// @return staleId The latest stale incident.
    /// @return deviationId The latest deviation incident.
    function latestIncidentIds(bytes32 dapiName) external view returns (uint256 staleId, uint256 deviationId);

    /// @notice Whether `dapiName` has an open incident (see the contract's NatSpec for "open").
    /// @param dapiName The dAPI's `bytes32` name.
    /// @return Whether one is open.
    function hasOpenIncident(bytes32 dapiName) external view returns (bool);

    /// @notice The bounty per accepted report and the minimum interval between an incident's reports.
    /// @return amount Tokens per report.
    /// @return minReportInterval Seconds.
    function bounty() external view returns (uint256 amount, uint256 minReportInterval);

    /// @notice The bounty funds not yet earned by any report.
    /// @return Tokens.
    function bountyFunds() external view returns (uint256);

    /// @notice What `reporter` has earned and not yet claimed.
    /// @param reporter The reporter.
    /// @return Tokens.
    function earnedBounties(address reporter) external view returns (uint256);

    /// @notice The most `setBounty` accepts: 100 whole tokens.
    /// @return The maximum, in token units.
    function maxBounty() external view returns (uint256);

    /// @notice The primary agent (the DAO's primary Timelock).
    /// @return The primary agent.
    function primaryAgent() external view returns (address);

    /// @notice The mediator who can void deviation incidents (zero: nobody).
    /// @return The mediator.
    function mediator() external view returns (address);

    /// @notice The Api3ServerV1 whose dAPIs are judged.
    /// @return The server.
    function api3ServerV1() external view returns (address);

    /// @notice The pool token bounties are paid in.
    /// @return The token.
    function token() external view returns (address);
}
