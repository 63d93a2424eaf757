// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IClaimsParametric} from "./IClaimsParametric.sol";
import {IClaimsExposure, IPremiumSource, IStakingPool} from "./IStakingPool.sol";
import {IArbitratorV2} from "./kleros-v2/IArbitratorV2.sol";
import {IEvidenceModule} from "./kleros-v2/IEvidenceModule.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IEvidence} from "@kleros/erc-792/contracts/erc-1497/IEvidence.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IClaimsTypes
/// @notice The ClaimsManager's types, errors and events (see `IClaimsManager`).
interface IClaimsTypes is IEvidence {
    // ------------------------------------------------------------------ types

    /// @notice Where a claim stands; see the state machine in `IClaimsManager`.
    enum ClaimStatus {
        None,
        Pending,
        SettlementProposed,
        MediatorRejected,
        Disputed,
        RulingPending,
        PaidClaim,
        PaidSettlement,
        Refused,
        TimedOut,
        DisputeClosed
    }

    /// @notice A policy. `claimedUsd` is what its claims have been paid plus what its open claims reserve;
    /// `coverageUsd - claimedUsd` remains for new claims.
    /// A policy's id is its terms at creation: `number << 192 | claimsAllowedFrom << 160 |
    /// claimsAllowedUntil << 128 | dapiId << 96 | coverageUsd`, `number` counting policies from 1 (`policyCount`).
    /// The contract keeps one storage slot per policy (claimant, remaining coverage) and reads the rest from the
    /// id, or, after an upgrade or a downgrade, from the terms stored then. An id with other terms is no policy.
    struct Policy {
        address claimant;
        uint32 claimsAllowedFrom;
        uint32 claimsAllowedUntil;
        uint32 dapiId;
        uint96 coverageUsd;
        uint96 claimedUsd;
    }

    /// @notice A claim. `deadline` is the end of the current stage's response period (while `Disputed`: the time after
    /// which a silent arbitrator lets anyone close the dispute); `settlementUsd` the mediator's proposal (0 if none);
    /// `arbitrator`, `disputeId` and `ruling` are set once escalated / ruled; `owedTokens` is what a final payout still
    /// owes (paid in tranches by `payTranche`). A claim's id is `number << 224 | policyId`, `number` counting claims from
    /// 1 (`claimCount`).
    struct Claim {
        uint256 policyId;
        ClaimStatus status;
        uint32 deadline;
        uint96 amountUsd;
        uint88 bond;
        uint96 settlementUsd;
        uint8 ruling;
        address arbitrator;
        uint96 disputeId;
        uint256 owedTokens;
    }

    /// @notice A covered dAPI: its name (bytes32 string), the chain it serves, the cap on its active
    /// coverage as a share of the pool's capacity (0: no new coverage) and its active coverage.
    struct Dapi {
        bytes32 name;
        uint256 chainId;
        uint256 capShare;
        uint256 activeCoverageUsd;
    }

    /// @notice How the contracts judge a covered dAPI: its `heartbeat` (the longest API3 lets it go without an update)
    /// and a `grace` beyond it. The dAPI is read on this chain's Api3ServerV1 (`api3ServerV1()`, the server the price
    /// proxy reads), by its name, on its base feed (the one the heartbeat applies to). It is *stale* while that feed is
    /// older than `heartbeat + grace` (or unreadable). `heartbeat` 0: the dAPI is not served here and is never judged.
    struct DapiFeed {
        uint256 heartbeat;
        uint256 grace;
    }

    /// @notice The Kleros v2 settings of the current arbitrator when it is an `IArbitratorV2` (`setArbitratorV2`), all
    /// zero while it speaks ERC-792: the `EvidenceModule` the claims' evidence goes to, the id of the claims' dispute
    /// template in Kleros' `DisputeTemplateRegistry`, the token its fee is paid in (zero: ETH) and the most an
    /// escalation pays (in that token's units, or wei).
    struct ArbitratorV2Config {
        IEvidenceModule evidenceModule;
        uint256 templateId;
        IERC20 feeToken;
        uint256 maxFee;
    }

    // ----------------------------------------------------------------- errors

