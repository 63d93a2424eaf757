// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {StakingPool} from "../../src/StakingPool.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {LocalArbitrator} from "../../src/devnet/LocalArbitrator.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {IClaimsManager} from "../../src/interfaces/IClaimsManager.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {Api3Feed} from "../utils/Api3Feed.sol";
import {Release} from "../utils/Release.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";

/// @notice The real system for integration and gas tests: TestToken, StakingPool, the real API3 dAPI for the
/// token at $2, the LocalArbitrator and a ClaimsManager authorized on the pool, with three stakers
/// (1,000,000 + 2,000,000 + 1,000,000 tokens) and one covered dAPI (id 1, cap 50% of capacity).
abstract contract ClaimsRealPool is Api3Feed {
    uint256 internal constant START = 2900 * 1 weeks + 1 days;
    uint256 internal constant PRICE = 2e18;
    uint256 internal constant ARBITRATION_FEE = 0.1 ether;
    uint256 internal constant APPEAL_FEE = 0.2 ether;
    uint256 internal constant APPEAL_PERIOD = 3 days;
    uint256 internal constant DAPI = 1;

    TestToken internal token;
    IStakingPool internal pool;
    IApi3ReaderProxy internal priceFeed;
    IApi3ReaderProxy internal coveredFeed;
    LocalArbitrator internal arbitrator;
    ClaimsManager internal cm;
    IClaimsManager internal claims;

    address internal owner = makeAddr("tokenOwner");
    address internal primary = makeAddr("primaryAgent");
    address internal secondary = makeAddr("secondaryAgent");
    address internal mediator = makeAddr("mediator");
    address internal court = makeAddr("court");
    address internal staker1 = makeAddr("staker1");
    address internal staker2 = makeAddr("staker2");
    address internal staker3 = makeAddr("staker3");
    address internal user = makeAddr("dapiUser");
    address internal user2 = makeAddr("dapiUser2");

    function setUp() public virtual {
        vm.warp(START);
        priceFeed = _deployApi3Feed("API3/USD");
        _pushPrice(int256(PRICE));
        coveredFeed = _deployCoveredFeed("ETH/USD");
        _pushCoveredValue(3000e18);
        token = new TestToken("API3", "API3", owner);
        pool = Release.stakingPool(token, primary, secondary);
        vm.startPrank(owner);
        token.setMinter(address(pool), true);
        token.setMinter(owner, true);
        vm.stopPrank();
        arbitrator = new LocalArbitrator(court, ARBITRATION_FEE, APPEAL_FEE, APPEAL_PERIOD);
        ClaimsStorage.DapiConfig[] memory dapis = new ClaimsStorage.DapiConfig[](1);
        dapis[0] = ClaimsStorage.DapiConfig({
            name: "ETH/USD", chainId: block.chainid, capShare: 0.5e18, heartbeat: 1 days, grace: 1 hours
        });
        cm = Release.claimsManager(
            pool, priceFeed, primary, secondary, mediator, IArbitrator(address(arbitrator)), "", "ipfs://meta", dapis
        );
        claims = IClaimsManager(address(cm));
        vm.prank(primary);
        pool.setClaimsManager(address(cm), true);
        // Claims in these tests are filed at once (the waiting period has tests of its own).
        vm.prank(secondary);
        claims.setWaitingPeriod(0);
        _stake(staker1, 1_000_000e18);
        _stake(staker2, 2_000_000e18);
        _stake(staker3, 1_000_000e18);
        _fundUser(user);
        _fundUser(user2);
    }

    function _stake(address staker, uint256 amount) internal {
        vm.prank(owner);
        token.mint(staker, amount);
        vm.startPrank(staker);
        token.approve(address(pool), amount);
        pool.depositAndStake(amount);
        vm.stopPrank();
    }

    function _fundUser(address who) internal {
        vm.prank(owner);
        token.mint(who, 100_000e18);
        vm.prank(who);
        token.approve(address(cm), type(uint256).max);
        vm.deal(who, 10 ether);
    }

    /// @dev Keeps both dAPIs (the pool token's price and the covered ETH/USD) fresh after a warp.
    function _warpAndRefresh(uint256 dt) internal {
        vm.warp(block.timestamp + dt);
        _pushPrice(int256(PRICE));
        _pushCoveredValue(3000e18);
    }
}
