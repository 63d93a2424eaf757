// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsExposure, IStakingPoolTypes} from "./interfaces/IStakingPool.sol";
import {LockHistory} from "./libraries/LockHistory.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {ShareMath} from "./libraries/ShareMath.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title StakingPoolBase
/// @notice Storage, constants and shared internals of `StakingPool` and `StakingPoolExtension` (which runs by
/// DELEGATECALL in the pool's storage, for the pool's rarely used functions: the pool alone would exceed the
/// 24,576-byte contract size limit). Its storage comes first in both, so both see the same layout.
abstract contract StakingPoolBase {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;
    using LockHistory for LockHistory.Ring;

    // -------------------------------------------------------------- constants

    uint256 public constant EPOCH_LENGTH = 1 weeks;
    /// @notice Rewards stay locked during the lock period (two epochs, see `_LOCK_PERIOD_EPOCHS`) they are earned in
    /// and the 51 epochs after it: 53 epochs for rewards earned in a period's first epoch, 52 in its second.
    uint256 public constant REWARD_LOCK_EPOCHS = 52;
    uint256 public constant HUNDRED_PERCENT = RewardMath.HUNDRED_PERCENT;
    uint256 public constant MIN_UNSTAKE_WAIT_PERIOD = 1 weeks;
    uint256 public constant MAX_UNSTAKE_WAIT_PERIOD = 52 weeks;
    uint256 public constant MAX_APR = HUNDRED_PERCENT;
    uint256 public constant MAX_APR_UPDATE_STEP = HUNDRED_PERCENT / 10;
    uint256 public constant MAX_STAKE_TARGET = HUNDRED_PERCENT;
    /// @notice A payout leaving fewer than 1 token unit per this many shares ends the share era (a 99% loss).
    /// @dev Kept small so that after the deepest payout that keeps the era, new stakers can still bring up to
    /// `type(uint96).max / MIN_SHARE_PRICE_INVERSE` (7.9e26) token units before shares pass the votes' 96 bits.
    uint256 public constant MIN_SHARE_PRICE_INVERSE = 100;
    /// @notice Shares the first stake of an era locks away forever (taken from its minted shares): `totalShares`
    /// never returns to 0 within an era, so the share price never restarts at 1 and the reward indices stay
    /// bounded by the share price.
    uint256 public constant DEAD_SHARES = 1000;
    /// @notice The least the first stake of a share era may be (`FirstStakeTooSmall`): one whole token (10^decimals,
    /// 10^18 if the token does not say). The dead shares then hold a negligible part of the era, and a voided era's
    /// leftover, which the new era's first stakers receive, cannot push the share price so high that later stakes
    /// lose more than a few units to rounding.
    uint256 public immutable MIN_FIRST_STAKE;
    /// @notice `withdraw(recipient, WITHDRAW_ALL)` withdraws everything withdrawable at that moment.
    uint256 public constant WITHDRAW_ALL = type(uint256).max;

    /// @notice Credit added to every non-zero lock for the rounding of the reward index (`RewardMath`): each
    /// release credits a share less than 1e-27 below the exact figure, a staker holds at most 2^96 shares (the
    /// votes bound) and a lock window sees at most one release per second for 53 weeks: 2^96 * 32,054,400 / 1e27
    /// < 2.6e9 credit units (about 2.6e-9 tokens).
    uint256 public constant LOCK_ROUNDING_MARGIN = 2_600_000_000;

    /// @notice Bounds and default of `maxFreeze`, the longest a frozen part of an exit waits for open claims.
    uint256 public constant MIN_MAX_FREEZE = 4 weeks;
    uint256 public constant MAX_MAX_FREEZE = 26 weeks;
    /// @notice Bounds of `payoutCap`, what all claims managers together may pay per rolling `PAYOUT_WINDOW`, as a
    /// fraction of the total stake (`HUNDRED_PERCENT` = 100%).
    uint256 public constant MIN_PAYOUT_CAP = HUNDRED_PERCENT / 20;
    uint256 public constant MAX_PAYOUT_CAP = HUNDRED_PERCENT / 2;
    /// @notice The rolling window of the pool's payout cap (two fixed buckets, as `QuotaWindow`).
    uint256 public constant PAYOUT_WINDOW = 1 weeks;
    /// @notice Most claims managers the pool tracks at once (authorized, or revoked and still owing).
    uint256 public constant MAX_CLAIMS_MANAGERS = 8;
    /// @notice Gas a claims manager's exposure report may use (a price read through a dAPI proxy takes ~20K).
    uint256 public constant EXPOSURE_REPORT_GAS = 100_000;

    uint256 internal constant _INITIAL_MAX_FREEZE = 12 weeks;
    uint256 internal constant _INITIAL_PAYOUT_CAP_BPS = 2500; // 25%
    uint256 internal constant _BPS = 10_000;
    /// @dev Scale of the payout index (`_payoutIndex`): the share price over G, 1e36 at price 1 and G = 1.
    uint256 internal constant _PAYOUT_INDEX_SCALE = 1e36;
    uint256 internal constant _INITIAL_MIN_APR = 2_500_000; // 2.5%
    uint256 internal constant _INITIAL_MAX_APR = 75_000_000; // 75%
    uint256 internal constant _EPOCH_INDEX_SLOTS = 64;
    /// @dev Locks are kept per lock period of two epochs (`[2k, 2k + 2)`), not per epoch: a user's lock history saves
    /// one snapshot per period in which it changed its stake, so a weekly staker writes one every other week; the
    /// price is that the rewards of a period's first epoch stay locked one epoch longer (never less).
    uint256 internal constant _LOCK_PERIOD_EPOCHS = 2;
    uint256 internal constant _WIDE_EPOCH_INDEX = type(uint224).max;
    /// @dev Where the votes module's fields sit in an `AccountLock` word, and the mask of the pool's own fields below.
    uint256 internal constant _VOTE_SLOTS_SHIFT = 208;
    uint256 internal constant _VOTE_ERA_SHIFT = 240;
    uint256 internal constant _POOL_LOCK_FIELDS = (1 << _VOTE_SLOTS_SHIFT) - 1;
    /// @dev Where `Account.votedAt` (the inline first vote checkpoint's time) sits in the account word.
    uint256 internal constant _VOTED_AT_SHIFT = 224;

    /// @dev The reward index at the start of `epoch`, in one slot. The index has no upper bound (a donation to a tiny
    /// stake can make it grow without limit), so one that does not fit 224 bits reads `_WIDE_EPOCH_INDEX` here and
    /// lives in `_wideEpochStartIndices` (normal rewards would take far longer than the age of the universe).
    struct EpochStart {
        uint32 epoch;
        uint224 rewardIndex;
    }

    // ---------------------------------------------------------------- storage

    /// @dev The share price: everything a stake, an unstake or a payout changes. `era` counts wipe-outs;
    /// `lastUpdate` is the time of the last accrual (timestamps fit 32 bits until 2106). Token amounts fit 104 bits
    /// (2e31 units: 2e13 tokens of 18 decimals), shares too (the votes bound keeps them below 2^98).
    struct PoolTotals {
        uint104 totalStake;
        uint104 totalShares;
        uint16 era;
        uint32 lastUpdate;
    }

    /// @dev The reward stream and the growth index, written by every accrual that releases rewards:
    /// `remaining` tokens stream linearly from `PoolTotals.lastUpdate` to the end of that time's epoch.
    /// `growthIndex` is G (`RewardMath`), 0 meaning that G outgrew 120 bits (a tiny stake receiving a huge
    /// reward; normal rewards take centuries) and lives in `_wideGrowthIndex`. `totalVoteSlots` is the votes
    /// module's count of total-supply history slots, here because every vote change accrues first.
    struct Stream {
        uint104 remaining;
        uint32 totalVoteSlots;
        uint120 growthIndex;
    }

    /// @dev Governed parameters, and `apr`, which moves once per epoch. `startedEpochs` has bit `e % 64` set when
    /// epoch `e` started (had a call), for the 64 epochs up to the last started one: an epoch nobody touched starts
    /// at the reward index of the next started epoch, which the bitmap finds without a write per skipped epoch.
    struct RewardParams {
        uint32 minApr;
        uint32 maxApr;
        uint32 aprUpdateStep;
        uint32 stakeTarget;
        uint32 apr;
        uint32 unstakeWaitPeriod;
        uint64 startedEpochs;
    }

    /// @dev Lumps that arrived during `epoch` (added rewards and forfeited bonds, what pending unstakes earned, frozen
    /// exits' charges, an ended era's leftover), to stream over the next epoch; while the pool has no stakers (only dead
    /// shares), they wait, re-tagged at each epoch start, for the first epoch that starts with stakers.
    struct QueuedRewards {
        uint104 amount;
        uint32 epoch;
    }

    /// @dev `era` is the share era of `shares`; `pendingEra` the one of the pending unstake. `votedAt` belongs to the
    /// votes module (`PoolVotes`, the inline first checkpoint): while the account has no vote-history slot
    /// (`AccountLock.voteSlots == 0`) and `votedAt != 0`, its whole vote history is one checkpoint, `shares` since
    /// `votedAt` (until its delegation if it delegates), so a first stake starts no history slot. Ignored once the history has a slot (never cleared).
    /// `unstaked` is 96 bits (`UnstakedBalanceOverflow`), `shares` 96 (the votes bound) to make room for it.
    struct Account {
        uint96 unstaked;
        uint96 shares;
        uint16 era;
        uint16 pendingEra;
        uint32 votedAt;
    }

    /// @dev Reward credit now = `debt + shares * rewardIndex / INDEX_SCALE`; `lastPeriod` is the lock period (two
    /// epochs) of the last change (24 bits: 2^24 periods of two weeks); `head`/`count` locate the snapshot ring;
    /// `vestingEnd` spares a read of the schedule once vested. `voteSlots` and `voteEra` belong to the votes module
    /// (`PoolVotes`): the number of slots of the account's voting power history and the share era of its latest
    /// checkpoint. They live here because a stake writes this slot anyway, so a first stake starts no slot for them;
    /// the pool's own writes of the slot keep them as read (`_writeLock`), only the votes hooks change them.
    struct AccountLock {
        int128 debt;
        uint24 lastPeriod;
        uint8 head;
        uint8 count;
        uint40 vestingEnd;
        uint32 voteSlots;
        uint16 voteEra;
    }

    /// @dev `frozen`: the part of an exit held back by open claims (`maturesAt` is then its latest release).
    struct Pending {
        uint112 shares;
        uint104 amount;
        uint32 maturesAt;
        bool frozen;
    }

    /// @dev A claims manager's standing. It pays from `activatesAt` on while `authorized`; revoked (or not yet
    /// active), it may still pay `owed`, what it owed (final, unpaid payouts) when it was revoked. `listed`: it is in
    /// `_claimsManagerList`, whose members report their open exposure to `unstake`.
    struct ClaimsManagerState {
        bool authorized;
        uint40 activatesAt;
        uint104 owed;
        bool listed;
    }

    /// @dev What all claims managers paid in the current and the previous `PAYOUT_WINDOW` bucket, and the cap in
    /// basis points of the total stake (non-zero, so the slot is never rewritten from zero).
    struct PayoutWindow {
        uint24 bucket;
        uint104 current;
        uint104 previous;
        uint16 capBps;
    }

    /// @dev The part of a frozen exit beyond its held shares: `liable` tokens that answer, at release, for the
    /// payouts made while it was frozen, in proportion to the fall of the payout index since `payoutIndex`.
    struct FrozenExit {
        uint104 liable;
        uint152 payoutIndex;
    }

    struct Vesting {
        uint128 amount;
        uint40 start;
        uint40 end;
    }

    /// @dev State as if accrued now, for views and `withdraw`.
    struct Accrued {
        uint256 totalStake;
        uint256 totalShares;
        uint256 era;
        uint256 rewardIndex;
        uint256 growthIndex;
        uint256 streamEpoch;
    }

    IERC20 internal immutable _token;

    PoolTotals internal _totals;
    Stream internal _stream;
    /// @dev G when it no longer fits `Stream.growthIndex`.
    uint256 internal _wideGrowthIndex;
    RewardParams internal _params;
    address internal _primaryAgent;
    address internal _secondaryAgent;
    address internal _vestingManager;

    mapping(address claimsManager => ClaimsManagerState) internal _claimsManagers;
    address[] internal _claimsManagerList;
    PayoutWindow internal _payoutWindow;
    /// @dev The longest a frozen part of an exit waits (`maxFreeze`).
    uint256 internal _maxFreeze;
    mapping(address user => Account) internal _accounts;
    mapping(address user => AccountLock) internal _locks;
    mapping(address user => LockHistory.Ring) internal _lockHistories;
    mapping(address user => Pending) internal _pendings;
    mapping(address user => FrozenExit) internal _frozenExits;
    QueuedRewards internal _queued;
    mapping(address user => Vesting) internal _vestings;
    /// @dev The reward index at the start of each started epoch, at `epoch % 64` (skipped epochs: see
    /// `RewardParams.startedEpochs`).
    EpochStart[_EPOCH_INDEX_SLOTS] internal _epochStarts;
    /// @dev An epoch-start index that outgrew 224 bits, at the same position.
    uint256[_EPOCH_INDEX_SLOTS] internal _wideEpochStartIndices;

    constructor(IERC20 token_) {
        _token = token_;
        uint256 decimals = 18;
        try IERC20Metadata(address(token_)).decimals() returns (uint8 tokenDecimals) {
            decimals = tokenDecimals;
        } catch {}
        MIN_FIRST_STAKE = 10 ** decimals;
    }

    /// @dev G, from the stream slot (or its wide word).
    function _growthOf(Stream memory stream) internal view returns (uint256) {
        uint256 growthIndex = stream.growthIndex;
        return growthIndex != 0 ? growthIndex : _wideGrowthIndex;
    }

    /// @dev Sets G in `stream` (the caller writes the stream), or in its wide word when it outgrew 120 bits.
    function _setGrowth(Stream memory stream, uint256 growthIndex) internal {
        if (growthIndex <= type(uint120).max) {
            stream.growthIndex = uint120(growthIndex);
        } else {
            stream.growthIndex = 0;
            _wideGrowthIndex = growthIndex;
        }
    }

    /// @dev The reward index A and the growth index G: A = G - INDEX_SCALE (`RewardMath`).
    function _loadIndices() internal view returns (uint256 rewardIndex, uint256 growthIndex) {
        growthIndex = _growthOf(_stream);
        rewardIndex = RewardMath.rewardIndexOf(growthIndex);
    }

    // Whole-slot writes of the structs written on hot paths: Solidity copies a memory struct to storage member by member (a
    // read and a write of the slot per member); these pack it in the struct's storage layout (first member in the
    // lowest bits) and write the slot once. Every member is cleaned by its conversion to uint256.

    function _writeAccount(address user, Account memory account) internal {
        Account storage slot = _accounts[user];
        uint256 word = uint256(account.unstaked) | uint256(account.shares) << 96 | uint256(account.era) << 192
            | uint256(account.pendingEra) << 208 | uint256(account.votedAt) << _VOTED_AT_SHIFT;
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    /// @dev `user`'s unstaked balance as stored: at most 2^96 - 1, else `UnstakedBalanceOverflow`.
    function _toUnstaked(address user, uint256 unstaked) internal pure returns (uint96) {
        if (unstaked > type(uint96).max) {
            revert IStakingPoolTypes.UnstakedBalanceOverflow(user, unstaked, type(uint96).max);
        }
        return uint96(unstaked);
    }

    /// @dev The inline first vote checkpoint of `user` (`Account.votedAt`) and its value, the stored shares whatever
    /// their era (see `Account`): one read of the account slot.
    function _readInlineCheckpoint(address user) internal view returns (uint256 key, uint256 value) {
        Account storage slot = _accounts[user];
        uint256 word;
        assembly ("memory-safe") {
            word := sload(slot.slot)
        }
        return (word >> _VOTED_AT_SHIFT, uint96(word >> 96));
    }

    /// @dev Sets `Account.votedAt`, keeping the rest of the slot (warm in a stake, which wrote it just before).
    function _writeInlineCheckpoint(address user, uint256 key) internal {
        Account storage slot = _accounts[user];
        uint256 word;
        assembly ("memory-safe") {
            word := sload(slot.slot)
        }
        word = (word & ((1 << _VOTED_AT_SHIFT) - 1)) | uint256(key.toUint32()) << _VOTED_AT_SHIFT;
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    function _writeLock(address user, AccountLock memory lock) internal {
        AccountLock storage slot = _locks[user];
        uint256 word = uint256(uint128(lock.debt)) | uint256(lock.lastPeriod) << 128 | uint256(lock.head) << 152
            | uint256(lock.count) << 160 | uint256(lock.vestingEnd) << 168 | uint256(lock.voteSlots)
            << _VOTE_SLOTS_SHIFT | uint256(lock.voteEra) << _VOTE_ERA_SHIFT;
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    /// @dev The votes module's fields of `user`'s lock slot (`AccountLock.voteSlots`, `voteEra`), read as one word.
    function _readVoteFields(address user) internal view returns (uint256 slots, uint256 era) {
        AccountLock storage slot = _locks[user];
        uint256 word;
        assembly ("memory-safe") {
            word := sload(slot.slot)
        }
        return (uint32(word >> _VOTE_SLOTS_SHIFT), word >> _VOTE_ERA_SHIFT);
    }

    /// @dev Sets the votes module's fields of `user`'s lock slot, keeping the pool's: one read and one write of the
    /// slot (warm in a stake, which wrote it just before). `slots` must fit 32 bits (`SafeCastOverflowedUintDowncast`
    /// otherwise; a history keyed by 32-bit timestamps never needs more), `era` 16 (the pool's era does).
    function _writeVoteFields(address user, uint256 slots, uint256 era) internal {
        AccountLock storage slot = _locks[user];
        uint256 word;
        assembly ("memory-safe") {
            word := sload(slot.slot)
        }
        word = (word & _POOL_LOCK_FIELDS) | uint256(slots.toUint32()) << _VOTE_SLOTS_SHIFT | uint256(era.toUint16())
            << _VOTE_ERA_SHIFT;
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    function _writeTotals(PoolTotals memory totals) internal {
        uint256 word = uint256(totals.totalStake) | uint256(totals.totalShares) << 104 | uint256(totals.era) << 208
            | uint256(totals.lastUpdate) << 224;
        assembly ("memory-safe") {
            sstore(_totals.slot, word)
        }
    }

    function _writeStream(Stream memory stream) internal {
        uint256 word =
            uint256(stream.remaining) | uint256(stream.totalVoteSlots) << 104 | uint256(stream.growthIndex) << 136;
        assembly ("memory-safe") {
            sstore(_stream.slot, word)
        }
    }

    function _writePending(address user, uint256 shares, uint256 amount, uint256 maturesAt, bool frozen) internal {
        Pending storage slot = _pendings[user];
        uint256 word = uint256(uint112(shares)) | uint256(uint104(amount)) << 112 | uint256(uint32(maturesAt)) << 216
            | (frozen ? 1 << 248 : 0);
        assembly ("memory-safe") {
            sstore(slot.slot, word)
        }
    }

    /// @dev Starts the epoch of `block.timestamp` (the first call of an epoch): see `StakingPoolExtension`.
    function _startEpoch() internal virtual;

    /// @dev `withdraw`'s rule: at most the unstaked balance, and the balance (pending unstake included) minus the
    /// withdrawal still covers the locked rewards (capped at that balance) and the unvested tokens.
    function _withdrawableOf(address user) internal view returns (uint256) {
        Accrued memory accrued = _accrued();
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        (uint256 balance, uint256 locked) = _balanceAndLocked(user, account, lock, accrued);
        uint256 held = locked + _unvested(user, lock);
        uint256 free = balance > held ? balance - held : 0;
        return _min(free, account.unstaked);
    }

    /// @dev Executes `user`'s pending unstake (see `IStakingPool.unstake`): all of it when no claim is open; with
    /// claims open, the exit's share of the open exposure stays frozen (`_freeze`); a frozen part goes at its latest
    /// release or as soon as no claim is open (`_releaseFrozen`).
    function _unstake(address user) internal returns (uint256 amount) {
        Pending memory pending = _pendings[user];
        if (pending.shares == 0) revert IStakingPoolTypes.NoPendingUnstake(user);
        uint256 exposure;
        if (block.timestamp < pending.maturesAt) {
            if (!pending.frozen) revert IStakingPoolTypes.UnstakeNotMature(user, pending.maturesAt, block.timestamp);
            exposure = _openExposure();
            if (exposure != 0) revert IStakingPoolTypes.ExitFrozen(user, pending.maturesAt, exposure);
        } else if (!pending.frozen) {
            exposure = _openExposure();
        }
        _accrue();
        PoolTotals memory totals = _totals;
        Account storage account = _accounts[user];
        uint256 shares = pending.shares;
        if (account.pendingEra == totals.era) {
            if (pending.frozen) {
                amount = _releaseFrozen(user, pending, totals);
            } else if (exposure != 0 && totals.totalStake != 0) {
                (amount, shares) = _freeze(user, pending, totals, exposure);
            } else {
                amount = _leave(pending.shares, pending.amount, 0, totals);
            }
            _writeTotals(totals);
        }
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = _toUnstaked(user, unstaked);
        // Keep the slot non-zero (`maturesAt`) so that the next schedule rewrites it cheaply (unless `_freeze` kept
        // a frozen part pending).
        if (shares == pending.shares) _writePending(user, 0, 0, pending.maturesAt, false);
        emit IStakingPoolTypes.Unstaked(
            user, msg.sender, amount, shares, unstaked, totals.totalShares, totals.totalStake
        );
    }

    /// @dev Takes `shares` (capped at `cap` tokens) out of the stake in `totals` and returns what they pay: their value
    /// at today's price, capped, less `charge` (0 <= charge <= that). What they earned beyond the cap and the charge go
    /// back to the stakers as a queued lump, streamed over the next epoch, so nobody can time a stake to catch them.
    function _leave(uint256 shares, uint256 cap, uint256 charge, PoolTotals memory totals)
        internal
        returns (uint256 amount)
    {
        uint256 value = _min(ShareMath.toAssetsDown(shares, totals.totalStake, totals.totalShares), totals.totalStake);
        amount = _min(cap, value);
        charge = _min(charge, amount);
        amount -= charge;
        _queueReward(value - amount);
        totals.totalStake = uint104(totals.totalStake - value);
        totals.totalShares = uint104(totals.totalShares - shares);
    }

    /// @dev A matured exit while claims are open (`exposure` tokens, see `_openExposure`): the part sized by the exit's
    /// share of the open exposure, `min(1, exposure / totalStake)` of its shares and of its cap (rounded up), stays
    /// pending and frozen; it bears payouts like stake and earns nothing. The rest leaves now. The frozen part also
    /// answers for the released part's share of the payouts made while it is frozen (`FrozenExit.liable`), so that the
    /// exit loses what a staker loses. Returns the amount paid now and the shares that left.
    function _freeze(address user, Pending memory pending, PoolTotals memory totals, uint256 exposure)
        internal
        returns (uint256 amount, uint256 leftShares)
    {
        uint256 exitValue = _min(
            pending.amount,
            _min(ShareMath.toAssetsDown(pending.shares, totals.totalStake, totals.totalShares), totals.totalStake)
        );
        Pending memory held = Pending({
            shares: pending.shares,
            amount: pending.amount,
            maturesAt: uint32(block.timestamp + _maxFreeze),
            frozen: true
        });
        if (exposure < totals.totalStake) {
            held.shares = uint112(Math.mulDiv(pending.shares, exposure, totals.totalStake, Math.Rounding.Ceil));
            held.amount = uint104(Math.mulDiv(pending.amount, exposure, totals.totalStake, Math.Rounding.Ceil));
            leftShares = pending.shares - held.shares;
            amount = _leave(leftShares, pending.amount - held.amount, 0, totals);
        }
        uint256 heldValue =
            _min(held.amount, ShareMath.toAssetsDown(held.shares, totals.totalStake, totals.totalShares));
        uint256 liable = _liable(exitValue, heldValue, totals.totalStake);
        _frozenExits[user] = FrozenExit({liable: liable.toUint104(), payoutIndex: _payoutIndex(totals).toUint152()});
        _writePending(user, held.shares, held.amount, held.maturesAt, true);
        emit IStakingPoolTypes.UnstakeFrozen(
            user, heldValue, held.shares, liable, held.maturesAt, exposure, totals.totalStake
        );
    }

    /// @dev What a frozen exit answers for beyond its held shares. The released part answers for the payouts of the
    /// claims open now as if it had stayed: with S the stake after it left, V the whole exit and H the held part, a
    /// payout P taken from S costs the exit V * P / (S + V - H) in all, of which the held shares bear H * P / S; the
    /// rest, (K - H) * P / S with K = V * S / (S + V - H), is charged at release (exact for payouts while S stands; the
    /// held part caps it). Rounded up.
    function _liable(uint256 exitValue, uint256 heldValue, uint256 stakeAfter) internal pure returns (uint256) {
        if (exitValue <= heldValue || stakeAfter == 0) return 0;
        uint256 whole = Math.mulDiv(exitValue, stakeAfter, stakeAfter + exitValue - heldValue, Math.Rounding.Ceil);
        return whole > heldValue ? whole - heldValue : 0;
    }

    /// @dev Releases a frozen exit: its held shares' value (capped), less its charge for the payouts made while it was
    /// frozen (`_frozenCharge`), which goes to the stakers.
    function _releaseFrozen(address user, Pending memory pending, PoolTotals memory totals)
        internal
        returns (uint256 amount)
    {
        uint256 charge = _frozenCharge(_frozenExits[user], _payoutIndex(totals));
        // What the held shares pay before the charge (as `_leave` values them), so the event reports the charge kept.
        uint256 gross = _min(
            pending.amount,
            _min(ShareMath.toAssetsDown(pending.shares, totals.totalStake, totals.totalShares), totals.totalStake)
        );
        amount = _leave(pending.shares, pending.amount, charge, totals);
        emit IStakingPoolTypes.FrozenUnstakeReleased(user, amount, gross - amount);
    }

    /// @dev What a frozen exit owes the stakers for payouts since it froze: `liable` times the fall of the payout index,
    /// rounded up.
    function _frozenCharge(FrozenExit memory frozen, uint256 payoutIndexNow) internal pure returns (uint256) {
        uint256 atFreeze = frozen.payoutIndex;
        if (frozen.liable == 0 || payoutIndexNow >= atFreeze) return 0;
        return Math.mulDiv(frozen.liable, atFreeze - payoutIndexNow, atFreeze, Math.Rounding.Ceil);
    }

    /// @dev The share price over G: only payouts move it (rewards move the price and G alike; stakes and unstakes round
    /// it up, by less than a token unit per share).
    function _payoutIndex(PoolTotals memory totals) internal view returns (uint256) {
        return _payoutIndexOf(totals.totalStake, totals.totalShares, _growthOf(_stream));
    }

    function _payoutIndexOf(uint256 stake, uint256 shares, uint256 growthIndex) internal pure returns (uint256) {
        uint256 price =
            Math.mulDiv(stake + ShareMath.VIRTUAL_ASSETS, _PAYOUT_INDEX_SCALE, shares + ShareMath.VIRTUAL_SHARES);
        return Math.mulDiv(price, RewardMath.INDEX_SCALE, growthIndex);
    }

    /// @dev Tokens the pool may still have to pay for claims: the open exposure each listed claims manager reports
    /// (`IClaimsExposure.openExposure`; one that cannot report counts 0), and what revoked ones still owe. Bounded by
    /// `MAX_CLAIMS_MANAGERS`.
    function _openExposure() internal view returns (uint256 exposure) {
        uint256 count = _claimsManagerList.length;
        for (uint256 i; i < count; ++i) {
            address manager = _claimsManagerList[i];
            ClaimsManagerState memory state = _claimsManagers[manager];
            exposure += state.authorized ? _reportedExposure(manager) : state.owed;
        }
    }

    /// @dev `manager`'s `openExposure()`, or 0 if the call fails or returns no word.
    function _reportedExposure(address manager) internal view returns (uint256 exposure) {
        bytes4 selector = IClaimsExposure.openExposure.selector;
        uint256 gasLimit = EXPOSURE_REPORT_GAS;
        assembly ("memory-safe") {
            mstore(0, selector)
            let ok := staticcall(gasLimit, manager, 0, 4, 0, 32)
            if and(ok, gt(returndatasize(), 31)) { exposure := mload(0) }
        }
    }

    function _withdraw(address recipient, uint256 amount) internal {
        // Everything withdrawable, computed in this transaction (a figure read a block earlier can be a unit off: the
        // lock rounds up at the accruing price).
        if (amount == WITHDRAW_ALL) amount = _withdrawableOf(msg.sender);
        if (amount == 0) revert IStakingPoolTypes.ZeroAmount();
        if (recipient == address(0)) revert IStakingPoolTypes.ZeroAddress();
        address user = msg.sender;
        Account memory account = _accounts[user];
        uint256 unstaked = account.unstaked;
        if (amount > unstaked) revert IStakingPoolTypes.InsufficientUnstaked(user, amount, unstaked);
        AccountLock memory lock = _locks[user];
        uint256 unvested = _unvested(user, lock);
        Accrued memory accrued = _accrued();
        uint256 shares = account.era == accrued.era ? account.shares : 0;
        uint256 balance = unstaked + ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
        uint256 need = amount + unvested;
        // Fast path: even if all the credit ever earned were locked, the withdrawal fits.
        uint256 creditNow = _creditNow(account, lock, shares, accrued);
        if (balance < need + _creditToTokens(creditNow + LOCK_ROUNDING_MARGIN, accrued)) {
            uint256 lockedTokens = _lockedTokens(user, creditNow, lock, shares, accrued);
            if (balance < need + _min(lockedTokens, balance)) {
                // A pending unstake still covers locked and unvested tokens (it comes back as unstaked tokens, and
                // payouts shrink it as they shrink locks): read only when the rest does not suffice, which is
                // equivalent (see `_withdrawableOf`).
                balance += _pendingValue(user, account, accrued);
                uint256 locked = _min(lockedTokens, balance);
                if (balance < need + locked) {
                    uint256 withdrawable = balance > locked + unvested ? balance - locked - unvested : 0;
                    revert IStakingPoolTypes.InsufficientWithdrawable(user, amount, _min(withdrawable, unstaked));
                }
            }
        }
        unchecked {
            unstaked -= amount;
        }
        _accounts[user].unstaked = uint96(unstaked);
        emit IStakingPoolTypes.Withdrawn(user, recipient, amount, unstaked);
        _token.safeTransfer(recipient, amount);
    }

    /// @dev Releases the stream up to now; at the first call of an epoch, finishes the last epoch's stream, records
    /// the epoch-start index, moves `apr` one step and mints the epoch's reward.
    function _accrue() internal {
        PoolTotals memory totals = _totals;
        uint256 lastUpdate = totals.lastUpdate;
        if (lastUpdate == block.timestamp) return;
        uint256 lastEpoch = lastUpdate / EPOCH_LENGTH;
        if (block.timestamp / EPOCH_LENGTH != lastEpoch) return _startEpoch();
        Stream memory stream = _stream;
        if (stream.remaining != 0) {
            if (_streaming(totals.totalShares)) {
                uint256 released = _streamed(stream.remaining, lastUpdate, lastEpoch);
                if (released != 0) {
                    _release(totals, stream, released);
                    stream.remaining -= uint104(released);
                    _writeStream(stream);
                }
            } else {
                // Too few stakers (see `_streaming`): the stream waits, queued, for stakers.
                _queueReward(stream.remaining);
                stream.remaining = 0;
                _writeStream(stream);
            }
        }
        totals.lastUpdate = uint32(block.timestamp);
        _writeTotals(totals);
    }

    /// @dev Whether rewards stream to `totalShares`: only while stakers hold at least the shares of a minimum first
    /// stake (`MIN_FIRST_STAKE` at the era's starting price of 1); below, what would stream waits in the queue, so the
    /// dead shares never take more than a negligible part of a reward.
    function _streaming(uint256 totalShares) internal view returns (bool) {
        return totalShares >= MIN_FIRST_STAKE;
    }

    /// @dev Queues `amount` (tokens the pool holds already) to stream over the next epoch (see `QueuedRewards`).
    function _queueReward(uint256 amount) internal {
        if (amount == 0) return;
        QueuedRewards memory queued = _queued;
        _queued = QueuedRewards({
            amount: (queued.amount + amount).toUint104(), epoch: uint32(block.timestamp / EPOCH_LENGTH)
        });
    }

    /// @dev Moves `released` from the stream into the stake in `totals` and grows G in `stream` (the caller takes
    /// `released` out of `stream.remaining` and writes both).
    function _release(PoolTotals memory totals, Stream memory stream, uint256 released) internal {
        _setGrowth(stream, RewardMath.grow(totals.totalStake, released, _growthOf(stream)));
        totals.totalStake = (totals.totalStake + released).toUint104();
    }

    function _streamed(uint256 remaining, uint256 lastUpdate, uint256 streamEpoch) internal view returns (uint256) {
        uint256 end = (streamEpoch + 1) * EPOCH_LENGTH;
        return remaining * (block.timestamp - lastUpdate) / (end - lastUpdate);
    }

    /// @dev State as if `_accrue()` ran now (the new epoch's reward, minted now, has released nothing yet).
    function _accrued() internal view returns (Accrued memory accrued) {
        Stream memory stream = _stream;
        PoolTotals memory totals = _totals;
        accrued.totalStake = totals.totalStake;
        accrued.totalShares = totals.totalShares;
        accrued.era = totals.era;
        accrued.growthIndex = _growthOf(stream);
        accrued.streamEpoch = totals.lastUpdate / EPOCH_LENGTH;
        if (_streaming(totals.totalShares) && totals.lastUpdate != block.timestamp) {
            uint256 epoch = block.timestamp / EPOCH_LENGTH;
            uint256 released;
            if (epoch == accrued.streamEpoch) {
                if (stream.remaining != 0) {
                    released = _streamed(stream.remaining, totals.lastUpdate, accrued.streamEpoch);
                }
            } else {
                // The epoch start would release the last epoch's stream and lumps queued before it (idle epochs),
                // all before this epoch began (not this epoch's share of them, nor premiums not pulled yet).
                released = stream.remaining + _idleQueued(_queued, epoch);
            }
            if (released != 0) {
                accrued.growthIndex = RewardMath.grow(accrued.totalStake, released, accrued.growthIndex);
                accrued.totalStake += released;
            }
        }
        accrued.rewardIndex = RewardMath.rewardIndexOf(accrued.growthIndex);
    }

    /// @dev What of `queued` the start of `epoch` releases at once as due before it: lumps that arrived before the
    /// last epoch (their epoch of streaming passed without a call: nobody's shares changed since, so at once is exact).
    function _idleQueued(QueuedRewards memory queued, uint256 epoch) internal pure returns (uint256) {
        return queued.amount != 0 && queued.epoch + 1 < epoch ? queued.amount : 0;
    }

    /// @dev The reward index at the start of `epoch` (after the stream of every earlier epoch ended).
    function _epochStart(uint256 epoch, Accrued memory accrued) internal view returns (uint256) {
        // Epochs after the last one streamed start where that stream ends: the accrued index.
        if (epoch > accrued.streamEpoch) return accrued.rewardIndex;
        uint256 position = epoch % _EPOCH_INDEX_SLOTS;
        EpochStart memory start = _epochStarts[position];
        if (start.epoch != epoch) {
            // Nobody touched `epoch` (or it predates the pool, whose first epoch starts at 0): nothing streamed from
            // the end of the last started epoch before it to the start of the next one, which is the answer.
            position = (epoch + _epochsToNextStart(_params.startedEpochs, position)) % _EPOCH_INDEX_SLOTS;
            start = _epochStarts[position];
        }
        return start.rewardIndex != _WIDE_EPOCH_INDEX ? start.rewardIndex : _wideEpochStartIndices[position];
    }

    /// @dev The number of epochs from the one at bitmap position `position` to the next started one (0 if it
    /// started), from `startedEpochs`: the lowest set bit at or after `position`, circularly. The caller asks only
    /// for an epoch at most 63 epochs before the last started one, whose bit is set.
    function _epochsToNextStart(uint256 startedEpochs, uint256 position) internal pure returns (uint256 distance) {
        uint256 rotated =
            ((startedEpochs >> position) | (startedEpochs << (_EPOCH_INDEX_SLOTS - position))) & type(uint64).max;
        rotated &= ~rotated + 1; // the lowest set bit alone
        // Its index, by halving.
        if (rotated >> 32 != 0) (distance, rotated) = (distance + 32, rotated >> 32);
        if (rotated >> 16 != 0) (distance, rotated) = (distance + 16, rotated >> 16);
        if (rotated >> 8 != 0) (distance, rotated) = (distance + 8, rotated >> 8);
        if (rotated >> 4 != 0) (distance, rotated) = (distance + 4, rotated >> 4);
        if (rotated >> 2 != 0) (distance, rotated) = (distance + 2, rotated >> 2);
        if (rotated >> 1 != 0) distance += 1;
    }

    /// @dev `startedEpochs` after epoch `epoch` started, the last started one being `lastEpoch` (< `epoch`): the
    /// bits of the epochs in between cleared, `epoch`'s set.
    function _markStarted(uint256 startedEpochs, uint256 lastEpoch, uint256 epoch) internal pure returns (uint64) {
        uint256 skipped = epoch - lastEpoch - 1;
        if (skipped >= _EPOCH_INDEX_SLOTS) {
            startedEpochs = 0;
        } else if (skipped != 0) {
            uint256 first = (lastEpoch + 1) % _EPOCH_INDEX_SLOTS;
            uint256 run = (1 << skipped) - 1;
            uint256 mask = ((run << first) | (run >> (_EPOCH_INDEX_SLOTS - first))) & type(uint64).max;
            startedEpochs &= ~mask;
        }
        return uint64(startedEpochs | (1 << (epoch % _EPOCH_INDEX_SLOTS)));
    }

    /// @dev Records `rewardIndex` as the reward index at the start of `epoch`.
    function _writeEpochStart(uint256 epoch, uint256 rewardIndex) internal {
        uint256 position = epoch % _EPOCH_INDEX_SLOTS;
        if (rewardIndex < _WIDE_EPOCH_INDEX) {
            _epochStarts[position] = EpochStart({epoch: uint32(epoch), rewardIndex: uint224(rewardIndex)});
        } else {
            _epochStarts[position] = EpochStart({epoch: uint32(epoch), rewardIndex: uint224(_WIDE_EPOCH_INDEX)});
            _wideEpochStartIndices[position] = rewardIndex;
        }
    }

    /// @dev Reward credit of `user` now.
    function _creditNow(Account memory account, AccountLock memory lock, uint256 shares, Accrued memory accrued)
        internal
        pure
        returns (uint256)
    {
        if (account.era != accrued.era) return 0;
        int256 credit = lock.debt + int256(shares * accrued.rewardIndex / RewardMath.INDEX_SCALE);
        return credit > 0 ? uint256(credit) : 0;
    }

    /// @dev Locked rewards in tokens: credit earned since the start of the lock period of epoch `now - 51`
    /// (`creditNow` being the user's credit now, `_creditNow`), converted. Not capped. The window starts at a period's
    /// start, at or before that epoch's: rewards of the period's first epoch stay locked one epoch longer, never less.
    function _lockedTokens(
        address user,
        uint256 creditNow,
        AccountLock memory lock,
        uint256 shares,
        Accrued memory accrued
    ) internal view returns (uint256) {
        if (creditNow == 0) return 0;
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        uint256 creditAtWindow;
        // Rewards are locked from the start of the lock period of epoch `epoch - 51` on: before the 52nd epoch, all.
        if (epoch >= REWARD_LOCK_EPOCHS) {
            creditAtWindow =
                _creditAt(user, lock, shares, (epoch + 1 - REWARD_LOCK_EPOCHS) / _LOCK_PERIOD_EPOCHS, accrued);
        }
        if (creditNow <= creditAtWindow) return 0;
        return _creditToTokens(creditNow - creditAtWindow + LOCK_ROUNDING_MARGIN, accrued);
    }

    /// @dev Reward credit of `user` at the start of lock period `window` (a past or the current one), from the state
    /// that held then: the current one if it is older, else the newest older snapshot (none: no credit yet).
    function _creditAt(address user, AccountLock memory lock, uint256 shares, uint256 window, Accrued memory accrued)
        internal
        view
        returns (uint256)
    {
        int256 credit;
        if (lock.lastPeriod < window) {
            credit = lock.debt;
        } else {
            bool found;
            (found, shares, credit) = _lockHistories[user].newestBefore(lock.head, lock.count, lock.lastPeriod, window);
            if (!found) return 0;
        }
        if (shares != 0) {
            credit += int256(shares * _epochStart(window * _LOCK_PERIOD_EPOCHS, accrued) / RewardMath.INDEX_SCALE);
        }
        return credit > 0 ? uint256(credit) : 0;
    }

    /// @dev Credit to tokens at today's price, through G (undoing the growth since it was earned); rounded up.
    function _creditToTokens(uint256 credit, Accrued memory accrued) internal pure returns (uint256) {
        if (credit == 0) return 0;
        uint256 shares = (credit * RewardMath.INDEX_SCALE + accrued.growthIndex - 1) / accrued.growthIndex;
        return ShareMath.toAssetsUp(shares, accrued.totalStake, accrued.totalShares);
    }

    /// @dev The user's balance (unstaked + stake value + what its pending unstake would pay now) and its locked
    /// rewards, capped at that balance.
    function _balanceAndLocked(address user, Account memory account, AccountLock memory lock, Accrued memory accrued)
        internal
        view
        returns (uint256 balance, uint256 locked)
    {
        uint256 shares = account.era == accrued.era ? account.shares : 0;
        balance = account.unstaked + ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares)
            + _pendingValue(user, account, accrued);
        locked = _min(_lockedTokens(user, _creditNow(account, lock, shares, accrued), lock, shares, accrued), balance);
    }

    /// @dev What the pending unstake of `user` would pay if executed now: 0 without one or once its era ended.
    function _pendingValue(address user, Account memory account, Accrued memory accrued)
        internal
        view
        returns (uint256)
    {
        Pending memory pending = _pendings[user];
        if (pending.shares == 0 || account.pendingEra != accrued.era) return 0;
        uint256 value =
            _min(pending.amount, ShareMath.toAssetsDown(pending.shares, accrued.totalStake, accrued.totalShares));
        if (!pending.frozen) return value;
        uint256 payoutIndexNow = _payoutIndexOf(accrued.totalStake, accrued.totalShares, accrued.growthIndex);
        return value - _min(value, _frozenCharge(_frozenExits[user], payoutIndexNow));
    }

    function _unvested(address user, AccountLock memory lock) internal view returns (uint256) {
        if (lock.vestingEnd <= block.timestamp) return 0;
        Vesting memory vesting = _vestings[user];
        return RewardMath.unvested(vesting.amount, vesting.start, vesting.end, block.timestamp);
    }

    /// @dev Voids `account`'s shares and lock history if its share era ended (their votes are void already: see
    /// `PoolVotes`).
    function _syncEra(Account memory account, AccountLock memory lock, uint256 era) internal pure {
        if (account.era == era) return;
        account.shares = 0;
        account.era = uint16(era);
        lock.debt = 0;
        lock.head = 0;
        lock.count = 0;
    }

    /// @dev What all claims managers may still pay now under the pool's cap, the total stake being `stake`: the cap
    /// less the current and the previous bucket (so no `PAYOUT_WINDOW`-long interval ever holds more than the cap).
    function _payoutCapAvailable(PayoutWindow memory window, uint256 stake) internal view returns (uint256) {
        uint256 limit = stake * window.capBps / _BPS;
        uint256 bucket = block.timestamp / PAYOUT_WINDOW;
        uint256 used;
        if (window.bucket == bucket) used = uint256(window.current) + window.previous;
        else if (window.bucket + 1 == bucket) used = window.current;
        return used >= limit ? 0 : limit - used;
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    function _checkBounds(uint256 value, uint256 min, uint256 max) internal pure {
        if (value < min || value > max) revert IStakingPoolTypes.ParameterOutOfBounds(value, min, max);
    }
}
