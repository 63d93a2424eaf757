// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {ExposureReporter} from "../utils/ExposureReporter.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice Drives a few stakers through random deposits, stakes, unstakes, withdrawals, delegations, payouts, added
/// rewards, vesting deposits and time (short warps, with or without an accrual, and rare jumps of about a year),
/// keeping ghost totals of every token that entered or left the pool and a model of every staker's reward locks.
///
/// The lock model, built from public views only: the share price `(totalStake + 1) / (totalShares + 1)` with
/// `totalStake` accrued up to now is `convertToAssets(totalShares + 1)`. Between two pool calls nothing but the
/// reward stream moves it, so each actor gains `shares * Δstake / (totalShares + 1)` (kept with 18 extra decimals),
/// credited to the epoch of the stream that released it. A payout scales every gain already written into
/// `totalStake` by the price ratio `(stakeAfter + 1) / (stakeBefore + 1)` (the pool values locks at what they were
/// worth when earned, shrunk by every payout since); a gain the views show but no call has written yet is released
/// after the payout and is not scaled (payouts do not accrue first). The locked rewards of an actor are then the sum
/// of its gains since the start of the lock period (two epochs) of epoch `now - 51`. A wipe-out voids every gain of the era.
contract StakingPoolHandler is CommonBase, StdCheats, StdUtils {
    IStakingPool public immutable pool;
    TestToken public immutable token;
    address public immutable claimsManager;
    address public immutable vestingManager;
    /// @dev A claims manager reporting the open exposure the handler sets: matured exits then freeze part of
    /// themselves (#12 rule 1), and a frozen part is released when the exposure is cleared or at its latest release.
    ExposureReporter public reporter;
    /// @dev The pool's `PayoutWindow` slot: cleared before each payout, so that the pool-wide cap (tested on its own)
    /// does not limit the accounting under test.
    uint256 internal constant PAYOUT_WINDOW_SLOT = 9;

    /// @dev Rewards are locked in the lock period (two epochs, `[2k, 2k + 2)`) they are earned in and the 51 epochs
    /// after it: from the start of the period of epoch `now - 51` on.
    uint256 public constant LOCK_EPOCHS = 52;
    uint256 public constant LOCK_PERIOD_EPOCHS = 2;
    /// @dev The model's fixed point: gains are kept in token units times 1e18.
    uint256 public constant WAD = 1e18;

    address[] public actors;

    mapping(address actor => uint256) public ghostDeposited;
    mapping(address actor => uint256) public ghostWithdrawn;
    uint256 public ghostRewardsIn; // added rewards + forfeited stake + minted rewards (upper bound of gains)
    uint256 public ghostPaidOut;
    /// @dev How many exits froze part of themselves (the freeze path is exercised, not vacuous).
    uint256 public ghostFrozenExits;
    /// @dev Set when the share price fell in a call that is not a payout (must never happen).
    bool public ghostPriceFellWithoutPayout;
    /// @dev Set when a withdrawal succeeded beyond what `withdrawableOf` allowed just before.
    bool public ghostWithdrewLocked;
    /// @dev Set when a withdrawal within `withdrawableOf` (exactly all of it, or less) reverted.
    bool public ghostWithdrawRefused;
    /// @dev Set when `withdraw(withdrawableOf + 1)` reverted with another error than the one naming those values.
    bool public ghostWrongWithdrawError;
    /// @dev Set when the pool's shares or era changed outside the handler's calls (the model would be wrong).
    bool public ghostModelBroken;

    uint256 public calls;
    /// @dev Coverage: jumps of about a year, and jumps after which an actor had rewards unlocked (some or all).
    uint256 public jumps;
    uint256 public jumpsWithUnlocks;
    uint256 public jumpsWithPartialUnlocks;

    // ------------------------------------------------------------- lock model

    /// @dev Gains per share era, actor and epoch, valued when earned (WAD).
    mapping(uint256 era => mapping(address actor => mapping(uint256 epoch => uint256))) internal _gainRaw;
    /// @dev The same, shrunk by every payout since they were written into `totalStake` (WAD).
    mapping(uint256 era => mapping(address actor => mapping(uint256 epoch => uint256))) internal _gainScaled;
    /// @dev Every gain of the era, in or out of the lock window (WAD), for the coverage counters.
    mapping(uint256 era => mapping(address actor => uint256)) internal _gainEver;
    /// @dev Gains the views show but that no call has written into `totalStake` yet (WAD), all of `_unwrittenEpoch`.
    mapping(address actor => uint256) internal _unwrittenGain;
    uint256 internal _unwrittenEpoch;
    /// @dev The state after the last pool call: accrued stake (views), shares, era and last accrual time.
    uint256 internal _baseStake;
    uint256 internal _baseShares;
    uint256 internal _baseLastUpdate;
    uint256 public modelEra;

    /// @dev Actors that scheduled an unstake in an era.
    mapping(uint256 era => mapping(address actor => bool)) public scheduledInEra;

    constructor(
        IStakingPool pool_,
        TestToken token_,
        address claimsManager_,
        address vestingManager_,
        ExposureReporter reporter_
    ) {
        reporter = reporter_;
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
        _eraBefore = pool.shareEra();
        modelEra = _eraBefore;
        _setBaseline();
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    /// @dev Runs before and after every action: the price may only fall through payouts (or when the pool
    /// empties and restarts at price 1); the lock model records the rewards released since the last call before
    /// the action and takes the new state as its baseline after it.
    modifier checkPrice(bool isPayout) {
        uint256 minted = token.totalSupply();
        _startEpochFirst();
        _recordReleases();
        uint256 stakeBefore = pool.totalStake();
        uint256 sharesBefore = pool.totalShares();
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
        _afterCall(isPayout);
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
        uint256 era = pool.shareEra();
        // The pool credits the leaving shares' unwritten gain now (it values them at the accrued price): from here
        // on that part is a written gain, which payouts scale like the others.
        uint256 unwritten = _unwrittenGain[actor];
        if (unwritten != 0 && era == modelEra) {
            uint256 leaving = Math.mulDiv(unwritten, shares, owned);
            _unwrittenGain[actor] = unwritten - leaving;
            _gainRaw[era][actor][_unwrittenEpoch] += leaving;
            _gainScaled[era][actor][_unwrittenEpoch] += leaving;
            _gainEver[era][actor] += leaving;
        }
        scheduledInEra[era][actor] = true;
    }

    /// @dev A matured exit meets the current exposure: part of it may freeze. A frozen part is released at once when no
    /// claim is open, else at its latest release (warped to).
    function unstake(uint256 seed) external checkPrice(false) {
        address actor = _actor(seed);
        IStakingPoolTypes.PendingUnstake memory pending = pool.pendingUnstakeOf(actor);
        if (pending.maturesAt == 0) return;
        if (block.timestamp < pending.maturesAt && !(pending.frozen && pool.openExposure() == 0)) {
            vm.warp(pending.maturesAt);
            // As `checkPrice` does before a call: the warp may stay in the epoch, whose stream then released more.
            _startEpochFirst();
            _recordReleases();
        }
        pool.unstake(actor);
        if (pool.pendingUnstakeOf(actor).frozen) ++ghostFrozenExits;
    }

    /// @dev Claims are filed or become final: the open exposure the pool sees, up to the whole stake.
    function setExposure(uint256 amount, bool clear) external checkPrice(false) {
        reporter.setExposure(clear ? 0 : bound(amount, 0, pool.totalStake()));
    }

    /// @dev Every call checks both edges: `withdrawableOf + 1` reverts with the error naming those values, and then
    /// exactly `withdrawableOf` (`all`) or a random amount within it succeeds. With `beyond`, a random amount
    /// above `withdrawableOf` (up to the unstaked balance) is tried as well and must revert.
    function withdraw(uint256 seed, uint256 amount, bool all, bool beyond) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 allowed = pool.withdrawableOf(actor);
        uint256 unstaked = pool.unstakedOf(actor);
        _withdrawMustFail(actor, allowed + 1, allowed, unstaked);
        if (beyond && allowed + 1 < unstaked) {
            _withdrawMustFail(actor, bound(amount, allowed + 2, unstaked), allowed, unstaked);
        }
        if (allowed == 0) return;
        amount = all ? allowed : bound(amount, 1, allowed);
        vm.prank(actor);
        try pool.withdraw(actor, amount) {
            ghostWithdrawn[actor] += amount;
        } catch {
            ghostWithdrawRefused = true;
        }
    }

    function _withdrawMustFail(address actor, uint256 amount, uint256 allowed, uint256 unstaked) internal {
        bytes memory expected = amount > unstaked
            ? abi.encodeWithSelector(IStakingPoolTypes.InsufficientUnstaked.selector, actor, amount, unstaked)
            : abi.encodeWithSelector(IStakingPoolTypes.InsufficientWithdrawable.selector, actor, amount, allowed);
        vm.prank(actor);
        try pool.withdraw(actor, amount) {
            ghostWithdrewLocked = true;
            ghostWithdrawn[actor] += amount;
        } catch (bytes memory reason) {
            if (keccak256(reason) != keccak256(expected)) ghostWrongWithdrawError = true;
        }
    }

    /// @dev To another actor, to the actor itself or to nobody (both undelegate); the pool's rules (once a week,
    /// one hop, changed) decide.
    function delegate(uint256 seed, uint256 toSeed) external checkPrice(false) {
        address actor = _actor(seed);
        uint256 pick = toSeed % (actors.length + 1);
        address to = pick == actors.length ? address(0) : actors[pick];
        vm.prank(actor);
        try pool.delegate(to) {} catch {}
    }

    function payOutClaim(uint256 amount, bool whole) external checkPrice(true) {
        uint256 stakeNow = pool.totalStake();
        if (stakeNow == 0) return;
        amount = whole ? stakeNow : bound(amount, 1, stakeNow / 2 + 1);
        uint256 unreleasedBefore = _unreleasedRewards();
        uint256 era = pool.shareEra();
        vm.store(address(pool), bytes32(PAYOUT_WINDOW_SLOT), bytes32(uint256(10_000) << 232));
        vm.prank(claimsManager);
        pool.payOutClaim(address(0xC1A1), amount);
        ghostPaidOut += amount;
        // Stake forfeited by a wipe-out is queued for later stakers.
        ghostRewardsIn += _unreleasedRewards() - unreleasedBefore;
        if (pool.shareEra() == era) _applyPayout(era, stakeNow, pool.totalStake());
    }

    /// @dev The stream's rest plus the queued lumps.
    function _unreleasedRewards() internal view returns (uint256) {
        (uint256 remaining,,,) = pool.rewardStream();
        (uint256 queued,) = pool.queuedRewards();
        return remaining + queued;
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

    /// @dev Up to 20 days; without `accrueNow` nothing writes the streamed rewards until a later call (payouts,
    /// schedules, withdrawals and views then see an unwritten stream).
    function warp(uint256 dt, bool accrueNow) external checkPrice(false) {
        vm.warp(block.timestamp + bound(dt, 1, 20 days));
        if (accrueNow) _startEpochFirst();
        _recordReleases();
        if (accrueNow) pool.accrue();
    }

    /// @dev About a year (44 to 60 weeks), on half of the calls: rewards earned before a jump of 52 weeks or more all
    /// unlock; shorter ones move the window's edge through the epochs that earned rewards.
    function jump(uint256 dt, bool go) external checkPrice(false) {
        if (!go) return;
        vm.warp(block.timestamp + bound(dt, 44 weeks, 60 weeks));
        _startEpochFirst();
        _recordReleases();
        pool.accrue();
        jumps++;
        bool unlocked;
        bool someLeft;
        for (uint256 i = 0; i < actors.length; i++) {
            (, uint256 raw) = modelLocked(actors[i]);
            uint256 ever = _gainEver[modelEra][actors[i]] + _unwrittenGain[actors[i]];
            if (raw < ever) unlocked = true;
            if (raw != 0 && raw < ever) someLeft = true;
        }
        if (unlocked) jumpsWithUnlocks++;
        if (someLeft) jumpsWithPartialUnlocks++;
    }

    // ------------------------------------------------------------- lock model

    /// @notice The first epoch whose rewards are still locked in `epoch`: the first of the lock period of `epoch - 51`.
    function _firstLockedEpoch(uint256 epoch) internal pure returns (uint256) {
        if (epoch + 1 < LOCK_EPOCHS) return 0;
        return (epoch + 1 - LOCK_EPOCHS) / LOCK_PERIOD_EPOCHS * LOCK_PERIOD_EPOCHS;
    }

    /// @notice The model's locked rewards of `actor` now (WAD): `scaled` shrunk by payouts as the pool does, `raw`
    /// valued when earned. Equal but for payouts.
    function modelLocked(address actor) public view returns (uint256 scaled, uint256 raw) {
        uint256 epoch = block.timestamp / 1 weeks;
        uint256 first = _firstLockedEpoch(epoch);
        for (uint256 e = first; e <= epoch; e++) {
            scaled += _gainScaled[modelEra][actor][e];
            raw += _gainRaw[modelEra][actor][e];
        }
        uint256 unwritten = _unwrittenGain[actor];
        if (unwritten != 0 && _unwrittenEpoch >= first) {
            scaled += unwritten;
            raw += unwritten;
        }
    }

    /// @notice Whether `actor` never scheduled an unstake in the current share era.
    function neverUnstaked(address actor) external view returns (bool) {
        return !scheduledInEra[modelEra][actor];
    }

    /// @dev The accrued `totalStake`: `convertToAssets(totalShares + 1)` is exactly `totalStake + 1`.
    function _viewStake() internal view returns (uint256) {
        return pool.convertToAssets(pool.totalShares() + 1) - 1;
    }

    /// @dev Credits the rewards released (as the views show them) since the baseline: nothing but time may have
    /// changed since, so the stake grew only by the stream, pro rata to the shares held.
    function _recordReleases() internal {
        uint256 totalShares = pool.totalShares();
        if (pool.shareEra() != modelEra || totalShares != _baseShares) {
            ghostModelBroken = true;
            return;
        }
        uint256 stakeNow = _viewStake();
        if (stakeNow == _baseStake) return;
        if (stakeNow < _baseStake) {
            ghostModelBroken = true;
            return;
        }
        uint256 released = stakeNow - _baseStake;
        (,, uint256 streamEpoch,) = pool.rewardStream();
        for (uint256 i = 0; i < actors.length; i++) {
            address actor = actors[i];
            uint256 shares = pool.sharesOf(actor);
            if (shares == 0) continue;
            if (_unwrittenGain[actor] != 0 && _unwrittenEpoch != streamEpoch) ghostModelBroken = true;
            _unwrittenGain[actor] += Math.mulDiv(shares, released * WAD, totalShares + 1);
        }
        _unwrittenEpoch = streamEpoch;
        _baseStake = stakeNow;
    }

    /// @dev If the next call would start a new epoch, starts it first with `accrue` (it changes no shares), so the model
    /// can credit what that releases: the last epoch's stream and idle lumps (the views show them; credited to the last
    /// epoch by `_recordReleases`) and, after the new epoch's start index, the elapsed part of what streams in the new
    /// epoch (the lumps queued in the last one, this week's premiums), credited to the new epoch as written gains.
    function _startEpochFirst() internal {
        (, uint256 lastUpdate,,) = pool.rewardStream();
        uint256 epoch = block.timestamp / 1 weeks;
        if (epoch == lastUpdate / 1 weeks || pool.shareEra() != modelEra) return;
        _recordReleases();
        uint256 stakeBefore = _viewStake();
        pool.accrue();
        uint256 stakeNow = _viewStake();
        _afterCall(true); // writes the unwritten gains (the last epoch's); no rounding to scale (no shares moved)
        if (stakeNow <= stakeBefore) return;
        uint256 era = pool.shareEra();
        uint256 totalShares = pool.totalShares();
        for (uint256 i = 0; i < actors.length; i++) {
            address actor = actors[i];
            uint256 shares = pool.sharesOf(actor);
            if (shares == 0) continue;
            uint256 gain = Math.mulDiv(shares, (stakeNow - stakeBefore) * WAD, totalShares + 1);
            _gainRaw[era][actor][epoch] += gain;
            _gainScaled[era][actor][epoch] += gain;
            _gainEver[era][actor] += gain;
        }
    }

    /// @dev After a pool call: a wipe-out voids the era's gains; an accrual wrote the unwritten gains; a call that
    /// is not a payout scales the written gains by the share price's change (rounding of stakes and unstakes, which
    /// the holders keep: the pool values locks at today's price over G, and only rewards move G).
    function _afterCall(bool isPayout) internal {
        uint256 era = pool.shareEra();
        (, uint256 lastUpdate,,) = pool.rewardStream();
        if (era != modelEra) {
            modelEra = era;
            for (uint256 i = 0; i < actors.length; i++) {
                _unwrittenGain[actors[i]] = 0;
            }
        } else {
            if (lastUpdate != _baseLastUpdate) {
                for (uint256 i = 0; i < actors.length; i++) {
                    address actor = actors[i];
                    uint256 gain = _unwrittenGain[actor];
                    if (gain == 0) continue;
                    _gainRaw[era][actor][_unwrittenEpoch] += gain;
                    _gainScaled[era][actor][_unwrittenEpoch] += gain;
                    _gainEver[era][actor] += gain;
                    _unwrittenGain[actor] = 0;
                }
            }
            if (!isPayout) {
                // price after / price before, prices (stake + 1) / (shares + 1) as the views show them
                uint256 up = (_viewStake() + 1) * (_baseShares + 1);
                uint256 down = (_baseStake + 1) * (pool.totalShares() + 1);
                if (up != down) _scaleWindow(era, up, down, true);
            }
        }
        _setBaseline();
    }

    /// @dev Scales the written gains still in the lock window by `up / down` (`raw` ones too, with `withRaw`).
    function _scaleWindow(uint256 era, uint256 up, uint256 down, bool withRaw) internal {
        uint256 epoch = block.timestamp / 1 weeks;
        uint256 first = _firstLockedEpoch(epoch);
        for (uint256 i = 0; i < actors.length; i++) {
            address actor = actors[i];
            for (uint256 e = first; e <= epoch; e++) {
                uint256 gain = _gainScaled[era][actor][e];
                if (gain != 0) _gainScaled[era][actor][e] = Math.mulDiv(gain, up, down);
                if (!withRaw) continue;
                gain = _gainRaw[era][actor][e];
                if (gain != 0) _gainRaw[era][actor][e] = Math.mulDiv(gain, up, down);
            }
        }
    }

    function _setBaseline() internal {
        (, uint256 lastUpdate,,) = pool.rewardStream();
        _baseLastUpdate = lastUpdate;
        _baseStake = _viewStake();
        _baseShares = pool.totalShares();
    }

    /// @dev A payout within the era scales every written gain still in the window by the price ratio (the views'
    /// ratio would also count the unwritten release, which the payout does not touch). Gains that left the stake
    /// are scaled too: a lock shrinks with every payout, wherever its rewards are (contracts/README, "Locks after
    /// an exit").
    function _applyPayout(uint256 era, uint256 stakeBefore, uint256 stakeAfter) internal {
        _scaleWindow(era, stakeAfter + 1, stakeBefore + 1, false);
    }
}
