// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {Release} from "./Release.sol";
import {Test} from "forge-std/Test.sol";

/// @notice A deployed token + pool with agents, a claims manager, a vesting manager and funded stakers.
/// Time starts at a fixed timestamp a day into an epoch, so epoch arithmetic in tests is explicit.
abstract contract PoolFixture is Test {
    TestToken internal token;
    IStakingPool internal pool;

    address internal owner = makeAddr("owner");
    address internal primary = makeAddr("primaryAgent");
    address internal secondary = makeAddr("secondaryAgent");
    address internal claims = makeAddr("claimsManager");
    address internal vester = makeAddr("vestingManager");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    address internal victim = makeAddr("victim");

    uint256 internal constant WEEK = 1 weeks;
    /// @dev Epoch 2900 starts at 1,753,920,000 (a Thursday); tests start one day into it.
    uint256 internal constant START_EPOCH = 2900;
    uint256 internal constant START = START_EPOCH * WEEK + 1 days;
    uint256 internal constant FUNDS = 1_000_000e18;
    /// @dev The first stake of the pool (by `seeder`): the least a share era's first stake may be (`MIN_FIRST_STAKE`,
    /// one token), paying for the 1000 dead shares; later stakes mint at price 1. Totals in tests include it.
    uint256 internal constant SEED = 1e18;
    address internal seeder = makeAddr("seeder");

    function setUp() public virtual {
        vm.warp(START);
        token = new TestToken("Pool Token", "POOL", owner);
        pool = Release.stakingPool(token, primary, secondary);
        vm.startPrank(owner);
        token.setMinter(address(pool), true);
        token.setMinter(owner, true);
        vm.stopPrank();
        vm.prank(primary);
        pool.setClaimsManager(claims, true);
        vm.prank(primary);
        pool.setVestingManager(vester);
        _fund(alice);
        _fund(bob);
        _fund(carol);
        _fund(vester);
        _fund(claims);
        _fund(seeder);
        _depositAndStake(seeder, SEED);
        _uncapPayouts();
    }

    /// @dev The storage slot of the pool's `PayoutWindow` (`forge inspect StakingPool storageLayout`).
    uint256 internal constant PAYOUT_WINDOW_SLOT = 9;

    /// @dev Lifts the pool-wide payout cap (at most 50% per window in production) to 100%, for tests of the share and
    /// lock accounting under payouts that a capped pool would spread over several windows (wipe-outs, deep losses).
    /// The cap itself is tested with its real bounds (`StakingPoolPayoutCap.t.sol`).
    function _uncapPayouts() internal {
        vm.store(address(pool), bytes32(PAYOUT_WINDOW_SLOT), bytes32(uint256(10_000) << 232));
    }

    function _fund(address user) internal {
        vm.prank(owner);
        token.mint(user, FUNDS);
        vm.prank(user);
        token.approve(address(pool), type(uint256).max);
    }

    function _depositAndStake(address user, uint256 amount) internal returns (uint256 shares) {
        vm.prank(user);
        return pool.depositAndStake(amount);
    }

    function _deposit(address user, uint256 amount) internal {
        vm.prank(user);
        pool.deposit(amount);
    }

    function _schedule(address user, uint256 shares) internal returns (uint256 amount) {
        vm.prank(user);
        return pool.scheduleUnstake(shares);
    }

    /// @dev A payout of `amount` by the claims manager that the pool-wide cap does not limit (the window is cleared
    /// first: see `_uncapPayouts`).
    function _payOut(uint256 amount) internal {
        _uncapPayouts();
        vm.prank(claims);
        pool.payOutClaim(victim, amount);
    }

    function _epochStart(uint256 epoch) internal pure returns (uint256) {
        return epoch * WEEK;
    }

    function _pending(address user) internal view returns (IStakingPoolTypes.PendingUnstake memory) {
        return pool.pendingUnstakeOf(user);
    }

    /// @dev Rewards the pool holds but has not released into the stake: the stream's rest and the queued lumps.
    function _unreleased(IStakingPool pool_) internal view returns (uint256) {
        (uint256 remaining,,,) = pool_.rewardStream();
        (uint256 queued,) = pool_.queuedRewards();
        return remaining + queued;
    }

    /// @dev The pool's accounting identity: its token balance covers unstaked balances, the stake, the stream and the
    /// queue.
    function _accountedBalance(address[] memory users) internal view returns (uint256 sum) {
        for (uint256 i = 0; i < users.length; i++) {
            sum += pool.unstakedOf(users[i]);
        }
        sum += pool.totalStake() + _unreleased(pool);
    }

    /// @dev A digest of everything a failed call must leave unchanged for `user` and the pool.
    function _stateOf(address user) internal view returns (bytes32) {
        IStakingPoolTypes.PendingUnstake memory pending = pool.pendingUnstakeOf(user);
        bytes32 userState = keccak256(
            abi.encode(
                pool.unstakedOf(user),
                pool.sharesOf(user),
                pending.shares,
                pending.amount,
                pending.maturesAt,
                token.balanceOf(user)
            )
        );
        (uint256 remaining, uint256 lastUpdate,,) = pool.rewardStream();
        return keccak256(
            abi.encode(
                userState, pool.totalStake(), pool.totalShares(), remaining, lastUpdate, token.balanceOf(address(pool))
            )
        );
    }
}
