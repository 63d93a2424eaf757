// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Reward locks of one user (alice) over 53 to ~150 epochs beside a large steady staker (bob), with real
/// rewards, against a reference built from public views only (as `StakingPoolHandler`'s): alice changes her stake in
/// more than 27 distinct lock periods, so her ring of 27 lock snapshots (`LockHistory`) wraps, and the window's lookup
/// reads the guessed position (a change every epoch) or searches a full ring (gaps), also after idle epochs and
/// epochs with no pool call at all, and after payouts.
///
/// The reference: between two pool calls only the reward stream moves the accrued share price
/// (`convertToAssets(totalShares + 1) = totalStake + 1`), so alice gains `shares x Δstake / (totalShares + 1)`,
/// credited to the epoch of the stream that released it; the gain is written when a call accrues (until then it is
/// unwritten; a schedule credits the leaving shares' part at once). A payout scales every written gain still in the
/// window by the written stake's ratio; any other call by the share price's change (rounding). Her locked rewards are
/// the sum of her gains since the start of the lock period (two epochs, `[2k, 2k + 2)`) of epoch `now - 51`.
contract StakingPoolLocksFuzzTest is PoolFixture {
    /// @dev The reference's lock window, in epochs (the current one and the 51 before it, widened to the start of that
    /// epoch's lock period).
    uint256 internal constant WINDOW = 52;
    /// @dev The reference's fixed point: gains are kept in token units times 1e18.
    uint256 internal constant WAD = 1e18;
    /// @dev A lock-history snapshot stores its debt floored to a multiple of 2^16 credit units.
    uint256 internal constant SNAPSHOT_QUANTUM = 2 ** 16;
    uint256 internal constant BOB_STAKE = 500_000e18;

    // -------------------------------------------------------------- reference

    /// @dev alice's written gains by the epoch that earned them, shrunk by every payout since (WAD).
    mapping(uint256 epoch => uint256) internal _gain;
    /// @dev Gains the views show but no call has written into `totalStake` yet (WAD), all of `_unwrittenEpoch`.
    uint256 internal _unwritten;
    uint256 internal _unwrittenEpoch;
    /// @dev The state after the last pool call: accrued stake (views), shares and last accrual time.
    uint256 internal _baseStake;
    uint256 internal _baseShares;
    uint256 internal _baseLastUpdate;

    /// @dev The fuzz run's pseudo-random stream.
    uint256 internal _rng;
    /// @dev The last epoch in which alice changed her stake, and the number of distinct such epochs.
    uint256 internal _changeEpoch;
    uint256 internal _changeEpochs;

    function setUp() public override {
        super.setUp();
        _fund(alice); // twice: 2M tokens, for ~150 epochs of stakes
        _depositAndStake(bob, BOB_STAKE);
        _setBaseline();
    }

    function _next(uint256 n) internal returns (uint256) {
        _rng = uint256(keccak256(abi.encode(_rng)));
        return _rng % n;
    }

    function _viewStake() internal view returns (uint256) {
        return pool.convertToAssets(pool.totalShares() + 1) - 1;
    }

    function _setBaseline() internal {
        (, _baseLastUpdate,,) = pool.rewardStream();
        _baseStake = _viewStake();
        _baseShares = pool.totalShares();
    }

    /// @dev Credits alice's part of the rewards the views show released since the baseline (only time passed).
    function _recordReleases() internal {
        uint256 totalShares = pool.totalShares();
        assertEq(totalShares, _baseShares, "reference: shares moved outside a call");
        uint256 stakeNow = _viewStake();
        assertGe(stakeNow, _baseStake, "reference: the accrued stake fell outside a call");
        if (stakeNow == _baseStake) return;
        (,, uint256 streamEpoch,) = pool.rewardStream();
        if (_unwritten != 0) assertEq(_unwrittenEpoch, streamEpoch, "reference: unwritten gains of two streams");
        _unwritten += Math.mulDiv(pool.sharesOf(alice), (stakeNow - _baseStake) * WAD, totalShares + 1);
        _unwrittenEpoch = streamEpoch;
        _baseStake = stakeNow;
    }

    /// @dev If the next call would start a new epoch, starts it first with `accrue` (no shares move), crediting what it
    /// releases: the last epoch's stream and idle lumps (shown by the views, to the last epoch) and, after the new
    /// epoch's start index, the elapsed part of the lumps that stream in the new epoch (to the new epoch, written).
    function _startEpochFirst() internal {
        (, uint256 lastUpdate,,) = pool.rewardStream();
        uint256 epoch = block.timestamp / WEEK;
        if (epoch == lastUpdate / WEEK) return;
        _recordReleases();
        uint256 stakeBefore = _viewStake();
        pool.accrue();
        uint256 stakeNow = _viewStake();
        _afterCall(true); // writes the unwritten gains (the last epoch's); no rounding to scale (no shares moved)
        if (stakeNow > stakeBefore) {
            _gain[epoch] += Math.mulDiv(pool.sharesOf(alice), (stakeNow - stakeBefore) * WAD, pool.totalShares() + 1);
        }
    }

    /// @dev After a pool call: an accrual wrote the unwritten gains; a call that is not a payout scales the written
    /// gains by the share price's change (rounding of stakes and unstakes).
    function _afterCall(bool isPayout) internal {
        assertEq(pool.shareEra(), 0, "no wipe-out in these tests");
        (, uint256 lastUpdate,,) = pool.rewardStream();
        if (lastUpdate != _baseLastUpdate && _unwritten != 0) {
            _gain[_unwrittenEpoch] += _unwritten;
            _unwritten = 0;
        }
        if (!isPayout) {
            uint256 up = (_viewStake() + 1) * (_baseShares + 1);
            uint256 down = (_baseStake + 1) * (pool.totalShares() + 1);
            if (up != down) _scaleWindow(up, down);
        }
        _setBaseline();
    }

    /// @dev The first epoch still locked: the first of the lock period (two epochs) of epoch `now - 51`.
    function _firstLockedEpoch() internal view returns (uint256) {
        return (block.timestamp / WEEK + 1 - WINDOW) / 2 * 2;
    }

    /// @dev Scales the written gains still in the window by `up / down`.
    function _scaleWindow(uint256 up, uint256 down) internal {
        uint256 epoch = block.timestamp / WEEK;
        for (uint256 e = _firstLockedEpoch(); e <= epoch; e++) {
            uint256 gain = _gain[e];
            if (gain != 0) _gain[e] = Math.mulDiv(gain, up, down);
        }
    }

    /// @dev alice's locked rewards by the reference (WAD): her gains since the first locked epoch.
    function _referenceLocked() internal view returns (uint256 sum) {
        uint256 epoch = block.timestamp / WEEK;
        uint256 first = _firstLockedEpoch();
        for (uint256 e = first; e <= epoch; e++) {
            sum += _gain[e];
        }
        if (_unwritten != 0 && _unwrittenEpoch >= first) sum += _unwritten;
    }

    /// @dev The tolerance in tokens (as the invariant suite's): the pool adds `LOCK_ROUNDING_MARGIN` credit units to
    /// every lock and may lose a snapshot quantum at the window's start, then rounds credit to shares (one share at
    /// most) and shares to tokens up (`above`); it rounds the indices and credits down by a few units (`below`).
    function _tolerance() internal view returns (uint256 above, uint256 below) {
        (, uint256 growth) = pool.rewardIndices();
        uint256 shares = pool.totalShares() + 1;
        uint256 unitsStake = Math.mulDiv(pool.totalStake() + 1, 1e27, growth, Math.Rounding.Ceil);
        uint256 margin = StakingPool(address(pool)).LOCK_ROUNDING_MARGIN() + SNAPSHOT_QUANTUM + 4;
        uint256 sharePrice = Math.ceilDiv(pool.convertToAssets(shares), shares);
        above = Math.mulDiv(margin, unitsStake, shares, Math.Rounding.Ceil) + sharePrice + 2;
        below = Math.mulDiv(8, unitsStake, shares, Math.Rounding.Ceil) + 2;
    }

    // ----------------------------------------------------------------- checks

    /// @dev `lockedRewardsOf(alice)` against the reference, and `withdrawableOf` against the lock. Returns the lock.
    function _checkLock() internal returns (uint256 locked) {
        _recordReleases();
        uint256 expected = _referenceLocked() / WAD;
        locked = pool.lockedRewardsOf(alice);
        uint256 unstaked = pool.unstakedOf(alice);
        // What covers the lock: unstaked + stake value + what her pending unstake would pay now.
        uint256 balance = unstaked + pool.stakeOf(alice) + pool.pendingUnstakeOf(alice).amount;
        (uint256 above, uint256 below) = _tolerance();
        assertGe(locked + below, Math.min(expected, balance), "locked rewards below the reference");
        assertLe(locked, expected + 1 + above, "locked rewards above the reference");
        uint256 free = balance > locked ? balance - locked : 0;
        assertEq(pool.withdrawableOf(alice), Math.min(free, unstaked), "withdrawable = unstaked not locked");
    }

    /// @dev `withdraw(withdrawableOf + 1)` reverts naming both values, then `withdraw(withdrawableOf)` succeeds.
    function _checkWithdraw() internal {
        _startEpochFirst();
        _recordReleases();
        uint256 allowed = pool.withdrawableOf(alice);
        uint256 unstaked = pool.unstakedOf(alice);
        vm.expectRevert(
            allowed + 1 > unstaked
                ? abi.encodeWithSelector(IStakingPoolTypes.InsufficientUnstaked.selector, alice, allowed + 1, unstaked)
                : abi.encodeWithSelector(
                    IStakingPoolTypes.InsufficientWithdrawable.selector, alice, allowed + 1, allowed
                )
        );
        vm.prank(alice);
        pool.withdraw(alice, allowed + 1);
        if (allowed != 0) {
            vm.prank(alice);
            pool.withdraw(alice, allowed);
        }
        assertEq(pool.unstakedOf(alice), unstaked - allowed);
        _afterCall(false);
    }

    // ---------------------------------------------------------------- actions

    function _noteChange() internal {
        uint256 epoch = block.timestamp / WEEK;
        if (epoch != _changeEpoch) _changeEpochs++;
        _changeEpoch = epoch;
    }

    function _aliceStake(uint256 amount) internal {
        _startEpochFirst();
        _recordReleases();
        bool fromUnstaked = pool.unstakedOf(alice) >= amount;
        vm.prank(alice);
        if (fromUnstaked) pool.stake(amount);
        else pool.depositAndStake(amount);
        _afterCall(false);
        _noteChange();
    }

    /// @dev Schedules `percent` of alice's shares (all at 100); false if she has none or one pending.
    function _aliceSchedule(uint256 percent) internal returns (bool) {
        uint256 owned = pool.sharesOf(alice);
        if (owned == 0 || pool.pendingUnstakeOf(alice).shares != 0) return false;
        uint256 shares = percent >= 100 ? owned : Math.max(1, owned * percent / 100);
        _startEpochFirst();
        _recordReleases();
        _schedule(alice, shares);
        // The leaving shares' unwritten gain is credited now (valued at the accrued price): a written gain from here.
        if (_unwritten != 0) {
            uint256 leaving = Math.mulDiv(_unwritten, shares, owned);
            _unwritten -= leaving;
            _gain[_unwrittenEpoch] += leaving;
        }
        _afterCall(false);
        _noteChange();
        return true;
    }

    /// @dev Executes alice's pending unstake (bob calls it) if it matured.
    function _aliceUnstake() internal returns (bool) {
        IStakingPoolTypes.PendingUnstake memory pending = pool.pendingUnstakeOf(alice);
        if (pending.shares == 0 || block.timestamp < pending.maturesAt) return false;
        _startEpochFirst();
        _recordReleases();
        vm.prank(bob);
        pool.unstake(alice);
        _afterCall(false);
        return true;
    }

    function _aliceDeposit(uint256 amount) internal {
        _startEpochFirst();
        _recordReleases();
        _deposit(alice, amount);
        _afterCall(false);
    }

    /// @dev bob keeps the pool going: an accrual or a small stake.
    function _bobActs() internal {
        _startEpochFirst();
        _recordReleases();
        if (_next(2) == 0) {
            pool.accrue();
        } else {
            _depositAndStake(bob, 1e18 + _next(1000e18));
        }
        _afterCall(false);
    }

    /// @dev A payout of 1% to 30% of the stake, after an accrual or with rewards streamed but unwritten.
    function _payout() internal {
        if (_next(2) == 0) {
            _startEpochFirst();
            _recordReleases();
            pool.accrue();
            _afterCall(false);
        }
        _recordReleases();
        uint256 before = pool.totalStake();
        _payOut(before * (1 + _next(30)) / 100);
        _scaleWindow(pool.totalStake() + 1, before + 1);
        _afterCall(true);
    }

    function _aliceActs() internal {
        uint256 r = _next(100);
        if (r < 15 && _aliceSchedule(1 + _next(99))) return;
        if (r >= 15 && r < 20 && _aliceSchedule(100)) return;
        if (r >= 20 && r < 40 && _aliceUnstake()) return;
        if (r >= 40 && r < 50) return _aliceDeposit(1e18 + _next(5000e18));
        if (r >= 50 && r < 60) return _checkWithdraw();
        _aliceStake(1e18 + _next(5000e18));
    }

    /// @dev One epoch: entered at its start or up to two days in; bob may act, alice acts one to three times up to a
    /// day apart (or not at all when idle); rarely a payout; the lock is checked at random points. A
    /// silent epoch sees no pool call at all (views only).
    function _liveEpoch(uint256 epoch, bool aliceActs, bool silent) internal {
        vm.warp(epoch * WEEK + (_next(4) == 0 ? 0 : _next(2 days)));
        if (_next(3) == 0) _checkLock();
        if (silent) return;
        if (_next(2) == 0) _bobActs();
        if (aliceActs) {
            uint256 actions = 1 + _next(3);
            for (uint256 i = 0; i < actions; i++) {
                vm.warp(block.timestamp + _next(1 days));
                _aliceActs();
                if (_next(4) == 0) _checkLock();
            }
        }
        if (_next(25) == 0) _payout();
        if (_next(3) == 0) {
            vm.warp(block.timestamp + _next(1 days));
            _checkLock();
        }
    }

    // ------------------------------------------------------------------ tests

    /// @dev alice lives through 53 to 150 epochs of random stakes, partial and full schedules, unstakes, deposits,
    /// withdrawals (both edges) and idle stretches of 1 to 10 epochs (half of them without any pool call), beside
    /// bob, with occasional payouts; her lock follows the reference at random points and at the end.
    /// forge-config: default.fuzz.runs = 64
    function testFuzz_locksFollowTheReference(uint256 seed, uint256 epochs) public {
        epochs = bound(epochs, 53, 150);
        _rng = seed;
        _aliceStake(1000e18 + _next(10_000e18));
        uint256 end = START_EPOCH + epochs;
        uint256 epoch = START_EPOCH + 1;
        while (epoch < end) {
            if (_next(16) == 0) {
                uint256 idle = Math.min(1 + _next(10), end - epoch);
                bool silent = _next(2) == 0;
                for (uint256 i = 0; i < idle; i++) {
                    _liveEpoch(epoch++, false, silent);
                }
            } else {
                _liveEpoch(epoch++, true, false);
            }
        }
        vm.warp(end * WEEK + _next(WEEK));
        _checkLock();
        _checkWithdraw();
        _checkLock();
    }

    /// @dev alice changes her stake in 60 to 80 consecutive epochs (her ring wraps; every lookup settles on the
    /// guessed position), the last change being her full exit; after 0 to 60 idle epochs her lock is checked at
    /// every epoch boundary while it drains, withdrawing all that is free each time: it follows the reference, is
    /// within the rounding margin of 0 once the reference is, and is exactly 0 from 52 epochs after her last change
    /// if it was in the second epoch of a lock period, 53 if in the first (her last rewards were earned in that epoch),
    /// and not before.
    /// forge-config: default.fuzz.runs = 40
    function testFuzz_ringWrapsAndDrains(uint256 seed, uint256 active, uint256 idle) public {
        active = bound(active, 60, 80);
        idle = bound(idle, 0, 60);
        _rng = seed;
        _aliceStake(1000e18 + _next(10_000e18));
        uint256 epoch = START_EPOCH;
        for (uint256 i = 1; i < active; i++) {
            vm.warp(++epoch * WEEK + _next(2 days));
            if (_next(2) == 0) _bobActs();
            vm.warp(block.timestamp + 1 hours + _next(1 days));
            if (i + 1 == active) {
                // The exit: a day of rewards into the epoch, so that this epoch earned some.
                IStakingPoolTypes.PendingUnstake memory pending = pool.pendingUnstakeOf(alice);
                if (pending.shares != 0) {
                    vm.warp(Math.max(block.timestamp, pending.maturesAt));
                    _aliceUnstake();
                }
                assertTrue(_aliceSchedule(100));
            } else {
                uint256 r = _next(10);
                bool changed;
                if (r < 3) _aliceUnstake();
                if (r < 5) changed = _aliceSchedule(1 + _next(99));
                if (!changed) _aliceStake(1e18 + _next(5000e18));
                if (r == 9) _checkWithdraw();
            }
            if (_next(30) == 0) _payout();
            if (_next(4) == 0) _checkLock();
        }
        uint256 exitEpoch = epoch;
        assertEq(_changeEpochs, active, "a change in every epoch");
        assertEq(pool.sharesOf(alice), 0);
        vm.warp(block.timestamp + WEEK);
        assertTrue(_aliceUnstake());
        epoch = block.timestamp / WEEK;
        // Idle: no pool call at all, or bob's.
        bool silent = _next(2) == 0;
        for (uint256 i = 0; i < idle; i++) {
            vm.warp(++epoch * WEEK + _next(WEEK));
            if (!silent) _bobActs();
        }
        // The drain, at every epoch boundary (the first second of each epoch, before any call in it).
        for (++epoch; epoch <= exitEpoch + WINDOW + 2; epoch++) {
            vm.warp(epoch * WEEK);
            uint256 locked = _checkLock();
            if (_referenceLocked() / WAD == 0) {
                (uint256 above,) = _tolerance();
                assertLe(locked, above, "0 + the rounding margin");
            } else {
                assertGt(locked, 0);
            }
            // Her last rewards (exit epoch's) unlock when their lock period and the 51 epochs after it have passed:
            // 52 epochs after a period's second epoch, 53 after its first.
            uint256 unlockEpoch = exitEpoch / 2 * 2 + 1 + WINDOW;
            if (epoch >= unlockEpoch) assertEq(locked, 0, "all unlocked 52 or 53 epochs after the last rewards");
            if (epoch < unlockEpoch) assertGt(locked, 0, "her exit epoch's rewards are still locked");
            if (_next(2) == 0) _checkWithdraw();
            if (_next(3) == 0) _bobActs();
            if (_next(20) == 0) _payout();
        }
        _checkWithdraw();
        assertEq(pool.unstakedOf(alice), 0, "everything withdrawn");
    }
}