    /// @notice The caller is not `expected`, the account that holds this power.
    error Unauthorized(address caller, address expected);
    /// @notice The caller is not a policy agent.
    error NotPolicyAgent(address caller);
    /// @notice The address argument was the zero address.
    error ZeroAddress();
    /// @notice `value` is outside the hard bounds [`min`, `max`] of this parameter.
    error ParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice `value` must be a multiple of `unit` (the parameter is stored in millionths).
    error ParameterPrecision(uint256 value, uint256 unit);
    /// @notice `value` does not fit the `max` of its storage field.
    error ValueOverflow(uint256 value, uint256 max);
    /// @notice The price feed returned a zero or negative value.
    error NonPositivePrice(int256 value);
    /// @notice The price feed's value from `updatedAt` is older than `maxPriceAge` at `now`.
    error StalePrice(uint256 updatedAt, uint256 now, uint256 maxPriceAge);
    /// @notice No dAPI has id `dapiId`.
    error UnknownDapi(uint256 dapiId);
    /// @notice A coverage period (or policy end) `period` is outside [`min`, `max`].
    error InvalidPeriod(uint256 period, uint256 min, uint256 max);
    /// @notice A policy period [`claimsAllowedFrom`, `claimsAllowedUntil`] is empty or ends by `now`.
    error InvalidPolicyPeriod(uint256 claimsAllowedFrom, uint256 claimsAllowedUntil, uint256 now);
    /// @notice A coverage amount was zero.
    error ZeroCoverage();
    /// @notice `requestedUsd` of new coverage exceeds the pool's available capacity `availableUsd`.
    error InsufficientCapacity(uint256 requestedUsd, uint256 availableUsd);
    /// @notice `requestedUsd` of new coverage exceeds the available capacity `availableUsd` of dAPI `dapiId`.
    error InsufficientDapiCapacity(uint256 dapiId, uint256 requestedUsd, uint256 availableUsd);
    /// @notice The premium `premium` exceeds the buyer's `maxPremium`.
    error PremiumAboveMaximum(uint256 premium, uint256 maxPremium);
    /// @notice No policy has id `policyId`.
    error UnknownPolicy(uint256 policyId);
    /// @notice Policy `policyId` ended at `claimsAllowedUntil`, before `now`.
    error PolicyExpired(uint256 policyId, uint256 claimsAllowedUntil, uint256 now);
    /// @notice An upgrade must not lower and a downgrade must not raise coverage (`current` -> `requested`).
    error InvalidCoverageChange(uint256 policyId, uint256 current, uint256 requested);
    /// @notice An upgrade must not shorten and a downgrade must not extend a policy (`current` -> `requested`).
    error InvalidUntilChange(uint256 policyId, uint256 current, uint256 requested);
    /// @notice A downgrade to `coverageUsd` would fall below what was paid or is reserved by open claims.
    error CoverageBelowClaimed(uint256 policyId, uint256 coverageUsd, uint256 claimedUsd);
    /// @notice `now` is outside the claims period [`claimsAllowedFrom`, `claimsAllowedUntil`] of the policy.
    error OutsideClaimsPeriod(uint256 policyId, uint256 claimsAllowedFrom, uint256 claimsAllowedUntil, uint256 now);
    /// @notice A claim of `amountUsd` is zero or exceeds what the policy still covers for its incident, `claimableUsd`
    /// (coverage less what was paid and what open claims reserve; less an upgrade's addition still in its waiting
    /// period).
    error InvalidClaimAmount(uint256 amountUsd, uint256 claimableUsd);
    /// @notice The incident at `incidentAt` is outside policy `policyId`'s cover: before `coverFrom` (its start plus
    /// the waiting period) or after `coverUntil` (now, or the end the policy had before an upgrade still waiting).
    error IncidentOutsideCover(uint256 policyId, uint256 incidentAt, uint256 coverFrom, uint256 coverUntil);
    /// @notice dAPI `dapiId` (registered for chain `chainId`) is not served by this chain's Api3ServerV1 (another chain,
    /// or a price proxy that is not an Api3ReaderProxyV1): it cannot be judged here.
    error DapiNotServedHere(uint256 dapiId, uint256 chainId);
    /// @notice dAPI `dapiId` is stale: its value from `updatedAt` is older than heartbeat + grace since `staleFrom`;
    /// no coverage is sold on it.
    error DapiStale(uint256 dapiId, uint256 updatedAt, uint256 staleFrom);
    /// @notice dAPI `dapiId` has an open incident in the incident registry (`IIncidentRegistry.hasOpenIncident`): a
    /// stale outage not yet over, or a deviation not voided and recently proven; no coverage is sold on it.
    error DapiHasOpenIncident(uint256 dapiId);
    /// @notice Policy `policyId` is parametric: a policy agent cannot raise or extend it (its coverage pays without a
    /// mediator and was priced at the parametric risk factor).
    error ParametricPolicyNotUpgradable(uint256 policyId);
    /// @notice No claim has id `claimId`.
    error UnknownClaim(uint256 claimId);
    /// @notice Claim `claimId` is in `status`, where this action is not possible.
    error InvalidClaimStatus(uint256 claimId, ClaimStatus status);
    /// @notice The deadline `deadline` of this action on claim `claimId` passed before `now`.
    error DeadlinePassed(uint256 claimId, uint256 deadline, uint256 now);
    /// @notice This action on claim `claimId` is only possible after `deadline`; it is `now`.
    error DeadlineNotPassed(uint256 claimId, uint256 deadline, uint256 now);
    /// @notice A settlement of `settlementUsd` must be above zero and below the claim's `amountUsd`.
    error InvalidSettlement(uint256 settlementUsd, uint256 amountUsd);
    /// @notice The payout `payoutTokens` is below the claimant's `minimumPayoutTokens`.
    error PayoutBelowMinimum(uint256 payoutTokens, uint256 minimumPayoutTokens);
    /// @notice `payer` owes `owedTokens` but may pay nothing now (its quota or the pool's cap is used up) until
    /// `nextRoomAt`.
    error NoPayoutRoom(address payer, uint256 owedTokens, uint256 nextRoomAt);
    /// @notice `payer` owes no tranche.
    error NothingOwed(address payer);
    /// @notice `arbitrator` returned dispute id `disputeId`, which it already gave to claim `otherClaimId`.
    error DisputeIdReused(address arbitrator, uint256 disputeId, uint256 otherClaimId);
    /// @notice The arbitrator of claim `claimId` is active (`status` 1 or 2: an ERC-792 `disputeStatus` of Appealable
    /// or Solved, a ruling awaits appeal or was given; for an `IArbitratorV2`, 1: its `currentRuling` is no longer tied,
    /// votes were counted, or was overridden by appeal funding), so the dispute cannot be closed as stalled.
    error DisputeActive(uint256 claimId, uint256 status);
    /// @notice The arbitrator of claim `claimId` shows no ruling (status `Waiting`; for an `IArbitratorV2`, a tied
    /// `currentRuling`; or no answer) to record as activity.
    error NoDisputeActivity(uint256 claimId);
    /// @notice No arbitrator is set.
    error NoArbitrator();
    /// @notice `paid` (msg.value) is below the arbitrator's `cost`.
    error InsufficientArbitrationFee(uint256 paid, uint256 cost);
    /// @notice The `IArbitratorV2` asks `cost` (in the fee token, or wei), above the governed `maxFee`.
    error ArbitrationFeeAboveMaximum(uint256 cost, uint256 maxFee);
    /// @notice Kleros v2 fees are never paid in the pool token (`token`): the claims manager holds bonds and premiums
    /// in it and never approves it to an arbitrator.
    error FeeTokenIsPoolToken(IERC20 token);
    /// @notice `arbitrator` has no dispute `disputeId` from this contract.
    error UnknownDispute(address arbitrator, uint256 disputeId);
    /// @notice `ruling` is not one of 0 (refuse), 1 (pay claim), 2 (pay settlement).
    error InvalidRuling(uint256 ruling);
    /// @notice Returning `amount` of excess ether to `recipient` failed.
    error RefundFailed(address recipient, uint256 amount);
    /// @notice There are no pending premiums or forfeited bonds to distribute.
    error NothingToDistribute();

