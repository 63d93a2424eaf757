// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPoolBase} from "./StakingPoolBase.sol";
import {IMintableERC20, IStakingPool} from "./interfaces/IStakingPool.sol";
import {RewardMath} from "./libraries/RewardMath.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title StakingPoolExtension
/// @notice The rarely used functions of `StakingPool` (governance setters, vesting deposits, the weekly epoch
/// start, `unstakeAndWithdraw`). The pool creates it in its constructor and DELEGATECALLs it, so it runs in the
/// pool's storage with the pool's `msg.sender`; called directly it only sees its own empty storage.
/// @dev Not a separate deployment to manage: its address is `StakingPool.extension()`.
contract StakingPoolExtension is StakingPoolBase {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    constructor(IERC20 token_) StakingPoolBase(token_) {}

    /// @notice Starts the current epoch if it has not started: finishes the last epoch's stream, records the
    /// epoch-start index, moves `apr` one step and mints the epoch's reward. Runs in the pool's storage.
    function startEpoch() external {
        _startEpoch();
    }

    /// @dev Does nothing if the current epoch has started.
    function _startEpoch() internal override {
        PoolTotals memory totals = _totals;
        uint256 lastEpoch = totals.lastUpdate / EPOCH_LENGTH;
        uint256 epoch = block.timestamp / EPOCH_LENGTH;
        if (epoch == lastEpoch) return;
        Stream memory stream = _stream;
        if (stream.remaining != 0 && totals.totalShares != 0) {
            _release(totals, stream, stream.remaining);
            stream.remaining = 0;
        }
        // Epochs skipped since the last one start at this same index (nothing streams in an epoch nobody touched):
        // the bitmap of started epochs lets `_epochStart` find it, so this writes one entry whatever the gap.
        _writeEpochStart(epoch, RewardMath.rewardIndexOf(_growthOf(stream)));
        RewardParams memory params = _params;
        params.startedEpochs = _markStarted(params.startedEpochs, lastEpoch, epoch);
        uint256 newApr = RewardMath.nextApr(
            params.apr,
            totals.totalStake,
            _token.totalSupply(),
            params.stakeTarget,
            params.aprUpdateStep,
            params.minApr,
            params.maxApr
        );
        params.apr = uint32(newApr);
        // Written before the mint's external call: a setter reached from inside the mint keeps its value.
        _params = params;
        uint256 reward = RewardMath.reward(totals.totalStake, newApr, (epoch + 1) * EPOCH_LENGTH - block.timestamp);
        if (reward != 0) reward = _mintReward(epoch, reward);
        uint256 remaining = stream.remaining + reward;
        stream.remaining = remaining.toUint104();
        _writeStream(stream);
        totals.lastUpdate = uint32(block.timestamp);
        _writeTotals(totals);
        emit IStakingPool.EpochStarted(epoch, newApr, reward, remaining, totals.totalStake);
    }

    /// @notice See `IStakingPool`.
    function unstake(address user) external returns (uint256 amount) {
        return _unstake(user);
    }

    /// @notice See `IStakingPool`.
    function addRewards(uint256 amount) external {
        if (amount == 0) revert IStakingPool.ZeroAmount();
        _accrue();
        uint256 remaining = _stream.remaining + amount;
        _stream.remaining = remaining.toUint104();
        emit IStakingPool.RewardsAdded(msg.sender, amount, remaining);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice See `IStakingPool`.
    function setClaimsManager(address claimsManager, bool authorized) external {
        _onlyPrimaryAgent();
        if (claimsManager == address(0)) revert IStakingPool.ZeroAddress();
        _claimsManagers[claimsManager] = authorized;
        emit IStakingPool.ClaimsManagerSet(claimsManager, authorized);
    }

    /// @notice See `IStakingPool`.
    function setUnstakeWaitPeriod(uint256 period) external {
        _onlyPrimaryAgent();
        _checkBounds(period, MIN_UNSTAKE_WAIT_PERIOD, MAX_UNSTAKE_WAIT_PERIOD);
        _params.unstakeWaitPeriod = uint32(period);
        emit IStakingPool.UnstakeWaitPeriodSet(period);
    }

    /// @notice See `IStakingPool`.
    function setVestingManager(address manager) external {
        _onlyPrimaryAgent();
        _vestingManager = manager;
        emit IStakingPool.VestingManagerSet(manager);
    }

    /// @notice See `IStakingPool`.
    function setPrimaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert IStakingPool.ZeroAddress();
        _primaryAgent = agent;
        emit IStakingPool.PrimaryAgentSet(agent);
    }

    /// @notice See `IStakingPool`.
    function setSecondaryAgent(address agent) external {
        _onlyPrimaryAgent();
        if (agent == address(0)) revert IStakingPool.ZeroAddress();
        _secondaryAgent = agent;
        emit IStakingPool.SecondaryAgentSet(agent);
    }

    /// @notice See `IStakingPool`.
    function setMinApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, 0, params.maxApr);
        params.minApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit IStakingPool.MinAprSet(value);
    }

    /// @notice See `IStakingPool`.
    function setMaxApr(uint256 value) external {
        _onlySecondaryAgent();
        RewardParams memory params = _params;
        _checkBounds(value, params.minApr, MAX_APR);
        params.maxApr = uint32(value);
        _params = params;
        _clipApr(params);
        emit IStakingPool.MaxAprSet(value);
    }

    /// @notice See `IStakingPool`.
    function setAprUpdateStep(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_APR_UPDATE_STEP);
        _params.aprUpdateStep = uint32(value);
        emit IStakingPool.AprUpdateStepSet(value);
    }

    /// @notice See `IStakingPool`.
    function setStakeTarget(uint256 value) external {
        _onlySecondaryAgent();
        _checkBounds(value, 0, MAX_STAKE_TARGET);
        _params.stakeTarget = uint32(value);
        emit IStakingPool.StakeTargetSet(value);
    }

    /// @notice See `IStakingPool`.
    function depositWithVesting(address user, uint256 amount, uint256 start, uint256 end) external {
        if (msg.sender != _vestingManager) revert IStakingPool.Unauthorized(msg.sender, _vestingManager);
        if (amount == 0) revert IStakingPool.ZeroAmount();
        if (user == address(0)) revert IStakingPool.ZeroAddress();
        if (start >= end || end <= block.timestamp) {
            revert IStakingPool.InvalidVestingSchedule(start, end, block.timestamp);
        }
        AccountLock storage lock = _locks[user];
        uint256 activeEnd = lock.vestingEnd;
        if (activeEnd > block.timestamp) revert IStakingPool.VestingActive(user, activeEnd);
        _vestings[user] = Vesting({amount: amount.toUint128(), start: start.toUint40(), end: end.toUint40()});
        lock.vestingEnd = uint40(end);
        Account storage account = _accounts[user];
        uint256 unstaked = account.unstaked + amount;
        account.unstaked = unstaked.toUint104();
        emit IStakingPool.VestingDeposited(user, msg.sender, amount, start, end, unstaked);
        _token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice See `IStakingPool`.
    function unstakeAndWithdraw(address recipient) external returns (uint256 amount) {
        Pending memory pending = _pendings[msg.sender];
        bool unstaked = pending.shares != 0 && pending.maturesAt <= block.timestamp;
        if (unstaked) _unstake(msg.sender);
        amount = _withdrawableOf(msg.sender);
        // Nothing withdrawable (locked or unvested): the unstake alone stands; with no unstake either, it is an error.
        if (amount != 0 || !unstaked) _withdraw(recipient, amount);
    }

    function _mintReward(uint256 epoch, uint256 reward) internal returns (uint256) {
        uint256 gasBefore = gasleft();
        try IMintableERC20(address(_token)).mint(address(this), reward) {
            return reward;
        } catch {
            // A call that used up its whole gas allowance may have failed only for lack of gas: refuse to skip.
            uint256 gasLeft = gasleft();
            if (gasLeft <= gasBefore / 63) revert IStakingPool.RewardMintOutOfGas(gasLeft);
            emit IStakingPool.RewardMintFailed(epoch, reward);
            return 0;
        }
    }

    function _clipApr(RewardParams memory params) internal {
        uint256 current = params.apr;
        if (current < params.minApr) _params.apr = params.minApr;
        else if (current > params.maxApr) _params.apr = params.maxApr;
    }

    function _onlyPrimaryAgent() internal view {
        if (msg.sender != _primaryAgent) revert IStakingPool.Unauthorized(msg.sender, _primaryAgent);
    }

    function _onlySecondaryAgent() internal view {
        if (msg.sender != _secondaryAgent) revert IStakingPool.Unauthorized(msg.sender, _secondaryAgent);
    }
}
