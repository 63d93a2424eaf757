// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPoolVotes} from "../interfaces/IPoolVotes.sol";
import {PackedCheckpoints} from "../libraries/PackedCheckpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title PoolVotes
/// @notice Voting power of the staking pool (ERC-5805 + ERC-6372, timestamp clock), see `IPoolVotes`.
/// @dev The pool inherits this module and calls its hooks: `_addVotingShares(user, shares)` right after `user`'s
/// staked shares grew, `_removeVotingShares(user, shares)` right after they fell (shares scheduled for unstake),
/// and implements `_stakedSharesOf(user)`. Votes move to whoever holds `user`'s votes (the user or its delegate).
///
/// Storage, per account: one slot `{delegatee, delegatedAt, checkpointSlots}` and a history of the account's
/// total voting power, two checkpoints per slot (`PackedCheckpoints`). A stake of an account that does not
/// delegate reads its account slot and its newest history slot, then either fills the free half of that slot
/// or starts a fresh one and counts it in the account slot; then the same for the total. A delegation moves the delegator's staked
/// shares from the old holder to the new one; shares delegated to the delegator stay where they are.
abstract contract PoolVotes is IPoolVotes {
    using PackedCheckpoints for PackedCheckpoints.History;

    /// @inheritdoc IPoolVotes
    uint256 public constant DELEGATION_PERIOD = 1 weeks;

    /// @dev `delegatee` is `address(0)` when the account does not delegate; `delegatedAt` is the time of its
    /// last delegation change (0 if none); `checkpointSlots` counts the storage slots of its voting power history.
    struct VoteAccount {
        address delegatee;
        uint32 delegatedAt;
        uint32 checkpointSlots;
    }

    mapping(address account => VoteAccount) private _voteAccounts;
    mapping(address account => PackedCheckpoints.History) private _voteHistories;
    PackedCheckpoints.History private _totalVoteHistory;
    uint256 private _totalVoteSlots;

    // ------------------------------------------------------------------ hooks for the pool

    /// @dev Called by the pool right after `user`'s staked shares grew by `shares` (stake).
    function _addVotingShares(address user, uint256 shares) internal virtual {
        if (shares == 0) return;
        uint256 key = _checkpointKey();
        _changeVotes(_holderOf(user), key, shares, true);
        uint256 slots = _totalVoteSlots;
        (uint256 newSlots,,) = _totalVoteHistory.add(slots, key, shares);
        if (newSlots != slots) _totalVoteSlots = newSlots;
    }

    /// @dev Called by the pool right after `user`'s staked shares fell by `shares` (scheduleUnstake).
    function _removeVotingShares(address user, uint256 shares) internal virtual {
        if (shares == 0) return;
        uint256 key = _checkpointKey();
        _changeVotes(_holderOf(user), key, shares, false);
        uint256 slots = _totalVoteSlots;
        (uint256 newSlots,,) = _totalVoteHistory.sub(slots, key, shares);
        if (newSlots != slots) _totalVoteSlots = newSlots;
    }

    /// @dev Implemented by the pool: `user`'s staked shares (not pending unstake).
    function _stakedSharesOf(address user) internal view virtual returns (uint256);

    // ------------------------------------------------------------------ delegation

    /// @inheritdoc IPoolVotes
    function delegate(address delegatee) external virtual {
        address account = msg.sender;
        if (delegatee == account) delegatee = address(0);
        VoteAccount storage voteAccount = _voteAccounts[account];
        address current = voteAccount.delegatee;
        if (delegatee == current) revert DelegateUnchanged(account, current == address(0) ? account : current);
        uint256 changedAt = voteAccount.delegatedAt;
        if (changedAt != 0 && block.timestamp < changedAt + DELEGATION_PERIOD) {
            revert DelegationTooSoon(account, changedAt + DELEGATION_PERIOD);
        }
        if (delegatee != address(0)) {
            address itsDelegatee = _voteAccounts[delegatee].delegatee;
            if (itsDelegatee != address(0)) revert DelegateeIsDelegating(delegatee, itsDelegatee);
        }
        uint256 key = _checkpointKey();
        voteAccount.delegatee = delegatee;
        voteAccount.delegatedAt = uint32(key);

        address from = current == address(0) ? account : current;
        address to = delegatee == address(0) ? account : delegatee;
        emit DelegateChanged(account, from, to);
        uint256 shares = _stakedSharesOf(account);
        if (shares != 0) {
            _changeVotes(from, key, shares, false);
            _changeVotes(to, key, shares, true);
        }
    }

    /// @notice Not supported: reverts with `DelegateBySigUnsupported` (call `delegate` from the account).
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) external pure virtual {
        revert DelegateBySigUnsupported();
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IPoolVotes
    function delegates(address account) external view virtual returns (address) {
        address delegatee = _voteAccounts[account].delegatee;
        return delegatee == address(0) ? account : delegatee;
    }

    /// @inheritdoc IPoolVotes
    function delegationChangeableAt(address account) external view virtual returns (uint256) {
        uint256 changedAt = _voteAccounts[account].delegatedAt;
        return changedAt == 0 ? 0 : changedAt + DELEGATION_PERIOD;
    }

    /// @notice The current voting power of `account`: its staked shares (0 if it delegates) + shares delegated
    /// to it.
    function getVotes(address account) external view virtual returns (uint256) {
        return _voteHistories[account].latest(_voteAccounts[account].checkpointSlots);
    }

    /// @notice The voting power of `account` at the end of second `timepoint`; reverts with
    /// `ERC5805FutureLookup` unless `timepoint < clock()`.
    function getPastVotes(address account, uint256 timepoint) external view virtual returns (uint256) {
        _checkPast(timepoint);
        return _voteHistories[account].upperLookup(_voteAccounts[account].checkpointSlots, timepoint);
    }

    /// @notice The total voting supply (staked shares not pending unstake) at the end of second `timepoint`;
    /// reverts with `ERC5805FutureLookup` unless `timepoint < clock()`.
    function getPastTotalSupply(uint256 timepoint) external view virtual returns (uint256) {
        _checkPast(timepoint);
        return _totalVoteHistory.upperLookup(_totalVoteSlots, timepoint);
    }

    /// @inheritdoc IPoolVotes
    function totalVotingSupply() external view virtual returns (uint256) {
        return _totalVoteHistory.latest(_totalVoteSlots);
    }

    /// @inheritdoc IPoolVotes
    function numCheckpoints(address account) external view virtual returns (uint256) {
        return _voteHistories[account].length(_voteAccounts[account].checkpointSlots);
    }

    /// @inheritdoc IPoolVotes
    function checkpoints(address account, uint256 index) external view virtual returns (uint32, uint96) {
        uint256 count = _voteHistories[account].length(_voteAccounts[account].checkpointSlots);
        if (index >= count) revert CheckpointOutOfRange(account, index, count);
        return _voteHistories[account].at(index);
    }

    /// @inheritdoc IPoolVotes
    function numTotalCheckpoints() external view virtual returns (uint256) {
        return _totalVoteHistory.length(_totalVoteSlots);
    }

    /// @notice The timestamp, as ERC-6372 requires.
    function clock() public view virtual returns (uint48) {
        return SafeCast.toUint48(block.timestamp);
    }

    /// @notice "mode=timestamp": the clock is `block.timestamp`.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external view virtual returns (string memory) {
        return "mode=timestamp";
    }

    // ------------------------------------------------------------------ internals

    /// @dev Who holds `user`'s own votes: its delegate, or itself.
    function _holderOf(address user) private view returns (address) {
        address delegatee = _voteAccounts[user].delegatee;
        return delegatee == address(0) ? user : delegatee;
    }

    /// @dev Adds (`increase`) or subtracts `shares` to `holder`'s voting power at `key`.
    function _changeVotes(address holder, uint256 key, uint256 shares, bool increase) private {
        VoteAccount storage voteAccount = _voteAccounts[holder];
        uint256 slots = voteAccount.checkpointSlots;
        (uint256 newSlots, uint256 oldVotes, uint256 newVotes) =
            increase ? _voteHistories[holder].add(slots, key, shares) : _voteHistories[holder].sub(slots, key, shares);
        if (newSlots != slots) voteAccount.checkpointSlots = uint32(newSlots);
        emit DelegateVotesChanged(holder, oldVotes, newVotes);
    }

    function _checkPast(uint256 timepoint) private view {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
    }

    /// @dev The checkpoint key: the current timestamp, which fits 32 bits until 2106.
    function _checkpointKey() private view returns (uint256) {
        return SafeCast.toUint32(block.timestamp);
    }
}