    // ----------------------------------------------------------------- events

    /// @notice dAPI `dapiId` (`dapiName` on chain `chainId`) may be covered up to `capShare` of capacity.
    event DapiCapSet(uint256 indexed dapiId, bytes32 indexed dapiName, uint256 chainId, uint256 capShare);
    /// @notice Policy `policyId` was created by `creator` (a buyer or a policy agent) for the claimant on dAPI
    /// `dapiId` (announced with its name and chain by `DapiCapSet`). `premium` tokens were paid (0 from a
    /// policy agent); `distributeRewards` later sends `treasuryShare` of premiums to the treasury, the rest
    /// to stakers.
    event PolicyCreated(
        uint256 indexed policyId,
        address indexed claimant,
        uint256 indexed dapiId,
        uint256 coverageUsd,
        uint256 claimsAllowedFrom,
        uint256 claimsAllowedUntil,
        string policyURI,
        address creator,
        uint256 premium
    );
    /// @notice A policy agent raised and/or extended policy `policyId`.
    event PolicyUpgraded(
        uint256 indexed policyId,
        address indexed agent,
        uint256 coverageUsd,
        uint256 claimsAllowedUntil,
        string policyURI
    );
    /// @notice The claimant lowered and/or shortened policy `policyId`.
    event PolicyDowngraded(uint256 indexed policyId, uint256 coverageUsd, uint256 claimsAllowedUntil, string policyURI);
    /// @notice Claim `claimId` of `amountUsd` on policy `policyId`, for an incident that started at `incidentAt`, was
    /// filed, `bond` tokens held; the mediator must respond by `deadline`. Its evidence URI is announced in the
    /// ERC-1497 `Evidence` event emitted with it (evidence group = claim id).
    event ClaimCreated(
        uint256 indexed claimId,
        uint256 indexed policyId,
        address indexed claimant,
        uint256 amountUsd,
        uint256 incidentAt,
        uint256 bond,
        uint256 deadline
    );
    /// @notice The mediator accepted claim `claimId`: `amountUsd` is owed as `tokens`, of which `paidTokens` were paid
    /// now (the rest in tranches: `PayoutOwed`); bond returned.
    event ClaimAccepted(
        uint256 indexed claimId,
        uint256 indexed policyId,
        address indexed mediator,
        uint256 amountUsd,
        uint256 tokens,
        uint256 paidTokens
    );
    /// @notice The mediator proposed `settlementUsd` for claim `claimId`; the claimant has until `deadline`.
    event SettlementProposed(
        uint256 indexed claimId, address indexed mediator, uint256 settlementUsd, uint256 deadline
    );
    /// @notice The mediator rejected claim `claimId`; the claimant may escalate until `deadline`.
    event ClaimRejected(uint256 indexed claimId, address indexed mediator, uint256 deadline);
    /// @notice The claimant accepted the settlement of claim `claimId`: `amountUsd` owed as `tokens`, `paidTokens`
    /// paid now.
    event SettlementAccepted(
        uint256 indexed claimId, uint256 indexed policyId, uint256 amountUsd, uint256 tokens, uint256 paidTokens
    );
    /// @notice The claimant escalated claim `claimId` to dispute `disputeId` of `arbitrator`, paying `cost` in
    /// `feeToken` (zero: ETH; only an `IArbitratorV2` takes a token).
    event ClaimEscalated(
        uint256 indexed claimId,
        IArbitrator indexed arbitrator,
        uint256 indexed disputeId,
        uint256 cost,
        IERC20 feeToken
    );
    /// @notice Kleros v2 (`IArbitrableV2.DisputeRequest`, `@kleros/kleros-v2-contracts` 0.12.0): dispute
    /// `_arbitratorDisputeID` of the `IArbitratorV2` `_arbitrator` is claim `_externalDisputeID`, its text the
    /// template `_templateId` of Kleros' `DisputeTemplateRegistry` (`_templateUri` empty). Emitted in the transaction
    /// that created the dispute, where Kleros' subgraph looks for it.
    event DisputeRequest(
        IArbitratorV2 indexed _arbitrator,
        uint256 indexed _arbitratorDisputeID,
        uint256 _externalDisputeID,
        uint256 _templateId,
        string _templateUri
    );
    /// @notice The ruling `ruling` on claim `claimId` was executed: `amountUsd` owed as `tokens` (0 for a
    /// refusal), `paidTokens` of them paid now, and the bond returned (paid) or forfeited (refused). `status` is the
    /// claim's final status.
    event RulingExecuted(
        uint256 indexed claimId,
        uint256 indexed policyId,
        uint256 ruling,
        ClaimStatus status,
        uint256 amountUsd,
        uint256 tokens,
        uint256 paidTokens
    );
    /// @notice The ruling `ruling` on claim `claimId` was recorded but cannot be made final now (the price cannot be
    /// read); anyone may call `executeRuling` once it can.
    event RulingDeferred(uint256 indexed claimId, uint256 ruling);
    /// @notice Claim `claimId`'s final payout of `tokens` did not fit `payer`'s quota or the pool's cap now (or older
    /// payouts of `payer` wait): `owedTokens` are owed, paid in tranches by `payTranche(payer)`, first in first out.
    event PayoutOwed(uint256 indexed claimId, address indexed payer, uint256 tokens, uint256 owedTokens);
    /// @notice A tranche of `tokens` of claim `claimId` was paid within `payer`'s quota; `stillOwedTokens` remain.
    event TranchePaid(uint256 indexed claimId, address indexed payer, uint256 tokens, uint256 stillOwedTokens);
    /// @notice Anyone closed claim `claimId`'s dispute `disputeId` on `arbitrator`, silent past its deadline: bond
    /// returned, no payout; a later ruling is ignored.
    event StalledDisputeClosed(uint256 indexed claimId, address indexed arbitrator, uint256 disputeId, uint256 bond);
    /// @notice The arbitrator of claim `claimId` showed activity (`status` as in `DisputeActive`): the dispute may not be
    /// closed as stalled before `deadline`.
    event DisputeActivityNoted(uint256 indexed claimId, uint256 status, uint256 deadline);
    /// @notice Claim `claimId` timed out; its `bond` was forfeited to stakers.
    event ClaimTimedOut(uint256 indexed claimId, uint256 bond);
    /// @notice The treasury's premiums and forfeited bonds were sent: `stakerAmount` to the pool (`addRewards`) and
    /// `treasuryAmount` to `treasury`.
    event RewardsDistributed(uint256 stakerAmount, uint256 treasuryAmount, address treasury);
    /// @notice The pool pulled the stakers' premiums: `past` of weeks before this one, `current` of this week;
    /// `treasuryAmount` more was set aside for the treasury (`treasuryShare`, sent by `distributeRewards`).
    event PremiumsPulled(uint256 past, uint256 current, uint256 treasuryAmount);

