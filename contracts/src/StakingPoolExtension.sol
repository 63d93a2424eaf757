// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPoolBase} from "./StakingPoolBase.sol";
import {
    IClaimsExposure,
    IMintableERC20,
    IPremiumSource,
    IStakingPoolAdmin,
    IStakingPoolTypes
} from "./interfaces/IStakingPool.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {ShareMath} from "./libraries/ShareMath.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title StakingPoolExtension
/// @notice The rarely used functions of `StakingPool` (governance setters, vesting deposits, the weekly epoch
/// start, `unstakeAndWithdraw`, the views no contract calls). The pool creates it in its constructor and DELEGATECALLs it, so it runs in the
/// pool's storage with the pool's `msg.sender`; called directly it only sees its own empty storage.
/// @dev Not a separate deployment to manage: its address is `StakingPool.extension()`.
contract StakingPoolExtension is StakingPoolBase, IStakingPoolAdmin, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    constructor(IERC20 token_) StakingPoolBase(token_) {}

    /// @notice Starts the current epoch if it has not started: finishes the last epoch's stream and the queue's
    /// idle lumps, pulls the claims managers' premiums, records the epoch-start index, moves `apr` one step, mints the
    /// epoch's reward and sets this epoch's stream. Runs in the pool's storage.
    /// Reached by delegatecall from the pool's guarded functions and, through its fallback, by anyone: it carries its own
    /// lock (`_startEpoch`) instead of the pool's reentrancy guard, which those callers already hold.
    function startEpoch() external {
        _startEpoch();
    }

    /// @dev Transient flag set while an epoch starts: the premium pulls and the mint call out before the epoch is
    /// recorded, so a call back into `startEpoch` from them would start it twice (`EpochStartReentered`).
    bytes32 private constant EPOCH_START_LOCK = keccak256("insurance-pool.staking-pool.epoch-start");

    /// @dev Does nothing if the current epoch has started. What belongs to time before this epoch (the last epoch's
    /// stream, lumps queued before the last epoch, premiums of weeks nobody pulled) is released before the epoch-start
    /// index is written: nobody's shares changed since the last accrual, so releasing it at once splits it exactly as
    /// streaming would have. What belongs to this epoch (lumps queued during the last one, this week's premiums)
    /// streams over it, its part for the time already elapsed released at once after the index (the same argument).
    /// While the pool has too few stakers (`_streaming`), all of it is queued for the first epoch with stakers.
    function _startEpoch() internal override {
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        if (epoch == _totals.lastUpdate / EPOCH_LENGTH) return;
        bytes32 lock = EPOCH_START_LOCK;
        bool starting;
        assembly ("memory-safe") {
            starting := tload(lock)
            tstore(lock, 1)
        }
        if (starting) revert IStakingPoolTypes.EpochStartReentered();
        // External calls first, before any state is read: the managers send their premiums now.
        (uint256 pastPremiums, uint256 currentPremiums) = _pullPremiums(epoch);
        PoolTotals memory totals = _totals;
        Stream memory stream = _stream;
        uint256 thisEpoch = _settleInflows(epoch, totals, stream, pastPremiums, currentPremiums);
        uint256 newApr = _stepApr(totals.lastUpdate / EPOCH_LENGTH, epoch, totals.totalStake);
        uint256 reward = RewardMath.reward(totals.totalStake, newApr, (epoch + 1) * EPOCH_LENGTH - block.timestamp);
        if (reward != 0) reward = _mintReward(epoch, reward);
        uint256 remaining = thisEpoch + reward;
        stream.remaining = remaining.toUint104();
        _writeStream(stream);
        totals.lastUpdate = uint32(block.timestamp);
        _writeTotals(totals);
        assembly ("memory-safe") {
            tstore(lock, 0)
        }
        emit IStakingPoolTypes.EpochStarted(epoch, newApr, reward, remaining, totals.totalStake);
    }

    /// @dev Releases (in `totals` and `stream`) what belongs before `epoch`, writes `epoch`'s start index, releases the
    /// elapsed part of what belongs to `epoch` and returns the rest of it (to stream); or queues it all while the pool
    /// has too few stakers. `stream.remaining` is left 0.
    function _settleInflows(
        uint256 epoch,
        PoolTotals memory totals,
        Stream memory stream,
        uint256 pastPremiums,
        uint256 currentPremiums
    ) internal returns (uint256 thisEpoch) {
        QueuedRewards memory queued = _queued;
        uint256 beforeStart;
        if (_streaming(totals.totalShares)) {
            beforeStart = stream.remaining + pastPremiums;
            if (queued.epoch + 1 < epoch) beforeStart += queued.amount;
            else thisEpoch = queued.amount;
            thisEpoch += currentPremiums;
            // The epoch stays: the slot never returns to zero, so the next lump rewrites it (2.9K, not 22.1K).
            if (queued.amount != 0) _queued = QueuedRewards(0, uint32(epoch));
        } else {
            uint256 waiting = queued.amount + stream.remaining + pastPremiums + currentPremiums;
            if (waiting != 0) _queued = QueuedRewards(waiting.toUint104(), uint32(epoch));
        }
        stream.remaining = 0;
        if (beforeStart != 0) _release(totals, stream, beforeStart);
        // Epochs skipped since the last one start at this same index (nothing streams in an epoch nobody touched):
        // the bitmap of started epochs lets `_epochStart` find it, so this writes one entry whatever the gap.
        _writeEpochStart(epoch, RewardMath.rewardIndexOf(_growthOf(stream)));
        if (thisEpoch != 0) {
            uint256 elapsed = thisEpoch * (block.timestamp - epoch * EPOCH_LENGTH) / EPOCH_LENGTH;
            if (elapsed != 0) _release(totals, stream, elapsed);
            thisEpoch -= elapsed;
        }
    }

    /// @dev Marks `epoch` started and moves `apr` one step towards the stake target; returns the new rate.
    function _stepApr(uint256 lastEpoch, uint256 epoch, uint256 totalStake) internal returns (uint256 newApr) {
        RewardParams memory params = _params;
        params.startedEpochs = _markStarted(params.startedEpochs, lastEpoch, epoch);
        newApr = RewardMath.nextApr(
            params.apr,
            totalStake,
            _token.totalSupply(),
            params.stakeTarget,
            params.aprUpdateStep,
            params.minApr,
            params.maxApr
        );
        params.apr = uint32(newApr);
        // Written before the mint's external call: a setter reached from inside the mint keeps its value.
        _params = params;
    }

    /// @inheritdoc IStakingPoolAdmin
    function unstake(address user) external nonReentrant returns (uint256 amount) {
        return _unstake(user);
    }

    /// @inheritdoc IStakingPoolAdmin
    function addRewards(uint256 amount) external nonReentrant {
        if (amount == 0) revert IStakingPoolTypes.ZeroAmount();
        _accrue();
        _queueReward(amount);
        emit IStakingPoolTypes.RewardsAdded(msg.sender, amount, _queued.amount);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setClaimsManager(address claimsManager, bool authorized) external {
        _onlyPrimaryAgent();
        if (claimsManager == address(0)) revert IStakingPoolTypes.ZeroAddress();
        ClaimsManagerState memory state = _claimsManagers[claimsManager];
        if (authorized) {
            // A new manager acts only once every staker who disagrees could have left: after the unstake wait and the
            // longest freeze. With no stake in the pool there is nobody to protect, so it acts at once.
            if (!state.authorized) {
                uint256 delay = _totals.totalShares == 0 ? 0 : _params.unstakeWaitPeriod + _maxFreeze;
                state.activatesAt = uint40(block.timestamp + delay);
                state.authorized = true;
            }
        } else if (state.authorized) {
            // Revoking is immediate, but what the manager already owes (final, unpaid payouts) stays payable.
            state.authorized = false;
            state.owed = _reportedOwed(claimsManager).toUint104();
        }
        if (!state.listed && (state.authorized || state.owed != 0)) {
            if (_claimsManagerList.length == MAX_CLAIMS_MANAGERS) {
                revert IStakingPoolTypes.TooManyClaimsManagers(MAX_CLAIMS_MANAGERS);
            }
            _claimsManagerList.push(claimsManager);
            state.listed = true;
        } else if (state.listed && !state.authorized && state.owed == 0) {
            _unlist(claimsManager);
            state.listed = false;
        }
        _claimsManagers[claimsManager] = state;
        emit IStakingPoolTypes.ClaimsManagerSet(claimsManager, authorized, state.activatesAt, state.owed);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setMaxFreeze(uint256 period) external {
        _onlyPrimaryAgent();
        _checkBounds(period, MIN_MAX_FREEZE, MAX_MAX_FREEZE);
        _maxFreeze = period;
        emit IStakingPoolTypes.MaxFreezeSet(period);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setPayoutCap(uint256 share) external {
        _onlyPrimaryAgent();
        _checkBounds(share, MIN_PAYOUT_CAP, MAX_PAYOUT_CAP);
        if (share % (HUNDRED_PERCENT / _BPS) != 0) {
            revert IStakingPoolTypes.ParameterOutOfBounds(share, MIN_PAYOUT_CAP, MAX_PAYOUT_CAP);
        }
        _payoutWindow.capBps = uint16(share * _BPS / HUNDRED_PERCENT);
        emit IStakingPoolTypes.PayoutCapSet(share);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setUnstakeWaitPeriod(uint256 period) external {
        _onlyPrimaryAgent();
        _checkBounds(period, MIN_UNSTAKE_WAIT_PERIOD, MAX_UNSTAKE_WAIT_PERIOD);
        _params.unstakeWaitPeriod = uint32(period);
        emit IStakingPoolTypes.UnstakeWaitPeriodSet(period);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setVestingManager(address manager) external {
        _onlyPrimaryAgent();
        _vestingManager = manager;
        emit IStakingPoolTypes.VestingManagerSet(manager);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setPrimaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert IStakingPoolTypes.ZeroAddress();
        _primaryAgent = agent;
        emit IStakingPoolTypes.PrimaryAgentSet(agent);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setSecondaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert IStakingPoolTypes.ZeroAddress();
        _secondaryAgent = agent;
        emit IStakingPoolTypes.SecondaryAgentSet(agent);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setMinApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, 0, params.maxApr);
        params.minApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit IStakingPoolTypes.MinAprSet(value);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setMaxApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, params.minApr, MAX_APR);
        params.maxApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit IStakingPoolTypes.MaxAprSet(value);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setAprUpdateStep(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_APR_UPDATE_STEP);
        _params.aprUpdateStep = uint32(value);
        emit IStakingPoolTypes.AprUpdateStepSet(value);
    }

    /// @inheritdoc IStakingPoolAdmin
    function setStakeTarget(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_STAKE_TARGET);
        _params.stakeTarget = uint32(value);
        emit IStakingPoolTypes.StakeTargetSet(value);
    }

    /// @inheritdoc IStakingPoolAdmin
    function depositWithVesting(address user, uint256 amount, uint256 start, uint256 end) external nonReentrant {
        if (msg.sender != _vestingManager) revert IStakingPoolTypes.Unauthorized(msg.sender, _vestingManager);
        if (amount == 0) revert IStakingPoolTypes.ZeroAmount();
        if (user == address(0)) revert IStakingPoolTypes.ZeroAddress();
        if (start >= end || end <= block.timestamp) {
            revert IStakingPoolTypes.InvalidVestingSchedule(start, end, block.timestamp);
        }
        AccountLock storage lock = _locks[user];
        uint256 activeEnd = lock.vestingEnd;
        if (activeEnd > block.timestamp) revert IStakingPoolTypes.VestingActive(user, activeEnd);
        _vestings[user] = Vesting({amount: amount.toUint128(), start: start.toUint40(), end: end.toUint40()});
        lock.vestingEnd = uint40(end);
        Account storage account = _accounts[user];
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = _toUnstaked(user, unstaked);
        emit IStakingPoolTypes.VestingDeposited(user, msg.sender, amount, start, end, unstaked);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IStakingPoolAdmin
    function unstakeAndWithdraw(address recipient) external nonReentrant returns (uint256 amount) {
        Pending memory pending = _pendings[msg.sender];
        bool unstaked =
            pending.shares != 0 && (pending.maturesAt <= block.timestamp || (pending.frozen && _openExposure() == 0));
        if (unstaked) _unstake(msg.sender);
        amount = _withdrawableOf(msg.sender);
        // Nothing withdrawable (locked or unvested): the unstake alone stands; with no unstake either, it is an error.
        if (amount != 0 || !unstaked) _withdraw(recipient, amount);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IStakingPoolAdmin
    function stakeOf(address user) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        Account memory account = _accounts[user];
        uint256 shares = account.era == _totals.era ? account.shares : 0;
        return ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPoolAdmin
    function pendingUnstakeOf(address user) external view returns (PendingUnstake memory pendingUnstake) {
        Pending memory pending = _pendings[user];
        if (pending.shares == 0) return pendingUnstake;
        uint256 amount = _pendingValue(user, _accounts[user], _accrued());
        return PendingUnstake({
            shares: pending.shares,
            amount: amount,
            maturesAt: pending.maturesAt,
            frozen: pending.frozen,
            liable: pending.frozen ? _frozenExits[user].liable : 0
        });
    }

    /// @inheritdoc IStakingPoolAdmin
    function withdrawableOf(address user) external view returns (uint256) {
        return _withdrawableOf(user);
    }

    /// @inheritdoc IStakingPoolAdmin
    function lockedRewardsOf(address user) external view returns (uint256 locked) {
        (, locked) = _balanceAndLocked(user, _accounts[user], _locks[user], _accrued());
    }

    /// @inheritdoc IStakingPoolAdmin
    function unvestedOf(address user) external view returns (uint256) {
        return _unvested(user, _locks[user]);
    }

    /// @inheritdoc IStakingPoolAdmin
    function vestingOf(address user) external view returns (VestingSchedule memory) {
        Vesting memory vesting = _vestings[user];
        return VestingSchedule({amount: vesting.amount, start: vesting.start, end: vesting.end});
    }

    /// @inheritdoc IStakingPoolAdmin
    function convertToShares(uint256 amount) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        return ShareMath.toSharesDown(amount, accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPoolAdmin
    function convertToAssets(uint256 shares) external view returns (uint256) {
        Accrued memory accrued = _accrued();
        return ShareMath.toAssetsDown(shares, accrued.totalStake, accrued.totalShares);
    }

    /// @inheritdoc IStakingPoolAdmin
    function currentEpoch() external view returns (uint256) {
        return block.timestamp / EPOCH_LENGTH;
    }

    /// @inheritdoc IStakingPoolAdmin
    function apr() external view returns (uint256) {
        return _params.apr;
    }

    /// @inheritdoc IStakingPoolAdmin
    function rewardStream() external view returns (uint256 remaining, uint256 lastUpdate, uint256 epoch, uint256 end) {
        lastUpdate = _totals.lastUpdate;
        epoch = lastUpdate / EPOCH_LENGTH;
        return (_stream.remaining, lastUpdate, epoch, (epoch + 1) * EPOCH_LENGTH);
    }

    /// @inheritdoc IStakingPoolAdmin
    function rewardIndices() external view returns (uint256 rewardIndex, uint256 growthIndex) {
        return _loadIndices();
    }

    /// @inheritdoc IStakingPoolAdmin
    function primaryAgent() external view returns (address) {
        return _primaryAgent;
    }

    /// @inheritdoc IStakingPoolAdmin
    function secondaryAgent() external view returns (address) {
        return _secondaryAgent;
    }

    /// @inheritdoc IStakingPoolAdmin
    function vestingManager() external view returns (address) {
        return _vestingManager;
    }

    /// @inheritdoc IStakingPoolAdmin
    function isClaimsManager(address claimsManager) external view returns (bool) {
        ClaimsManagerState memory state = _claimsManagers[claimsManager];
        return state.authorized && block.timestamp >= state.activatesAt;
    }

    /// @inheritdoc IStakingPoolAdmin
    function claimsManagerState(address claimsManager)
        external
        view
        returns (bool authorized, uint256 activatesAt, uint256 owed)
    {
        ClaimsManagerState memory state = _claimsManagers[claimsManager];
        return (state.authorized, state.activatesAt, state.owed);
    }

    /// @inheritdoc IStakingPoolAdmin
    function claimsManagers() external view returns (address[] memory) {
        return _claimsManagerList;
    }

    /// @inheritdoc IStakingPoolAdmin
    function claimsManagerActivationDelay() external view returns (uint256) {
        return _totals.totalShares == 0 ? 0 : _params.unstakeWaitPeriod + _maxFreeze;
    }

    /// @inheritdoc IStakingPoolAdmin
    function openExposure() external view returns (uint256) {
        return _openExposure();
    }

    /// @inheritdoc IStakingPoolAdmin
    function queuedRewards() external view returns (uint256 amount, uint256 epoch) {
        QueuedRewards memory queued = _queued;
        return (queued.amount, queued.epoch);
    }

    /// @inheritdoc IStakingPoolAdmin
    function maxFreeze() external view returns (uint256) {
        return _maxFreeze;
    }

    /// @inheritdoc IStakingPoolAdmin
    function payoutCap() external view returns (uint256) {
        return uint256(_payoutWindow.capBps) * HUNDRED_PERCENT / _BPS;
    }

    /// @inheritdoc IStakingPoolAdmin
    function unstakeWaitPeriod() external view returns (uint256) {
        return _params.unstakeWaitPeriod;
    }

    /// @inheritdoc IStakingPoolAdmin
    function minApr() external view returns (uint256) {
        return _params.minApr;
    }

    /// @inheritdoc IStakingPoolAdmin
    function maxApr() external view returns (uint256) {
        return _params.maxApr;
    }

    /// @inheritdoc IStakingPoolAdmin
    function aprUpdateStep() external view returns (uint256) {
        return _params.aprUpdateStep;
    }

    /// @inheritdoc IStakingPoolAdmin
    function stakeTarget() external view returns (uint256) {
        return _params.stakeTarget;
    }

    // -------------------------------------------------------------- internals

    function _mintReward(uint256 epoch, uint256 reward) internal returns (uint256) {
        uint256 gasBefore = gasleft();
        try IMintableERC20(address(_token)).mint(address(this), reward) {
            return reward;
        } catch {
            // A call that used up its whole gas allowance may have failed only for lack of gas: refuse to skip.
            uint256 gasLeft = gasleft();
            if (gasLeft <= gasBefore / 63) revert IStakingPoolTypes.RewardMintOutOfGas(gasLeft);
            emit IStakingPoolTypes.RewardMintFailed(epoch, reward);
            return 0;
        }
    }

    /// @dev Pulls every listed claims manager's premiums (`IPremiumSource.pullPremiums`), crediting at most what
    /// arrived: a manager's report never counts beyond the tokens it sent. A manager whose pull fails, or that does not
    /// serve it (returns less than two words), keeps its premiums (pulled as past next time); a pull that ran out of
    /// gas reverts instead, so no caller can defer the premiums by starting the epoch with too little gas.
    function _pullPremiums(uint256 epoch) internal returns (uint256 past, uint256 current) {
        address[] memory managers = _claimsManagerList;
        if (managers.length == 0) return (0, 0);
        uint256 balance = _token.balanceOf(address(this));
        for (uint256 i; i < managers.length; ++i) {
            address manager = managers[i];
            (bool served, uint256 managerPast, uint256 managerCurrent) = _callPullPremiums(manager);
            if (!served) {
                emit IStakingPoolTypes.PremiumPullFailed(epoch, manager);
                continue;
            }
            uint256 balanceAfter = _token.balanceOf(address(this));
            uint256 received = balanceAfter > balance ? balanceAfter - balance : 0;
            balance = balanceAfter;
            managerCurrent = _min(managerCurrent, received);
            managerPast = _min(managerPast, received - managerCurrent);
            if (managerPast != 0 || managerCurrent != 0) {
                emit IStakingPoolTypes.PremiumsPulled(epoch, manager, managerPast, managerCurrent);
            }
            past += managerPast;
            current += managerCurrent;
        }
    }

    /// @dev Calls `manager.pullPremiums()`, copying at most two words of what it returns; `served` is false if the call
    /// failed or returned less. Reverts with `PremiumPullOutOfGas` if the call failed with at most 1/63 of the gas left.
    function _callPullPremiums(address manager) internal returns (bool served, uint256 past, uint256 current) {
        bytes4 selector = IPremiumSource.pullPremiums.selector;
        uint256 gasBefore = gasleft();
        bool ok;
        assembly ("memory-safe") {
            mstore(0, selector)
            ok := call(gas(), manager, 0, 0, 4, 0, 64)
            served := and(ok, gt(returndatasize(), 63))
            if served {
                past := mload(0)
                current := mload(32)
            }
        }
        if (!ok) {
            uint256 gasLeft = gasleft();
            if (gasLeft <= gasBefore / 63) revert IStakingPoolTypes.PremiumPullOutOfGas(manager, gasLeft);
        }
    }

    /// @dev `manager`'s `owedTokens()`, or 0 if the call fails or returns no word.
    function _reportedOwed(address manager) internal view returns (uint256 owed) {
        bytes4 selector = IClaimsExposure.owedTokens.selector;
        uint256 gasLimit = EXPOSURE_REPORT_GAS;
        assembly ("memory-safe") {
            mstore(0, selector)
            let ok := staticcall(gasLimit, manager, 0, 4, 0, 32)
            if and(ok, gt(returndatasize(), 31)) { owed := mload(0) }
        }
    }

    function _unlist(address manager) internal {
        uint256 last = _claimsManagerList.length - 1;
        for (uint256 i; i <= last; ++i) {
            if (_claimsManagerList[i] == manager) {
                _claimsManagerList[i] = _claimsManagerList[last];
                _claimsManagerList.pop();
                return;
            }
        }
    }

    function _clipApr(RewardParams memory params) internal {
        uint256 current = params.apr;
        if (current < params.minApr) _params.apr = params.minApr;
        else if (current > params.maxApr) _params.apr = params.maxApr;
    }

    function _onlyPrimaryAgent() internal view {
        if (msg.sender != _primaryAgent) revert IStakingPoolTypes.Unauthorized(msg.sender, _primaryAgent);
    }

    function _onlySecondaryAgent() internal view {
        if (msg.sender != _secondaryAgent) revert IStakingPoolTypes.Unauthorized(msg.sender, _secondaryAgent);
    }
}
