// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMintableERC20, IStakingPool} from "./interfaces/IStakingPool.sol";
import {LockHistory} from "./libraries/LockHistory.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {ShareMath} from "./libraries/ShareMath.sol";
import {PoolVotes} from "./pool/PoolVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title StakingPool
/// @notice See `IStakingPool`. Storage is packed so that a stake touches five slots: the pool totals, the reward
/// stream, the reward indices and the user's two slots (plus the votes module's checkpoints).
contract StakingPool is IStakingPool, PoolVotes, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;
    using LockHistory for LockHistory.Ring;

    // -------------------------------------------------------------- constants

    uint256 public constant EPOCH_LENGTH = 1 weeks;
    /// @notice Rewards stay locked during the epoch they are earned in and the 51 after it.
    uint256 public constant REWARD_LOCK_EPOCHS = 52;
    uint256 public constant HUNDRED_PERCENT = RewardMath.HUNDRED_PERCENT;
    uint256 public constant MIN_UNSTAKE_WAIT_PERIOD = 1 weeks;
    uint256 public constant MAX_UNSTAKE_WAIT_PERIOD = 52 weeks;
    uint256 public constant MAX_APR = HUNDRED_PERCENT;
    uint256 public constant MAX_APR_UPDATE_STEP = HUNDRED_PERCENT / 10;
    uint256 public constant MAX_STAKE_TARGET = HUNDRED_PERCENT;
    /// @notice A payout leaving fewer than 1 token unit per this many shares ends the share era.
    uint256 public constant MIN_SHARE_PRICE_INVERSE = 1e6;
    /// @notice Shares the first stake of an era locks away forever (taken from its minted shares): `totalShares`
    /// never returns to 0 within an era, so the share price never restarts at 1 and the reward indices stay
    /// bounded by the share price.
    uint256 public constant DEAD_SHARES = 1000;

    uint256 private constant _INITIAL_MIN_APR = 2_500_000; // 2.5%
    uint256 private constant _INITIAL_MAX_APR = 75_000_000; // 75%
    uint256 private constant _EPOCH_INDEX_SLOTS = 64;

    // ---------------------------------------------------------------- storage

    /// @dev The share price: everything a stake, an unstake or a payout changes. `era` counts wipe-outs.
    struct PoolTotals {
        uint128 totalStake;
        uint112 totalShares;
        uint16 era;
    }

    /// @dev `remaining` tokens stream linearly from `lastUpdate` to the end of `lastUpdate`'s epoch.
    struct Stream {
        uint128 remaining;
        uint40 lastUpdate;
        uint32 apr;
        uint32 unstakeWaitPeriod;
    }

    struct RewardParams {
        uint32 minApr;
        uint32 maxApr;
        uint32 aprUpdateStep;
        uint32 stakeTarget;
    }

    /// @dev `era` is the share era of `shares`; `pendingEra` the one of the pending unstake.
    struct Account {
        uint104 unstaked;
        uint112 shares;
        uint16 era;
        uint16 pendingEra;
    }

    /// @dev Reward credit now = `debt + shares * rewardIndex / INDEX_SCALE`; `lastEpoch` is the epoch of the last
    /// change; `head`/`count` locate the snapshot ring; `vestingEnd` spares a read of the schedule once vested.
    struct AccountLock {
        int128 debt;
        uint32 lastEpoch;
        uint8 head;
        uint8 count;
        uint40 vestingEnd;
    }

    struct Pending {
        uint112 shares;
        uint104 amount;
        uint40 maturesAt;
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

    IERC20 private immutable _token;

    PoolTotals private _totals;
    Stream private _stream;
    /// @dev `RewardMath`'s A and G. Full words: G is the share-price growth from rewards, which a tiny stake
    /// receiving a large reward can push far beyond 128 bits.
    uint256 private _rewardIndex;
    uint256 private _growthIndex;
    RewardParams private _params;
    address private _primaryAgent;
    address private _secondaryAgent;
    address private _vestingManager;

    mapping(address claimsManager => bool) private _claimsManagers;
    mapping(address user => Account) private _accounts;
    mapping(address user => AccountLock) private _locks;
    mapping(address user => LockHistory.Ring) private _lockHistories;
    mapping(address user => Pending) private _pendings;
    mapping(address user => Vesting) private _vestings;
    /// @dev `epoch << 128 | rewardIndex at the epoch's start`, at `epoch % 64`, for the last 52 epochs at least.
    uint256[_EPOCH_INDEX_SLOTS] private _epochStartIndex;

    // ---------------------------------------------------------------- set-up

    constructor(IERC20 token_, address primaryAgent_, address secondaryAgent_) {
        if (address(token_) == address(0) || primaryAgent_ == address(0) || secondaryAgent_ == address(0)) {
            revert ZeroAddress();
        }
        _token = token_;
        _primaryAgent = primaryAgent_;
        _secondaryAgent = secondaryAgent_;
        _params = RewardParams({
            minApr: uint32(_INITIAL_MIN_APR),
            maxApr: uint32(_INITIAL_MAX_APR),
            aprUpdateStep: uint32(HUNDRED_PERCENT / 100),
            stakeTarget: uint32(HUNDRED_PERCENT / 2)
        });
        _stream = Stream({
            remaining: 0,
            lastUpdate: uint40(block.timestamp),
            apr: uint32((_INITIAL_MIN_APR + _INITIAL_MAX_APR) / 2),
            unstakeWaitPeriod: uint32(MIN_UNSTAKE_WAIT_PERIOD)
        });
        _growthIndex = RewardMath.INDEX_SCALE;
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        _epochStartIndex[epoch % _EPOCH_INDEX_SLOTS] = epoch << 128;
        emit PrimaryAgentSet(primaryAgent_);
        emit SecondaryAgentSet(secondaryAgent_);
        emit UnstakeWaitPeriodSet(MIN_UNSTAKE_WAIT_PERIOD);
    }

    // ---------------------------------------------------------------- staking

    /// @inheritdoc IStakingPool
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[msg.sender];
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = unstaked.toUint104();
        emit Deposited(msg.sender, amount, unstaked);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPool
    function depositWithVesting(address user, uint256 amount, uint256 start, uint256 end) external nonReentrant {
        if (msg.sender != _vestingManager) revert Unauthorized(msg.sender, _vestingManager);
        if (amount == 0) revert ZeroAmount();
        if (user == address(0)) revert ZeroAddress();
        if (start >= end || end <= block.timestamp) revert InvalidVestingSchedule(start, end, block.timestamp);
        AccountLock storage lock = _locks[user];
        uint256 activeEnd = lock.vestingEnd;
        if (activeEnd > block.timestamp) revert VestingActive(user, activeEnd);
        _vestings[user] = Vesting({amount: amount.toUint128(), start: start.toUint40(), end: end.toUint40()});
        lock.vestingEnd = uint40(end);
        Account storage account = _accounts[user];
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = unstaked.toUint104();
        emit VestingDeposited(user, msg.sender, amount, start, end, unstaked);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPool
    function withdraw(address recipient, uint256 amount) external nonReentrant {
        _withdraw(recipient, amount);
    }

    /// @inheritdoc IStakingPool
    function stake(uint256 amount) external nonReentrant returns (uint256 shares) {
        return _stake(amount, false);
    }

    /// @inheritdoc IStakingPool
    function depositAndStake(uint256 amount) external nonReentrant returns (uint256 shares) {
        shares = _stake(amount, true);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPool
    function scheduleUnstake(uint256 shares) external nonReentrant returns (uint256 amount) {
        if (shares == 0) revert ZeroAmount();
        _accrue();
        address user = msg.sender;
        PoolTotals memory totals = _totals;
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        uint256 voided = _syncEra(account, lock, totals.era);
        if (shares > account.shares) revert InsufficientShares(user, shares, account.shares);
        Pending storage pending = _pendings[user];
        uint256 pendingShares = pending.shares;
        if (pendingShares != 0) revert UnstakeAlreadyPending(user, pending.maturesAt);

        amount = _min(ShareMath.toAssetsDown(shares, totals.totalStake, totals.totalShares), totals.totalStake);
        uint256 newShares = account.shares - shares;
        _moveCredit(user, lock, account.shares, newShares);
        account.shares = uint112(newShares);
        account.pendingEra = totals.era;
        uint256 maturesAt = block.timestamp + _stream.unstakeWaitPeriod;
        _pendings[user] = Pending({shares: uint112(shares), amount: amount.toUint104(), maturesAt: uint40(maturesAt)});
        _accounts[user] = account;
        _locks[user] = lock;
        _removeVotingShares(user, voided + shares);
        emit UnstakeScheduled(user, amount, shares, maturesAt, newShares, totals.totalShares, totals.totalStake);
    }

    /// @inheritdoc IStakingPool
    function unstake(address user) external nonReentrant returns (uint256 amount) {
        return _unstake(user);
    }

    /// @inheritdoc IStakingPool
    function unstakeAndWithdraw(address recipient) external nonReentrant returns (uint256 amount) {
        Pending memory pending = _pendings[msg.sender];
        if (pending.shares != 0 && pending.maturesAt <= block.timestamp) _unstake(msg.sender);
        amount = withdrawableOf(msg.sender);
        _withdraw(recipient, amount);
    }

    /// @notice Voids the shares (and their votes) of `user` if its share era ended; anyone may call, e.g. to
    /// clear the votes of wiped-out stakers who never come back. Does nothing otherwise.
    function syncShareEra(address user) external nonReentrant {
        uint256 era = _totals.era;
        Account memory account = _accounts[user];
        if (account.era == era) return;
        AccountLock memory lock = _locks[user];
        uint256 voided = _syncEra(account, lock, era);
        _accounts[user] = account;
        _locks[user] = lock;
        _removeVotingShares(user, voided);
    }

    // ---------------------------------------------------------------- rewards

    /// @inheritdoc IStakingPool
    function addRewards(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        _accrue();
        uint256 remaining = _stream.remaining + amount;
        _stream.remaining = remaining.toUint128();
        emit RewardsAdded(msg.sender, amount, remaining);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPool
    function accrue() external nonReentrant {
        _accrue();
    }

    // ----------------------------------------------------------------- claims

    /// @inheritdoc IStakingPool
    function payOutClaim(address recipient, uint256 amount) external nonReentrant {
        if (!_claimsManagers[msg.sender]) revert UnauthorizedClaimsManager(msg.sender);
        if (amount == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroAddress();
        PoolTotals memory totals = _totals;
        uint256 stakeBefore = totals.totalStake;
        if (amount > stakeBefore) revert PayoutExceedsStake(amount, stakeBefore);
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
            _totals.totalStake = uint128(stakeAfter);
        }
        emit PaidOutClaim(msg.sender, recipient, amount, stakeAfter);
        _token.safeTransfer(recipient, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IStakingPool
    function token() external view returns (IERC20) {
        return _token;
    }

    /// @inheritdoc IStakingPool
    function totalStake() external view returns (uint256) {
        return _totals.totalStake;
    }

    /// @inheritdoc IStakingPool
    function totalShares() external view returns (uint256) {
        return _totals.totalShares;
    }

    /// @inheritdoc IStakingPool
    function shareEra() external view returns (uint256) {
        return _totals.era;
    }

    /// @inheritdoc IStakingPool
    function unstakedOf(address user) external view returns (uint256) {
        return _accounts[user].unstaked;
    }

    /// @inheritdoc IStakingPool
    function sharesOf(address user) public view returns (uint256) {
        Account memory account = _accounts[user];
        return account.era == _totals.era ? account.shares : 0;
    }

    /// @inheritdoc IStakingPool
    function stakeOf(address user) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        return ShareMath.toAssetsDown(sharesOf(user), accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPool
    function pendingUnstakeOf(address user) external view returns (PendingUnstake memory pendingUnstake) {
        Pending memory pending = _pendings[user];
        if (pending.shares == 0) return pendingUnstake;
        Accrued memory accrued = _accrued();
        uint256 amount;
        if (_accounts[user].pendingEra == accrued.era) {
            amount =
                _min(pending.amount, ShareMath.toAssetsDown(pending.shares, accrued.totalStake, accrued.totalShares));
        }
        return PendingUnstake({shares: pending.shares, amount: amount, maturesAt: pending.maturesAt});
    }

    /// @inheritdoc IStakingPool
    function withdrawableOf(address user) public view returns (uint256) {
        Accrued memory accrued = _accrued();
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        (uint256 balance, uint256 locked) = _balanceAndLocked(user, account, lock, accrued);
        uint256 held = locked + _unvested(user, lock);
        uint256 free = balance > held ? balance - held : 0;
        return _min(free, account.unstaked);
    }

    /// @inheritdoc IStakingPool
    function lockedRewardsOf(address user) external view returns (uint256 locked) {
        (, locked) = _balanceAndLocked(user, _accounts[user], _locks[user], _accrued());
    }

    /// @inheritdoc IStakingPool
    function unvestedOf(address user) external view returns (uint256) {
        return _unvested(user, _locks[user]);
    }

    /// @inheritdoc IStakingPool
    function vestingOf(address user) external view returns (VestingSchedule memory) {
        Vesting memory vesting = _vestings[user];
        return VestingSchedule({amount: vesting.amount, start: vesting.start, end: vesting.end});
    }

    /// @inheritdoc IStakingPool
    function convertToShares(uint256 amount) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        return ShareMath.toSharesDown(amount, accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPool
    function convertToAssets(uint256 shares) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        return ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPool
    function currentEpoch() external view returns (uint256) {
        return block.timestamp / EPOCH_LENGTH;
    }

    /// @inheritdoc IStakingPool
    function apr() external view returns (uint256) {
        return _stream.apr;
    }

    /// @inheritdoc IStakingPool
    function rewardStream() external view returns (uint256 remaining, uint256 lastUpdate, uint256 epoch, uint256 end) {
        Stream memory stream = _stream;
        epoch = stream.lastUpdate / EPOCH_LENGTH;
        return (stream.remaining, stream.lastUpdate, epoch, (epoch + 1) * EPOCH_LENGTH);
    }

    /// @notice The reward indices (`RewardMath`): `rewardIndex` (A) and `growthIndex` (G), as last accrued.
    function rewardIndices() external view returns (uint256 rewardIndex, uint256 growthIndex) {
        return (_rewardIndex, _growthIndex);
    }

    // ------------------------------------------------------------- governance

    /// @inheritdoc IStakingPool
    function primaryAgent() external view returns (address) {
        return _primaryAgent;
    }

    /// @inheritdoc IStakingPool
    function secondaryAgent() external view returns (address) {
        return _secondaryAgent;
    }

    /// @inheritdoc IStakingPool
    function vestingManager() external view returns (address) {
        return _vestingManager;
    }

    /// @inheritdoc IStakingPool
    function isClaimsManager(address claimsManager) external view returns (bool) {
        return _claimsManagers[claimsManager];
    }

    /// @inheritdoc IStakingPool
    function unstakeWaitPeriod() external view returns (uint256) {
        return _stream.unstakeWaitPeriod;
    }

    /// @inheritdoc IStakingPool
    function minApr() external view returns (uint256) {
        return _params.minApr;
    }

    /// @inheritdoc IStakingPool
    function maxApr() external view returns (uint256) {
        return _params.maxApr;
    }

    /// @inheritdoc IStakingPool
    function aprUpdateStep() external view returns (uint256) {
        return _params.aprUpdateStep;
    }

    /// @inheritdoc IStakingPool
    function stakeTarget() external view returns (uint256) {
        return _params.stakeTarget;
    }

    /// @inheritdoc IStakingPool
    function setClaimsManager(address claimsManager, bool authorized) external {
        _onlyPrimaryAgent();
        if (claimsManager == address(0)) revert ZeroAddress();
        _claimsManagers[claimsManager] = authorized;
        emit ClaimsManagerSet(claimsManager, authorized);
    }

    /// @inheritdoc IStakingPool
    function setUnstakeWaitPeriod(uint256 period) external {
        _onlyPrimaryAgent();
        _checkBounds(period, MIN_UNSTAKE_WAIT_PERIOD, MAX_UNSTAKE_WAIT_PERIOD);
        _stream.unstakeWaitPeriod = uint32(period);
        emit UnstakeWaitPeriodSet(period);
    }

    /// @inheritdoc IStakingPool
    function setVestingManager(address manager) external {
        _onlyPrimaryAgent();
        _vestingManager = manager;
        emit VestingManagerSet(manager);
    }

    /// @inheritdoc IStakingPool
    function setPrimaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert ZeroAddress();
        _primaryAgent = agent;
        emit PrimaryAgentSet(agent);
    }

    /// @inheritdoc IStakingPool
    function setSecondaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert ZeroAddress();
        _secondaryAgent = agent;
        emit SecondaryAgentSet(agent);
    }

    /// @inheritdoc IStakingPool
    function setMinApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, 0, params.maxApr);
        params.minApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit MinAprSet(value);
    }

    /// @inheritdoc IStakingPool
    function setMaxApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, params.minApr, MAX_APR);
        params.maxApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit MaxAprSet(value);
    }

    /// @inheritdoc IStakingPool
    function setAprUpdateStep(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_APR_UPDATE_STEP);
        _params.aprUpdateStep = uint32(value);
        emit AprUpdateStepSet(value);
    }

    /// @inheritdoc IStakingPool
    function setStakeTarget(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_STAKE_TARGET);
        _params.stakeTarget = uint32(value);
        emit StakeTargetSet(value);
    }

    // -------------------------------------------------------------- internals

    /// @dev The votes module counts exactly these shares for `user` (a voided era's shares until synced).
    function _stakedSharesOf(address user) internal view override returns (uint256) {
        return _accounts[user].shares;
    }

    function _stake(uint256 amount, bool depositFirst) private returns (uint256 minted) {
        if (amount == 0) revert ZeroAmount();
        _accrue();
        address user = msg.sender;
        PoolTotals memory totals = _totals;
        Account memory account = _accounts[user];
        AccountLock memory lock = _locks[user];
        uint256 voided = _syncEra(account, lock, totals.era);
        uint256 unstaked = account.unstaked;
        if (depositFirst) {
            unstaked += amount;
            emit Deposited(user, amount, unstaked);
        }
        if (amount > unstaked) revert InsufficientUnstaked(user, amount, unstaked);
        minted = ShareMath.toSharesDown(amount, totals.totalStake, totals.totalShares);
        uint256 dead = totals.totalShares == 0 ? DEAD_SHARES : 0;
        if (minted <= dead) revert ZeroSharesMinted(amount);
        totals.totalShares = (totals.totalShares + minted).toUint112();
        minted -= dead;
        uint256 newShares = account.shares + minted;
        _moveCredit(user, lock, account.shares, newShares);
        unchecked {
            unstaked -= amount;
        }
        account.unstaked = unstaked.toUint104();
        account.shares = newShares.toUint112();
        totals.totalStake = (totals.totalStake + amount).toUint128();
        _totals = totals;
        _accounts[user] = account;
        _locks[user] = lock;
        if (voided != 0) _removeVotingShares(user, voided);
        _addVotingShares(user, minted);
        emit Staked(user, amount, minted, newShares, unstaked, totals.totalShares, totals.totalStake);
    }

    function _unstake(address user) private returns (uint256 amount) {
        Pending memory pending = _pendings[user];
        if (pending.shares == 0) revert NoPendingUnstake(user);
        if (block.timestamp < pending.maturesAt) revert UnstakeNotMature(user, pending.maturesAt, block.timestamp);
        _accrue();
        PoolTotals memory totals = _totals;
        Account storage account = _accounts[user];
        if (account.pendingEra == totals.era) {
            uint256 value =
                _min(ShareMath.toAssetsDown(pending.shares, totals.totalStake, totals.totalShares), totals.totalStake);
            amount = _min(pending.amount, value);
            // What the shares earned while pending (value - amount) goes back to the stakers through the stream,
            // so nobody can time a stake to catch it. The dead shares keep `totalShares` above 0.
            uint256 toStream = value - amount;
            if (toStream != 0) _stream.remaining = (_stream.remaining + toStream).toUint128();
            totals.totalStake = uint128(totals.totalStake - value);
            totals.totalShares = uint112(totals.totalShares - pending.shares);
            _totals = totals;
        }
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = unstaked.toUint104();
        // Keep the slot non-zero (`maturesAt`) so that the next schedule rewrites it cheaply.
        _pendings[user] = Pending({shares: 0, amount: 0, maturesAt: pending.maturesAt});
        emit Unstaked(user, msg.sender, amount, pending.shares, unstaked, totals.totalShares, totals.totalStake);
    }

    function _withdraw(address recipient, uint256 amount) private {
        if (amount == 0) revert ZeroAmount();
        if (recipient == address(0)) revert ZeroAddress();
        address user = msg.sender;
        Account memory account = _accounts[user];
        uint256 unstaked = account.unstaked;
        if (amount > unstaked) revert InsufficientUnstaked(user, amount, unstaked);
        AccountLock memory lock = _locks[user];
        uint256 unvested = _unvested(user, lock);
        Accrued memory accrued = _accrued();
        uint256 shares = account.era == accrued.era ? account.shares : 0;
        uint256 balance = unstaked + ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
        uint256 need = amount + unvested;
        // Fast path: even if all the credit ever earned were locked, the withdrawal fits.
        if (balance < need + _creditToTokens(_creditNow(account, lock, shares, accrued), accrued)) {
            uint256 locked = _min(_lockedTokens(user, account, lock, shares, accrued), balance);
            if (balance < need + locked) {
                uint256 withdrawable = balance > locked + unvested ? balance - locked - unvested : 0;
                revert InsufficientWithdrawable(user, amount, _min(withdrawable, unstaked));
            }
        }
        unchecked {
            unstaked -= amount;
        }
        _accounts[user].unstaked = uint104(unstaked);
        emit Withdrawn(user, recipient, amount, unstaked);
        _token.safeTransfer(recipient, amount);
    }

    /// @dev Releases the stream up to now; at the first call of an epoch, finishes the last epoch's stream, records
    /// the epoch-start index, moves `apr` one step and mints the epoch's reward.
    function _accrue() private {
        Stream memory stream = _stream;
        if (stream.lastUpdate == block.timestamp) return;
        uint256 lastEpoch = stream.lastUpdate / EPOCH_LENGTH;
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        PoolTotals memory totals = _totals;
        if (epoch == lastEpoch) {
            if (stream.remaining != 0 && totals.totalShares != 0) {
                uint256 released = _streamed(stream, lastEpoch);
                if (released != 0) {
                    _release(totals, released);
                    stream.remaining -= uint128(released);
                }
            }
            stream.lastUpdate = uint40(block.timestamp);
            _stream = stream;
        } else {
            _startEpoch(stream, totals, lastEpoch, epoch);
        }
    }

    function _startEpoch(Stream memory stream, PoolTotals memory totals, uint256 lastEpoch, uint256 epoch) private {
        uint256 rewardIndex;
        if (stream.remaining != 0 && totals.totalShares != 0) {
            rewardIndex = _release(totals, stream.remaining);
            stream.remaining = 0;
        } else {
            rewardIndex = _rewardIndex;
        }
        // Every epoch since the last one starts at the same index (nothing streams in an epoch nobody touched).
        uint256 first = epoch - lastEpoch > REWARD_LOCK_EPOCHS ? epoch + 1 - REWARD_LOCK_EPOCHS : lastEpoch + 1;
        for (uint256 e = first; e <= epoch; ++e) {
            _epochStartIndex[e % _EPOCH_INDEX_SLOTS] = (e << 128) | rewardIndex;
        }
        RewardParams memory params = _params;
        uint256 newApr = RewardMath.nextApr(
            stream.apr,
            totals.totalStake,
            _token.totalSupply(),
            params.stakeTarget,
            params.aprUpdateStep,
            params.minApr,
            params.maxApr
        );
        uint256 reward = RewardMath.reward(totals.totalStake, newApr, (epoch + 1) * EPOCH_LENGTH - block.timestamp);
        if (reward != 0) reward = _mintReward(epoch, reward);
        uint256 remaining = stream.remaining + reward;
        stream.remaining = remaining.toUint128();
        stream.apr = uint32(newApr);
        stream.lastUpdate = uint40(block.timestamp);
        _stream = stream;
        emit EpochStarted(epoch, newApr, reward, remaining, totals.totalStake);
    }

    function _mintReward(uint256 epoch, uint256 reward) private returns (uint256) {
        uint256 gasBefore = gasleft();
        try IMintableERC20(address(_token)).mint(address(this), reward) {
            return reward;
        } catch {
            // A call that used up its whole gas allowance may have failed only for lack of gas: refuse to skip.
            uint256 gasLeft = gasleft();
            if (gasLeft <= gasBefore / 63) revert RewardMintOutOfGas(gasLeft);
            emit RewardMintFailed(epoch, reward);
            return 0;
        }
    }

    /// @dev Moves `released` from the stream into the stake, updating the indices; writes totals and indices.
    function _release(PoolTotals memory totals, uint256 released) private returns (uint256 rewardIndex) {
        uint256 growthIndex;
        (rewardIndex, growthIndex) = RewardMath.release(totals.totalStake, released, _rewardIndex, _growthIndex);
        _rewardIndex = rewardIndex;
        _growthIndex = growthIndex;
        totals.totalStake = (totals.totalStake + released).toUint128();
        _totals.totalStake = totals.totalStake;
    }

    function _streamed(Stream memory stream, uint256 streamEpoch) private view returns (uint256) {
        uint256 end = (streamEpoch + 1) * EPOCH_LENGTH;
        return stream.remaining * (block.timestamp - stream.lastUpdate) / (end - stream.lastUpdate);
    }

    /// @dev State as if `_accrue()` ran now (the new epoch's reward, minted now, has released nothing yet).
    function _accrued() private view returns (Accrued memory accrued) {
        Stream memory stream = _stream;
        PoolTotals memory totals = _totals;
        accrued.totalStake = totals.totalStake;
        accrued.totalShares = totals.totalShares;
        accrued.era = totals.era;
        accrued.rewardIndex = _rewardIndex;
        accrued.growthIndex = _growthIndex;
        accrued.streamEpoch = stream.lastUpdate / EPOCH_LENGTH;
        if (stream.remaining == 0 || totals.totalShares == 0 || stream.lastUpdate == block.timestamp) return accrued;
        uint256 released = block.timestamp / EPOCH_LENGTH == accrued.streamEpoch
            ? _streamed(stream, accrued.streamEpoch)
            : stream.remaining;
        (accrued.rewardIndex, accrued.growthIndex) =
            RewardMath.release(accrued.totalStake, released, accrued.rewardIndex, accrued.growthIndex);
        accrued.totalStake += released;
    }

    /// @dev The reward index at the start of `epoch` (after the stream of every earlier epoch ended).
    function _epochStart(uint256 epoch, Accrued memory accrued) private view returns (uint256) {
        // Epochs after the last one streamed start where that stream ends: the accrued index.
        if (epoch > accrued.streamEpoch) return accrued.rewardIndex;
        uint256 packed = _epochStartIndex[epoch % _EPOCH_INDEX_SLOTS];
        // Before the pool's first epoch, the index was 0.
        return packed >> 128 == epoch ? uint128(packed) : 0;
    }

    /// @dev Reward credit of `user` now.
    function _creditNow(Account memory account, AccountLock memory lock, uint256 shares, Accrued memory accrued)
        private
        pure
        returns (uint256)
    {
        if (account.era != accrued.era) return 0;
        int256 credit = lock.debt + int256(shares * accrued.rewardIndex / RewardMath.INDEX_SCALE);
        return credit > 0 ? uint256(credit) : 0;
    }

    /// @dev Locked rewards in tokens: credit earned since the start of epoch `now - 51`, converted. Not capped.
    function _lockedTokens(
        address user,
        Account memory account,
        AccountLock memory lock,
        uint256 shares,
        Accrued memory accrued
    ) private view returns (uint256) {
        uint256 creditNow = _creditNow(account, lock, shares, accrued);
        if (creditNow == 0) return 0;
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        uint256 creditAtWindow;
        // Rewards are locked from the start of epoch `epoch - 51` on: before the pool's 52nd epoch, all of them.
        if (epoch >= REWARD_LOCK_EPOCHS) {
            creditAtWindow = _creditAt(user, lock, shares, epoch + 1 - REWARD_LOCK_EPOCHS, accrued);
        }
        return creditNow > creditAtWindow ? _creditToTokens(creditNow - creditAtWindow, accrued) : 0;
    }

    /// @dev Reward credit of `user` at the start of epoch `window` (a past or the current epoch), from the state
    /// that held then: the current one if it is older, else the newest older snapshot (none: no credit yet).
    function _creditAt(address user, AccountLock memory lock, uint256 shares, uint256 window, Accrued memory accrued)
        private
        view
        returns (uint256)
    {
        int256 credit;
        if (lock.lastEpoch < window) {
            credit = lock.debt;
        } else {
            bool found;
            (found, shares, credit) = _lockHistories[user].newestBefore(lock.head, lock.count, window);
            if (!found) return 0;
        }
        if (shares != 0) credit += int256(shares * _epochStart(window, accrued) / RewardMath.INDEX_SCALE);
        return credit > 0 ? uint256(credit) : 0;
    }

    /// @dev Credit to tokens at today's price, through G (undoing the growth since it was earned); rounded up.
    function _creditToTokens(uint256 credit, Accrued memory accrued) private pure returns (uint256) {
        if (credit == 0) return 0;
        uint256 shares = (credit * RewardMath.INDEX_SCALE + accrued.growthIndex - 1) / accrued.growthIndex;
        return ShareMath.toAssetsUp(shares, accrued.totalStake, accrued.totalShares);
    }

    function _balanceAndLocked(address user, Account memory account, AccountLock memory lock, Accrued memory accrued)
        private
        view
        returns (uint256 balance, uint256 locked)
    {
        uint256 shares = account.era == accrued.era ? account.shares : 0;
        balance = account.unstaked + ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
        locked = _min(_lockedTokens(user, account, lock, shares, accrued), balance);
    }

    function _unvested(address user, AccountLock memory lock) private view returns (uint256) {
        if (lock.vestingEnd <= block.timestamp) return 0;
        Vesting memory vesting = _vestings[user];
        return RewardMath.unvested(vesting.amount, vesting.start, vesting.end, block.timestamp);
    }

    /// @dev Re-bases `user`'s credit from `oldShares` to `newShares` at the current index, first saving the
    /// previous state in the history if it belongs to an earlier epoch.
    function _moveCredit(address user, AccountLock memory lock, uint256 oldShares, uint256 newShares) private {
        uint256 rewardIndex = _rewardIndex;
        int256 credit = lock.debt + int256(oldShares * rewardIndex / RewardMath.INDEX_SCALE);
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        if (lock.lastEpoch != epoch) {
            if (oldShares != 0 || lock.debt != 0) _saveHistory(user, lock, oldShares);
            lock.lastEpoch = uint32(epoch);
        }
        lock.debt = (credit - int256(newShares * rewardIndex / RewardMath.INDEX_SCALE)).toInt128();
    }

    function _saveHistory(address user, AccountLock memory lock, uint256 shares) private {
        (uint256 head, uint256 count) =
            _lockHistories[user].push(lock.head, lock.count, lock.lastEpoch, shares, lock.debt);
        lock.head = uint8(head);
        lock.count = uint8(count);
    }

    /// @dev Voids `account`'s shares and lock history if its share era ended. Returns the shares voided (whose
    /// votes the caller must remove after writing the account).
    function _syncEra(Account memory account, AccountLock memory lock, uint256 era) private pure returns (uint256) {
        if (account.era == era) return 0;
        uint256 voided = account.shares;
        account.shares = 0;
        account.era = uint16(era);
        lock.debt = 0;
        lock.head = 0;
        lock.count = 0;
        return voided;
    }

    /// @dev Wipe-out: the remaining stake streams to the next stakers, every share of this era becomes void, and
    /// so does every reward credit (users' locks are cleared when their era is synced): the indices restart.
    function _endEra(PoolTotals memory totals, uint256 forfeited) private {
        if (forfeited != 0) _stream.remaining = (_stream.remaining + forfeited).toUint128();
        _totals = PoolTotals({totalStake: 0, totalShares: 0, era: totals.era + 1});
        _rewardIndex = 0;
        _growthIndex = RewardMath.INDEX_SCALE;
        emit ShareEraEnded(totals.era, totals.totalShares, forfeited);
    }

    function _clipApr(RewardParams memory params) private {
        uint256 current = _stream.apr;
        if (current < params.minApr) _stream.apr = params.minApr;
        else if (current > params.maxApr) _stream.apr = params.maxApr;
    }

    function _onlyPrimaryAgent() private view {
        if (msg.sender != _primaryAgent) revert Unauthorized(msg.sender, _primaryAgent);
    }

    function _onlySecondaryAgent() private view {
        if (msg.sender != _secondaryAgent) revert Unauthorized(msg.sender, _secondaryAgent);
    }

    function _checkBounds(uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert ParameterOutOfBounds(value, min, max);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
