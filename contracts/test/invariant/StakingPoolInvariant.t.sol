// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolFixture} from "../utils/PoolFixture.sol";
import {StakingPoolHandler} from "./StakingPoolHandler.sol";

/// @notice The pool's invariants (see the contracts' README, "Invariants") under random sequences of every
/// user action, payouts (partial and whole), added rewards, vesting deposits and time.
contract StakingPoolInvariantTest is PoolFixture {
    StakingPoolHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new StakingPoolHandler(pool, token, claims, vester);
        vm.prank(owner);
        token.setMinter(address(handler), true);
        targetContract(address(handler));
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
        (uint256 remaining,,,) = pool.rewardStream();
        assertLe(sumShares, pool.totalShares() + _voidPendingShares(actors));
        assertLe(sumStakes, pool.totalStake() + remaining);
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
            uint256 balance = pool.unstakedOf(actor) + pool.stakeOf(actor);
            uint256 locked = pool.lockedRewardsOf(actor);
            uint256 withdrawable = pool.withdrawableOf(actor);
            assertLe(locked, balance, "locked <= stake value + unstaked, after any payout");
            assertLe(withdrawable, pool.unstakedOf(actor));
            if (withdrawable != 0) {
                assertLe(withdrawable + locked + pool.unvestedOf(actor), balance, "never locked or unvested");
            }
        }
        assertFalse(handler.ghostWithdrewLocked(), "a withdrawal beyond withdrawableOf succeeded");
    }

    function invariant_votesSumToTotalVotingSupply() public view {
        address[] memory actors = _actors();
        uint256 sum = pool.getVotes(seeder);
        for (uint256 i = 0; i < actors.length; i++) {
            sum += pool.getVotes(actors[i]);
        }
        assertEq(sum, pool.totalVotingSupply());
    }
}
