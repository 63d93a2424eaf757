// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsAdmin} from "./claims/ClaimsAdmin.sol";
import {ClaimsParametric} from "./claims/ClaimsParametric.sol";
import {ClaimsStorage} from "./claims/ClaimsStorage.sol";
import {IClaimsCore} from "./interfaces/IClaimsManager.sol";
import {IClaimsParametric} from "./interfaces/IClaimsParametric.sol";
import {IIncidentRegistry} from "./interfaces/IIncidentRegistry.sol";
import {IClaimsExposure, IStakingPool} from "./interfaces/IStakingPool.sol";
import {IArbitratorV2} from "./interfaces/kleros-v2/IArbitratorV2.sol";
import {PremiumCurve} from "./libraries/PremiumCurve.sol";
import {PriceConversion} from "./libraries/PriceConversion.sol";
import {QuotaWindow} from "./libraries/QuotaWindow.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ClaimsManager
/// @notice Coverage for API3 dAPI users backed by the staking pool: coverage purchases, claims, mediation,
/// arbitration (ERC-792 with ERC-1497 evidence, or Kleros v2's `IArbitratorV2`), payouts in tranches within rolling quotas, premium and bond
/// distribution. Quotes, policy agents' operations, views and governance run in the `ClaimsAdmin` module that this
/// contract deploys in its constructor, parametric coverage (`IClaimsParametric`) in the `ClaimsParametric` module
/// given to it; both are reached by delegatecall from its fallback (same address, same storage; the modules are
/// immutable). The full ABI at this address is `IClaimsManager`.
/// @dev See `IClaimsManager` for the state machine, units and rounding. Plain constructor, no proxy.
contract ClaimsManager is ClaimsStorage, IClaimsCore {
    using SafeERC20 for IERC20;
    using QuotaWindow for QuotaWindow.Quota;

    uint256 internal constant RULING_REFUSE = 0;
    uint256 internal constant RULING_PAY_CLAIM = 1;
    uint256 internal constant RULING_PAY_SETTLEMENT = 2;
    /// @dev ERC-792 `DisputeStatus.Waiting`: no ruling given yet in the current round.
    uint256 internal constant DISPUTE_WAITING = 0;
    /// @dev The activity an `IArbitratorV2` shows (its current ruling is not tied, or was overridden), reported as
    /// ERC-792's `Appealable`.
    uint256 internal constant DISPUTE_V2_RULED = 1;

    /// @notice The module serving `IClaimsAdmin` (by delegatecall).
    ClaimsAdmin public immutable admin;
    /// @notice The module serving `IClaimsParametric` (by delegatecall).
    ClaimsParametric public immutable parametric;

    /// @notice `module` was built with another pool, price feed, heartbeat or incident registry than this manager.
    error ModuleMismatch(address module);

    /// @param pool_ The staking pool (authorize this contract there as a claims manager).
    /// @param priceFeed_ The dAPI proxy (IApi3ReaderProxy) of the pool token's USD price.
    /// @param priceFeedHeartbeat_ That dAPI's heartbeat (`maxPriceAge` never goes below it).
    /// @param primaryAgent_ The DAO's primary agent (Timelock); also the first treasury.
    /// @param secondaryAgent_ The DAO's secondary agent (Timelock).
    /// @param mediator_ The first mediator (may be zero).
    /// @param arbitrator_ The first arbitrator (may be zero).
    /// @param arbitratorExtraData_ Extra data for the arbitrator (Kleros: court and number of jurors).
    /// @param metaEvidenceURI_ ERC-1497 meta-evidence of the disputes, announced as id 0.
    /// @param dapis_ dAPIs to register with their caps and feeds (ids 1, 2, ... in this order).
    /// @param parametric_ The parametric module, built with the same pool, price feed and heartbeat, and the incident
    /// registry this manager reads (`ModuleMismatch` otherwise; its registry may be zero: no parametric coverage).
    constructor(
        IStakingPool pool_,
        IApi3ReaderProxy priceFeed_,
        uint256 priceFeedHeartbeat_,
        address primaryAgent_,
        address secondaryAgent_,
        address mediator_,
        IArbitrator arbitrator_,
        bytes memory arbitratorExtraData_,
        string memory metaEvidenceURI_,
        DapiConfig[] memory dapis_,
        ClaimsParametric parametric_
    )
        ClaimsStorage(
            pool_, priceFeed_, priceFeedHeartbeat_, primaryAgent_, secondaryAgent_, parametric_.incidentRegistry()
        )
    {
        IIncidentRegistry registry = parametric_.incidentRegistry();
        if (parametric_.moduleConfig() != _configHash(pool_, priceFeed_, priceFeedHeartbeat_, registry)) {
            revert ModuleMismatch(address(parametric_));
        }
        parametric = parametric_;
        admin = new ClaimsAdmin(pool_, priceFeed_, priceFeedHeartbeat_, primaryAgent_, secondaryAgent_, registry);
        uint256 unit = _tokenUnit;
        uint256 maxPriceAge_ = Math.max(25 hours, priceFeedHeartbeat_);
        _curve = PremiumCurve.Params({baseRate: 0.02e18, slope1: 0.08e18, kink: 0.8e18, slope2: 1e18});
        _params = Params({
            treasuryShare: 0.1e18,
            claimantBond: uint96(50 * unit),
            claimantBondRate: uint32(0.01e18 / BOND_RATE_UNIT),
            maxDisputeInactivity: 60 days
        });
        _hot = HotParams({
            mediator: mediator_,
            maxPriceAge: uint32(maxPriceAge_),
            collateralizationRatio: uint32(PPM / 2),
            priceHaircut: uint32(PPM / 10)
        });
        _arbitration = ArbitrationParams({arbitrator: arbitrator_, metaEvidenceId: 0, waitingPeriod: 1 days});
        _treasury = primaryAgent_;
        _arbitratorExtraData = arbitratorExtraData_;
        _parametric = ParametricParams({riskFactor: uint32(PPM * 3 / 2), incidentCapUsd: 1_000_000e18});
        emit PricingCurveSet(0.02e18, 0.08e18, 0.8e18, 1e18);
        emit CollateralizationRatioSet(0.5e18);
        emit PriceHaircutSet(0.1e18);
        emit TreasuryShareSet(0.1e18);
        emit MaxPriceAgeSet(maxPriceAge_);
        emit ClaimantBondSet(50 * unit, 0.01e18);
        emit WaitingPeriodSet(1 days);
        emit MaxDisputeInactivitySet(60 days);
        emit ParametricRiskFactorSet(1.5e18);
        emit IncidentPayoutCapSet(1_000_000e18);
        emit TreasurySet(primaryAgent_);
        emit MediatorSet(mediator_);
        emit ArbitratorSet(arbitrator_, arbitratorExtraData_, 0);
        emit MetaEvidence(0, metaEvidenceURI_);
        for (uint256 i; i < dapis_.length; ++i) {
            DapiConfig memory config = dapis_[i];
            uint256 dapiId = _setDapiCap(config.name, config.chainId, config.capShare);
            _setDapiFeed(dapiId, config.heartbeat, config.grace);
        }
    }

    /// @notice Serves `IClaimsParametric` by delegatecall to `parametric`, and `IClaimsAdmin` to `admin`.
    fallback() external {
        bytes4 selector = msg.sig;
        address target = selector == IClaimsParametric.buyParametricCoverage.selector
            || selector == IClaimsParametric.createParametricClaim.selector
            || selector == IClaimsParametric.setParametricRiskFactor.selector
            || selector == IClaimsParametric.setIncidentPayoutCap.selector
            || selector == IClaimsParametric.parametricTerms.selector
            || selector == IClaimsParametric.parametricVersionOf.selector
            || selector == IClaimsParametric.incidentPaidUsd.selector
            || selector == IClaimsParametric.incidentRegistry.selector
            || selector == IClaimsParametric.moduleConfig.selector
            ? address(parametric)
            : address(admin);
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    modifier onlyMediator() {
        address mediator_ = _hot.mediator;
        if (msg.sender != mediator_) revert Unauthorized(msg.sender, mediator_);
        _;
    }

    // ------------------------------------------------------------- coverage

    /// @inheritdoc IClaimsCore
    function buyCoverage(
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 period,
        uint256 maxPremium,
        string calldata policyURI
    ) external override nonReentrant returns (uint256 policyId, uint256 premium) {
        if (period < MIN_COVERAGE_PERIOD || period > MAX_POLICY_PERIOD) {
            revert InvalidPeriod(period, MIN_COVERAGE_PERIOD, MAX_POLICY_PERIOD);
        }
        uint256 until = block.timestamp + period;
        uint256 count;
        (count, premium) = _addPolicyExposure(dapiId, coverageUsd, until, period, PPM);
        if (premium > maxPremium) revert PremiumAboveMaximum(premium, maxPremium);
        policyId = _storePolicy(count, msg.sender, block.timestamp, until, dapiId, coverageUsd);
        // Booked for `distributeRewards` by `_addPolicyExposure`; pulled last (checks-effects-interactions).
        if (premium != 0) _token.safeTransferFrom(msg.sender, address(this), premium);
        emit PolicyCreated(
            policyId, msg.sender, dapiId, coverageUsd, block.timestamp, until, policyURI, msg.sender, premium
        );
    }

    // ---------------------------------------------------------------- claims

    /// @inheritdoc IClaimsCore
    function createClaim(uint256 policyId, uint256 amountUsd, uint256 incidentAt, string calldata evidenceURI)
        external
        override
        nonReentrant
        returns (uint256 claimId)
    {
        ArbitrationParams memory arbitration = _arbitration;
        _reserve(policyId, amountUsd, incidentAt, arbitration.waitingPeriod);
        uint256 bond = _bondFor(amountUsd);
        uint256 deadline = block.timestamp + MEDIATOR_RESPONSE_PERIOD;
        // The claim joins the open exposure until it is final.
        Counters memory counters = _counters;
        claimId = uint256(++counters.claimCount) << CLAIM_COUNT_SHIFT | policyId;
        counters.openUsd = uint96(counters.openUsd + amountUsd);
        _counters = counters;
        ClaimRecord storage c = _claims[claimId];
        (c.status, c.deadline, c.amountUsd, c.bond) =
        (ClaimStatus.Pending, uint32(deadline), uint96(amountUsd), uint88(bond));
        if (bond != 0) _token.safeTransferFrom(msg.sender, address(this), bond);
        emit ClaimCreated(claimId, policyId, msg.sender, amountUsd, incidentAt, bond, deadline);
        emit Evidence(arbitration.arbitrator, claimId, msg.sender, evidenceURI);
    }

    /// @inheritdoc IClaimsCore
    function acceptClaim(uint256 claimId) external override nonReentrant onlyMediator {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        c.status = ClaimStatus.PaidClaim;
        uint256 usd = c.amountUsd;
        (uint256 tokens, uint256 paid) = _settle(claimId, c, usd, msg.sender);
        emit ClaimAccepted(claimId, claimId & POLICY_ID_MASK, msg.sender, usd, tokens, paid);
    }

    /// @inheritdoc IClaimsCore
    function proposeSettlement(uint256 claimId, uint256 settlementUsd) external override onlyMediator {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        if (settlementUsd == 0 || settlementUsd >= c.amountUsd) revert InvalidSettlement(settlementUsd, c.amountUsd);
        uint256 deadline = block.timestamp + CLAIMANT_RESPONSE_PERIOD;
        (c.status, c.deadline, c.settlementUsd) =
        (ClaimStatus.SettlementProposed, uint32(deadline), uint96(settlementUsd));
        emit SettlementProposed(claimId, msg.sender, settlementUsd, deadline);
    }

    /// @inheritdoc IClaimsCore
    function rejectClaim(uint256 claimId) external override onlyMediator {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        uint256 deadline = block.timestamp + CLAIMANT_RESPONSE_PERIOD;
        (c.status, c.deadline) = (ClaimStatus.MediatorRejected, uint32(deadline));
        emit ClaimRejected(claimId, msg.sender, deadline);
    }

    /// @inheritdoc IClaimsCore
    function acceptSettlement(uint256 claimId, uint256 minimumPayoutTokens) external override nonReentrant {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.SettlementProposed);
        _onlyClaimant(claimId);
        _beforeDeadline(claimId, c.deadline);
        c.status = ClaimStatus.PaidSettlement;
        uint256 usd = c.settlementUsd;
        (uint256 tokens, uint256 paid) = _settle(claimId, c, usd, _hot.mediator);
        if (tokens < minimumPayoutTokens) revert PayoutBelowMinimum(tokens, minimumPayoutTokens);
        emit SettlementAccepted(claimId, claimId & POLICY_ID_MASK, usd, tokens, paid);
    }

    /// @inheritdoc IClaimsCore
    function escalateClaim(uint256 claimId, string calldata evidenceURI)
        external
        payable
        override
        nonReentrant
        returns (uint256 disputeId)
    {
        ClaimRecord storage c = _claim(claimId);
        _onlyClaimant(claimId);
        ClaimStatus status = c.status;
        uint256 deadline = c.deadline;
        if (status == ClaimStatus.Pending) {
            // Only a silent mediator: after its deadline, within the claimant's response period.
            if (block.timestamp <= deadline) revert DeadlineNotPassed(claimId, deadline, block.timestamp);
            deadline += CLAIMANT_RESPONSE_PERIOD;
        } else if (status != ClaimStatus.SettlementProposed && status != ClaimStatus.MediatorRejected) {
            revert InvalidClaimStatus(claimId, status);
        }
        _beforeDeadline(claimId, deadline);

        IArbitrator arbitrator_ = _arbitration.arbitrator;
        if (address(arbitrator_) == address(0)) revert NoArbitrator();
        V2Court memory v2 = _v2Courts[address(arbitrator_)];
        // The dispute's inactivity deadline: a silent arbitrator lets anyone close it after it (`closeStalledDispute`).
        uint256 inactiveAfter = block.timestamp + _params.maxDisputeInactivity;
        (c.status, c.deadline) = (ClaimStatus.Disputed, uint32(inactiveAfter));
        uint256 paidEth;
        (disputeId, paidEth) = _createDispute(claimId, arbitrator_, v2);
        // An arbitrator that hands out a dispute id twice must not redirect another claim's ruling.
        mapping(uint256 => uint256) storage claimsOfArbitrator = _disputeClaims[address(arbitrator_)];
        if (claimsOfArbitrator[disputeId] != 0) {
            revert DisputeIdReused(address(arbitrator_), disputeId, claimsOfArbitrator[disputeId]);
        }
        claimsOfArbitrator[disputeId] = claimId;
        (c.arbitrator, c.disputeId) = (address(arbitrator_), uint96(disputeId));
        // The claim's evidence, announced again with the arbitrator that holds the dispute (see `IClaimsCore`).
        if (bytes(evidenceURI).length != 0) _announceEvidence(arbitrator_, v2, claimId, evidenceURI);

        if (msg.value > paidEth) {
            (bool ok,) = msg.sender.call{value: msg.value - paidEth}("");
            if (!ok) revert RefundFailed(msg.sender, msg.value - paidEth);
        }
    }

    /// @inheritdoc IClaimsCore
    function submitEvidence(uint256 claimId, string calldata evidenceURI) external override {
        ClaimRecord storage c = _claim(claimId);
        address claimant = _claimantOf(claimId & POLICY_ID_MASK);
        if (msg.sender != claimant && msg.sender != _hot.mediator) {
            revert Unauthorized(msg.sender, claimant);
        }
        ClaimStatus status = c.status;
        if (status > ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, status);
        IArbitrator arbitrator_ = status == ClaimStatus.Disputed ? IArbitrator(c.arbitrator) : _arbitration.arbitrator;
        _announceEvidence(arbitrator_, _v2Courts[address(arbitrator_)], claimId, evidenceURI);
    }

    /// @inheritdoc IClaimsCore
    function timeOutClaim(uint256 claimId) external override {
        ClaimRecord storage c = _claim(claimId);
        ClaimStatus status = c.status;
        uint256 deadline = c.deadline;
        if (status == ClaimStatus.Pending) {
            deadline += CLAIMANT_RESPONSE_PERIOD;
        } else if (status != ClaimStatus.SettlementProposed && status != ClaimStatus.MediatorRejected) {
            revert InvalidClaimStatus(claimId, status);
        }
        if (block.timestamp <= deadline) revert DeadlineNotPassed(claimId, deadline, block.timestamp);
        c.status = ClaimStatus.TimedOut;
        _refuse(claimId, c);
        emit ClaimTimedOut(claimId, c.bond);
    }

    // ------------------------------------------------------------ arbitration

    /// @notice Receives the final ruling of a dispute; only from the arbitrator that holds it, ERC-792 or Kleros v2
    /// (`IArbitrableV2.rule`, same selector and `Ruling` event): 0 is "refuse to arbitrate" in both (in Kleros v2 also the
    /// result of a tie) and refuses the claim (bond forfeited), as a ruling 2 without a settlement proposal does. A payout ruling is made final at once (paid now or in tranches); if the price
    /// cannot be read it stays `RulingPending` for `executeRuling`, so the ruling is never lost. A ruling on a dispute
    /// closed as stalled (`closeStalledDispute`) is accepted and ignored.
    function rule(uint256 disputeId, uint256 ruling) external override {
        uint256 claimId = _disputeClaims[msg.sender][disputeId];
        if (claimId == 0) revert UnknownDispute(msg.sender, disputeId);
        ClaimRecord storage c = _claims[claimId];
        if (ruling > RULING_OPTIONS) revert InvalidRuling(ruling);
        emit Ruling(IArbitrator(msg.sender), disputeId, ruling);
        if (c.status == ClaimStatus.DisputeClosed) return;
        if (c.status != ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, c.status);
        c.ruling = uint8(ruling);
        if (ruling == RULING_REFUSE || (ruling == RULING_PAY_SETTLEMENT && c.settlementUsd == 0)) {
            c.status = ClaimStatus.Refused;
            _refuse(claimId, c);
            emit RulingExecuted(claimId, claimId & POLICY_ID_MASK, ruling, ClaimStatus.Refused, 0, 0, 0);
            return;
        }
        c.status = ClaimStatus.RulingPending;
        try this.executeRuling(claimId) {}
        catch {
            emit RulingDeferred(claimId, ruling);
        }
    }

    /// @inheritdoc IClaimsCore
    function executeRuling(uint256 claimId) external override nonReentrant {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.RulingPending);
        uint256 ruling = c.ruling;
        (ClaimStatus status, uint256 usd) = ruling == RULING_PAY_CLAIM
            ? (ClaimStatus.PaidClaim, uint256(c.amountUsd))
            : (ClaimStatus.PaidSettlement, uint256(c.settlementUsd));
        c.status = status;
        (uint256 tokens, uint256 paid) = _settle(claimId, c, usd, c.arbitrator);
        emit RulingExecuted(claimId, claimId & POLICY_ID_MASK, ruling, status, usd, tokens, paid);
    }

    /// @inheritdoc IClaimsCore
    function closeStalledDispute(uint256 claimId) external override nonReentrant {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Disputed);
        uint256 deadline = c.deadline;
        if (block.timestamp <= deadline) revert DeadlineNotPassed(claimId, deadline, block.timestamp);
        (bool answered, uint256 disputeStatus) = _disputeStatus(c.arbitrator, c.disputeId);
        if (answered && disputeStatus != DISPUTE_WAITING) revert DisputeActive(claimId, disputeStatus);
        c.status = ClaimStatus.DisputeClosed;
        uint256 reserved = c.amountUsd;
        _closeReservation(claimId, reserved, reserved, 0);
        uint256 bond = c.bond;
        emit StalledDisputeClosed(claimId, c.arbitrator, c.disputeId, bond);
        if (bond != 0) _token.safeTransfer(_claimantOf(claimId & POLICY_ID_MASK), bond);
    }

    /// @inheritdoc IClaimsCore
    function noteDisputeActivity(uint256 claimId) external override {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Disputed);
        (bool answered, uint256 disputeStatus) = _disputeStatus(c.arbitrator, c.disputeId);
        if (!answered || disputeStatus == DISPUTE_WAITING) revert NoDisputeActivity(claimId);
        uint256 deadline = block.timestamp + _params.maxDisputeInactivity;
        c.deadline = uint32(deadline);
        emit DisputeActivityNoted(claimId, disputeStatus, deadline);
    }

    // ---------------------------------------------------------------- payouts

    /// @inheritdoc IClaimsCore
    function payTranche(address payer) external override nonReentrant returns (uint256 claimId, uint256 paid) {
        PayoutQueue memory queue = _payoutQueues[payer];
        if (queue.head == queue.tail) revert NothingOwed(payer);
        claimId = _queuedClaims[payer][queue.head];
        ClaimRecord storage c = _claims[claimId];
        uint256 owed = c.owedTokens;
        QuotaWindow.Quota memory quota = _quotas[payer];
        (uint256 room, uint256 nextRoomAt) = _payoutRoom(payer, quota);
        paid = Math.min(owed, room);
        if (paid == 0) revert NoPayoutRoom(payer, owed, nextRoomAt);
        owed -= paid;
        c.owedTokens = uint104(owed);
        quota.record(paid, block.timestamp);
        if (owed == 0) {
            _payoutQueues[payer].head = queue.head + 1;
            --quota.queued;
        }
        _quotas[payer] = quota;
        _counters.owedTokens -= uint96(paid);
        address claimant = _claimantOf(claimId & POLICY_ID_MASK);
        emit TranchePaid(claimId, payer, paid, owed);
        _pool.payOutClaim(claimant, paid);
    }

    // ---------------------------------------------------------------- rewards

    /// @inheritdoc IClaimsCore
    function distributeRewards() external override nonReentrant {
        (uint256 toStakers, uint256 toTreasury) = _pendingSplit();
        if (toStakers == 0 && toTreasury == 0) revert NothingToDistribute();
        address treasury_ = _treasury;
        _globals.premiums = 0;
        _forfeitedBonds = 0;
        if (toTreasury != 0) _token.safeTransfer(treasury_, toTreasury);
        if (toStakers != 0) {
            _token.forceApprove(address(_pool), toStakers);
            _pool.addRewards(toStakers);
        }
        emit RewardsDistributed(toStakers, toTreasury, treasury_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClaimsCore
    function pool() external view override returns (IStakingPool) {
        return _pool;
    }

    /// @inheritdoc IClaimsCore
    function token() external view override returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IClaimsCore
    function priceFeed() external view override returns (IApi3ReaderProxy) {
        return _priceFeed;
    }

    /// @inheritdoc IClaimsCore
    function primaryAgent() external view override returns (address) {
        return _primaryAgent;
    }

    /// @inheritdoc IClaimsCore
    function secondaryAgent() external view override returns (address) {
        return _secondaryAgent;
    }

    /// @inheritdoc IClaimsCore
    function policy(uint256 policyId) external view override returns (Policy memory p) {
        (p,) = _policyOf(policyId);
    }

    /// @inheritdoc IClaimsCore
    function claim(uint256 claimId) external view override returns (Claim memory) {
        ClaimRecord memory r = _claims[claimId];
        if (r.status == ClaimStatus.None) return Claim(0, ClaimStatus.None, 0, 0, 0, 0, 0, address(0), 0, 0);
        return Claim(
            claimId & POLICY_ID_MASK,
            r.status,
            r.deadline,
            r.amountUsd,
            r.bond,
            r.settlementUsd,
            r.ruling,
            r.arbitrator,
            r.disputeId,
            r.owedTokens
        );
    }

    /// @inheritdoc IClaimsExposure
    function openExposure() external view override returns (uint256 tokens) {
        Counters memory counters = _counters;
        tokens = counters.owedTokens;
        if (counters.openUsd == 0) return tokens;
        // Any positive price, however old: the exposure only sizes what exits hold back. Without one, all of it.
        try this.readPrice() returns (int224 value, uint32) {
            if (value > 0) {
                return tokens + PriceConversion.toTokensUp(counters.openUsd, uint256(int256(value)), _tokenUnit);
            }
        } catch {}
        return tokens + _pool.totalStake();
    }

    /// @inheritdoc IClaimsCore
    function readPrice() external view override returns (int224 value, uint32 timestamp) {
        return _readPrice();
    }

    /// @inheritdoc IClaimsExposure
    function owedTokens() external view override returns (uint256) {
        return _counters.owedTokens;
    }

    // --------------------------------------------------------------- internal

    /// @dev Checks a new claim of the caller on `policyId` (its claimant, within its claims period, the incident in its
    /// cover, the amount within what it still covers) and reserves `amountUsd` against the policy.
    function _reserve(uint256 policyId, uint256 amountUsd, uint256 incidentAt, uint256 waitingPeriod) internal {
        uint256 state = _policyStates[policyId];
        address claimant = address(uint160(state));
        if (claimant == address(0)) revert UnknownPolicy(policyId);
        if (msg.sender != claimant) revert Unauthorized(msg.sender, claimant);
        bool changed = state & POLICY_CHANGED != 0;
        uint256 terms = changed ? _policyChanges[policyId] : policyId;
        uint256 until = uint32(terms >> 128);
        if (block.timestamp < uint32(policyId >> 160) || block.timestamp > until) {
            revert OutsideClaimsPeriod(policyId, uint32(policyId >> 160), until, block.timestamp);
        }
        uint256 remaining = (state >> 160) & MAX_POLICY_COVERAGE;
        uint256 claimable = _claimable(policyId, changed, terms, remaining, incidentAt, waitingPeriod);
        if (amountUsd == 0 || amountUsd > claimable) revert InvalidClaimAmount(amountUsd, claimable);
        _policyStates[policyId] = state - (amountUsd << 160);
    }

    /// @dev The claimant bond of a claim of `amountUsd`: the floor plus `claimantBondRate` tokens per USD claimed
    /// (rounded up). A rate in tokens, not a share converted at the price, keeps an oracle read out of `createClaim`.
    function _bondFor(uint256 amountUsd) internal view returns (uint256) {
        Params memory params = _params;
        if (params.claimantBondRate == 0) return params.claimantBond;
        // amountUsd (18 decimals) * rate (1e-9 tokens per USD) * token unit / (1e18 * 1e9).
        return params.claimantBond
            + Math.mulDiv(amountUsd, uint256(params.claimantBondRate) * _tokenUnit, 1e27, Math.Rounding.Ceil);
    }

    /// @dev What `payer` may pay now: its quota's room and the pool's cap's, the smaller; and, if that is nothing, the
    /// earliest time it may pay again (its quota's, or the start of the pool's next window bucket).
    function _payoutRoom(address payer, QuotaWindow.Quota memory quota)
        internal
        view
        returns (uint256 room, uint256 nextRoomAt)
    {
        (room, nextRoomAt,) = _payoutRoomAndStake(payer, quota);
    }

    /// @dev A claim ends without payout (refused, timed out): its reservation goes back to the policy and its bond to
    /// the stakers.
    function _refuse(uint256 claimId, ClaimRecord storage c) internal {
        uint256 reserved = c.amountUsd;
        _closeReservation(claimId, reserved, reserved, 0);
        uint256 bond = c.bond;
        if (bond != 0) _forfeitedBonds += bond;
    }

    /// @dev Creates claim `claimId`'s dispute on `arbitrator_` and announces it (ERC-1497 `Dispute`, or Kleros v2's
    /// `DisputeRequest`, then `ClaimEscalated`). In ETH (ERC-792, or Kleros v2 without a fee token): exactly
    /// `arbitrationCost(extraData)` (`paidEth`; the caller returns the rest of `msg.value`). Kleros v2 with a fee token:
    /// exactly `arbitrationCost(extraData, feeToken)`, pulled from the caller and approved to the arbitrator for that
    /// amount only, the approval reset to 0 afterwards. Kleros v2 refuses a cost above `maxFee`.
    function _createDispute(uint256 claimId, IArbitrator arbitrator_, V2Court memory v2)
        internal
        returns (uint256 disputeId, uint256 paidEth)
    {
        bytes memory extraData = _arbitratorExtraData;
        bool isV2 = address(v2.evidenceModule) != address(0);
        V2Fee memory fee;
        if (isV2) fee = _v2Fee;
        uint256 cost;
        if (address(fee.feeToken) == address(0)) {
            // ERC-792 and IArbitratorV2 share `arbitrationCost(bytes)` and the payable `createDispute(uint256,bytes)`.
            cost = arbitrator_.arbitrationCost(extraData);
            if (isV2 && cost > fee.maxFee) revert ArbitrationFeeAboveMaximum(cost, fee.maxFee);
            if (msg.value < cost) revert InsufficientArbitrationFee(msg.value, cost);
            disputeId = arbitrator_.createDispute{value: cost}(RULING_OPTIONS, extraData);
            paidEth = cost;
        } else {
            IArbitratorV2 court = IArbitratorV2(address(arbitrator_));
            cost = court.arbitrationCost(extraData, fee.feeToken);
            if (cost > fee.maxFee) revert ArbitrationFeeAboveMaximum(cost, fee.maxFee);
            fee.feeToken.safeTransferFrom(msg.sender, address(this), cost);
            fee.feeToken.forceApprove(address(court), cost);
            disputeId = court.createDispute(RULING_OPTIONS, extraData, fee.feeToken, cost);
            fee.feeToken.forceApprove(address(court), 0);
        }
        if (disputeId > type(uint96).max) revert ValueOverflow(disputeId, type(uint96).max);
        if (isV2) emit DisputeRequest(IArbitratorV2(address(arbitrator_)), disputeId, claimId, v2.templateId, "");
        else emit Dispute(arbitrator_, disputeId, _arbitration.metaEvidenceId, claimId);
        emit ClaimEscalated(claimId, arbitrator_, disputeId, cost, fee.feeToken);
    }

    /// @dev Announces evidence of the caller on claim `claimId`: ERC-1497 `Evidence` tagged with `arbitrator_`, and, for
    /// a Kleros v2 arbitrator, `submitEvidence` on its evidence module keyed by the claim id (the external dispute id).
    function _announceEvidence(IArbitrator arbitrator_, V2Court memory v2, uint256 claimId, string calldata evidenceURI)
        internal
    {
        emit Evidence(arbitrator_, claimId, msg.sender, evidenceURI);
        if (address(v2.evidenceModule) != address(0)) v2.evidenceModule.submitEvidence(claimId, evidenceURI);
    }

    /// @dev The status of a dispute (`answered` false if the arbitrator does not answer): ERC-792's `disputeStatus`, or,
    /// for a Kleros v2 arbitrator, `DISPUTE_V2_RULED` once its current ruling is not tied (votes were counted) or was
    /// overridden by appeal funding, else `DISPUTE_WAITING`.
    function _disputeStatus(address arbitrator_, uint256 disputeId)
        internal
        view
        returns (bool answered, uint256 status)
    {
        if (address(_v2Courts[arbitrator_].evidenceModule) != address(0)) {
            try IArbitratorV2(arbitrator_).currentRuling(disputeId) returns (uint256, bool tied, bool overridden) {
                return (true, tied && !overridden ? DISPUTE_WAITING : DISPUTE_V2_RULED);
            } catch {
                return (false, 0);
            }
        }
        try IArbitrator(arbitrator_).disputeStatus(disputeId) returns (IArbitrator.DisputeStatus s) {
            return (true, uint256(s));
        } catch {
            return (false, 0);
        }
    }

    function _claim(uint256 claimId) internal view returns (ClaimRecord storage c) {
        c = _claims[claimId];
        if (c.status == ClaimStatus.None) revert UnknownClaim(claimId);
    }

    function _claimIn(uint256 claimId, ClaimStatus expected) internal view returns (ClaimRecord storage c) {
        c = _claim(claimId);
        if (c.status != expected) revert InvalidClaimStatus(claimId, c.status);
    }

    function _onlyClaimant(uint256 claimId) internal view {
        address claimant = _claimantOf(claimId & POLICY_ID_MASK);
        if (msg.sender != claimant) revert Unauthorized(msg.sender, claimant);
    }

    function _beforeDeadline(uint256 claimId, uint256 deadline) internal view {
        if (block.timestamp > deadline) revert DeadlinePassed(claimId, deadline, block.timestamp);
    }
}
