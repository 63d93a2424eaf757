// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsAdmin} from "./claims/ClaimsAdmin.sol";
import {ClaimsStorage} from "./claims/ClaimsStorage.sol";
import {IClaimsCore} from "./interfaces/IClaimsManager.sol";
import {IStakingPool} from "./interfaces/IStakingPool.sol";
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
/// ERC-792 arbitration with ERC-1497 evidence, rolling payout quotas, premium and bond distribution. Quotes,
/// policy agents' operations, views and governance run in the `ClaimsAdmin` module that this contract
/// deploys in its constructor and reaches by delegatecall from its fallback (same address, same storage;
/// the module is immutable). The full ABI at this address is `IClaimsManager`.
/// @dev See `IClaimsManager` for the state machine, units and rounding. Plain constructor, no proxy.
contract ClaimsManager is ClaimsStorage, IClaimsCore {
    using SafeERC20 for IERC20;
    using QuotaWindow for QuotaWindow.Quota;

    uint256 internal constant RULING_REFUSE = 0;
    uint256 internal constant RULING_PAY_CLAIM = 1;
    uint256 internal constant RULING_PAY_SETTLEMENT = 2;

    /// @notice The module serving `IClaimsAdmin` (by delegatecall).
    ClaimsAdmin public immutable admin;

    /// @param pool_ The staking pool (authorize this contract there as a claims manager).
    /// @param priceFeed_ The dAPI proxy (IApi3ReaderProxy) of the pool token's USD price.
    /// @param primaryAgent_ The DAO's primary agent (Timelock); also the first treasury.
    /// @param secondaryAgent_ The DAO's secondary agent (Timelock).
    /// @param mediator_ The first mediator (may be zero).
    /// @param arbitrator_ The first arbitrator (may be zero).
    /// @param arbitratorExtraData_ Extra data for the arbitrator (Kleros: court and number of jurors).
    /// @param metaEvidenceURI_ ERC-1497 meta-evidence of the disputes, announced as id 0.
    /// @param dapis_ dAPIs to register with their caps (ids 1, 2, ... in this order).
    constructor(
        IStakingPool pool_,
        IApi3ReaderProxy priceFeed_,
        address primaryAgent_,
        address secondaryAgent_,
        address mediator_,
        IArbitrator arbitrator_,
        bytes memory arbitratorExtraData_,
        string memory metaEvidenceURI_,
        DapiConfig[] memory dapis_
    ) ClaimsStorage(pool_, priceFeed_, primaryAgent_, secondaryAgent_) {
        admin = new ClaimsAdmin(pool_, priceFeed_, primaryAgent_, secondaryAgent_);
        uint256 unit = _tokenUnit;
        _curve = PremiumCurve.Params({baseRate: 0.02e18, slope1: 0.08e18, kink: 0.8e18, slope2: 1e18});
        _params = Params({treasuryShare: 0.1e18, claimantBond: uint96(100 * unit)});
        _hot = HotParams({mediator: mediator_, maxPriceAge: uint32(25 hours), collateralizationRatio: 0.5e18});
        (_treasury, _arbitrator) = (primaryAgent_, arbitrator_);
        _arbitratorExtraData = arbitratorExtraData_;
        emit PricingCurveSet(0.02e18, 0.08e18, 0.8e18, 1e18);
        emit CollateralizationRatioSet(0.5e18);
        emit TreasuryShareSet(0.1e18);
        emit MaxPriceAgeSet(25 hours);
        emit ClaimantBondSet(100 * unit);
        emit TreasurySet(primaryAgent_);
        emit MediatorSet(mediator_);
        emit ArbitratorSet(arbitrator_, arbitratorExtraData_, 0);
        emit MetaEvidence(0, metaEvidenceURI_);
        for (uint256 i; i < dapis_.length; ++i) {
            _setDapiCap(dapis_[i].name, dapis_[i].chainId, dapis_[i].capShare);
        }
    }

    /// @notice Serves `IClaimsAdmin` by delegatecall to `admin`.
    fallback() external {
        address target = address(admin);
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
        (count, premium) = _addPolicyExposure(dapiId, coverageUsd, until, period);
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
    function createClaim(uint256 policyId, uint256 amountUsd, string calldata evidenceURI)
        external
        override
        nonReentrant
        returns (uint256 claimId)
    {
        uint256 state = _policyStates[policyId];
        address claimant = address(uint160(state));
        if (claimant == address(0)) revert UnknownPolicy(policyId);
        if (msg.sender != claimant) revert Unauthorized(msg.sender, claimant);
        uint256 from = uint32(policyId >> 160);
        uint256 until = uint32((state & POLICY_CHANGED == 0 ? policyId : _policyChanges[policyId]) >> 128);
        if (block.timestamp < from || block.timestamp > until) {
            revert OutsideClaimsPeriod(policyId, from, until, block.timestamp);
        }
        uint256 remaining = (state >> 160) & MAX_POLICY_COVERAGE;
        if (amountUsd == 0 || amountUsd > remaining) revert InvalidClaimAmount(amountUsd, remaining);

        uint256 bond = _params.claimantBond;
        uint256 deadline = block.timestamp + MEDIATOR_RESPONSE_PERIOD;
        claimId = uint256(++_counters.claimCount) << CLAIM_COUNT_SHIFT | policyId;
        ClaimRecord storage c = _claims[claimId];
        (c.status, c.deadline, c.amountUsd, c.bond) =
        (ClaimStatus.Pending, uint32(deadline), uint96(amountUsd), uint88(bond));
        if (bond != 0) _token.safeTransferFrom(msg.sender, address(this), bond);
        emit ClaimCreated(claimId, policyId, msg.sender, amountUsd, bond, deadline);
        emit Evidence(_arbitrator, claimId, msg.sender, evidenceURI);
    }

    /// @inheritdoc IClaimsCore
    function acceptClaim(uint256 claimId) external override nonReentrant onlyMediator {
        ClaimRecord storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        c.status = ClaimStatus.PaidClaim;
        (uint256 usd, uint256 tokens) = _payOut(claimId, c, c.amountUsd, msg.sender);
        emit ClaimAccepted(claimId, claimId & POLICY_ID_MASK, msg.sender, usd, tokens);
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
        (uint256 usd, uint256 tokens) = _payOut(claimId, c, c.settlementUsd, _hot.mediator);
        if (tokens < minimumPayoutTokens) revert PayoutBelowMinimum(tokens, minimumPayoutTokens);
        emit SettlementAccepted(claimId, claimId & POLICY_ID_MASK, usd, tokens);
    }

    /// @inheritdoc IClaimsCore
    function escalateClaim(uint256 claimId) external payable override nonReentrant returns (uint256 disputeId) {
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

        IArbitrator arbitrator_ = _arbitrator;
        if (address(arbitrator_) == address(0)) revert NoArbitrator();
        bytes memory extraData = _arbitratorExtraData;
        uint256 cost = arbitrator_.arbitrationCost(extraData);
        if (msg.value < cost) revert InsufficientArbitrationFee(msg.value, cost);

        c.status = ClaimStatus.Disputed;
        disputeId = arbitrator_.createDispute{value: cost}(RULING_OPTIONS, extraData);
        if (disputeId > type(uint96).max) revert ValueOverflow(disputeId, type(uint96).max);
        (c.arbitrator, c.disputeId) = (address(arbitrator_), uint96(disputeId));
        _disputeClaims[address(arbitrator_)][disputeId] = claimId;
        emit Dispute(arbitrator_, disputeId, _metaEvidenceId, claimId);
        emit ClaimEscalated(claimId, arbitrator_, disputeId, cost);

        if (msg.value > cost) {
            (bool ok,) = msg.sender.call{value: msg.value - cost}("");
            if (!ok) revert RefundFailed(msg.sender, msg.value - cost);
        }
    }

    /// @inheritdoc IClaimsCore
    function submitEvidence(uint256 claimId, string calldata evidenceURI) external override {
        ClaimRecord storage c = _claim(claimId);
        address claimant = _claimantOf(claimId & POLICY_ID_MASK);
        if (msg.sender != claimant && msg.sender != _hot.mediator) revert Unauthorized(msg.sender, claimant);
        ClaimStatus status = c.status;
        if (status > ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, status);
        IArbitrator arbitrator_ = status == ClaimStatus.Disputed ? IArbitrator(c.arbitrator) : _arbitrator;
        emit Evidence(arbitrator_, claimId, msg.sender, evidenceURI);
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
        uint256 bond = c.bond;
        _forfeit(bond);
        emit ClaimTimedOut(claimId, bond);
    }

    // ------------------------------------------------------------ arbitration

    /// @notice Receives the final ruling of a dispute; only from the arbitrator that holds it. A refusal
    /// closes the claim (bond forfeited). A payout ruling is recorded, then executed at once if it can be;
    /// otherwise it stays `RulingPending` for `executeRuling`, so the ruling is never lost.
    function rule(uint256 disputeId, uint256 ruling) external override {
        uint256 claimId = _disputeClaims[msg.sender][disputeId];
        if (claimId == 0) revert UnknownDispute(msg.sender, disputeId);
        ClaimRecord storage c = _claims[claimId];
        if (c.status != ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, c.status);
        if (ruling > RULING_OPTIONS) revert InvalidRuling(ruling);
        emit Ruling(IArbitrator(msg.sender), disputeId, ruling);
        c.ruling = uint8(ruling);
        if (ruling == RULING_REFUSE || (ruling == RULING_PAY_SETTLEMENT && c.settlementUsd == 0)) {
            c.status = ClaimStatus.Refused;
            _forfeit(c.bond);
            emit RulingExecuted(claimId, claimId & POLICY_ID_MASK, ruling, ClaimStatus.Refused, 0, 0);
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
        uint256 tokens;
        (usd, tokens) = _payOut(claimId, c, usd, c.arbitrator);
        emit RulingExecuted(claimId, claimId & POLICY_ID_MASK, ruling, status, usd, tokens);
    }

    // ---------------------------------------------------------------- rewards

    /// @inheritdoc IClaimsCore
    function distributeRewards() external override nonReentrant {
        (uint256 toStakers, uint256 toTreasury) = _pendingSplit();
        if (toStakers == 0 && toTreasury == 0) revert NothingToDistribute();
        address treasury_ = _treasury;
        _globals.premiums = 0;
        _counters.forfeitedBonds = 0;
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
        if (r.status == ClaimStatus.None) return Claim(0, ClaimStatus.None, 0, 0, 0, 0, 0, address(0), 0);
        return Claim(
            claimId & POLICY_ID_MASK,
            r.status,
            r.deadline,
            r.amountUsd,
            r.bond,
            r.settlementUsd,
            r.ruling,
            r.arbitrator,
            r.disputeId
        );
    }

    // --------------------------------------------------------------- internal

    /// @dev Pays `usd` (capped at the policy's remaining coverage) to the claimant in tokens at the current
    /// price, rounded down, within `payer`'s quota; returns the bond. The caller has set the final status.
    function _payOut(uint256 claimId, ClaimRecord storage c, uint256 usd, address payer)
        internal
        returns (uint256 paidUsd, uint256 tokens)
    {
        uint256 policyId = claimId & POLICY_ID_MASK;
        uint256 state = _policyStates[policyId];
        address claimant = address(uint160(state));
        paidUsd = Math.min(usd, (state >> 160) & MAX_POLICY_COVERAGE);
        uint256 price = _price();
        tokens = PriceConversion.toTokensDown(paidUsd, price, _tokenUnit);
        if (tokens != 0) _useQuota(payer, tokens);
        // paidUsd <= the remaining coverage: the claimant and the `changed` flag stay as they are.
        _policyStates[policyId] = state - (paidUsd << 160);
        if (tokens != 0) _pool.payOutClaim(claimant, tokens);
        uint256 bond = c.bond;
        if (bond != 0) _token.safeTransfer(claimant, bond);
    }

    /// @dev Records `tokens` against `payer`'s quota; reverts if they exceed it or the total stake.
    function _useQuota(address payer, uint256 tokens) internal {
        QuotaWindow.Quota storage q = _quotas[payer];
        // `customShare` is set exactly when `_quotaShares[payer]` is: a default payer reads one slot.
        uint256 share = q.customShare ? _quotaShares[payer] - 1 : DEFAULT_PAYOUT_QUOTA_SHARE;
        uint256 totalStake = _pool.totalStake();
        uint256 limit = totalStake * share / WAD;
        uint256 available = q.take(tokens, block.timestamp, limit);
        if (tokens > available) revert QuotaExceeded(payer, tokens, available);
        if (tokens > totalStake) revert InsufficientStake(tokens, totalStake);
    }

    function _forfeit(uint256 bond) internal {
        if (bond != 0) _counters.forfeitedBonds += uint128(bond);
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