    event MediatorSet(address indexed mediator);
    event PrimaryAgentSet(address indexed primaryAgent);
    event SecondaryAgentSet(address indexed secondaryAgent);
    /// @notice The arbitrator and its extra data changed; new disputes refer to meta-evidence `metaEvidenceId`.
    event ArbitratorSet(IArbitrator indexed arbitrator, bytes extraData, uint256 metaEvidenceId);
    /// @notice New disputes go to the Kleros v2 arbitrator `arbitrator` (see `ArbitratorV2Config`).
    event ArbitratorV2Set(
        IArbitratorV2 indexed arbitrator,
        bytes extraData,
        IERC20 feeToken,
        uint256 maxFee,
        uint256 templateId,
        IEvidenceModule evidenceModule
    );
    event PolicyAgentSet(address indexed agent, bool authorized);
    /// @notice `payer` may pay at most `share` of the total stake per rolling week.
    event PayoutQuotaSet(address indexed payer, uint256 share);
    event TreasurySet(address indexed treasury);
    event PricingCurveSet(uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2);
    event CollateralizationRatioSet(uint256 ratio);
    event PriceHaircutSet(uint256 haircut);
    /// @notice A claim's bond is now `floor` tokens plus `rate` tokens (WAD) per USD claimed.
    event ClaimantBondSet(uint256 floor, uint256 rate);
    event WaitingPeriodSet(uint256 waitingPeriod);
    event MaxDisputeInactivitySet(uint256 maxDisputeInactivity);
    /// @notice dAPI `dapiId` is judged with `heartbeat` (0: not served here) and `grace`.
    event DapiFeedSet(uint256 indexed dapiId, uint256 heartbeat, uint256 grace);
    event MaxPriceAgeSet(uint256 maxPriceAge);
    event TreasuryShareSet(uint256 share);

    // Parametric coverage (`IClaimsParametric`, served by the `ClaimsParametric` module).
    /// @notice Policy `policyId` (announced by `PolicyCreated`) is parametric under incident definition
    /// `definitionVersion` of its dAPI `dapiId`, priced at `riskFactor` (WAD) times the quote.
    event ParametricPolicyBought(
        uint256 indexed policyId, uint256 indexed dapiId, uint256 definitionVersion, uint256 riskFactor
    );
    /// @notice Claim `claimId` (announced by `ClaimCreated`) of policy `policyId` on incident `incidentId` of its dAPI,
    /// which started at `incidentStart` under the policy's definition, was paid without a mediator: `amountUsd` owed
    /// as `tokens`, of which `paidTokens` were paid now (the rest in tranches: `PayoutOwed`).
    event ParametricClaimPaid(
        uint256 indexed claimId,
        uint256 indexed policyId,
        uint256 indexed incidentId,
        uint256 incidentStart,
        uint256 amountUsd,
        uint256 tokens,
        uint256 paidTokens
    );
    event ParametricRiskFactorSet(uint256 riskFactor);
    event IncidentPayoutCapSet(uint256 capUsd);
}

/// @title IClaimsCore
/// @notice The functions the ClaimsManager contract implements itself: purchases, claims, arbitration,
/// rewards (the hot paths).
interface IClaimsCore is IClaimsTypes, IArbitrable, IClaimsExposure {
    /// @notice Buys coverage of `coverageUsd` on dAPI `dapiId` for `period` seconds from now, for the caller
    /// as claimant, paying the premium (pulled from the caller, who must have approved it).
    /// @dev The premium is the pricing curve's annual rate integrated over the utilization the purchase spans
    /// (active coverage from before to after it, over the capacity in USD at the current price, rounded down):
    /// premium = integral * period / 365 days, in tokens at the current price, rounded up. A purchase split in
    /// parts therefore never costs less than in one piece (the parts' intervals add up to the whole's, and each
    /// part rounds up). Beyond capacity (quotes only) the rate is the curve's maximum.
    /// @param maxPremium Slippage guard: reverts with `PremiumAboveMaximum` above it.
    /// @return policyId The new policy (its id encodes its terms: see `Policy`).
    /// @return premium The premium paid, in tokens.
    function buyCoverage(
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 period,
        uint256 maxPremium,
        string calldata policyURI
    ) external returns (uint256 policyId, uint256 premium);

    // ---------------------------------------------------------------- claims

    /// @notice The claimant files a claim of `amountUsd` within the policy's claims period, for an incident that
    /// started at `incidentAt`, with evidence at `evidenceURI`, and deposits the bond (pulled): `claimantBond` tokens
    /// plus `claimantBondRate` tokens per USD claimed (rounded up).
    /// The incident must lie in the policy's cover: from `claimsAllowedFrom` plus the *waiting period* until now (for
    /// coverage an upgrade added, from the upgrade plus the waiting period). The claim reserves `amountUsd` against the
    /// policy until it is final: open claims together never ask for more than the policy's remaining coverage.
    /// Reverts with `UnknownPolicy`, `Unauthorized`, `OutsideClaimsPeriod`, `IncidentOutsideCover`,
    /// `InvalidClaimAmount`.
    /// @return claimId The new claim.
    function createClaim(uint256 policyId, uint256 amountUsd, uint256 incidentAt, string calldata evidenceURI)
        external
        returns (uint256 claimId);

    /// @notice The mediator accepts a pending claim: the claim is final and its amount is *owed* in tokens at the
    /// current price, paid now as far as the mediator's quota and the pool's cap allow, the rest in tranches
    /// (`payTranche`); the bond is returned.
    function acceptClaim(uint256 claimId) external;

