// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IPoolVotes} from "../interfaces/IPoolVotes.sol";
import {PackedCheckpoints} from "../libraries/PackedCheckpoints.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title PoolVotes
/// @notice Voting power of the staking pool (ERC-5805 + ERC-6372, timestamp clock), see `IPoolVotes`.
/// @dev The pool inherits this module and calls its hooks: `_addVotingShares(user, shares)` right after `user`'s
/// staked shares grew, `_removeVotingShares(user, shares)` right after they fell (shares scheduled for unstake),
/// `_endVotingEra(newEra)` when a wipe-out ends a share era; it implements `_stakedSharesOf(user)` (0 for shares
/// of an ended era), `_votingEra()` and the storage of two counters, each kept in a slot the pool writes in every
/// stake anyway: the total history's slot count, and each account's history slot count with the era of its latest
/// checkpoint (`_loadVoteHistory`, `_storeVoteHistory`). Votes move to whoever holds `user`'s votes (the user or its
/// delegate).
///
/// Storage, per account: one slot `{delegatee, delegatedAt}` and a history of the account's total voting power,
/// two checkpoints per slot (`PackedCheckpoints`), seeded by the slot after it; its slot count and era are the
/// pool's to keep, and its first checkpoint too while it is the only one (inline, in the pool's account slot:
/// `_loadInlineVotes`), so an account's first stake starts no slot of this module. A stake of an account that does
/// not delegate reads its delegation slot, its counters and its newest history slot, then either fills the free
/// half of that slot or starts a fresh one and counts it; then the same for the total. A delegation moves the
/// delegator's staked shares from the old holder to the new one; shares delegated to the delegator stay where they
/// are. A first delegation starts the delegator's slot (a first stake does not); a delegator whose only checkpoint
/// is inline keeps it there, its delegation time standing for the zero after it, until its shares or its
/// delegation change.
///
/// Share eras: a wipe-out voids every share of the era at once, and so every vote, with no per-account work.
/// `_endVotingEra` records the era's start time and a zero total checkpoint. An account's history stays as it
/// was ("stale") until its next change; its `era` says which era its latest checkpoint belongs to, so reads
/// count a stale history as 0 from the end of its era on, and its next change first records 0 at that end time
/// (a marker that keeps later lookups of the account exact) before adding to 0.
abstract contract PoolVotes is IPoolVotes {
    using PackedCheckpoints for PackedCheckpoints.History;

    /// @inheritdoc IPoolVotes
    uint256 public constant DELEGATION_PERIOD = 1 weeks;

    /// @dev `delegatee` is `address(0)` when the account does not delegate; `delegatedAt` is the time of its
    /// last delegation change (0 if none). `history` (the slot after, never written: it seeds the history's storage
    /// region) saves a mapping hash per access over a mapping of its own; its slot count and the share era of its
    /// latest checkpoint are kept by the pool (`_loadVoteHistory`). Read fields through a storage pointer: a copy
    /// to memory would read `history`'s slot too.
    struct VoteAccount {
        address delegatee;
        uint32 delegatedAt;
        PackedCheckpoints.History history;
    }

    mapping(address account => VoteAccount) private _voteAccounts;
    PackedCheckpoints.History private _totalVoteHistory;
    /// @dev When each share era after the first started (the time of the wipe-out that ended the one before).
    mapping(uint256 era => uint256 startedAt) private _eraStartedAt;

    // ------------------------------------------------------------------ hooks for the pool

    /// @dev Called by the pool right after `user`'s staked shares grew by `shares` (stake).
    function _addVotingShares(address user, uint256 shares) internal virtual {
        if (shares == 0) return;
        uint256 key = _checkpointKey();
        address holder = _holderOf(user);
        if (holder != user) _spillDelegatorVotes(user, shares, true);
        _changeVotes(holder, key, shares, true, _votingEra(), holder == user);
        uint256 slots = _loadTotalVoteSlots();
        (uint256 newSlots,,) = _totalVoteHistory.add(slots, key, shares);
        if (newSlots != slots) _storeTotalVoteSlots(newSlots);
    }

    /// @dev Called by the pool right after `user`'s staked shares fell by `shares` (scheduleUnstake).
    function _removeVotingShares(address user, uint256 shares) internal virtual {
        if (shares == 0) return;
        uint256 key = _checkpointKey();
        address holder = _holderOf(user);
        if (holder != user) _spillDelegatorVotes(user, shares, false);
        _changeVotes(holder, key, shares, false, _votingEra(), holder == user);
        uint256 slots = _loadTotalVoteSlots();
        (uint256 newSlots,,) = _totalVoteHistory.sub(slots, key, shares);
        if (newSlots != slots) _storeTotalVoteSlots(newSlots);
    }

    /// @dev Called by the pool when a wipe-out starts share era `newEra` (the pool's era is already `newEra`):
    /// every vote of the ended era is void from now on, and the total voting supply is 0.
    function _endVotingEra(uint256 newEra) internal virtual {
        _eraStartedAt[newEra] = block.timestamp;
        uint256 slots = _loadTotalVoteSlots();
        uint256 total = _totalVoteHistory.latest(slots);
        if (total != 0) {
            (uint256 newSlots,,) = _totalVoteHistory.sub(slots, _checkpointKey(), total);
            if (newSlots != slots) _storeTotalVoteSlots(newSlots);
        }
    }

    /// @dev Implemented by the pool: `user`'s staked shares of the current era (not pending unstake).
    function _stakedSharesOf(address user) internal view virtual returns (uint256);

    /// @dev Implemented by the pool: the current share era.
    function _votingEra() internal view virtual returns (uint256);

    /// @dev Implemented by the pool: the number of storage slots of the total voting supply history.
    function _loadTotalVoteSlots() internal view virtual returns (uint256);

    /// @dev Implemented by the pool: stores the number of storage slots of the total voting supply history.
    function _storeTotalVoteSlots(uint256 slots) internal virtual;

    /// @dev Implemented by the pool: the number of storage slots of `account`'s voting power history and the share
    /// era of its latest checkpoint (both 0 for an account without a history).
    function _loadVoteHistory(address account) internal view virtual returns (uint256 slots, uint256 era);

    /// @dev Implemented by the pool: stores them (`slots` below 2^32, `era` below 2^16).
    function _storeVoteHistory(address account, uint256 slots, uint256 era) internal virtual;

    /// @dev Implemented by the pool: the time `key` of `account`'s inline first checkpoint (0 if none; meaningful
    /// only while its history has no slot) and `value`, the account's stored staked shares whatever their era. While
    /// `_loadVoteHistory` counts 0 slots and `key != 0`, the account's whole vote history is the one checkpoint
    /// `(key, value)`, of era `_loadVoteHistory`'s era, followed by `(delegatedAt, 0)` if the account delegates. The
    /// pool keeps that true: its shares change only in a stake or a schedule (which call the hooks right after) or
    /// when an era sync voids them (which first writes the checkpoint to the history, `_spillInlineVotes`). A pool
    /// that returns `(0, 0)` never uses it.
    function _loadInlineVotes(address account) internal view virtual returns (uint256 key, uint256 value);

    /// @dev Implemented by the pool: sets the time of `account`'s inline first checkpoint (below 2^32).
    function _storeInlineVotes(address account, uint256 key) internal virtual;

    /// @dev Writes `account`'s inline checkpoint `(key, value)` to the first slot of its history and, if the account
    /// delegates, the zero its delegation stands for at `delegatedAt` (an inline account that delegates has had no
    /// votes since then: see `delegate`), so the history says what the inline form said. Returns the slot count (1),
    /// which the caller stores (the pool, before an era sync voids the shares that are `value`, keeps it in memory).
    function _spillInlineVotes(address account, uint256 key, uint256 value) internal returns (uint256 slots) {
        VoteAccount storage voteAccount = _voteAccounts[account];
        voteAccount.history.first(key, value);
        slots = 1;
        if (voteAccount.delegatee != address(0)) {
            (slots,,) = voteAccount.history.sub(slots, voteAccount.delegatedAt, value);
        }
    }

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
        uint256 era = _votingEra();
        // An account whose history is its inline checkpoint alone and that starts delegating keeps it inline: from
        // now on its votes are 0, which `delegatedAt` records (its stored shares stay the checkpoint's value: a change
        // of them while it delegates writes both to the history first, `_spillDelegatorVotes`). Only from a
        // checkpoint of the current era and of an earlier second; else, and before any other change of delegation
        // (which overwrites `delegatedAt`), the inline checkpoint goes to the history.
        bool keepInline;
        (uint256 slots, uint256 accountEra) = _loadVoteHistory(account);
        if (slots == 0) {
            (uint256 inlineKey, uint256 stored) = _loadInlineVotes(account);
            if (inlineKey != 0) {
                keepInline = current == address(0) && inlineKey != key && accountEra == era;
                if (!keepInline) _storeVoteHistory(account, _spillInlineVotes(account, inlineKey, stored), accountEra);
            }
        }
        voteAccount.delegatee = delegatee;
        voteAccount.delegatedAt = uint32(key);

        address from = current == address(0) ? account : current;
        address to = delegatee == address(0) ? account : delegatee;
        emit DelegateChanged(account, from, to);
        uint256 shares = _stakedSharesOf(account);
        if (shares != 0) {
            if (keepInline) emit DelegateVotesChanged(account, shares, 0);
            else _changeVotes(from, key, shares, false, era, false);
            _changeVotes(to, key, shares, true, era, false);
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
    /// to it, of the current share era.
    function getVotes(address account) external view virtual returns (uint256) {
        (uint256 slots, uint256 era) = _loadVoteHistory(account);
        if (era != _votingEra()) return 0;
        if (slots == 0) {
            (uint256 inlineKey, uint256 value) = _loadInlineVotes(account);
            return inlineKey == 0 || _voteAccounts[account].delegatee != address(0) ? 0 : value;
        }
        return _voteAccounts[account].history.latest(slots);
    }

    /// @notice The voting power of `account` at the end of second `timepoint`; reverts with
    /// `ERC5805FutureLookup` unless `timepoint < clock()`.
    /// @dev Only the latest checkpoint can have expired (its era ended before `timepoint`): any earlier one was
    /// followed by a change of the account, which first recorded 0 at the end of that checkpoint's era if it had
    /// ended (`_changeVotes`), so it holds until the next checkpoint. So the era is checked only when the answer is
    /// the latest checkpoint and not 0; `_eraStartedAt[era + 1]` is 0 while `era` is the current one.
    function getPastVotes(address account, uint256 timepoint) external view virtual returns (uint256) {
        _checkPast(timepoint);
        (uint256 slots, uint256 era) = _loadVoteHistory(account);
        uint256 votes;
        bool isLatest;
        if (slots == 0) {
            // At most the inline checkpoint: its value from its time on, until the account delegated if it does.
            (uint256 inlineKey, uint256 value) = _loadInlineVotes(account);
            if (inlineKey != 0 && inlineKey <= timepoint) {
                VoteAccount storage voteAccount = _voteAccounts[account];
                if (voteAccount.delegatee == address(0)) (votes, isLatest) = (value, true);
                else if (timepoint < voteAccount.delegatedAt) votes = value;
            }
        } else {
            (votes, isLatest) = _voteAccounts[account].history.upperLookupWithLatest(slots, timepoint);
        }
        if (isLatest && votes != 0) {
            uint256 eraEndedAt = _eraStartedAt[era + 1];
            if (eraEndedAt != 0 && eraEndedAt <= timepoint) return 0;
        }
        return votes;
    }

    /// @notice The total voting supply (staked shares not pending unstake) at the end of second `timepoint`;
    /// reverts with `ERC5805FutureLookup` unless `timepoint < clock()`.
    function getPastTotalSupply(uint256 timepoint) external view virtual returns (uint256) {
        _checkPast(timepoint);
        return _totalVoteHistory.upperLookup(_loadTotalVoteSlots(), timepoint);
    }

    /// @inheritdoc IPoolVotes
    function totalVotingSupply() external view virtual returns (uint256) {
        return _totalVotingShares();
    }

    /// @dev Every share that votes now: all shares but pending and dead ones.
    function _totalVotingShares() internal view returns (uint256) {
        return _totalVoteHistory.latest(_loadTotalVoteSlots());
    }

    /// @inheritdoc IPoolVotes
    function numCheckpoints(address account) external view virtual returns (uint256) {
        (uint256 count,, bool marked) = _checkpointList(account);
        return marked ? count + 1 : count;
    }

    /// @inheritdoc IPoolVotes
    function checkpoints(address account, uint256 index) external view virtual returns (uint32, uint96) {
        (uint256 count, uint256 markerKey, bool marked) = _checkpointList(account);
        uint256 listed = marked ? count + 1 : count;
        if (index >= listed) revert CheckpointOutOfRange(account, index, listed);
        if (marked && index == count) return (uint32(markerKey), 0);
        (uint256 slots,) = _loadVoteHistory(account);
        if (slots == 0) {
            // The inline checkpoint, then the zero of its delegation if it delegates.
            (uint256 inlineKey, uint256 value) = _loadInlineVotes(account);
            if (index == 0) return (uint32(inlineKey), uint96(value));
            return (_voteAccounts[account].delegatedAt, 0);
        }
        return _voteAccounts[account].history.at(index);
    }

    /// @dev The checkpoint list of `account` as its next change will leave it: the `count` stored checkpoints
    /// that stay as they are, then, for a history stale since a wipe-out, the zero marker at `markerKey` that the
    /// change records (`marked`; it replaces a stored checkpoint of that same second), so that the list only ever
    /// grows at its end and agrees with `getPastVotes`.
    function _checkpointList(address account) private view returns (uint256 count, uint256 markerKey, bool marked) {
        (uint256 slots, uint256 era) = _loadVoteHistory(account);
        PackedCheckpoints.History storage history = _voteAccounts[account].history;
        uint256 latestValue;
        uint256 lastKey;
        if (slots == 0) {
            (uint256 inlineKey, uint256 value) = _loadInlineVotes(account);
            if (inlineKey != 0) {
                VoteAccount storage voteAccount = _voteAccounts[account];
                if (voteAccount.delegatee == address(0)) (count, latestValue, lastKey) = (1, value, inlineKey);
                else (count, latestValue, lastKey) = (2, 0, voteAccount.delegatedAt);
            }
        } else {
            count = history.length(slots);
            latestValue = history.latest(slots);
            (lastKey,) = history.at(count - 1);
        }
        if (count == 0 || era == _votingEra() || latestValue == 0) return (count, 0, false);
        markerKey = _eraStartedAt[era + 1];
        if (lastKey == markerKey) --count;
        return (count, markerKey, true);
    }

    /// @inheritdoc IPoolVotes
    function numTotalCheckpoints() external view virtual returns (uint256) {
        return _totalVoteHistory.length(_loadTotalVoteSlots());
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

    /// @dev Adds (`increase`) or subtracts `shares` to `holder`'s voting power at `key`, in share era `era`.
    /// `ownShares`: the change is of `holder`'s own staked shares, which the pool has already written (a stake or a
    /// schedule of a holder that does not delegate).
    /// Inline first checkpoint: a holder with no checkpoint whose votes become exactly its own stored shares keeps
    /// its checkpoint in the pool's account slot (`_storeInlineVotes`) and starts no history slot; a change of its own
    /// shares in the same second keeps it there (the value follows the shares); any other change (a later second,
    /// votes delegated to it) first writes it to the history, then proceeds as usual (the two checkpoints then share
    /// the history's first slot, with the zero of its delegation if the holder delegates its own shares: an inline
    /// delegator whose delegators had no shares staked when it delegated).
    function _changeVotes(address holder, uint256 key, uint256 shares, bool increase, uint256 era, bool ownShares)
        private
    {
        PackedCheckpoints.History storage history = _voteAccounts[holder].history;
        (uint256 slots, uint256 holderEra) = _loadVoteHistory(holder);
        uint256 slotsBefore = slots;
        if (slots == 0) {
            (uint256 inlineKey, uint256 stored) = _loadInlineVotes(holder);
            if (inlineKey == 0) {
                // No checkpoint yet (stale eras included: none to void). `stored == shares`: the holder had no
                // shares before, so its votes after are exactly its stored shares.
                if (ownShares && increase && stored == shares) {
                    _storeInlineVotes(holder, key);
                    if (holderEra != era) _storeVoteHistory(holder, 0, era);
                    emit DelegateVotesChanged(holder, 0, shares);
                    return;
                }
            } else {
                // The inline checkpoint's value before this change (the pool wrote own shares already).
                uint256 before = ownShares ? (increase ? stored - shares : stored + shares) : stored;
                // An own change syncs the holder's era first, which writes a stale inline checkpoint to the history
                // (then `slots` is 1): here `holderEra == era`.
                if (ownShares && inlineKey == key) {
                    emit DelegateVotesChanged(holder, before, stored);
                    return;
                }
                // A holder may delegate its own shares (it keeps the votes delegated to it): then the zero of its
                // delegation follows the checkpoint.
                slots = _spillInlineVotes(holder, inlineKey, before);
            }
        }
        if (holderEra != era) {
            // A stale history: its votes became 0 when its era ended; record that, then count from 0.
            uint256 stale = history.latest(slots);
            if (stale != 0) (slots,,) = history.sub(slots, _eraStartedAt[holderEra + 1], stale);
        }
        (uint256 newSlots, uint256 oldVotes, uint256 newVotes) =
            increase ? history.add(slots, key, shares) : history.sub(slots, key, shares);
        if (newSlots != slotsBefore || holderEra != era) _storeVoteHistory(holder, newSlots, era);
        emit DelegateVotesChanged(holder, oldVotes, newVotes);
    }

    /// @dev Before `shares` of delegating `user`'s own shares are added (`increase`) or removed (the pool wrote them
    /// already): if its history is still its inline checkpoint (and its delegation's zero), whose value is its stored
    /// shares, writes both to the history with the value they had.
    function _spillDelegatorVotes(address user, uint256 shares, bool increase) private {
        (uint256 slots, uint256 era) = _loadVoteHistory(user);
        if (slots != 0) return;
        (uint256 inlineKey, uint256 stored) = _loadInlineVotes(user);
        if (inlineKey == 0) return;
        _storeVoteHistory(user, _spillInlineVotes(user, inlineKey, increase ? stored - shares : stored + shares), era);
    }

    /// @dev Compares with `block.timestamp` directly (what `clock()` returns), which saves `clock()`'s call and cast
    /// on the lookup path.
    function _checkPast(uint256 timepoint) private view {
        if (timepoint >= block.timestamp) revert ERC5805FutureLookup(timepoint, clock());
    }

    /// @dev The checkpoint key: the current timestamp, which fits 32 bits until 2106.
    function _checkpointKey() private view returns (uint256) {
        return SafeCast.toUint32(block.timestamp);
    }
}
