// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {LocalArbitrator} from "../../src/devnet/LocalArbitrator.sol";
import {IClaimsManager, IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IPremiumSource, IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {Api3Feed} from "../utils/Api3Feed.sol";
import {Release} from "../utils/Release.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @dev A pool token anyone can mint (tests only).
contract ClaimsTestToken is ERC20 {
    constructor() ERC20("Pool Token", "POOL") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @dev A test double of the staking pool with the functions the ClaimsManager uses. It holds real tokens:
/// `payOutClaim` sends them and lowers `totalStake`; `addRewards` pulls them and raises it. All its stake stays
/// (`stayingStake`); the pool-wide payout cap is unlimited unless a test sets `capRoom`. `pullPremiums` pulls a
/// manager's premiums as the real pool does at an epoch's start (they raise `totalStake` at once here).
contract ClaimsPoolDouble {
    IERC20 public token;
    uint256 public totalStake;
    uint256 public rewardsAdded;
    uint256 public paidOut;
    uint256 public premiumsPulled;
    uint256 public capRoom = type(uint256).max;
    mapping(address => bool) public isClaimsManager;

    constructor(IERC20 token_) {
        token = token_;
    }

    function setClaimsManager(address manager, bool authorized) external {
        isClaimsManager[manager] = authorized;
    }

    function setTotalStake(uint256 amount) external {
        totalStake = amount;
    }

    function setCapRoom(uint256 room) external {
        capRoom = room;
    }

    function stayingStake() external view returns (uint256) {
        return totalStake;
    }

    function payoutRoom() external view returns (uint256, uint256) {
        return (totalStake, capRoom);
    }

    function payOutClaim(address recipient, uint256 amount) external {
        if (!isClaimsManager[msg.sender]) revert IStakingPoolTypes.UnauthorizedClaimsManager(msg.sender);
        if (amount == 0) revert IStakingPoolTypes.ZeroAmount();
        if (amount > totalStake) revert IStakingPoolTypes.PayoutExceedsStake(amount, totalStake);
        if (amount > capRoom) revert IStakingPoolTypes.PayoutCapExceeded(amount, capRoom);
        if (capRoom != type(uint256).max) capRoom -= amount;
        totalStake -= amount;
        paidOut += amount;
        token.transfer(recipient, amount);
    }

    function pullPremiums(IPremiumSource manager) external returns (uint256 past, uint256 current) {
        (past, current) = manager.pullPremiums();
        totalStake += past + current;
        premiumsPulled += past + current;
    }

    function addRewards(uint256 amount) external {
        token.transferFrom(msg.sender, address(this), amount);
        totalStake += amount;
        rewardsAdded += amount;
    }
}

/// @notice Shared set-up of the ClaimsManager tests: a real API3 dAPI (Api3ServerV1 + Api3ReaderProxyV1
/// fed by a test Airnode key) for the pool token at $2, a pool double with 1,000,000 tokens staked, a local
/// ERC-792 arbitrator, and one covered dAPI (id 1, cap 50% of capacity, judged by its own real proxy with a 1-day
/// heartbeat and a 1-hour grace). Capacity: 1M * 50% * $2 = $1M: the price haircut is 0 here, the bond a flat 100
/// tokens and the waiting period 0, so that the older tests' figures hold and claims can be filed at once; the tests of
/// the haircut, the bond's rate and the waiting period (`ClaimsHonestCoverage.t.sol`) set them.
abstract contract ClaimsBase is Api3Feed {
    uint256 internal constant START = 2900 * 1 weeks + 1 days;
    uint256 internal constant PRICE = 2e18;
    uint256 internal constant STAKE = 1_000_000e18;
    uint256 internal constant ARBITRATION_FEE = 0.1 ether;
    uint256 internal constant APPEAL_FEE = 0.2 ether;
    uint256 internal constant APPEAL_PERIOD = 3 days;
    uint256 internal constant BOND = 100e18;
    bytes32 internal constant COVERED_DAPI = "ETH/USD";
    uint256 internal constant DAPI = 1;
    uint256 internal constant DAPI_HEARTBEAT = 1 days;
    uint256 internal constant DAPI_GRACE = 1 hours;
    int256 internal constant ETH_PRICE = 3000e18;

    ClaimsTestToken internal token;
    ClaimsPoolDouble internal pool;
    IApi3ReaderProxy internal priceFeed;
    IApi3ReaderProxy internal coveredFeed;
    LocalArbitrator internal arbitrator;
    ClaimsManager internal cm;
    /// @dev The full ABI at the ClaimsManager's address (core + admin module).
    IClaimsManager internal claims;

    address internal primary = makeAddr("primaryAgent");
    address internal secondary = makeAddr("secondaryAgent");
    address internal mediator = makeAddr("mediator");
    address internal court = makeAddr("court");
    address internal agent = makeAddr("policyAgent");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal stranger = makeAddr("stranger");

    function setUp() public virtual {
        vm.warp(START);
        priceFeed = _deployApi3Feed("API3/USD");
        _pushPrice(int256(PRICE));
        coveredFeed = _deployCoveredFeed(COVERED_DAPI);
        _pushCoveredValue(ETH_PRICE);
        token = new ClaimsTestToken();
        pool = new ClaimsPoolDouble(token);
        token.mint(address(pool), STAKE);
        pool.setTotalStake(STAKE);
        arbitrator = new LocalArbitrator(court, ARBITRATION_FEE, APPEAL_FEE, APPEAL_PERIOD);
        cm = _deployClaimsManager(IStakingPool(address(pool)));
        claims = IClaimsManager(address(cm));
        pool.setClaimsManager(address(cm), true);
        vm.prank(primary);
        claims.setPolicyAgent(agent, true);
        vm.startPrank(secondary);
        claims.setClaimantBond(BOND, 0);
        claims.setWaitingPeriod(0);
        claims.setPriceHaircut(0);
        vm.stopPrank();
        _fund(alice);
        _fund(bob);
        vm.deal(alice, 10 ether);
        vm.deal(bob, 10 ether);
    }

    function _deployClaimsManager(IStakingPool pool_) internal returns (ClaimsManager) {
        ClaimsStorage.DapiConfig[] memory dapis = new ClaimsStorage.DapiConfig[](1);
        dapis[0] = ClaimsStorage.DapiConfig({
            name: COVERED_DAPI, chainId: block.chainid, capShare: 0.5e18, heartbeat: DAPI_HEARTBEAT, grace: DAPI_GRACE
        });
        return Release.claimsManager(
            pool_,
            priceFeed,
            primary,
            secondary,
            mediator,
            IArbitrator(address(arbitrator)),
            "",
            "ipfs://meta-evidence",
            dapis
        );
    }

    // ------------------------------------------------------------------ helpers

    function _fund(address user) internal {
        token.mint(user, 1_000_000e18);
        vm.prank(user);
        token.approve(address(cm), type(uint256).max);
    }

    function _buy(address buyer, uint256 coverageUsd, uint256 period) internal returns (uint256 policyId) {
        vm.prank(buyer);
        (policyId,) = claims.buyCoverage(DAPI, coverageUsd, period, type(uint256).max, "ipfs://policy");
    }

    function _claim(address claimant, uint256 policyId, uint256 amountUsd) internal returns (uint256 claimId) {
        vm.prank(claimant);
        return claims.createClaim(policyId, amountUsd, block.timestamp, "ipfs://evidence");
    }

    /// @dev A policy of $10,000 for 90 days for alice and a claim of `amountUsd` on it.
    function _policyAndClaim(uint256 amountUsd) internal returns (uint256 policyId, uint256 claimId) {
        policyId = _buy(alice, 10_000e18, 90 days);
        claimId = _claim(alice, policyId, amountUsd);
    }

    function _escalate(address claimant, uint256 claimId) internal returns (uint256 disputeId) {
        vm.prank(claimant);
        return claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");
    }

    /// @dev The court rules and, after the appeal period (the dAPI kept fresh), anyone executes the ruling.
    function _ruleFinally(uint256 disputeId, uint256 ruling) internal {
        vm.prank(court);
        arbitrator.giveRuling(disputeId, ruling);
        _warpAndRefresh(APPEAL_PERIOD);
        arbitrator.executeRuling(disputeId);
    }

    function _status(uint256 claimId) internal view returns (IClaimsTypes.ClaimStatus) {
        return claims.claim(claimId).status;
    }

    /// @dev Tokens for `usd` at `price`, rounded down (the payout rule, computed independently).
    function _tokensDown(uint256 usd, uint256 price) internal pure returns (uint256) {
        return usd * 1e18 / price;
    }

    /// @dev Keeps both dAPIs fresh after a warp.
    function _warpAndRefresh(uint256 dt) internal {
        vm.warp(block.timestamp + dt);
        _pushPrice(int256(PRICE));
        _pushCoveredValue(ETH_PRICE);
    }
}
