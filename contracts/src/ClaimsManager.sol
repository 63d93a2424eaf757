// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsConfig} from "./claims/ClaimsConfig.sol";
import {CoverageBook} from "./claims/CoverageBook.sol";
import {IClaimsManager} from "./interfaces/IClaimsManager.sol";
import {IStakingPool} from "./interfaces/IStakingPool.sol";
import {IArbitrator} from "./interfaces/erc792/IArbitrator.sol";
import {PriceConversion} from "./libraries/PriceConversion.sol";
import {QuotaWindow} from "./libraries/QuotaWindow.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ClaimsManager
/// @notice Coverage for API3 dAPI users backed by the staking pool: policies and premiums (`CoverageBook`),
/// claims, mediation, ERC-792 arbitration with ERC-1497 evidence, and rolling payout quotas.
/// @dev See `IClaimsManager` for the state machine, units and rounding. Plain constructor, no proxy.
contract ClaimsManager is CoverageBook {
    using SafeERC20 for IERC20;
    using QuotaWindow for QuotaWindow.Quota;

    uint256 internal constant RULING_REFUSE = 0;
    uint256 internal constant RULING_PAY_CLAIM = 1;
    uint256 internal constant RULING_PAY_SETTLEMENT = 2;

    mapping(uint256 claimId => Claim) internal _claims;
    mapping(address payer => QuotaWindow.Quota) internal _quotas;
    mapping(address arbitrator => mapping(uint256 disputeId => uint256 claimId)) internal _disputeClaims;

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
    )
        ClaimsConfig(
            pool_,
            priceFeed_,
            primaryAgent_,
            secondaryAgent_,
            mediator_,
            arbitrator_,
            arbitratorExtraData_,
            metaEvidenceURI_,
            dapis_
        )
    {}

    modifier onlyMediator() {
        if (msg.sender != mediator) revert Unauthorized(msg.sender, mediator);
        _;
    }

    // ---------------------------------------------------------------- claims

    /// @inheritdoc IClaimsManager
    function createClaim(uint256 policyId, uint256 amountUsd, string calldata evidenceURI)
        external
        override
        nonReentrant
        returns (uint256 claimId)
    {
        Policy memory p = _policies[policyId];
        if (p.claimant == address(0)) revert UnknownPolicy(policyId);
        if (msg.sender != p.claimant) revert Unauthorized(msg.sender, p.claimant);
        if (block.timestamp < p.claimsAllowedFrom || block.timestamp > p.claimsAllowedUntil) {
            revert OutsideClaimsPeriod(policyId, p.claimsAllowedFrom, p.claimsAllowedUntil, block.timestamp);
        }
        uint256 remaining = p.coverageUsd - p.paidUsd;
        if (amountUsd == 0 || amountUsd > remaining) revert InvalidClaimAmount(amountUsd, remaining);

        uint256 bond = _params.claimantBond;
        uint256 deadline = block.timestamp + MEDIATOR_RESPONSE_PERIOD;
        claimId = ++_globals.claimCount;
        Claim storage c = _claims[claimId];
        (c.policyId, c.status, c.deadline, c.amountUsd, c.bond) =
            (uint32(policyId), ClaimStatus.Pending, uint32(deadline), uint96(amountUsd), uint88(bond));
        if (bond != 0) token.safeTransferFrom(msg.sender, address(this), bond);
        emit ClaimCreated(claimId, policyId, msg.sender, amountUsd, bond, deadline);
        emit Evidence(_arbitrator, claimId, msg.sender, evidenceURI);
    }

    /// @inheritdoc IClaimsManager
    function acceptClaim(uint256 claimId) external override nonReentrant onlyMediator {
        Claim storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        c.status = ClaimStatus.PaidClaim;
        (uint256 usd, uint256 tokens) = _payOut(c, c.amountUsd, msg.sender);
        emit ClaimAccepted(claimId, c.policyId, msg.sender, usd, tokens);
    }

    /// @inheritdoc IClaimsManager
    function proposeSettlement(uint256 claimId, uint256 settlementUsd) external override onlyMediator {
        Claim storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        if (settlementUsd == 0 || settlementUsd >= c.amountUsd) revert InvalidSettlement(settlementUsd, c.amountUsd);
        uint256 deadline = block.timestamp + CLAIMANT_RESPONSE_PERIOD;
        (c.status, c.deadline, c.settlementUsd) =
            (ClaimStatus.SettlementProposed, uint32(deadline), uint96(settlementUsd));
        emit SettlementProposed(claimId, msg.sender, settlementUsd, deadline);
    }

    /// @inheritdoc IClaimsManager
    function rejectClaim(uint256 claimId) external override onlyMediator {
        Claim storage c = _claimIn(claimId, ClaimStatus.Pending);
        _beforeDeadline(claimId, c.deadline);
        uint256 deadline = block.timestamp + CLAIMANT_RESPONSE_PERIOD;
        (c.status, c.deadline) = (ClaimStatus.MediatorRejected, uint32(deadline));
        emit ClaimRejected(claimId, msg.sender, deadline);
    }

    /// @inheritdoc IClaimsManager
    function acceptSettlement(uint256 claimId, uint256 minimumPayoutTokens) external override nonReentrant {
        Claim storage c = _claimIn(claimId, ClaimStatus.SettlementProposed);
        _onlyClaimant(c);
        _beforeDeadline(claimId, c.deadline);
        c.status = ClaimStatus.PaidSettlement;
        (uint256 usd, uint256 tokens) = _payOut(c, c.settlementUsd, mediator);
        if (tokens < minimumPayoutTokens) revert PayoutBelowMinimum(tokens, minimumPayoutTokens);
        emit SettlementAccepted(claimId, c.policyId, usd, tokens);
    }

    /// @inheritdoc IClaimsManager
    function escalateClaim(uint256 claimId) external payable override nonReentrant returns (uint256 disputeId) {
        Claim storage c = _claim(claimId);
        _onlyClaimant(c);
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

    /// @inheritdoc IClaimsManager
    function submitEvidence(uint256 claimId, string calldata evidenceURI) external override {
        Claim storage c = _claim(claimId);
        address claimant = _policies[c.policyId].claimant;
        if (msg.sender != claimant && msg.sender != mediator) revert Unauthorized(msg.sender, claimant);
        ClaimStatus status = c.status;
        if (status > ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, status);
        IArbitrator arbitrator_ = status == ClaimStatus.Disputed ? IArbitrator(c.arbitrator) : _arbitrator;
        emit Evidence(arbitrator_, claimId, msg.sender, evidenceURI);
    }

    /// @inheritdoc IClaimsManager
    function timeOutClaim(uint256 claimId) external override {
        Claim storage c = _claim(claimId);
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
        Claim storage c = _claims[claimId];
        if (c.status != ClaimStatus.Disputed) revert InvalidClaimStatus(claimId, c.status);
        if (ruling > RULING_OPTIONS) revert InvalidRuling(ruling);
        emit Ruling(IArbitrator(msg.sender), disputeId, ruling);
        c.ruling = uint8(ruling);
        if (ruling == RULING_REFUSE || (ruling == RULING_PAY_SETTLEMENT && c.settlementUsd == 0)) {
            c.status = ClaimStatus.Refused;
            _forfeit(c.bond);
            emit RulingExecuted(claimId, c.policyId, ruling, ClaimStatus.Refused, 0, 0);
            return;
        }
        c.status = ClaimStatus.RulingPending;
        try this.executeRuling(claimId) {}
        catch {
            emit RulingDeferred(claimId, ruling);
        }
    }

    /// @inheritdoc IClaimsManager
    function executeRuling(uint256 claimId) external override nonReentrant {
        Claim storage c = _claimIn(claimId, ClaimStatus.RulingPending);
        uint256 ruling = c.ruling;
        (ClaimStatus status, uint256 usd) = ruling == RULING_PAY_CLAIM
            ? (ClaimStatus.PaidClaim, uint256(c.amountUsd))
            : (ClaimStatus.PaidSettlement, uint256(c.settlementUsd));
        c.status = status;
        uint256 tokens;
        (usd, tokens) = _payOut(c, usd, c.arbitrator);
        emit RulingExecuted(claimId, c.policyId, ruling, status, usd, tokens);
    }

    // ---------------------------------------------------------------- rewards

    /// @inheritdoc IClaimsManager
    function distributeRewards() external override nonReentrant {
        PendingRewards memory p = _pending;
        if (p.stakers == 0 && p.treasury == 0) revert NothingToDistribute();
        address treasury_ = treasury;
        uint256 toTreasury = treasury_ == address(0) ? 0 : p.treasury;
        uint256 toStakers = uint256(p.stakers) + p.treasury - toTreasury;
        delete _pending;
        if (toTreasury != 0) token.safeTransfer(treasury_, toTreasury);
        if (toStakers != 0) {
            token.forceApprove(address(pool), toStakers);
            pool.addRewards(toStakers);
        }
        emit RewardsDistributed(toStakers, toTreasury, treasury_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClaimsManager
    function claim(uint256 claimId) external view override returns (Claim memory) {
        return _claims[claimId];
    }

    /// @inheritdoc IClaimsManager
    function claimCount() external view override returns (uint256) {
        return _globals.claimCount;
    }

    /// @inheritdoc IClaimsManager
    function claimIdOfDispute(address arbitrator_, uint256 disputeId) external view override returns (uint256) {
        return _disputeClaims[arbitrator_][disputeId];
    }

    /// @inheritdoc IClaimsManager
    function availablePayoutQuota(address payer) external view override returns (uint256) {
        return _quotas[payer].available(block.timestamp, _quotaLimit(payer));
    }

    // --------------------------------------------------------------- internal

    /// @dev Pays `usd` (capped at the policy's remaining coverage) to the claimant in tokens at the current
    /// price, rounded down, within `payer`'s quota; returns the bond. The caller has set the final status.
    function _payOut(Claim storage c, uint256 usd, address payer)
        internal
        returns (uint256 paidUsd, uint256 tokens)
    {
        Policy storage p = _policies[c.policyId];
        (uint256 coverage, uint256 alreadyPaid, address claimant) = (p.coverageUsd, p.paidUsd, p.claimant);
        paidUsd = Math.min(usd, coverage - alreadyPaid);
        uint256 price = PriceConversion.read(priceFeed, _params.maxPriceAge);
        tokens = PriceConversion.toTokensDown(paidUsd, price, _tokenUnit);
        if (tokens != 0) {
            uint256 totalStake = pool.totalStake();
            uint256 limit = totalStake * payoutQuotaShare(payer) / WAD;
            QuotaWindow.Quota storage q = _quotas[payer];
            uint256 available = q.available(block.timestamp, limit);
            if (tokens > available) revert QuotaExceeded(payer, tokens, available);
            if (tokens > totalStake) revert InsufficientStake(tokens, totalStake);
            q.record(tokens, block.timestamp);
        }
        p.paidUsd = uint96(alreadyPaid + paidUsd);
        if (tokens != 0) pool.payOutClaim(claimant, tokens);
        uint256 bond = c.bond;
        if (bond != 0) token.safeTransfer(claimant, bond);
    }

    function _forfeit(uint256 bond) internal {
        if (bond != 0) _pending.stakers += uint128(bond);
    }

    function _quotaLimit(address payer) internal view returns (uint256) {
        return pool.totalStake() * payoutQuotaShare(payer) / WAD;
    }

    function _claim(uint256 claimId) internal view returns (Claim storage c) {
        c = _claims[claimId];
        if (c.status == ClaimStatus.None) revert UnknownClaim(claimId);
    }

    function _claimIn(uint256 claimId, ClaimStatus expected) internal view returns (Claim storage c) {
        c = _claim(claimId);
        if (c.status != expected) revert InvalidClaimStatus(claimId, c.status);
    }

    function _onlyClaimant(Claim storage c) internal view {
        address claimant = _policies[c.policyId].claimant;
        if (msg.sender != claimant) revert Unauthorized(msg.sender, claimant);
    }

    function _beforeDeadline(uint256 claimId, uint256 deadline) internal view {
        if (block.timestamp > deadline) revert DeadlinePassed(claimId, deadline, block.timestamp);
    }
}
