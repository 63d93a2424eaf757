// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsAdmin} from "../interfaces/IClaimsManager.sol";
import {IIncidentRegistry} from "../interfaces/IIncidentRegistry.sol";
import {IPremiumSource, IStakingPool} from "../interfaces/IStakingPool.sol";
import {IArbitratorV2} from "../interfaces/kleros-v2/IArbitratorV2.sol";
import {IEvidenceModule} from "../interfaces/kleros-v2/IEvidenceModule.sol";
import {CoverageExposure} from "../libraries/CoverageExposure.sol";
import {PremiumCurve} from "../libraries/PremiumCurve.sol";
import {PriceConversion} from "../libraries/PriceConversion.sol";
import {QuotaWindow} from "../libraries/QuotaWindow.sol";
import {ClaimsStorage} from "./ClaimsStorage.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title ClaimsAdmin
/// @notice The part of a ClaimsManager that is not on the hot paths: quotes, policy agents' and claimants'
/// policy changes, views and governance. The ClaimsManager deploys it in its constructor and runs it by
/// delegatecall from its fallback, on its own storage (same address, same events). Nothing can replace it.
/// (Parametric coverage runs in the other module, `ClaimsParametric`.)
/// @dev Called directly (not by delegatecall) it refuses everything but views of its own empty state.
contract ClaimsAdmin is ClaimsStorage, IClaimsAdmin {
    using SafeCast for uint256;
    using SafeERC20 for IERC20;
    using QuotaWindow for QuotaWindow.Quota;

    /// @dev This module's own address, to refuse direct calls.
    address private immutable _self;

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

    /// @inheritdoc IClaimsAdmin
    function quoteCoverage(uint256 dapiId, uint256 coverageUsd, uint256 period)
        external
        view
        override
        returns (uint256 premium, uint256 availableUsd)
    {
        Exposure memory e = _exposure(dapiId);
        uint256 unit = _tokenUnit;
        uint256 capUsd = PriceConversion.toUsdDown(e.capacityTokens, e.capacityPrice, unit);
        uint256 dapiCapUsd = PriceConversion.toUsdDown(e.capacityTokens * e.capShare / PPM, e.capacityPrice, unit);
        availableUsd = Math.min(
            capUsd > e.activeUsd ? capUsd - e.activeUsd : 0,
            dapiCapUsd > e.dapiActiveUsd ? dapiCapUsd - e.dapiActiveUsd : 0
        );
        e.activeUsd += coverageUsd;
        premium = _premium(e, coverageUsd, period);
    }

    /// @inheritdoc IClaimsAdmin
    function createPolicy(
        address claimant,
        uint256 dapiId,
        uint256 coverageUsd,
        uint256 claimsAllowedFrom,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external override onlyDelegated nonReentrant returns (uint256 policyId) {
        if (!_policyAgents[msg.sender]) revert NotPolicyAgent(msg.sender);
        if (claimant == address(0)) revert ZeroAddress();
        if (claimsAllowedFrom >= claimsAllowedUntil || claimsAllowedUntil <= block.timestamp) {
            revert InvalidPolicyPeriod(claimsAllowedFrom, claimsAllowedUntil, block.timestamp);
        }
        _checkUntil(claimsAllowedUntil);
        (uint256 count,) = _addPolicyExposure(dapiId, coverageUsd, claimsAllowedUntil, 0, PPM);
        policyId = _storePolicy(count, claimant, claimsAllowedFrom, claimsAllowedUntil, dapiId, coverageUsd);
        emit PolicyCreated(
            policyId, claimant, dapiId, coverageUsd, claimsAllowedFrom, claimsAllowedUntil, policyURI, msg.sender, 0
        );
    }

    /// @inheritdoc IClaimsAdmin
    function upgradePolicy(uint256 policyId, uint256 coverageUsd, uint256 claimsAllowedUntil, string calldata policyURI)
        external
        override
        onlyDelegated
        nonReentrant
    {
        if (!_policyAgents[msg.sender]) revert NotPolicyAgent(msg.sender);
        // A parametric policy's coverage pays without a mediator and was priced at the risk factor: no free raise.
        if (_parametricVersions[policyId] != 0) revert ParametricPolicyNotUpgradable(policyId);
        Policy memory p = _livePolicy(policyId);
        if (coverageUsd < p.coverageUsd) revert InvalidCoverageChange(policyId, p.coverageUsd, coverageUsd);
        if (claimsAllowedUntil < p.claimsAllowedUntil) {
            revert InvalidUntilChange(policyId, p.claimsAllowedUntil, claimsAllowedUntil);
        }
        _checkUntil(claimsAllowedUntil);
        DapiState memory state = _dapiStates[p.dapiId];
        _checkDapiHealthy(p.dapiId, state.heartbeat, state.grace);
        _moveExposure(p, coverageUsd, claimsAllowedUntil, true);
        _recordUpgrade(policyId, p);
        _updatePolicy(policyId, p, coverageUsd, claimsAllowedUntil);
        emit PolicyUpgraded(policyId, msg.sender, coverageUsd, claimsAllowedUntil, policyURI);
    }

    /// @inheritdoc IClaimsAdmin
    function downgradePolicy(
        uint256 policyId,
        uint256 coverageUsd,
        uint256 claimsAllowedUntil,
        string calldata policyURI
    ) external override onlyDelegated nonReentrant {
        Policy memory p = _livePolicy(policyId);
        if (msg.sender != p.claimant) revert Unauthorized(msg.sender, p.claimant);
        if (coverageUsd > p.coverageUsd) revert InvalidCoverageChange(policyId, p.coverageUsd, coverageUsd);
        if (coverageUsd < p.claimedUsd) revert CoverageBelowClaimed(policyId, coverageUsd, p.claimedUsd);
        if (claimsAllowedUntil > p.claimsAllowedUntil) {
            revert InvalidUntilChange(policyId, p.claimsAllowedUntil, claimsAllowedUntil);
        }
        if (claimsAllowedUntil < block.timestamp || claimsAllowedUntil <= p.claimsAllowedFrom) {
            revert InvalidPolicyPeriod(p.claimsAllowedFrom, claimsAllowedUntil, block.timestamp);
        }
        _moveExposure(p, coverageUsd, claimsAllowedUntil, false);
        _updatePolicy(policyId, p, coverageUsd, claimsAllowedUntil);
        emit PolicyDowngraded(policyId, coverageUsd, claimsAllowedUntil, policyURI);
    }

    // ------------------------------------------------------------- governance

    /// @inheritdoc IClaimsAdmin
    function setPrimaryAgent(address primaryAgent_) external override onlyDelegated {
        _onlyPrimaryAgent();
        if (primaryAgent_ == address(0)) revert ZeroAddress();
        _primaryAgent = primaryAgent_;
        emit PrimaryAgentSet(primaryAgent_);
    }

    /// @inheritdoc IClaimsAdmin
    function setSecondaryAgent(address secondaryAgent_) external override onlyDelegated {
        _onlyPrimaryAgent();
        if (secondaryAgent_ == address(0)) revert ZeroAddress();
        _secondaryAgent = secondaryAgent_;
        emit SecondaryAgentSet(secondaryAgent_);
    }

    /// @inheritdoc IClaimsAdmin
    function setMediator(address mediator_) external override onlyDelegated {
        _onlyPrimaryAgent();
        _hot.mediator = mediator_;
        emit MediatorSet(mediator_);
    }

    /// @inheritdoc IClaimsAdmin
    function setArbitrator(IArbitrator arbitrator_, bytes calldata extraData, string calldata metaEvidenceURI)
        external
        override
        onlyDelegated
    {
        _onlyPrimaryAgent();
        uint256 id = _arbitration.metaEvidenceId + 1;
        (_arbitration.arbitrator, _arbitration.metaEvidenceId) = (arbitrator_, uint64(id));
        _arbitratorExtraData = extraData;
        delete _v2Courts[address(arbitrator_)];
        delete _v2Fee;
        emit ArbitratorSet(arbitrator_, extraData, id);
        emit MetaEvidence(id, metaEvidenceURI);
    }

    /// @inheritdoc IClaimsAdmin
    function setArbitratorV2(
        IArbitratorV2 arbitrator_,
        bytes calldata extraData,
        IERC20 feeToken,
        uint256 maxFee,
        uint256 templateId,
        IEvidenceModule evidenceModule
    ) external override onlyDelegated {
        _onlyPrimaryAgent();
        if (address(arbitrator_) == address(0) || address(evidenceModule) == address(0)) revert ZeroAddress();
        if (feeToken == _token) revert FeeTokenIsPoolToken(feeToken);
        _checkBounds(maxFee, 1, type(uint96).max);
        if (templateId > type(uint96).max) revert ValueOverflow(templateId, type(uint96).max);
        _arbitration.arbitrator = IArbitrator(address(arbitrator_));
        _arbitratorExtraData = extraData;
        _v2Courts[address(arbitrator_)] = V2Court(evidenceModule, uint96(templateId));
        _v2Fee = V2Fee(feeToken, uint96(maxFee));
        emit ArbitratorV2Set(arbitrator_, extraData, feeToken, maxFee, templateId, evidenceModule);
    }

    /// @inheritdoc IClaimsAdmin
    function setPolicyAgent(address agent, bool authorized) external override onlyDelegated {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert ZeroAddress();
        _policyAgents[agent] = authorized;
        emit PolicyAgentSet(agent, authorized);
    }

    /// @inheritdoc IClaimsAdmin
    function setPayoutQuota(address payer, uint256 share) external override onlyDelegated {
        _onlyPrimaryAgent();
        if (payer == address(0)) revert ZeroAddress();
        _checkBounds(share, MIN_PAYOUT_QUOTA_SHARE, MAX_PAYOUT_QUOTA_SHARE);
        _quotaShares[payer] = share + 1;
        _quotas[payer].customShare = true;
        emit PayoutQuotaSet(payer, share);
    }

    /// @inheritdoc IClaimsAdmin
    function setMaxDisputeInactivity(uint256 maxDisputeInactivity_) external override onlyDelegated {
        _onlyPrimaryAgent();
        _checkBounds(maxDisputeInactivity_, MIN_MAX_DISPUTE_INACTIVITY, MAX_MAX_DISPUTE_INACTIVITY);
        _params.maxDisputeInactivity = uint32(maxDisputeInactivity_);
        emit MaxDisputeInactivitySet(maxDisputeInactivity_);
    }

    /// @inheritdoc IClaimsAdmin
    function setDapiFeed(uint256 dapiId, uint256 heartbeat, uint256 grace) external override onlyDelegated {
        _onlyPrimaryAgent();
        _setDapiFeed(dapiId, heartbeat, grace);
    }

    /// @inheritdoc IClaimsAdmin
    function setTreasury(address treasury_) external override onlyDelegated {
        _onlyPrimaryAgent();
        _treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    /// @inheritdoc IClaimsAdmin
    function setPricingCurve(uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2)
        external
        override
        onlyDelegated
    {
        _onlySecondaryAgent();
        _checkBounds(baseRate, 0, MAX_BASE_RATE);
        _checkBounds(slope1, 0, MAX_SLOPE1);
        _checkBounds(kink, MIN_KINK, MAX_KINK);
        _checkBounds(slope2, 0, MAX_SLOPE2);
        _curve = PremiumCurve.Params(uint64(baseRate), uint64(slope1), uint64(kink), uint64(slope2));
        emit PricingCurveSet(baseRate, slope1, kink, slope2);
    }

    /// @inheritdoc IClaimsAdmin
    function setCollateralizationRatio(uint256 ratio) external override onlyDelegated {
        _onlySecondaryAgent();
        _hot.collateralizationRatio = _toPpm(ratio, MIN_COLLATERALIZATION_RATIO, MAX_COLLATERALIZATION_RATIO);
        emit CollateralizationRatioSet(ratio);
    }

    /// @inheritdoc IClaimsAdmin
    function setPriceHaircut(uint256 haircut) external override onlyDelegated {
        _onlySecondaryAgent();
        _hot.priceHaircut = _toPpm(haircut, 0, MAX_PRICE_HAIRCUT);
        emit PriceHaircutSet(haircut);
    }

    /// @inheritdoc IClaimsAdmin
    function setWaitingPeriod(uint256 waitingPeriod_) external override onlyDelegated {
        _onlySecondaryAgent();
        _checkBounds(waitingPeriod_, 0, MAX_WAITING_PERIOD);
        _arbitration.waitingPeriod = uint32(waitingPeriod_);
        emit WaitingPeriodSet(waitingPeriod_);
    }

    /// @inheritdoc IClaimsAdmin
    function setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare)
        external
        override
        onlyDelegated
        returns (uint256 dapiId)
    {
        _onlySecondaryAgent();
        return _setDapiCap(dapiName, chainId, capShare);
    }

    /// @inheritdoc IClaimsAdmin
    function setClaimantBond(uint256 floor, uint256 rate) external override onlyDelegated {
        _onlySecondaryAgent();
        _checkBounds(floor, 0, MAX_CLAIMANT_BOND_TOKENS * _tokenUnit);
        _checkBounds(rate, 0, MAX_CLAIMANT_BOND_RATE);
        if (rate % BOND_RATE_UNIT != 0) revert ParameterPrecision(rate, BOND_RATE_UNIT);
        (_params.claimantBond, _params.claimantBondRate) = (uint96(floor), uint32(rate / BOND_RATE_UNIT));
        emit ClaimantBondSet(floor, rate);
    }

    /// @inheritdoc IClaimsAdmin
    function setMaxPriceAge(uint256 maxPriceAge_) external override onlyDelegated {
        _onlySecondaryAgent();
        _checkBounds(maxPriceAge_, _priceFeedHeartbeat, MAX_MAX_PRICE_AGE);
        _hot.maxPriceAge = uint32(maxPriceAge_);
        emit MaxPriceAgeSet(maxPriceAge_);
    }

    /// @inheritdoc IClaimsAdmin
    function setTreasuryShare(uint256 share) external override onlyDelegated {
        _onlySecondaryAgent();
        _checkBounds(share, 0, MAX_TREASURY_SHARE);
        _params.treasuryShare = uint64(share);
        emit TreasuryShareSet(share);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClaimsAdmin
    function mediator() external view override returns (address) {
        return _hot.mediator;
    }

    /// @inheritdoc IClaimsAdmin
    function arbitrator() external view override returns (IArbitrator) {
        return _arbitration.arbitrator;
    }

    /// @inheritdoc IClaimsAdmin
    function arbitratorExtraData() external view override returns (bytes memory) {
        return _arbitratorExtraData;
    }

    /// @inheritdoc IClaimsAdmin
    function arbitratorV2Config() external view override returns (ArbitratorV2Config memory config) {
        V2Court memory court = _v2Courts[address(_arbitration.arbitrator)];
        if (address(court.evidenceModule) == address(0)) return config;
        V2Fee memory fee = _v2Fee;
        return ArbitratorV2Config(court.evidenceModule, court.templateId, fee.feeToken, fee.maxFee);
    }

    /// @inheritdoc IClaimsAdmin
    function evidenceModuleOf(address arbitrator_) external view override returns (IEvidenceModule) {
        return _v2Courts[arbitrator_].evidenceModule;
    }

    /// @inheritdoc IClaimsAdmin
    function metaEvidenceId() external view override returns (uint256) {
        return _arbitration.metaEvidenceId;
    }

    /// @inheritdoc IClaimsAdmin
    function treasury() external view override returns (address) {
        return _treasury;
    }

    /// @inheritdoc IClaimsAdmin
    function isPolicyAgent(address agent) external view override returns (bool) {
        return _policyAgents[agent];
    }

    /// @inheritdoc IClaimsAdmin
    function pricingCurve()
        external
        view
        override
        returns (uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2)
    {
        PremiumCurve.Params memory c = _curve;
        return (c.baseRate, c.slope1, c.kink, c.slope2);
    }

    /// @inheritdoc IClaimsAdmin
    function collateralizationRatio() external view override returns (uint256) {
        return uint256(_hot.collateralizationRatio) * (WAD / PPM);
    }

    /// @inheritdoc IClaimsAdmin
    function priceHaircut() external view override returns (uint256) {
        return uint256(_hot.priceHaircut) * (WAD / PPM);
    }

    /// @inheritdoc IClaimsAdmin
    function waitingPeriod() external view override returns (uint256) {
        return _arbitration.waitingPeriod;
    }

    /// @inheritdoc IClaimsAdmin
    function maxDisputeInactivity() external view override returns (uint256) {
        return _params.maxDisputeInactivity;
    }

    /// @inheritdoc IClaimsAdmin
    function priceFeedHeartbeat() external view override returns (uint256) {
        return _priceFeedHeartbeat;
    }

    /// @inheritdoc IClaimsAdmin
    function dapiFeed(uint256 dapiId) external view override returns (DapiFeed memory) {
        DapiState memory state = _dapiStates[dapiId];
        return DapiFeed(state.heartbeat, state.grace);
    }

    /// @inheritdoc IClaimsAdmin
    function openClaimsUsd() external view override returns (uint256) {
        return _counters.openUsd;
    }

    /// @inheritdoc IClaimsAdmin
    function api3ServerV1() external view override returns (address) {
        return _api3Server;
    }

    /// @inheritdoc IClaimsAdmin
    function owedClaims(address payer)
        external
        view
        override
        returns (uint256[] memory claimIds, uint256[] memory owed)
    {
        PayoutQueue memory queue = _payoutQueues[payer];
        uint256 count = queue.tail - queue.head;
        (claimIds, owed) = (new uint256[](count), new uint256[](count));
        for (uint256 i; i < count; ++i) {
            claimIds[i] = _queuedClaims[payer][queue.head + i];
            owed[i] = _claims[claimIds[i]].owedTokens;
        }
    }

    /// @inheritdoc IClaimsAdmin
    function treasuryShare() external view override returns (uint256) {
        return _params.treasuryShare;
    }

    /// @inheritdoc IClaimsAdmin
    function maxPriceAge() external view override returns (uint256) {
        return _hot.maxPriceAge;
    }

    /// @inheritdoc IClaimsAdmin
    function claimantBond() external view override returns (uint256) {
        return _params.claimantBond;
    }

    /// @inheritdoc IClaimsAdmin
    function claimantBondRate() external view override returns (uint256) {
        return uint256(_params.claimantBondRate) * BOND_RATE_UNIT;
    }

    /// @inheritdoc IClaimsAdmin
    function maxClaimantBond() external view override returns (uint256) {
        return MAX_CLAIMANT_BOND_TOKENS * _tokenUnit;
    }

    /// @inheritdoc IClaimsAdmin
    function responsePeriods() external pure override returns (uint256 mediatorPeriod, uint256 claimantPeriod) {
        return (MEDIATOR_RESPONSE_PERIOD, CLAIMANT_RESPONSE_PERIOD);
    }

    /// @inheritdoc IClaimsAdmin
    function coveragePeriodBounds() external pure override returns (uint256 minPeriod, uint256 maxPeriod) {
        return (MIN_COVERAGE_PERIOD, MAX_POLICY_PERIOD);
    }

    /// @inheritdoc IClaimsAdmin
    function tokenPrice() external view override returns (uint256) {
        return _price();
    }

    /// @inheritdoc IClaimsAdmin
    function capacityUsd() external view override returns (uint256) {
        HotParams memory hot = _hot;
        uint256 capacityTokens = _pool.stayingStake() * hot.collateralizationRatio / PPM;
        uint256 capacityPrice = _price() * (PPM - hot.priceHaircut) / PPM;
        return PriceConversion.toUsdDown(capacityTokens, capacityPrice, _tokenUnit);
    }

    /// @inheritdoc IClaimsAdmin
    function activeCoverageUsd() external view override returns (uint256 active) {
        Globals memory g = _globals;
        (active,) = CoverageExposure.roll(g.activeUsd, g.nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
    }

    /// @inheritdoc IClaimsAdmin
    function dapi(uint256 dapiId) external view override returns (Dapi memory) {
        DapiState memory s = _dapiStates[dapiId];
        (uint256 active,) =
            CoverageExposure.roll(s.activeUsd, s.nextWeek, _dapiExpiring[dapiId], block.timestamp, HORIZON_WEEKS);
        return Dapi(_dapiNames[dapiId], _dapiChainIds[dapiId], uint256(s.capShare) * (WAD / PPM), active);
    }

    /// @inheritdoc IClaimsAdmin
    function dapiIdOf(bytes32 dapiName, uint256 chainId) external view override returns (uint256) {
        return _dapiIds[keccak256(abi.encode(dapiName, chainId))];
    }

    /// @inheritdoc IClaimsAdmin
    function dapiCount() external view override returns (uint256) {
        return _counters.dapiCount;
    }

    /// @inheritdoc IClaimsAdmin
    function policyCount() external view override returns (uint256) {
        return _globals.policyCount;
    }

    /// @inheritdoc IClaimsAdmin
    function claimCount() external view override returns (uint256) {
        return _counters.claimCount;
    }

    /// @inheritdoc IClaimsAdmin
    function claimIdOfDispute(address arbitrator_, uint256 disputeId) external view override returns (uint256) {
        return _disputeClaims[arbitrator_][disputeId];
    }

    /// @inheritdoc IClaimsAdmin
    function payoutQuotaShare(address payer) external view override returns (uint256) {
        return _quotaShare(payer);
    }

    /// @inheritdoc IClaimsAdmin
    function availablePayoutQuota(address payer) external view override returns (uint256) {
        (uint256 stake, uint256 poolRoom) = _pool.payoutRoom();
        uint256 limit = stake * _quotaShare(payer) / WAD;
        return Math.min(_quotas[payer].available(block.timestamp, limit), poolRoom);
    }

    /// @inheritdoc IClaimsAdmin
    function pendingRewards() external view override returns (uint256 stakerAmount, uint256 treasuryAmount) {
        return _pendingSplit();
    }

    /// @inheritdoc IClaimsAdmin
    function premiumStream() external view override returns (uint256 rate, uint256 next, bool pulled, uint256 due) {
        PremiumStream memory stream = _premiumStream;
        due = _premiumsDue;
        uint256 week = block.timestamp / CoverageExposure.BUCKET;
        if (stream.week != week) due += _rollPremiums(stream, week);
        return (stream.rate, stream.next, stream.pulled, due);
    }

    // -------------------------------------------------------------- premiums

    /// @inheritdoc IPremiumSource
    /// @dev The treasury's share (`treasuryShare`, while a treasury is set) of each amount stays here for
    /// `distributeRewards`, rounded down.
    function pullPremiums() external override onlyDelegated returns (uint256 past, uint256 current) {
        if (msg.sender != address(_pool)) revert Unauthorized(msg.sender, address(_pool));
        PremiumStream memory stream = _premiumStream;
        uint256 week = block.timestamp / CoverageExposure.BUCKET;
        past = _premiumsDue;
        if (past != 0) _premiumsDue = 0;
        if (stream.week != week) past += _rollPremiums(stream, week);
        if (!stream.pulled) {
            current = stream.rate;
            stream.pulled = true;
        }
        _premiumStream = stream;
        if (past == 0 && current == 0) return (0, 0);
        uint256 treasuryAmount;
        if (_treasury != address(0)) {
            uint256 share = _params.treasuryShare;
            uint256 pastCut = past * share / WAD;
            uint256 currentCut = current * share / WAD;
            (past, current, treasuryAmount) = (past - pastCut, current - currentCut, pastCut + currentCut);
            _globals.premiums = (_globals.premiums + treasuryAmount).toUint96();
        }
        emit PremiumsPulled(past, current, treasuryAmount);
        _token.safeTransfer(address(_pool), past + current);
    }

    // --------------------------------------------------------------- internal

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
        _writeExposure(e, p.dapiId, e.policyCount, e.premiums);
    }

    /// @dev Records an upgrade's time and the policy's end and coverage before it, for the waiting period of what it
    /// adds. A second upgrade while the first one's addition still waits keeps the older figures (its coverage and end
    /// were not covered yet either).
    function _recordUpgrade(uint256 policyId, Policy memory p) internal {
        uint256 previous = _policyUpgrades[policyId];
        if (previous != 0 && block.timestamp < uint32(previous) + _arbitration.waitingPeriod) {
            previous = (previous >> 32) << 32 | block.timestamp;
        } else {
            previous = uint256(p.coverageUsd) << 64 | uint256(p.claimsAllowedUntil) << 32 | block.timestamp;
        }
        _policyUpgrades[policyId] = previous;
    }

    /// @dev Records a policy's new coverage and end (`_policyChanges`, flagged in its state); what was paid and what
    /// open claims reserve stay.
    function _updatePolicy(uint256 policyId, Policy memory p, uint256 coverageUsd, uint256 until) internal {
        if (coverageUsd > MAX_POLICY_COVERAGE) revert ValueOverflow(coverageUsd, MAX_POLICY_COVERAGE);
        // coverageUsd >= claimedUsd: an upgrade never lowers coverage, a downgrade checked it.
        uint256 remaining = coverageUsd - p.claimedUsd;
        _policyStates[policyId] = uint256(uint160(p.claimant)) | remaining << 160 | POLICY_CHANGED;
        _policyChanges[policyId] = uint256(until.toUint32()) << 128 | coverageUsd;
    }

    /// @dev A policy that exists and has not ended.
    function _livePolicy(uint256 policyId) internal view returns (Policy memory p) {
        (p,) = _policyOf(policyId);
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