    /// @notice The mediator proposes to settle a pending claim for `settlementUsd` (0 < settlement < claim).
    function proposeSettlement(uint256 claimId, uint256 settlementUsd) external;

    /// @notice The mediator rejects a pending claim; the claimant may still escalate.
    function rejectClaim(uint256 claimId) external;

    /// @notice The claimant accepts the proposed settlement: final, owed in tokens at the current price and paid
    /// within the mediator's quota, now or in tranches (another claim using the quota first only delays it); bond
    /// returned.
    /// @param minimumPayoutTokens Slippage guard on the price: reverts with `PayoutBelowMinimum` if the whole payout
    /// (now and in tranches) is below it.
    function acceptSettlement(uint256 claimId, uint256 minimumPayoutTokens) external;

    /// @notice The claimant escalates the claim to the current arbitrator. Possible after a settlement proposal or a
    /// rejection (before their deadline) or after a silent mediator (within `CLAIMANT_RESPONSE_PERIOD` after its
    /// deadline).
    /// ERC-792: pays `arbitrationCost(extraData)` in ether (any excess is returned) and emits ERC-1497 `Dispute`.
    /// Kleros v2 (`setArbitratorV2`): pays `arbitrationCost(extraData)` in ether (excess returned) or, with a fee token,
    /// `arbitrationCost(extraData, feeToken)` pulled from the caller (who approved it to this contract), approved to the
    /// arbitrator for exactly that and the approval reset to 0 after `createDispute`; any ether sent is returned. Refused
    /// above `maxFee` (`ArbitrationFeeAboveMaximum`). Emits `DisputeRequest` with the claims template and the claim id
    /// as external dispute id.
    /// `evidenceURI` re-announces the claim's evidence (the URI of its `createClaim`, which the contract does not store)
    /// with the arbitrator that now holds the dispute, so a court that lists evidence by its own address finds it after
    /// the DAO changed the arbitrator since the filing: ERC-1497 `Evidence(arbitrator, claimId, claimant, evidenceURI)`,
    /// and on Kleros v2 also `EvidenceModule.submitEvidence(claimId, evidenceURI)`. It is not checked against the
    /// filing: it is the claimant's own evidence, as `submitEvidence` would add; empty: nothing is announced.
    /// @return disputeId The arbitrator's dispute id.
    function escalateClaim(uint256 claimId, string calldata evidenceURI) external payable returns (uint256 disputeId);

    /// @notice The claimant or the mediator adds evidence to an open claim (ERC-1497 `Evidence`, tagged with the claim's
    /// arbitrator once disputed, else the current one). When that arbitrator is a Kleros v2 arbitrator, the evidence
    /// also goes to its `EvidenceModule` keyed by the claim id (where Kleros' court reads it; the claims manager is the
    /// party there, the ERC-1497 event names the real one). Anyone else submits to the module directly.
    function submitEvidence(uint256 claimId, string calldata evidenceURI) external;

    /// @notice Makes final a payout ruling that could not be when it arrived (the price could not be read). Anyone.
    function executeRuling(uint256 claimId) external;

    /// @notice Pays the next tranche `payer` (a mediator or an arbitrator) owes: the oldest of its owed claims, as much
    /// as its quota and the pool's cap allow now. Anyone. Reverts with `NothingOwed`, `NoPayoutRoom`.
    /// @return claimId The claim paid. @return paid The tokens paid.
    function payTranche(address payer) external returns (uint256 claimId, uint256 paid);

    /// @notice Closes a `Disputed` claim whose arbitrator shows no activity: past its `deadline` (escalation, or the
    /// last noted activity, plus `maxDisputeInactivity`) and with no ruling awaiting appeal (ERC-792 status `Waiting`,
    /// an `IArbitratorV2` whose `currentRuling` is tied and not overridden, or no answer). The bond goes back to the claimant, the reservation to the policy; no payout; a later `rule()`
    /// for it is accepted and ignored. Anyone. Reverts with `DeadlineNotPassed`, `DisputeActive`.
    function closeStalledDispute(uint256 claimId) external;

    /// @notice Records that the arbitrator of a `Disputed` claim is active (a ruling awaits appeal or was given):
    /// moves the claim's deadline to now + `maxDisputeInactivity`. Anyone. Reverts with `NoDisputeActivity`.
    function noteDisputeActivity(uint256 claimId) external;

    /// @notice Closes a claim whose every deadline passed without a response that moves it on; the bond is
    /// forfeited to stakers. Anyone.
    function timeOutClaim(uint256 claimId) external;

    /// @notice Sends the treasury its premiums (to the pool while no treasury is set) and the forfeited bonds to
    /// the pool through `addRewards` (queued there, streamed over the next epoch). Anyone. The stakers' premiums
    /// do not pass here: the pool pulls them week by week (`pullPremiums`).
    function distributeRewards() external;

    // ------------------------------------------------------------------ views

    /// @notice The staking pool whose stake backs the coverage.
    function pool() external view returns (IStakingPool);
    /// @notice The pool token.
    function token() external view returns (IERC20);
    /// @notice The dAPI proxy giving the pool token's price in USD (18 decimals).
    function priceFeed() external view returns (IApi3ReaderProxy);
    /// @notice The pool token's price as the contract reads it, unchecked: the price dAPI's base feed in `api3ServerV1`
    /// (or the proxy's value for a proxy of another kind).
    function readPrice() external view returns (int224 value, uint32 timestamp);
    function primaryAgent() external view returns (address);
    function secondaryAgent() external view returns (address);
    function policy(uint256 policyId) external view returns (Policy memory);
    function claim(uint256 claimId) external view returns (Claim memory);
}

/// @title IClaimsAdmin
/// @notice The functions a ClaimsManager serves through its `ClaimsAdmin` module (delegatecall from its
/// fallback, same address and storage): quotes, policy agents' and claimants' policy changes, views and
/// governance.
interface IClaimsAdmin is IClaimsTypes, IPremiumSource {
    // ------------------------------------------------------------- coverage

