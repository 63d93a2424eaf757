// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {ExposureReporter} from "../utils/ExposureReporter.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {StakingPoolHandler} from "./StakingPoolHandler.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice The pool's invariants (see the contracts' README, "Invariants") under random sequences of every
/// user action, delegations, payouts (partial and whole), added rewards, vesting deposits and time (short warps and
/// rare jumps of about a year, so that rewards unlock).
contract StakingPoolInvariantTest is PoolFixture {
    StakingPoolHandler internal handler;

    /// @dev A lock-history snapshot stores its debt floored to a multiple of 2^16 credit units (`LockHistory`).
    uint256 internal constant SNAPSHOT_QUANTUM = 2 ** 16;

    function setUp() public override {
        super.setUp();
        ExposureReporter reporter = new ExposureReporter();
        vm.prank(primary);
        pool.setClaimsManager(address(reporter), true);
        handler = new StakingPoolHandler(pool, token, claims, vester, reporter);
        vm.prank(owner);
        token.setMinter(address(handler), true);
        targetContract(address(handler));
    }

    /// @dev The handler's freeze path is reachable: a claim open when an exit matures freezes part of it, and clearing
    /// the exposure releases it.
    /// @dev Found by the deep profile (1,000 runs x depth 128): the handler's `unstake` warped to the exit's maturity
    /// inside the epoch and called the pool without crediting what the epoch's stream released meanwhile, so the
    /// model missed rewards the pool (rightly) locked. The handler now records those releases first.
    function test_regression_unstakeAfterAWarpInTheEpochFollowsTheModel() public {
        handler.deposit(49_569, 86_400);
        handler.stake(
            47_362_758_542_671_408_783_930_555_616_060_846_532_023_237_646_831_653_161_320_248_450_412_600_885_249,
            1_229_314_050_782_797_779_034_457_772_385_791_213_532
        );
        handler.scheduleUnstake(1897, 600);
        handler.warp(30_000_000_000_000_000, true);
        handler.warp(156_830_582_698_133_274_833_008, false);
        handler.depositAndStake(
            2_273_329_176_408_167_834, 7_799_556_592_543_652_215_104_676_777_750_523_078_377_338_827_726_831_796_690_962
        );
        handler.unstake(2993);
        invariant_lockedRewardsFollowTheModel();
    }

    function test_handler_walkFreezesAndReleasesAnExit() public {
        handler.depositAndStake(0, 1000e18);
        handler.scheduleUnstake(0, type(uint256).max);
        handler.setExposure(pool.totalStake() / 3, false);
        handler.unstake(0);
        address actor = handler.actors(0);
        assertTrue(pool.pendingUnstakeOf(actor).frozen);
        assertEq(handler.ghostFrozenExits(), 1);
        handler.setExposure(0, true);
        handler.unstake(0);
        assertEq(pool.pendingUnstakeOf(actor).shares, 0);
        invariant_balanceCoversAccounting();
    }

    function _actors() internal view returns (address[] memory list) {
        list = new address[](handler.actorCount());
        for (uint256 i = 0; i < list.length; i++) {
            list[i] = handler.actors(i);
        }
    }

    /// @dev Token balance == unstaked balances + stake (pending unstakes included) + unreleased stream.
    function invariant_balanceCoversAccounting() public view {
        assertEq(token.balanceOf(address(pool)), _accountedBalance(_actors()));
    }

    function invariant_stakesNeverExceedTotalStake() public view {
        address[] memory actors = _actors();
        uint256 sumShares;
        uint256 sumStakes;
        for (uint256 i = 0; i < actors.length; i++) {
            sumShares += pool.sharesOf(actors[i]) + pool.pendingUnstakeOf(actors[i]).shares;
            sumStakes += pool.stakeOf(actors[i]) + pool.pendingUnstakeOf(actors[i]).amount;
        }
        assertLe(sumShares, pool.totalShares() + _voidPendingShares(actors));
        assertLe(sumStakes, pool.totalStake() + _unreleased(pool));
    }

    function _voidPendingShares(address[] memory actors) internal view returns (uint256 sum) {
        // Pending unstakes of an ended era still show their shares (they pay 0 and are not in totalShares).
        for (uint256 i = 0; i < actors.length; i++) {
            if (pool.pendingUnstakeOf(actors[i]).amount == 0) sum += pool.pendingUnstakeOf(actors[i]).shares;
        }
    }

    function invariant_sharePriceFallsOnlyThroughPayouts() public view {
        assertFalse(handler.ghostPriceFellWithoutPayout());
    }

    function invariant_noUserWithdrawsMoreThanPutInPlusRewards() public view {
        address[] memory actors = _actors();
        for (uint256 i = 0; i < actors.length; i++) {
            assertLe(handler.ghostWithdrawn(actors[i]), handler.ghostDeposited(actors[i]) + handler.ghostRewardsIn());
        }
    }

    function invariant_locksAndWithdrawableStayWithinTheBalance() public view {
        address[] memory actors = _actors();
        for (uint256 i = 0; i < actors.length; i++) {
            address actor = actors[i];
            uint256 balance = _balanceOf(actor);
            uint256 locked = pool.lockedRewardsOf(actor);
            uint256 withdrawable = pool.withdrawableOf(actor);
            assertLe(locked, balance, "locked <= unstaked + stake value + pending unstake, after any payout");
            assertLe(withdrawable, pool.unstakedOf(actor));
            if (withdrawable != 0) {
                assertLe(withdrawable + locked + pool.unvestedOf(actor), balance, "never locked or unvested");
            }
        }
        assertFalse(handler.ghostWithdrewLocked(), "a withdrawal beyond withdrawableOf succeeded");
        assertFalse(handler.ghostWithdrawRefused(), "a withdrawal within withdrawableOf reverted");
        assertFalse(handler.ghostWrongWithdrawError(), "withdrawableOf + 1 reverted with another error");
    }

    /// @dev Locked rewards against the handler's model (the sum of the actor's reward gains since the start of the
    /// lock period of epoch `now - 51`, shrunk by payouts since): never below it, so a lock that forgets rewards or frees them
    /// early fails; never above it by more than the pool's rounding, so a lock that keeps them too long or counts
    /// too much fails. `withdrawableOf` is held to the model on its own, and an actor that never unstaked has its
    /// locked rewards in its stake.
    function invariant_lockedRewardsFollowTheModel() public view {
        assertFalse(handler.ghostModelBroken(), "the model lost track of the pool");
        (uint256 above, uint256 below) = _lockTolerance();
        uint256 wad = handler.WAD();
        address[] memory actors = _actors();
        for (uint256 i = 0; i < actors.length; i++) {
            address actor = actors[i];
            uint256 locked = pool.lockedRewardsOf(actor);
            (uint256 scaled,) = handler.modelLocked(actor);
            uint256 stakeValue = pool.stakeOf(actor);
            uint256 balance = _balanceOf(actor);
            uint256 modelFloor = Math.min(scaled / wad, balance);
            assertGe(locked + below, modelFloor, "locked rewards below the model");
            uint256 modelCeiling = scaled / wad + 1;
            assertLe(locked, modelCeiling + above, "locked rewards above the model");
            if (handler.neverUnstaked(actor)) assertLe(locked, stakeValue + above, "locked beyond the stake");
            uint256 withdrawable = pool.withdrawableOf(actor);
            if (withdrawable != 0) {
                assertLe(withdrawable + modelFloor + pool.unvestedOf(actor), balance + below, "withdrawable is locked");
            }
        }
    }

    /// @dev What covers a user's locked and unvested tokens: unstaked + stake value + what its pending unstake
    /// would pay now.
    function _balanceOf(address actor) internal view returns (uint256) {
        return pool.unstakedOf(actor) + pool.stakeOf(actor) + pool.pendingUnstakeOf(actor).amount;
    }

    /// @dev The model's tolerance in tokens. The pool adds `LOCK_ROUNDING_MARGIN` credit units to every lock and may
    /// lose up to a snapshot quantum at the window's start, then converts credit to shares (1e27 / G shares per
    /// unit, rounded up: at most one share more) and shares to tokens at the share price, rounded up (`above`); it
    /// rounds the reward index and the credits down, by a few credit units at most (`below`). A credit unit is worth
    /// `1e27 / G * price` tokens, a ratio that releases leave unchanged (the written G and price give it).
    function _lockTolerance() internal view returns (uint256 above, uint256 below) {
        (, uint256 growth) = pool.rewardIndices();
        uint256 shares = pool.totalShares() + 1;
        uint256 unitsStake = Math.mulDiv(pool.totalStake() + 1, 1e27, growth, Math.Rounding.Ceil);
        uint256 margin = StakingPool(address(pool)).LOCK_ROUNDING_MARGIN() + SNAPSHOT_QUANTUM + 4;
        uint256 sharePrice = Math.ceilDiv(pool.convertToAssets(shares), shares); // accrued: (totalStake + 1) / shares
        above = Math.mulDiv(margin, unitsStake, shares, Math.Rounding.Ceil) + sharePrice + 2;
        below = Math.mulDiv(8, unitsStake, shares, Math.Rounding.Ceil) + 2;
    }

    /// @dev Also each actor's votes: its staked shares unless it delegates, plus the shares delegated to it.
    function invariant_votesSumToTotalVotingSupply() public view {
        address[] memory actors = _actors();
        uint256 sum = pool.getVotes(seeder);
        for (uint256 i = 0; i < actors.length; i++) {
            sum += pool.getVotes(actors[i]);
            uint256 expected;
            for (uint256 j = 0; j < actors.length; j++) {
                if (pool.delegates(actors[j]) == actors[i]) expected += pool.sharesOf(actors[j]);
            }
            assertEq(pool.getVotes(actors[i]), expected, "votes = own shares unless delegating + delegated shares");
        }
        assertEq(sum, pool.totalVotingSupply());
    }
}
