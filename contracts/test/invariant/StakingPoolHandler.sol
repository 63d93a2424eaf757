// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice Drives a few stakers through random deposits, stakes, unstakes, withdrawals, payouts, added rewards,
/// vesting deposits and time, keeping ghost totals of every token that entered or left the pool.
contract StakingPoolHandler is CommonBase, StdCheats, StdUtils {
    StakingPool public immutable pool;
    TestToken public immutable token;
    address public immutable claimsManager;
    address public immutable vestingManager;

    address[] public actors;

    mapping(address actor => uint256) public ghostDeposited;
    mapping(address actor => uint256) public ghostWithdrawn;
    uint256 public ghostRewardsIn; // added rewards + forfeited stake + minted rewards (upper bound of gains)
    uint256 public ghostPaidOut;
    /// @dev Set when the share price fell in a call that is not a payout (must never happen).
    bool public ghostPriceFellWithoutPayout;
    /// @dev Set when a withdrawal succeeded beyond what `withdrawableOf` allowed just before.
    bool public ghostWithdrewLocked;

    uint256 public calls;

    constructor(StakingPool pool_, TestToken token_, address claimsManager_, address vestingManager_) {
        pool = pool_;
        token = token_;
        claimsManager = claimsManager_;
        vestingManager = vestingManager_;
        for (uint256 i = 0; i < 4; i++) {
            address actor = address(uint160(0xA11CE + i));
            actors.push(actor);
            vm.prank(actor);
            token.approve(address(pool), type(uint256).max);
        }
        vm.prank(vestingManager);
        token.approve(address(pool), type(uint256).max);
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Runs before and after every action: the price may only fall through payouts (or when the pool
    /// empties and restarts at price 1).
    modifier checkPrice(bool isPayout) {
        uint256 stakeBefore = pool.totalStake();
        uint256 sharesBefore = pool.totalShares();
        uint256 minted = token.totalSupply();
        _;
        calls++;
        ghostRewardsIn += token.totalSupply() - minted - _mintedByHandler;
        _mintedByHandler = 0;
        uint256 sharesAfter = pool.totalShares();
        if (!isPayout && sharesAfter != 0 && pool.shareEra() == _eraBefore) {
            // (stakeAfter + 1) / (sharesAfter + 1) >= (stakeBefore + 1) / (sharesBefore + 1)
            if ((pool.totalStake() + 1) * (sharesBefore + 1) < (stakeBefore + 1) * (sharesAfter + 1)) {
                ghostPriceFellWithoutPayout = true;
            }
        }
        _eraBefore = pool.shareEra();
    }

    uint256 internal _mintedByHandler;
    uint256 internal _eraBefore;

    function _fund(address to, uint256 amount) internal {
        token.mint(to, amount);
        _mintedByHandler += amount;
    }

    // ---------------------------------------------------------------- actions

    function deposit(uint256 seed, uint256 amount) external checkPrice(false) {
        address actor = _actor(seed);
        amount = bound(amount, 1, 1_000_000e18);
        _fund(actor, amount);
        vm.prank(actor);
        pool.deposit(amount);
        ghostDeposited[actor] += amount;
    }

    function depositAndStake(uint256 seed, uint256 amount) external checkPrice(false) {
        address actor = _actor(seed);
        amount = bound(amount, 1, 1_000_000e18);
        _fund(actor, amount);
        vm.prank(actor);
        try pool.depositAndStake(amount) {
            ghostDeposited[actor] += amount;
        } catch {
            vm.prank(actor);
            token.transfer(address(0xdead), amount);
        }
    }

    function stake(uint256 seed, uint256 amount) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 unstaked = pool.unstakedOf(actor);
        if (unstaked == 0) return;
        amount = bound(amount, 1, unstaked);
        vm.prank(actor);
        try pool.stake(amount) {} catch {}
    }

    function scheduleUnstake(uint256 seed, uint256 shares) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 owned = pool.sharesOf(actor);
        if (owned == 0 || pool.pendingUnstakeOf(actor).shares != 0) return;
        shares = bound(shares, 1, owned);
        vm.prank(actor);
        pool.scheduleUnstake(shares);
    }

    function unstake(uint256 seed) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 maturesAt = pool.pendingUnstakeOf(actor).maturesAt;
        if (maturesAt == 0) return;
        if (block.timestamp < maturesAt) vm.warp(maturesAt);
        pool.unstake(actor);
    }

    function withdraw(uint256 seed, uint256 amount, bool beyond) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 allowed = pool.withdrawableOf(actor);
        if (beyond) {
            // Try more than allowed: it must fail.
            uint256 unstaked = pool.unstakedOf(actor);
            if (allowed >= unstaked) return;
            amount = bound(amount, allowed + 1, unstaked);
            vm.prank(actor);
            try pool.withdraw(actor, amount) {
                ghostWithdrewLocked = true;
            } catch {}
            return;
        }
        if (allowed == 0) return;
        amount = bound(amount, 1, allowed);
        vm.prank(actor);
        pool.withdraw(actor, amount);
        ghostWithdrawn[actor] += amount;
    }

    function payOutClaim(uint256 amount, bool whole) external checkPrice(true) {
        uint256 stakeNow = pool.totalStake();
        if (stakeNow == 0) return;
        amount = whole ? stakeNow : bound(amount, 1, stakeNow / 2 + 1);
        (uint256 remainingBefore,,,) = pool.rewardStream();
        vm.prank(claimsManager);
        pool.payOutClaim(address(0xC1A1), amount);
        ghostPaidOut += amount;
        (uint256 remainingAfter,,,) = pool.rewardStream();
        ghostRewardsIn += remainingAfter - remainingBefore; // stake forfeited by a wipe-out goes to later stakers
    }

    function addRewards(uint256 amount) external checkPrice(false) {
        amount = bound(amount, 1, 10_000e18);
        _fund(address(this), amount);
        token.approve(address(pool), amount);
        pool.addRewards(amount);
        ghostRewardsIn += amount;
    }

    function depositWithVesting(uint256 seed, uint256 amount, uint256 duration) external checkPrice(false) {
        address actor = _actor(seed);
        amount = bound(amount, 1, 100_000e18);
        duration = bound(duration, 1, 100 weeks);
        if (pool.unvestedOf(actor) != 0 || pool.vestingOf(actor).end > block.timestamp) return;
        _fund(vestingManager, amount);
        vm.prank(vestingManager);
        pool.depositWithVesting(actor, amount, block.timestamp, block.timestamp + duration);
        ghostDeposited[actor] += amount;
    }

    function warp(uint256 dt) external checkPrice(false) {
        vm.warp(block.timestamp + bound(dt, 1, 20 days));
        pool.accrue();
    }
}