    /// @notice The premium `buyCoverage` would charge now, and the coverage still available on `dapiId`
    /// (the smaller of the pool's and the dAPI's room). If `coverageUsd` exceeds `availableUsd`, the part beyond
    /// capacity is priced at the curve's maximum rate and the purchase would revert.
    function quoteCoverage(uint256 dapiId, uint256 coverageUsd, uint256 period)
        external
        view
        returns (uint256 premium, uint256 availableUsd);

    /// @notice A policy agent grants coverage (no premium here; capacity checks apply).
    /// @return policyId The new policy.
    function createPolicy(
        address claimant,
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 claimsAllowedFrom,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external returns (uint256 policyId);

    /// @notice A policy agent raises the coverage and/or extends an unexpired policy (never lowers either). Refused
    /// while the dAPI is stale or has an open incident, and for a parametric policy (`ParametricPolicyNotUpgradable`). The added coverage (and period) covers incidents from now plus the waiting period on.
    function upgradePolicy(uint256 policyId, uint256 coverageUsd, uint256 claimsAllowedUntil, string calldata policyURI)
        external;

    /// @notice The claimant lowers the coverage (not below what was paid and what open claims reserve) and/or
    /// shortens an unexpired policy (not before now). Premiums are not refunded.
    function downgradePolicy(
        uint256 policyId,
        uint256 coverageUsd,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external;

    // ------------------------------------------------------------------ views

    function mediator() external view returns (address);
    function arbitrator() external view returns (IArbitrator);
    function arbitratorExtraData() external view returns (bytes memory);
    /// @notice The Kleros v2 settings of the current arbitrator (all zero while it speaks ERC-792).
    function arbitratorV2Config() external view returns (ArbitratorV2Config memory);
    /// @notice The Kleros v2 evidence module given with `arbitrator_` by `setArbitratorV2`; zero for an ERC-792 one.
    /// Non-zero marks `arbitrator_` as an `IArbitratorV2` for its disputes, open ones included (even after the DAO
    /// set another arbitrator): their appeals are funded in Kleros' dispute kit, not through `IArbitrator.appeal`.
    function evidenceModuleOf(address arbitrator_) external view returns (IEvidenceModule);
    /// @notice The meta-evidence new disputes refer to.
    function metaEvidenceId() external view returns (uint256);
    function treasury() external view returns (address);
    function isPolicyAgent(address agent) external view returns (bool);
    /// @notice The pricing curve: annual rate `baseRate + slope1 * u / kink` up to the kink, then
    /// `+ slope2 * (u - kink) / (1 - kink)`, u the utilization; a purchase pays its integral over the utilization
    /// it spans (see `buyCoverage`).
    function pricingCurve() external view returns (uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2);
    function collateralizationRatio() external view returns (uint256);
    function treasuryShare() external view returns (uint256);
    function maxPriceAge() external view returns (uint256);
    /// @notice The bond's floor, in tokens.
    function claimantBond() external view returns (uint256);
    /// @notice The bond's rate: tokens (WAD) added per USD claimed.
    function claimantBondRate() external view returns (uint256);
    /// @notice The Api3ServerV1 the price proxy reads, where prices and covered dAPIs are read (zero: the price proxy
    /// is not an Api3ReaderProxyV1; prices then go through it and no covered dAPI is judged).
    function api3ServerV1() external view returns (address);
    /// @notice Upper bound of `claimantBond`: one thousand whole tokens.
    function maxClaimantBond() external view returns (uint256);
    /// @notice The waiting period (see `IClaimsManager`).
    function waitingPeriod() external view returns (uint256);
    /// @notice The haircut applied to the pool token's price for capacity (WAD): liabilities are in USD, collateral
    /// in tokens.
    function priceHaircut() external view returns (uint256);
    /// @notice How long a `Disputed` claim's arbitrator may stay silent before anyone can close the dispute.
    function maxDisputeInactivity() external view returns (uint256);
    /// @notice The heartbeat of the pool token's price dAPI (a constructor argument): `maxPriceAge` is at least this.
    function priceFeedHeartbeat() external view returns (uint256);
    /// @notice How dAPI `dapiId` is judged (see `DapiFeed`).
    function dapiFeed(uint256 dapiId) external view returns (DapiFeed memory);
    /// @notice What the claims that are not final ask in all, in USD (they reserve it against their policies; the
    /// pool holds back that share of exits: `openExposure`).
    function openClaimsUsd() external view returns (uint256);
    /// @notice `payer`'s claims waiting for tranches, oldest first, and what each still owes.
    function owedClaims(address payer) external view returns (uint256[] memory claimIds, uint256[] memory owed);
    /// @notice The mediator's and the claimant's response periods (3 days each, constants).
    function responsePeriods() external pure returns (uint256 mediatorPeriod, uint256 claimantPeriod);
    /// @notice Shortest coverage period `buyCoverage` sells, and the longest any policy may run ahead.
    function coveragePeriodBounds() external pure returns (uint256 minPeriod, uint256 maxPeriod);
    /// @notice The pool token's validated price (USD, 18 decimals).
    function tokenPrice() external view returns (uint256);
    /// @notice The pool's capacity in USD: the stake that stays (`IStakingPool.stayingStake`, without pending
    /// unstakes) * collateralizationRatio * price * (1 - priceHaircut).
    function capacityUsd() external view returns (uint256);
    /// @notice Total active (unexpired) coverage in USD.
    function activeCoverageUsd() external view returns (uint256);
    function dapi(uint256 dapiId) external view returns (Dapi memory);
    /// @notice The id of dAPI `dapiName` on `chainId` (0 if never registered).
    function dapiIdOf(bytes32 dapiName, uint256 chainId) external view returns (uint256);
    function dapiCount() external view returns (uint256);
    function policyCount() external view returns (uint256);
    function claimCount() external view returns (uint256);
    /// @notice The claim behind dispute `disputeId` of `arbitrator_` (0 if none).
    function claimIdOfDispute(address arbitrator_, uint256 disputeId) external view returns (uint256);
    /// @notice `payer`'s quota as a share of the total stake per rolling window (default if never set).
    function payoutQuotaShare(address payer) external view returns (uint256);
    /// @notice Tokens `payer` may still pay now without exceeding its quota in any window.
    function availablePayoutQuota(address payer) external view returns (uint256);
    /// @notice What `distributeRewards` would send now: to stakers (forfeited bonds, plus the treasury's premiums
    /// while no treasury is set) and to the treasury (its premiums).
    function pendingRewards() external view returns (uint256 stakerAmount, uint256 treasuryAmount);

    /// @notice The premium stream as of now: `rate` tokens (before the treasury's share) for the current week,
    /// already pulled by the pool if `pulled`; `next` more from next week on; `due` of past weeks not pulled yet.
    function premiumStream() external view returns (uint256 rate, uint256 next, bool pulled, uint256 due);

    // ------------------------------------------------------------- governance

    /// @notice Primary agent. Warning: the mediator can pay claims up to its quota.
    function setMediator(address mediator_) external;

    /// @notice Primary agent: hands the primary agent's powers to `primaryAgent_` (e.g. a new DAO Timelock).
    /// Warning: the old primary agent loses every power at once; a wrong address cannot be undone.
    function setPrimaryAgent(address primaryAgent_) external;

    /// @notice Primary agent: moves the secondary agent's powers to `secondaryAgent_`.
    function setSecondaryAgent(address secondaryAgent_) external;
    /// @notice Primary agent. Sets an ERC-792 arbitrator for new disputes and announces `metaEvidenceURI` as new
    /// meta-evidence. Open disputes stay with the arbitrator that holds them. Clears the Kleros v2 settings.
    function setArbitrator(IArbitrator arbitrator_, bytes calldata extraData, string calldata metaEvidenceURI) external;
    /// @notice Primary agent. Sets a Kleros v2 arbitrator (`IArbitratorV2`, e.g. KlerosCore) for new disputes: its
    /// `extraData` (`abi.encode(courtID, minJurors, disputeKitID)`), the fee token (zero: ETH; never the pool token:
    /// `FeeTokenIsPoolToken`; Kleros must accept it), the most an escalation pays, `maxFee` (in [1, 2^96 - 1] units of
    /// the fee token), the claims template's id in Kleros' `DisputeTemplateRegistry` and Kleros' `EvidenceModule`.
    /// Open disputes stay with the arbitrator that holds them. Appeals of v2 disputes are funded in Kleros' dispute kit,
    /// not here. Warning: KlerosCore only takes disputes from arbitrables it whitelisted.
    function setArbitratorV2(
        IArbitratorV2 arbitrator_,
        bytes calldata extraData,
        IERC20 feeToken,
        uint256 maxFee,
        uint256 templateId,
        IEvidenceModule evidenceModule
    ) external;
    /// @notice Primary agent.
    function setPolicyAgent(address agent, bool authorized) external;
    /// @notice Primary agent. Bounds: [1%, 50%]. Default: 10%. (No payer can be stopped from paying what it owes; to
    /// stop new decisions, replace the mediator or the arbitrator.)
    function setPayoutQuota(address payer, uint256 share) external;
    /// @notice Primary agent. Bounds: [14 days, 180 days]. Default: 60 days. Keep it, plus the mediated path (9 days)
    /// and the tranches, below the pool's `maxFreeze`.
    function setMaxDisputeInactivity(uint256 maxDisputeInactivity_) external;
    /// @notice Primary agent: how dAPI `dapiId` is judged. Bounds: heartbeat 0 (not served here) or [1 minute, 2 days]
    /// for a dAPI of this chain, grace [0, 1 day].
    function setDapiFeed(uint256 dapiId, uint256 heartbeat, uint256 grace) external;
    /// @notice Primary agent. The zero address sends the treasury's part to stakers.
    function setTreasury(address treasury_) external;
    /// @notice Secondary agent. Bounds: baseRate <= 50%, slope1 <= 100%, kink in [10%, 95%],
    /// slope2 <= 1000% (annual rates). Default: 2%, 8%, 80%, 100%.
    function setPricingCurve(uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2) external;
    /// @notice Secondary agent. Bounds: [5%, 100%], in millionths. Default: 50%.
    function setCollateralizationRatio(uint256 ratio) external;
    /// @notice Secondary agent. Bounds: [0, 50%], in millionths. Default: 10%.
    function setPriceHaircut(uint256 haircut) external;
    /// @notice Secondary agent. Bounds: [0, 7 days]. Default: 1 day.
    function setWaitingPeriod(uint256 waitingPeriod_) external;
    /// @notice Secondary agent. Registers the dAPI on first use. Bounds: [0, 1e18]; 0 stops new coverage.
    /// @return dapiId The dAPI's id.
    function setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare) external returns (uint256 dapiId);
    /// @notice Secondary agent: a claim's bond is `floor` tokens plus `rate` tokens (WAD, multiples of 1e9) per USD
    /// claimed. Bounds: floor [0, maxClaimantBond], rate [0, 0.05]. Default: 50 tokens + 0.01 per USD (1% of the claim at
    /// a token price of 1 USD).
    function setClaimantBond(uint256 floor, uint256 rate) external;
    /// @notice Secondary agent. Bounds: [priceFeedHeartbeat, 7 days]. Default: the larger of 25 hours and the
    /// heartbeat.
    function setMaxPriceAge(uint256 maxPriceAge_) external;
    /// @notice Secondary agent: the treasury's share of the premiums, taken as they stream (weekly, at the pool's
    /// pull). Bounds: [0, 50%]. Default: 10%.
    function setTreasuryShare(uint256 share) external;
}

/// @title IClaimsManager (types, errors and events: `IClaimsTypes`; functions: `IClaimsCore` and
/// `IClaimsAdmin`; the full ABI of a deployed ClaimsManager: `IClaimsManager`)
/// @notice Coverage for users of API3 dAPIs, collateralized by the `IStakingPool`. A policy covers one dAPI up
/// to a USD amount for a period; dAPI users buy it at a quoted premium (`buyCoverage`) or receive it from a
/// DAO-appointed policy agent (`createPolicy`). Claims go to a DAO-appointed mediator (accept, settle or
/// reject within `MEDIATOR_RESPONSE_PERIOD` = 3 days), then, at the claimant's choice, to the arbitrator: an ERC-792
/// one (Kleros v1 on mainnet) or a Kleros v2 `IArbitratorV2` (KlerosCore on Arbitrum One), a governed choice
/// (`setArbitrator`, `setArbitratorV2`); both rule through `rule()`, 0 meaning "refuse to arbitrate". Payouts come out of the pool's stake through `IStakingPool.payOutClaim`.
/// @dev Units. `...Usd` amounts are USD with 18 decimals. `tokens`, `premium`, `bond` are pool-token base
/// units. `...Share`, `...Ratio` and curve parameters are WAD fractions (1e18 = 100%; rates are per year).
/// USD converts to tokens at the price of the pool token's dAPI, `priceFeed().read()` (18 decimals),
/// refused when zero, negative or older than `maxPriceAge`. Rounding is always against the caller and for
/// the pool: premiums and coverage-in-tokens round up, payouts round down.
///
/// Capacity. Coverage counts against capacity from its creation until the end of the week (UTC, Unix
/// weeks) that contains `claimsAllowedUntil`. Totals (global and per dAPI) are kept in USD with weekly
/// expiry buckets processed lazily: a call walks at most `MAX_POLICY_PERIOD / 1 weeks + 2` buckets (MAX_POLICY_PERIOD = 730 days) since
/// the last update, whatever the number of policies. Total active coverage, priced in tokens, never
/// exceeds `totalStake * collateralizationRatio` when coverage is created or raised; a dAPI's active
/// coverage never exceeds its `capShare` of that capacity. A later fall of the stake or the price can
/// leave coverage above capacity: it then blocks new coverage but never an existing policy's claims.
/// Storage bounds: total active coverage below 2^96 USD units (~7.9e10 USD) and undistributed premiums below
/// 2^96 token base units; a purchase beyond either reverts (OpenZeppelin `SafeCast`). One policy's coverage is at
/// most 2^95 - 1 USD units (~3.9e10 USD; `ValueOverflow`), its dates fit 32 bits (until 2106).
///
/// Ids. A policy id encodes the policy's terms at creation and a claim id its policy (see `Policy`, `Claim`):
/// ids are large numbers; `id >> 192` (policies) and `id >> 224` (claims) are the numbers 1, 2, ... that people
/// read. `policy(id)` of an id that is no policy, and `claim(id)` of an unknown claim, read as all zero.
///
/// Claim state machine (deadlines in brackets):
/// (MEDIATOR_RESPONSE_PERIOD = CLAIMANT_RESPONSE_PERIOD = 3 days)
///   createClaim                      -> Pending            [now + MEDIATOR_RESPONSE_PERIOD]
///   createParametricClaim            -> PaidClaim          (parametric policies: on an IncidentRegistry record,
///                                       no bond, no mediator; see `IClaimsParametric`)
///   Pending       acceptClaim        -> PaidClaim          (mediator, before the deadline)
///   Pending       proposeSettlement  -> SettlementProposed [now + CLAIMANT_RESPONSE_PERIOD]
///   Pending       rejectClaim        -> MediatorRejected   [now + CLAIMANT_RESPONSE_PERIOD]
///   SettlementProposed acceptSettlement -> PaidSettlement  (claimant, before the deadline)
///   SettlementProposed | MediatorRejected escalateClaim -> Disputed (claimant, before the deadline)
///   Pending       escalateClaim      -> Disputed (claimant, after the mediator's deadline and before it
///                                       plus CLAIMANT_RESPONSE_PERIOD: a silent mediator)
///                                       [now + maxDisputeInactivity; noteDisputeActivity moves it]
///   Disputed      rule 0             -> Refused
///   Disputed      rule 1 | 2         -> PaidClaim | PaidSettlement, or RulingPending when the price cannot be
///                                       read; executeRuling makes it final later
///   Disputed      closeStalledDispute -> DisputeClosed (anyone, after the deadline, the arbitrator silent)
///   Pending | SettlementProposed | MediatorRejected timeOutClaim -> TimedOut (anyone, after every
///                                       deadline of the stage)
/// The claimant's bond is returned on PaidClaim/PaidSettlement/DisputeClosed and forfeited to stakers on
/// Refused/TimedOut.
///
/// Definitions (one each, used throughout):
/// - *Stale*: a price or a dAPI value older than allowed. The pool token's price is stale when older than
///   `maxPriceAge` (never below its dAPI's heartbeat); a covered dAPI is stale while its value is older than its
///   `heartbeat + grace` (`DapiFeed`), and no coverage is sold on it then, nor while the incident registry holds an
///   open incident of it (`DapiHasOpenIncident`).
/// - *Final*: a claim in PaidClaim, PaidSettlement, Refused, TimedOut or DisputeClosed. A paid claim is final when it
///   is decided, even if tranches of its payout are still owed.
/// - *Waiting period*: the time after a policy's start (or after an upgrade, for the coverage it adds) before which
///   an incident is not covered (`waitingPeriod`, governed).
/// - *Open exposure*: what claims not yet final ask (their amounts in tokens at the current price), plus what is
///   owed (`openExposure`, reported to the pool, which holds back that share of exits).
/// - *Owed*: the tokens of final payouts not paid yet; fixed in tokens when the claim became final, paid in tranches
///   within the payer's quota and the pool's cap, first in first out per payer (`owedTokens`, `payTranche`).
///
/// Payouts in tranches. A payer (the mediator for acceptances and settlements, the arbitrator for rulings) pays at
/// most its quota, `share * totalStake`, per two fixed weekly buckets, so at most one quota per two weeks in
/// steady use. A claim of `c` tokens on a stake `S` with quota share `q` takes `n` tranches, the least `n` with
/// `1 - (1 - q)^n >= c / S` (each tranche lowers the stake it is measured on), paid in buckets 0, 2, 4, ...: with
/// the defaults (10%), a claim of 25% of the stake takes 3 tranches over 5 weeks. No governance action is needed.
///
/// Warning: the primary agent appoints the mediator, the arbitrator and the policy agents and sets payout
/// quotas; together with the pool's claims-manager authorization and payout cap these decide how much of the stake
/// can be paid out per week. The secondary agent sets prices, capacity, the bond and the waiting period. Everything
/// is listed under "Governance"; every parameter has hard-coded bounds that keep claims payable.
interface IClaimsManager is IClaimsCore, IClaimsAdmin, IClaimsParametric {}
