// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPoolBase} from "./StakingPoolBase.sol";
import {StakingPoolExtension} from "./StakingPoolExtension.sol";
import {IStakingPoolCore} from "./interfaces/IStakingPool.sol";
import {LockHistory} from "./libraries/LockHistory.sol";
import {PackedCheckpoints} from "./libraries/PackedCheckpoints.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {ShareMath} from "./libraries/ShareMath.sol";
import {PoolVotes} from "./pool/PoolVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title StakingPool
/// @notice See `IStakingPool`. Storage is packed so that a stake touches the pool totals, the reward stream, the
/// two reward indices and the user's two slots (plus the votes module's checkpoints). Governance setters, vesting
/// deposits, `unstakeAndWithdraw`, the weekly epoch start and the views only people read run in `extension` by
/// DELEGATECALL (same storage, same caller), which keeps this contract under the 24,576-byte limit (built at 2,000
/// optimizer runs, see the contracts' README).
contract StakingPool is StakingPoolBase, IStakingPoolCore, PoolVotes, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;
    using LockHistory for LockHistory.Ring;

    /// @inheritdoc IStakingPoolCore
    address public immutable extension;

    // ---------------------------------------------------------------- set-up

    constructor(IERC20 token_, address primaryAgent_, address secondaryAgent_) StakingPoolBase(token_) {
        if (address(token_) == address(0) || primaryAgent_ == address(0) || secondaryAgent_ == address(0)) {
            revert ZeroAddress();
        }
        extension = address(new StakingPoolExtension(token_));
        // Non-zero from the start (an empty queue tagged with this epoch): a lump never pays a zero-to-nonzero write.
        _queued = QueuedRewards({amount: 0, epoch: uint32(block.timestamp / EPOCH_LENGTH)});
        _primaryAgent = primaryAgent_;
        _secondaryAgent = secondaryAgent_;
        _params = RewardParams({
            minApr: uint32(_INITIAL_MIN_APR),
            maxApr: uint32(_INITIAL_MAX_APR),
            aprUpdateStep: uint32(HUNDRED_PERCENT / 100),
            stakeTarget: uint32(HUNDRED_PERCENT / 2),
            apr: uint32((_INITIAL_MIN_APR + _INITIAL_MAX_APR) / 2),
            unstakeWaitPeriod: uint32(MIN_UNSTAKE_WAIT_PERIOD),
            startedEpochs: uint64(1 << (block.timestamp / EPOCH_LENGTH % _EPOCH_INDEX_SLOTS))
        });
        _writeTotals(
            PoolTotals({totalStake: 0, totalShares: 0, era: 0, lastUpdate: SafeCast.toUint32(block.timestamp)})
        );
        _writeStream(Stream({remaining: 0, totalVoteSlots: 0, growthIndex: uint120(RewardMath.INDEX_SCALE)}));
        _maxFreeze = _INITIAL_MAX_FREEZE;
        _payoutWindow.capBps = uint16(_INITIAL_PAYOUT_CAP_BPS);
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        _writeEpochStart(epoch, 0);
        emit PrimaryAgentSet(primaryAgent_);
        emit SecondaryAgentSet(secondaryAgent_);
        emit UnstakeWaitPeriodSet(MIN_UNSTAKE_WAIT_PERIOD);
        emit MaxFreezeSet(_INITIAL_MAX_FREEZE);
        emit PayoutCapSet(_INITIAL_PAYOUT_CAP_BPS * HUNDRED_PERCENT / _BPS);
    }

    /// @notice Serves `IStakingPoolAdmin` (executing unstakes, vesting deposits, added rewards, governance and its
    /// views) by DELEGATECALL to `extension`: same storage, same caller, one address and one ABI (`IStakingPool`).
    fallback() external {
        address target = extension;
        assembly ("memory-safe") {
            calldatacopy(0, 0, calldatasize())
            let ok := delegatecall(gas(), target, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            if iszero(ok) { revert(0, returndatasize()) }
            return(0, returndatasize())
        }
    }

    // ---------------------------------------------------------------- staking

    /// @inheritdoc IStakingPoolCore
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[msg.sender];
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = _toUnstaked(msg.sender, unstaked);
        emit Deposited(msg.sender, amount, unstaked);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPoolCore
    function withdraw(address recipient, uint256 amount) external nonReentrant {
        _withdraw(recipient, amount);
    }

    /// @inheritdoc IStakingPoolCore
    function stake(uint256 amount) external nonReentrant returns (uint256 shares) {
        return _stake(amount, false);
    }

    /// @inheritdoc IStakingPoolCore
    function depositAndStake(uint256 amount) external nonReentrant returns (uint256 shares) {
        shares = _stake(amount, true);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPoolCore
    function scheduleUnstake(uint256 shares) external nonReentrant returns (uint256 amount) {
        if (shares == 0) revert ZeroAmount();
        // No share price changes here, so the shares are valued at the price accrued up to now without writing the
        // accrual (the next one releases the same rewards). The first call of an epoch starts the epoch first.
        if (_totals.lastUpdate / EPOCH_LENGTH != block.timestamp / EPOCH_LENGTH) _accrue();
        Accrued memory totals = _accrued();
        address user = msg.sender;
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        _syncAccountEra(user, account, lock, totals.era);
        if (shares > account.shares) revert InsufficientShares(user, shares, account.shares);
        Pending storage pending = _pendings[user];
        // A pending unstake of an ended share era is void (worth nothing): the new one replaces it.
        if (pending.shares != 0 && account.pendingEra == totals.era) {
            revert UnstakeAlreadyPending(user, pending.maturesAt);
        }

        amount = _min(ShareMath.toAssetsDown(shares, totals.totalStake, totals.totalShares), totals.totalStake);
        // It comes back as unstaked tokens (96 bits): an exit that could not be credited is refused now, not stuck.
        _toUnstaked(user, account.unstaked + amount);
        uint256 newShares = account.shares - shares;
        _moveCredit(user, lock, account.shares, newShares, totals.rewardIndex);
        account.shares = uint96(newShares);
        account.pendingEra = uint16(totals.era);
        uint256 maturesAt = block.timestamp + _params.unstakeWaitPeriod;
        _writePending(user, shares, amount.toUint104(), maturesAt.toUint32(), false);
        _writeAccount(user, account);
        _writeLock(user, lock);
        _removeVotingShares(user, shares);
        emit UnstakeScheduled(user, amount, shares, maturesAt, newShares, totals.totalShares, totals.totalStake);
    }

    /// @inheritdoc IStakingPoolCore
    function syncShareEra(address user) external nonReentrant {
        uint256 era = _totals.era;
        Account memory account = _accounts[user];
        if (account.era == era) return;
        AccountLock memory lock = _locks[user];
        _syncAccountEra(user, account, lock, era);
        _writeAccount(user, account);
        _writeLock(user, lock);
    }

    // ---------------------------------------------------------------- rewards

    /// @inheritdoc IStakingPoolCore
    function accrue() external nonReentrant {
        _accrue();
    }

    // ----------------------------------------------------------------- claims

    /// @inheritdoc IStakingPoolCore
    /// @dev No reentrancy guard (it costs ~0.3K of a 53K budget): every write is done before the token transfer, the
    /// last step, so a token that calls back finds the pool consistent, and the claims manager, the only caller,
    /// guards its own entry points.
    function payOutClaim(address recipient, uint256 amount) external {
        // `ClaimsManagerState` as one word: authorized 0-7, activatesAt 8-47, owed 48-151 (see StakingPoolBase).
        ClaimsManagerState storage managerSlot = _claimsManagers[msg.sender];
        uint256 manager;
        assembly ("memory-safe") {
            manager := sload(managerSlot.slot)
        }
        if (uint8(manager) == 0 || block.timestamp < uint40(manager >> 8)) {
            // Revoked or not yet active: only what it owed when revoked.
            uint256 owed = uint104(manager >> 48);
            if (amount > owed) revert UnauthorizedClaimsManager(msg.sender);
            managerSlot.owed = uint104(owed - amount);
        }
        if (amount == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroAddress();
        PoolTotals memory totals = _totals;
        uint256 stakeBefore = totals.totalStake;
        if (amount > stakeBefore) revert PayoutExceedsStake(amount, stakeBefore);
        _usePayoutCap(amount, stakeBefore);
        uint256 stakeAfter;
        unchecked {
            stakeAfter = stakeBefore - amount;
        }
        if (
            stakeAfter == 0
                || (stakeAfter + ShareMath.VIRTUAL_ASSETS) * MIN_SHARE_PRICE_INVERSE
                    < totals.totalShares + ShareMath.VIRTUAL_SHARES
        ) {
            _endEra(totals, stakeAfter);
            stakeAfter = 0;
        } else {
            totals.totalStake = uint104(stakeAfter);
            _writeTotals(totals);
        }
        emit PaidOutClaim(msg.sender, recipient, amount, stakeAfter);
        _token.safeTransfer(recipient, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IStakingPoolCore
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IStakingPoolCore
    function totalStake() external view returns (uint256) {
        return _totals.totalStake;
    }

    /// @inheritdoc IStakingPoolCore
    function totalShares() external view returns (uint256) {
        return _totals.totalShares;
    }

    /// @inheritdoc IStakingPoolCore
    function shareEra() external view returns (uint256) {
        return _totals.era;
    }

    /// @inheritdoc IStakingPoolCore
    function unstakedOf(address user) external view returns (uint256) {
        return _accounts[user].unstaked;
    }

    /// @inheritdoc IStakingPoolCore
    function sharesOf(address user) public view returns (uint256) {
        Account memory account = _accounts[user];
        return account.era == _totals.era ? account.shares : 0;
    }

    /// @inheritdoc IStakingPoolCore
    function payoutRoom() external view returns (uint256 totalStake_, uint256 available) {
        totalStake_ = _totals.totalStake;
        available = _payoutCapAvailable(_payoutWindow, totalStake_);
    }

    /// @inheritdoc IStakingPoolCore
    function stayingStake() external view returns (uint256) {
        PoolTotals memory totals = _totals;
        if (totals.totalShares == 0) return 0;
        return Math.mulDiv(totals.totalStake, _totalVotingShares(), totals.totalShares);
    }

    // -------------------------------------------------------------- internals

    function _startEpoch() internal override {
        Address.functionDelegateCall(extension, abi.encodeCall(StakingPoolExtension.startEpoch, ()));
    }

    /// @dev The votes module counts exactly these shares for `user` (none of an ended era).
    function _stakedSharesOf(address user) internal view override returns (uint256) {
        return sharesOf(user);
    }

    function _votingEra() internal view override returns (uint256) {
        return _totals.era;
    }

    function _loadTotalVoteSlots() internal view override returns (uint256) {
        return _stream.totalVoteSlots;
    }

    function _storeTotalVoteSlots(uint256 slots) internal override {
        _stream.totalVoteSlots = slots.toUint32();
    }

    /// @dev In `account`'s reward-lock slot (`AccountLock.voteSlots`, `voteEra`), which a stake writes anyway.
    function _loadVoteHistory(address account) internal view override returns (uint256 slots, uint256 era) {
        return _readVoteFields(account);
    }

    function _storeVoteHistory(address account, uint256 slots, uint256 era) internal override {
        _writeVoteFields(account, slots, era);
    }

    /// @dev `Account.votedAt` and the stored shares, whatever their era.
    function _loadInlineVotes(address account) internal view override returns (uint256 key, uint256 value) {
        return _readInlineCheckpoint(account);
    }

    function _storeInlineVotes(address account, uint256 key) internal override {
        _writeInlineCheckpoint(account, key);
    }

    /// @dev `_syncEra`, but an account whose vote history is still its inline checkpoint first writes that
    /// checkpoint to its history (the value is the shares `_syncEra` voids): lookups before the wipe-out keep it.
    /// The count goes to `lock`, which the caller writes.
    function _syncAccountEra(address user, Account memory account, AccountLock memory lock, uint256 era) private {
        if (account.era == era) return;
        if (lock.voteSlots == 0 && account.votedAt != 0) {
            lock.voteSlots = uint32(_spillInlineVotes(user, account.votedAt, account.shares));
        }
        _syncEra(account, lock, era);
    }

    /// @dev Records a payout of `amount` against the pool-wide cap (`stakeBefore` = the total stake before it); reverts with
    /// `PayoutCapExceeded` if it does not fit together with the current and the previous window bucket. Reads and
    /// writes `PayoutWindow` (bucket 0-23, current 24-127, previous 128-231, capBps 232-247) as one word.
    function _usePayoutCap(uint256 amount, uint256 stakeBefore) private {
        uint256 word;
        assembly ("memory-safe") {
            word := sload(_payoutWindow.slot)
        }
        uint256 bucket = block.timestamp / PAYOUT_WINDOW;
        uint256 current = uint104(word >> 24);
        uint256 previous = uint104(word >> 128);
        uint256 capBps = word >> 232;
        uint256 lastBucket = uint24(word);
        if (lastBucket != bucket) (previous, current) = (lastBucket + 1 == bucket ? current : 0, 0);
        uint256 used = current + previous;
        uint256 limit = stakeBefore * capBps / _BPS;
        if (used + amount > limit) revert PayoutCapExceeded(amount, used >= limit ? 0 : limit - used);
        // current + amount <= limit < 2^104 (the stake fits 104 bits).
        word = bucket | (current + amount) << 24 | previous << 128 | capBps << 232;
        assembly ("memory-safe") {
            sstore(_payoutWindow.slot, word)
        }
    }

    function _stake(uint256 amount, bool depositFirst) private returns (uint256 minted) {
        if (amount == 0) revert ZeroAmount();
        _accrue();
        address user = msg.sender;
        PoolTotals memory totals = _totals;
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        _syncAccountEra(user, account, lock, totals.era);
        uint256 unstaked = account.unstaked;
        if (depositFirst) {
            unstaked += amount;
            emit Deposited(user, amount, unstaked);
        }
        if (amount > unstaked) revert InsufficientUnstaked(user, amount, unstaked);
        minted = ShareMath.toSharesDown(amount, totals.totalStake, totals.totalShares);
        uint256 dead;
        if (totals.totalShares == 0) {
            // The era's first stake: it mints the dead shares, and must dwarf them.
            if (amount < MIN_FIRST_STAKE) revert FirstStakeTooSmall(amount, MIN_FIRST_STAKE);
            dead = DEAD_SHARES;
        }
        if (minted <= dead) revert ZeroSharesMinted(amount);
        totals.totalShares = (totals.totalShares + minted).toUint104();
        minted -= dead;
        uint256 newShares = account.shares + minted;
        (uint256 rewardIndex,) = _loadIndices();
        _moveCredit(user, lock, account.shares, newShares, rewardIndex);
        unchecked {
            unstaked -= amount;
        }
        account.unstaked = uint96(unstaked); // at most what was read, or `_toUnstaked`'s bound below
        // The votes' 96 bits bound a user's shares (its votes include them unless it delegates, and the total's
        // checkpoint does anyway): the same error, before the narrower field could truncate them.
        if (newShares > type(uint96).max) revert PackedCheckpoints.CheckpointValueOverflow(newShares);
        account.shares = uint96(newShares);
        totals.totalStake = (totals.totalStake + amount).toUint104();
        _writeTotals(totals);
        _writeAccount(user, account);
        _writeLock(user, lock);
        _addVotingShares(user, minted);
        emit Staked(user, amount, minted, newShares, unstaked, totals.totalShares, totals.totalStake);
    }

    /// @dev Re-bases `user`'s credit from `oldShares` to `newShares` at the current reward index `rewardIndex`,
    /// first saving the previous state in the history if it belongs to an earlier lock period (two epochs).
    function _moveCredit(
        address user,
        AccountLock memory lock,
        uint256 oldShares,
        uint256 newShares,
        uint256 rewardIndex
    ) private {
        int256 credit = lock.debt + int256(oldShares * rewardIndex / RewardMath.INDEX_SCALE);
        uint256 period = block.timestamp / (EPOCH_LENGTH * _LOCK_PERIOD_EPOCHS);
        if (lock.lastPeriod != period) {
            // A zero state is saved too once the ring has entries: else an older entry would answer for the
            // windows after it and overstate the credit at their start (lock too small).
            if (oldShares != 0 || lock.debt != 0 || lock.count != 0) _saveHistory(user, lock, oldShares);
            lock.lastPeriod = uint24(period);
        }
        lock.debt = (credit - int256(newShares * rewardIndex / RewardMath.INDEX_SCALE)).toInt128();
    }

    function _saveHistory(address user, AccountLock memory lock, uint256 shares) private {
        (uint256 head, uint256 count) =
            _lockHistories[user].push(lock.head, lock.count, lock.lastPeriod, shares, lock.debt);
        lock.head = uint8(head);
        lock.count = uint8(count);
    }

    /// @dev Wipe-out: the remaining stake and the stream are queued for the next era's stakers (never the dead shares:
    /// they stream over the first epoch that starts with stakers), every share of this era becomes void, and so does
    /// every reward credit (users' locks are cleared when their era is synced): the indices restart.
    function _endEra(PoolTotals memory totals, uint256 forfeited) private {
        Stream memory stream = _stream;
        _queueReward(stream.remaining + forfeited);
        stream.remaining = 0;
        stream.growthIndex = uint120(RewardMath.INDEX_SCALE);
        _writeStream(stream);
        _writeTotals(PoolTotals({totalStake: 0, totalShares: 0, era: totals.era + 1, lastUpdate: totals.lastUpdate}));
        _endVotingEra(totals.era + 1);
        emit ShareEraEnded(totals.era, totals.totalShares, forfeited);
    }
}
