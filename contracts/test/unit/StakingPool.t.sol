// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";

/// @notice Deposit, withdraw, stake, unstake and payouts: every function and every revert of the pool core.
contract StakingPoolTest is PoolFixture {
    // ---------------------------------------------------------------- deposit

    function test_deposit_creditsUnstakedAndPullsTokens() public {
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Deposited(alice, 100e18, 100e18);
        _deposit(alice, 100e18);
        assertEq(pool.unstakedOf(alice), 100e18);
        assertEq(token.balanceOf(address(pool)), 100e18 + SEED);
        assertEq(token.balanceOf(alice), FUNDS - 100e18);
    }

    function test_deposit_revertsWhenZeroAmount() public {
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        _deposit(alice, 0);
        assertEq(_stateOf(alice), before);
    }

    // --------------------------------------------------------------- withdraw

    function test_withdraw_sendsToRecipient() public {
        _deposit(alice, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Withdrawn(alice, carol, 40e18, 60e18);
        vm.prank(alice);
        pool.withdraw(carol, 40e18);
        assertEq(pool.unstakedOf(alice), 60e18);
        assertEq(token.balanceOf(carol), FUNDS + 40e18);
    }

    function test_withdraw_revertsWhenZeroAmount() public {
        _deposit(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        vm.prank(alice);
        pool.withdraw(alice, 0);
        assertEq(_stateOf(alice), before);
    }

    function test_withdraw_revertsWhenZeroRecipient() public {
        _deposit(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        vm.prank(alice);
        pool.withdraw(address(0), 1);
        assertEq(_stateOf(alice), before);
    }

    function test_withdraw_revertsWhenMoreThanUnstaked() public {
        _deposit(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.InsufficientUnstaked.selector, alice, 101e18, 100e18));
        vm.prank(alice);
        pool.withdraw(alice, 101e18);
        assertEq(_stateOf(alice), before);
    }

    // ------------------------------------------------------------------ stake

    function test_stake_mintsSharesAtPriceOne() public {
        _deposit(alice, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Staked(alice, 60e18, 60e18, 60e18, 40e18, 60e18 + SEED, 60e18 + SEED);
        vm.prank(alice);
        uint256 shares = pool.stake(60e18);
        assertEq(shares, 60e18);
        assertEq(pool.sharesOf(alice), 60e18);
        assertEq(pool.stakeOf(alice), 60e18);
        assertEq(pool.unstakedOf(alice), 40e18);
        assertEq(pool.totalStake(), 60e18 + SEED);
        assertEq(pool.totalShares(), 60e18 + SEED);
        assertEq(pool.getVotes(alice), 60e18);
    }

    function test_stake_roundsSharesDownAfterPriceChange() public {
        _depositAndStake(alice, 100e18);
        _payOut(50e18); // price about 1/2
        uint256 expected = uint256(7e18) * (100e18 + SEED + 1) / (50e18 + SEED + 1);
        assertEq(_depositAndStake(bob, 7e18), expected);
        assertLe(pool.stakeOf(bob), 7e18);
    }

    function test_convertToShares_quotesExactlyWhatAStakeMints() public {
        _depositAndStake(alice, 100e18);
        _payOut(50e18); // price about 1/2: the quote rounds down like the stake
        uint256 quoted = pool.convertToShares(7e18);
        assertEq(_depositAndStake(bob, 7e18), quoted);
    }

    function test_stake_revertsWhenZeroAmount() public {
        _deposit(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        vm.prank(alice);
        pool.stake(0);
        assertEq(_stateOf(alice), before);
    }

    function test_stake_revertsWhenMoreThanUnstaked() public {
        _deposit(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPoolTypes.InsufficientUnstaked.selector, alice, 100e18 + 1, 100e18)
        );
        vm.prank(alice);
        pool.stake(100e18 + 1);
        assertEq(_stateOf(alice), before);
    }

    function test_stake_revertsWhenZeroSharesMinted() public {
        vm.prank(carol);
        pool.addRewards(1000e18);
        vm.warp(_epochStart(START_EPOCH + 2)); // the lump streams over the next epoch
        pool.accrue();
        assertGt(pool.convertToAssets(1), 1, "a share is worth more than one unit");
        _deposit(bob, 1);
        bytes32 before = _stateOf(bob);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.ZeroSharesMinted.selector, 1));
        vm.prank(bob);
        pool.stake(1);
        assertEq(_stateOf(bob), before);
    }

    function test_depositAndStake_depositsThenStakes() public {
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Deposited(alice, 10e18, 10e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Staked(alice, 10e18, 10e18, 10e18, 0, 10e18 + SEED, 10e18 + SEED);
        _depositAndStake(alice, 10e18);
        assertEq(token.balanceOf(address(pool)), 10e18 + SEED);
        assertEq(pool.unstakedOf(alice), 0);
    }

    function test_depositAndStake_revertsWhenZeroAmount() public {
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        _depositAndStake(alice, 0);
        assertEq(_stateOf(alice), before);
    }

    // -------------------------------------------------------- scheduleUnstake

    function test_scheduleUnstake_takesSharesAndVotesAtOnce() public {
        _depositAndStake(alice, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.UnstakeScheduled(
            alice, 30e18, 30e18, block.timestamp + WEEK, 70e18, 100e18 + SEED, 100e18 + SEED
        );
        assertEq(_schedule(alice, 30e18), 30e18);
        assertEq(pool.sharesOf(alice), 70e18);
        assertEq(pool.getVotes(alice), 70e18);
        assertEq(pool.totalVotingSupply(), 70e18 + SEED - 1000, "alice's 70 and the seed's voting shares");
        assertEq(pool.totalShares(), 100e18 + SEED, "pending shares stay slashable");
        IStakingPoolTypes.PendingUnstake memory pending = _pending(alice);
        assertEq(pending.shares, 30e18);
        assertEq(pending.amount, 30e18);
        assertEq(pending.maturesAt, block.timestamp + WEEK);
    }

    function test_scheduleUnstake_revertsWhenZeroShares() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        _schedule(alice, 0);
        assertEq(_stateOf(alice), before);
    }

    function test_scheduleUnstake_revertsWhenMoreThanShares() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPoolTypes.InsufficientShares.selector, alice, 100e18 + 1, 100e18)
        );
        _schedule(alice, 100e18 + 1);
        assertEq(_stateOf(alice), before);
    }

    function test_scheduleUnstake_revertsWhenAlreadyPending() public {
        _depositAndStake(alice, 100e18);
        _schedule(alice, 10e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPoolTypes.UnstakeAlreadyPending.selector, alice, block.timestamp + WEEK)
        );
        _schedule(alice, 10e18);
        assertEq(_stateOf(alice), before);
    }

    // ---------------------------------------------------------------- unstake

    function test_unstake_anyoneExecutesMaturedUnstake() public {
        _depositAndStake(alice, 100e18);
        _schedule(alice, 40e18);
        vm.warp(block.timestamp + WEEK);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.Unstaked(alice, carol, 40e18, 40e18, 40e18, 60e18 + SEED, 60e18 + SEED);
        vm.prank(carol);
        assertEq(pool.unstake(alice), 40e18);
        assertEq(pool.unstakedOf(alice), 40e18);
        assertEq(_pending(alice).shares, 0);
        assertEq(pool.totalShares(), 60e18 + SEED);
        // The slot is reusable: a second unstake can be scheduled.
        _schedule(alice, 10e18);
        assertEq(_pending(alice).shares, 10e18);
    }

    function test_unstake_paysNoRewardsEarnedWhilePending() public {
        _depositAndStake(alice, 100e18);
        _depositAndStake(bob, 100e18);
        _schedule(alice, 100e18);
        vm.warp(_epochStart(START_EPOCH + 1) + 1 days); // a new epoch: rewards start streaming
        pool.accrue();
        vm.warp(block.timestamp + 3 days);
        pool.accrue();
        assertGt(pool.convertToAssets(100e18), 100e18, "the pending shares grew in value");
        vm.prank(carol);
        assertEq(pool.unstake(alice), 100e18, "but only the scheduled amount is paid");
        // What they earned is queued, for bob (and the seed), over the next epoch.
        (uint256 queued,) = pool.queuedRewards();
        assertGt(queued, 0, "the pending shares' earnings are queued");
        vm.warp(_epochStart(START_EPOCH + 3));
        pool.accrue();
        assertApproxEqAbs(
            pool.stakeOf(bob) + pool.stakeOf(seeder), pool.totalStake(), 1e6, "bob and the seed own it all"
        );
    }

    function test_unstake_paysLessAfterPayout() public {
        _depositAndStake(alice, 100e18);
        _depositAndStake(bob, 100e18);
        _schedule(alice, 100e18);
        _payOut(50e18); // everyone, pending included, loses 25%
        vm.warp(block.timestamp + WEEK);
        uint256 paid = pool.unstake(alice);
        uint256 left = uint256(100e18) * 151 / 201; // each loses 50 / 201 (the seed's token too)
        assertApproxEqAbs(paid, left, 1000);
        assertApproxEqAbs(pool.stakeOf(bob), left, 1000);
    }

    function test_unstake_revertsWhenNoneScheduled() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.NoPendingUnstake.selector, alice));
        pool.unstake(alice);
        assertEq(_stateOf(alice), before);
    }

    function test_unstake_revertsWhenEarly() public {
        _depositAndStake(alice, 100e18);
        _schedule(alice, 100e18);
        uint256 maturesAt = block.timestamp + WEEK;
        vm.warp(maturesAt - 1);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPoolTypes.UnstakeNotMature.selector, alice, maturesAt, maturesAt - 1)
        );
        pool.unstake(alice);
        assertEq(_stateOf(alice), before);
    }

    function test_unstakeAndWithdraw_unstakesAndWithdrawsEverything() public {
        _depositAndStake(alice, 100e18);
        _deposit(alice, 5e18);
        _schedule(alice, 100e18);
        vm.warp(block.timestamp + WEEK);
        vm.prank(alice);
        assertEq(pool.unstakeAndWithdraw(carol), 105e18);
        assertEq(token.balanceOf(carol), FUNDS + 105e18);
        assertEq(pool.unstakedOf(alice), 0);
    }

    function test_unstakeAndWithdraw_revertsWhenNothingWithdrawable() public {
        _depositAndStake(alice, 100e18);
        _schedule(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        vm.prank(alice);
        pool.unstakeAndWithdraw(alice);
        assertEq(_stateOf(alice), before);
    }

    // ------------------------------------------------------------ payOutClaim

    function test_payOutClaim_lowersStakeProRata() public {
        _depositAndStake(alice, 300e18);
        _depositAndStake(bob, 100e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.PaidOutClaim(claims, victim, 100e18, 300e18 + SEED);
        _payOut(100e18);
        assertEq(token.balanceOf(victim), 100e18);
        assertEq(pool.totalStake(), 300e18 + SEED);
        assertEq(pool.totalShares(), 400e18 + SEED);
        // Each loses 100 / 401 of its stake (the seed's token pays its part too).
        assertApproxEqAbs(pool.stakeOf(alice), uint256(300e18) * 301 / 401, 1000);
        assertApproxEqAbs(pool.stakeOf(bob), uint256(100e18) * 301 / 401, 1000);
    }

    function test_payOutClaim_revertsWhenUnauthorized() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, carol));
        vm.prank(carol);
        pool.payOutClaim(carol, 1e18);
        assertEq(_stateOf(alice), before);
    }

    function test_payOutClaim_revertsAfterDeauthorization() public {
        _depositAndStake(alice, 100e18);
        vm.prank(primary);
        pool.setClaimsManager(claims, false);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, claims));
        _payOut(1e18);
    }

    function test_payOutClaim_revertsWhenMoreThanStake() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IStakingPoolTypes.PayoutExceedsStake.selector, 100e18 + SEED + 1, 100e18 + SEED)
        );
        _payOut(100e18 + SEED + 1);
        assertEq(_stateOf(alice), before);
    }

    function test_payOutClaim_revertsWhenZeroAmountOrRecipient() public {
        _depositAndStake(alice, 100e18);
        bytes32 before = _stateOf(alice);
        vm.expectRevert(IStakingPoolTypes.ZeroAmount.selector);
        _payOut(0);
        vm.expectRevert(IStakingPoolTypes.ZeroAddress.selector);
        vm.prank(claims);
        pool.payOutClaim(address(0), 1);
        assertEq(_stateOf(alice), before);
    }

    // -------------------------------------------------------------- wipe-out

    function test_payOutClaim_wholeStakeEndsTheEraAndThePoolRestarts() public {
        _depositAndStake(alice, 100e18);
        _depositAndStake(bob, 50e18);
        _schedule(bob, 20e18);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.ShareEraEnded(0, 150e18 + SEED, 0);
        _payOut(150e18 + SEED);
        assertEq(pool.totalStake(), 0);
        assertEq(pool.totalShares(), 0);
        assertEq(pool.shareEra(), 1);
        assertEq(pool.sharesOf(alice), 0);
        assertEq(pool.stakeOf(alice), 0);
        assertEq(_pending(bob).amount, 0);
        // A newcomer starts at price 1 and owns the whole pool (but the dead shares it pays for).
        assertEq(_depositAndStake(carol, 10e18), 10e18 - 1000);
        assertEq(pool.stakeOf(carol), 10e18 - 1000);
        assertEq(pool.totalStake(), 10e18);
        // The old pending unstake pays nothing and touches nothing.
        vm.warp(block.timestamp + WEEK);
        assertEq(pool.unstake(bob), 0);
        assertEq(pool.totalShares(), 10e18);
        // Old stakers' votes went away with the era, with nobody syncing them.
        assertEq(pool.getVotes(alice), 0);
        assertEq(pool.getVotes(bob), 0);
        assertEq(pool.totalVotingSupply(), 10e18 - 1000, "only carol's new shares vote");
        pool.syncShareEra(alice);
        assertEq(pool.getVotes(alice), 0);
        _depositAndStake(bob, 1e18);
        assertEq(pool.getVotes(bob), 1e18);
        assertEq(pool.totalVotingSupply(), 11e18 - 1000);
    }

    function test_payOutClaim_belowThePriceFloorEndsTheEraAndQueuesTheRemainder() public {
        vm.prank(owner);
        token.setMinter(address(pool), false); // only the remainder moves the new era's stake
        _depositAndStake(alice, 100e18);
        uint256 left = (100e18 + SEED) / StakingPool(address(pool)).MIN_SHARE_PRICE_INVERSE() - 2; // below the price floor
        _payOut(100e18 + SEED - left);
        assertEq(pool.shareEra(), 1);
        (uint256 queued,) = pool.queuedRewards();
        assertEq(queued, left, "the remainder is queued for the next era's stakers");
        _depositAndStake(bob, 1e18);
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        assertEq(pool.stakeOf(bob), 1e18 - 1000, "it streams over the era's first epoch with stakers");
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        // The 1000 dead shares of the new era keep their pro-rata part (1000 of ~1e18 shares).
        uint256 deadPart = (1e18 + left) * 1001 / 1e18 + 2;
        assertApproxEqAbs(pool.stakeOf(bob), 1e18 + left, deadPart, "bob received it (minus the dead shares' part)");
    }

    function test_payOutClaim_aboveThePriceFloorKeepsTheEra() public {
        _depositAndStake(alice, 100e18);
        uint256 floor = StakingPool(address(pool)).MIN_SHARE_PRICE_INVERSE();
        _payOut(100e18 + SEED - (100e18 + SEED) / floor);
        assertEq(pool.shareEra(), 0);
        assertApproxEqAbs(pool.stakeOf(alice), 100e18 / floor, 1);
    }

    // ------------------------------------------------------------------- fuzz

    function testFuzz_stake_neverMintsMoreThanPaidFor(uint96 first, uint96 payout, uint96 second) public {
        first = uint96(bound(first, 1, 1e27));
        second = uint96(bound(second, 1, 1e27));
        vm.prank(owner);
        token.mint(alice, first);
        vm.prank(owner);
        token.mint(bob, second);
        _depositAndStake(alice, first);
        payout = uint96(bound(payout, 0, first - 1));
        if (payout != 0) _payOut(payout);
        uint256 stakeBefore = pool.totalStake();
        uint256 sharesBefore = pool.totalShares();
        uint256 aliceBefore = pool.stakeOf(alice);
        uint256 expected = uint256(second) * (sharesBefore + 1) / (stakeBefore + 1);
        if (expected == 0) {
            vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.ZeroSharesMinted.selector, second));
            _depositAndStake(bob, second);
            return;
        }
        assertEq(_depositAndStake(bob, second), expected);
        // Rounded down: bob's shares are worth at most what he paid, and alice lost nothing.
        assertLe(pool.stakeOf(bob), second);
        assertGe(pool.stakeOf(alice), aliceBefore);
        assertLe(pool.stakeOf(alice) + pool.stakeOf(bob), pool.totalStake());
    }

    function testFuzz_scheduleUnstake_neverPaysMoreThanValue(uint96 amount, uint96 payout, uint96 shares) public {
        amount = uint96(bound(amount, 2, 1e27));
        vm.prank(owner);
        token.mint(alice, amount);
        _depositAndStake(alice, amount);
        _depositAndStake(bob, 1e18);
        payout = uint96(bound(payout, 0, amount / 2));
        if (payout != 0) _payOut(payout);
        shares = uint96(bound(shares, 1, pool.sharesOf(alice)));
        uint256 value = pool.convertToAssets(shares);
        assertEq(_schedule(alice, shares), value);
        vm.warp(block.timestamp + WEEK);
        uint256 paid = pool.unstake(alice);
        assertLe(paid, value);
        assertLe(pool.stakeOf(bob), pool.totalStake());
    }
}
