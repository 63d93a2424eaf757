// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsManager} from "../interfaces/IClaimsManager.sol";
import {IStakingPool} from "../interfaces/IStakingPool.sol";
import {IArbitrator} from "../interfaces/erc792/IArbitrator.sol";
import {PremiumCurve} from "../libraries/PremiumCurve.sol";
import {PriceConversion} from "../libraries/PriceConversion.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @title ClaimsConfig
/// @notice The ClaimsManager's roles, governed parameters (each with hard-coded bounds and an event) and
/// their views. The primary agent holds the roles (mediator, arbitrator, policy agents, payout quotas,
/// treasury); the secondary agent the economics (pricing curve, collateralization, dAPI caps, bond, price
/// age, treasury share).
abstract contract ClaimsConfig is IClaimsManager {
    /// @notice A dAPI to register at deployment.
    struct DapiConfig {
        bytes32 name;
        uint256 chainId;
        uint256 capShare;
    }

    /// @dev Parameters read together on the hot paths, packed in one slot.
    struct Params {
        uint64 collateralizationRatio;
        uint64 treasuryShare;
        uint32 maxPriceAge;
        uint96 claimantBond;
    }

    /// @dev Totals and counters, packed in one slot written by every policy or claim creation.
    struct Globals {
        uint128 activeUsd;
        uint32 nextWeek;
        uint32 policyCount;
        uint32 claimCount;
        uint32 dapiCount;
    }

    /// @dev One dAPI's active coverage and cap, packed in one slot.
    struct DapiState {
        uint128 activeUsd;
        uint32 nextWeek;
        uint64 capShare;
    }

    /// @dev Premiums and forfeited bonds held for `distributeRewards`.
    struct PendingRewards {
        uint128 stakers;
        uint128 treasury;
    }

    uint256 internal constant WAD = 1e18;

    /// @notice The mediator's response window (API3's `mediatorResponsePeriod`).
    uint256 public constant MEDIATOR_RESPONSE_PERIOD = 3 days;
    /// @notice The claimant's response window (API3's `claimantResponsePeriod`).
    uint256 public constant CLAIMANT_RESPONSE_PERIOD = 3 days;
    /// @notice Shortest coverage that can be bought.
    uint256 public constant MIN_COVERAGE_PERIOD = 1 days;
    /// @notice Longest time any policy may still run from the moment it is created or changed.
    uint256 public constant MAX_POLICY_PERIOD = 730 days;
    /// @notice Number of ruling options given to the arbitrator: 1 = pay the claim, 2 = pay the settlement.
    uint256 public constant RULING_OPTIONS = 2;

    uint256 public constant MAX_BASE_RATE = 0.5e18;
    uint256 public constant MAX_SLOPE1 = 1e18;
    uint256 public constant MIN_KINK = 0.1e18;
    uint256 public constant MAX_KINK = 0.95e18;
    uint256 public constant MAX_SLOPE2 = 10e18;
    uint256 public constant MIN_COLLATERALIZATION_RATIO = 0.05e18;
    uint256 public constant MAX_COLLATERALIZATION_RATIO = 1e18;
    uint256 public constant MAX_TREASURY_SHARE = 0.5e18;
    uint256 public constant MIN_MAX_PRICE_AGE = 10 minutes;
    uint256 public constant MAX_MAX_PRICE_AGE = 7 days;
    uint256 public constant MAX_PAYOUT_QUOTA_SHARE = 0.5e18;
    /// @notice The quota of any payer the primary agent never set: 10% of the total stake per window.
    uint256 public constant DEFAULT_PAYOUT_QUOTA_SHARE = 0.1e18;

    /// @inheritdoc IClaimsManager
    IStakingPool public immutable override pool;
    /// @inheritdoc IClaimsManager
    IERC20 public immutable override token;
    /// @inheritdoc IClaimsManager
    IApi3ReaderProxy public immutable override priceFeed;
    /// @inheritdoc IClaimsManager
    address public immutable override primaryAgent;
    /// @inheritdoc IClaimsManager
    address public immutable override secondaryAgent;
    /// @notice Upper bound of `claimantBond`: one million whole tokens.
    uint256 public immutable maxClaimantBond;
    /// @dev 10 ** token decimals.
    uint256 internal immutable _tokenUnit;

    Params internal _params;
    PremiumCurve.Params internal _curve;
    Globals internal _globals;
    PendingRewards internal _pending;

    /// @inheritdoc IClaimsManager
    address public override mediator;
    /// @inheritdoc IClaimsManager
    address public override treasury;
    IArbitrator internal _arbitrator;
    uint96 internal _metaEvidenceId;
    bytes internal _arbitratorExtraData;

    /// @inheritdoc IClaimsManager
    mapping(address agent => bool authorized) public override isPolicyAgent;
    /// @dev share + 1; 0 = never set (default share).
    mapping(address payer => uint256 shareOrZero) internal _quotaShares;
    mapping(uint256 dapiId => DapiState) internal _dapiStates;
    mapping(uint256 dapiId => bytes32 name) internal _dapiNames;
    mapping(uint256 dapiId => uint256 chainId) internal _dapiChainIds;
    mapping(bytes32 key => uint256 dapiId) internal _dapiIds;

    /// @param pool_ The staking pool (this contract must be authorized there as a claims manager).
    /// @param priceFeed_ The dAPI proxy for the pool token's USD price.
    /// @param primaryAgent_ The DAO's primary agent (Timelock).
    /// @param secondaryAgent_ The DAO's secondary agent (Timelock).
    /// @param mediator_ The first mediator (may be zero).
    /// @param arbitrator_ The first arbitrator (may be zero).
    /// @param arbitratorExtraData_ Extra data for the arbitrator (court, number of jurors for Kleros).
    /// @param metaEvidenceURI_ ERC-1497 meta-evidence of the disputes (announced as id 0).
    /// @param dapis_ dAPIs to register with their caps.
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
    ) {
        if (
            address(pool_) == address(0) || address(priceFeed_) == address(0) || primaryAgent_ == address(0)
                || secondaryAgent_ == address(0)
        ) revert ZeroAddress();
        pool = pool_;
        token = pool_.token();
        priceFeed = priceFeed_;
        primaryAgent = primaryAgent_;
        secondaryAgent = secondaryAgent_;
        uint256 unit = 10 ** IERC20Metadata(address(token)).decimals();
        _tokenUnit = unit;
        maxClaimantBond = 1_000_000 * unit;

        _curve = PremiumCurve.Params({baseRate: 0.02e18, slope1: 0.08e18, kink: 0.8e18, slope2: 1e18});
        _params = Params({
            collateralizationRatio: 0.5e18,
            treasuryShare: 0.1e18,
            maxPriceAge: uint32(25 hours),
            claimantBond: uint96(100 * unit)
        });
        treasury = primaryAgent_;
        mediator = mediator_;
        _arbitrator = arbitrator_;
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

    modifier onlyPrimaryAgent() {
        if (msg.sender != primaryAgent) revert Unauthorized(msg.sender, primaryAgent);
        _;
    }

    modifier onlySecondaryAgent() {
        if (msg.sender != secondaryAgent) revert Unauthorized(msg.sender, secondaryAgent);
        _;
    }

    // ------------------------------------------------------------- governance

    /// @inheritdoc IClaimsManager
    function setMediator(address mediator_) external override onlyPrimaryAgent {
        mediator = mediator_;
        emit MediatorSet(mediator_);
    }

    /// @inheritdoc IClaimsManager
    function setArbitrator(IArbitrator arbitrator_, bytes calldata extraData, string calldata metaEvidenceURI)
        external
        override
        onlyPrimaryAgent
    {
        uint256 id = _metaEvidenceId + 1;
        (_arbitrator, _metaEvidenceId) = (arbitrator_, uint96(id));
        _arbitratorExtraData = extraData;
        emit ArbitratorSet(arbitrator_, extraData, id);
        emit MetaEvidence(id, metaEvidenceURI);
    }

    /// @inheritdoc IClaimsManager
    function setPolicyAgent(address agent, bool authorized) external override onlyPrimaryAgent {
        if (agent == address(0)) revert ZeroAddress();
        isPolicyAgent[agent] = authorized;
        emit PolicyAgentSet(agent, authorized);
    }

    /// @inheritdoc IClaimsManager
    function setPayoutQuota(address payer, uint256 share) external override onlyPrimaryAgent {
        if (payer == address(0)) revert ZeroAddress();
        _checkBounds(share, 0, MAX_PAYOUT_QUOTA_SHARE);
        _quotaShares[payer] = share + 1;
        emit PayoutQuotaSet(payer, share);
    }

    /// @inheritdoc IClaimsManager
    function setTreasury(address treasury_) external override onlyPrimaryAgent {
        treasury = treasury_;
        emit TreasurySet(treasury_);
    }

    /// @inheritdoc IClaimsManager
    function setPricingCurve(uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2)
        external
        override
        onlySecondaryAgent
    {
        _checkBounds(baseRate, 0, MAX_BASE_RATE);
        _checkBounds(slope1, 0, MAX_SLOPE1);
        _checkBounds(kink, MIN_KINK, MAX_KINK);
        _checkBounds(slope2, 0, MAX_SLOPE2);
        _curve = PremiumCurve.Params(uint64(baseRate), uint64(slope1), uint64(kink), uint64(slope2));
        emit PricingCurveSet(baseRate, slope1, kink, slope2);
    }

    /// @inheritdoc IClaimsManager
    function setCollateralizationRatio(uint256 ratio) external override onlySecondaryAgent {
        _checkBounds(ratio, MIN_COLLATERALIZATION_RATIO, MAX_COLLATERALIZATION_RATIO);
        _params.collateralizationRatio = uint64(ratio);
        emit CollateralizationRatioSet(ratio);
    }

    /// @inheritdoc IClaimsManager
    function setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare)
        external
        override
        onlySecondaryAgent
        returns (uint256 dapiId)
    {
        return _setDapiCap(dapiName, chainId, capShare);
    }

    /// @inheritdoc IClaimsManager
    function setClaimantBond(uint256 bond) external override onlySecondaryAgent {
        _checkBounds(bond, 0, maxClaimantBond);
        _params.claimantBond = uint96(bond);
        emit ClaimantBondSet(bond);
    }

    /// @inheritdoc IClaimsManager
    function setMaxPriceAge(uint256 maxPriceAge_) external override onlySecondaryAgent {
        _checkBounds(maxPriceAge_, MIN_MAX_PRICE_AGE, MAX_MAX_PRICE_AGE);
        _params.maxPriceAge = uint32(maxPriceAge_);
        emit MaxPriceAgeSet(maxPriceAge_);
    }

    /// @inheritdoc IClaimsManager
    function setTreasuryShare(uint256 share) external override onlySecondaryAgent {
        _checkBounds(share, 0, MAX_TREASURY_SHARE);
        _params.treasuryShare = uint64(share);
        emit TreasuryShareSet(share);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IClaimsManager
    function arbitrator() external view override returns (IArbitrator) {
        return _arbitrator;
    }

    /// @inheritdoc IClaimsManager
    function arbitratorExtraData() external view override returns (bytes memory) {
        return _arbitratorExtraData;
    }

    /// @inheritdoc IClaimsManager
    function metaEvidenceId() external view override returns (uint256) {
        return _metaEvidenceId;
    }

    /// @inheritdoc IClaimsManager
    function pricingCurve()
        external
        view
        override
        returns (uint256 baseRate, uint256 slope1, uint256 kink, uint256 slope2)
    {
        PremiumCurve.Params memory c = _curve;
        return (c.baseRate, c.slope1, c.kink, c.slope2);
    }

    /// @inheritdoc IClaimsManager
    function collateralizationRatio() external view override returns (uint256) {
        return _params.collateralizationRatio;
    }

    /// @inheritdoc IClaimsManager
    function treasuryShare() external view override returns (uint256) {
        return _params.treasuryShare;
    }

    /// @inheritdoc IClaimsManager
    function maxPriceAge() external view override returns (uint256) {
        return _params.maxPriceAge;
    }

    /// @inheritdoc IClaimsManager
    function claimantBond() external view override returns (uint256) {
        return _params.claimantBond;
    }

    /// @inheritdoc IClaimsManager
    function tokenPrice() external view override returns (uint256) {
        return PriceConversion.read(priceFeed, _params.maxPriceAge);
    }

    /// @inheritdoc IClaimsManager
    function payoutQuotaShare(address payer) public view override returns (uint256) {
        uint256 stored = _quotaShares[payer];
        return stored == 0 ? DEFAULT_PAYOUT_QUOTA_SHARE : stored - 1;
    }

    /// @inheritdoc IClaimsManager
    function dapiIdOf(bytes32 dapiName, uint256 chainId) external view override returns (uint256) {
        return _dapiIds[_dapiKey(dapiName, chainId)];
    }

    /// @inheritdoc IClaimsManager
    function dapiCount() external view override returns (uint256) {
        return _globals.dapiCount;
    }

    /// @inheritdoc IClaimsManager
    function pendingRewards() external view override returns (uint256 stakerAmount, uint256 treasuryAmount) {
        PendingRewards memory p = _pending;
        return (p.stakers, p.treasury);
    }

    // --------------------------------------------------------------- internal

    function _setDapiCap(bytes32 dapiName, uint256 chainId, uint256 capShare) internal returns (uint256 dapiId) {
        if (dapiName == bytes32(0)) revert UnknownDapi(0);
        _checkBounds(capShare, 0, WAD);
        bytes32 key = _dapiKey(dapiName, chainId);
        dapiId = _dapiIds[key];
        if (dapiId == 0) {
            dapiId = ++_globals.dapiCount;
            _dapiIds[key] = dapiId;
            _dapiNames[dapiId] = dapiName;
            _dapiChainIds[dapiId] = chainId;
        }
        _dapiStates[dapiId].capShare = uint64(capShare);
        emit DapiCapSet(dapiId, dapiName, chainId, capShare);
    }

    function _dapiKey(bytes32 dapiName, uint256 chainId) internal pure returns (bytes32) {
        return keccak256(abi.encode(dapiName, chainId));
    }

    function _checkBounds(uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert ParameterOutOfBounds(value, min, max);
    }
}
