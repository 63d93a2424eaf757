// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolVotes} from "../../src/pool/PoolVotes.sol";

/// @notice A stand-in for the staking pool: tracks staked shares per user and calls the PoolVotes hooks the way
/// the pool does (`stake` grows shares then `_addVotingShares`; `scheduleUnstake` shrinks them then
/// `_removeVotingShares`).
contract PoolVotesHarness is PoolVotes {
    mapping(address user => uint256 shares) public sharesOf;
    /// @dev The era each user's shares belong to (shares of an ended era count 0, as in the pool).
    mapping(address user => uint256 era) public eraOf;
    /// @dev One slot, as in the pool (where the era and the total's slot count are warm in a stake).
    uint16 public era;
    uint32 private _totalSlots;

    /// @dev What the pool keeps for the votes module in each account's reward-lock slot.
    struct VoteHistoryFields {
        uint32 slots;
        uint16 era;
    }

    mapping(address account => VoteHistoryFields) private _voteHistoryFields;

    function stake(address user, uint256 shares) external {
        _sync(user);
        sharesOf[user] += shares;
        _addVotingShares(user, shares);
    }

    /// @dev A wipe-out: every share of the current era becomes void.
    function endEra() external {
        ++era;
        _endVotingEra(era);
    }

    function scheduleUnstake(address user, uint256 shares) external {
        _sync(user);
        sharesOf[user] -= shares;
        _removeVotingShares(user, shares);
    }

    /// @dev The hook alone, to measure its gas (callers keep `sharesOf` in step themselves).
    function addVotingSharesOnly(address user, uint256 shares) external {
        _addVotingShares(user, shares);
    }

    /// @dev Where `account`'s vote-history fields are, for gas tests to warm them as a pool's stake does (they share
    /// its reward-lock slot, written by the stake before the hook).
    function voteHistoryFieldsSlot(address account) external view returns (bytes32 slot) {
        VoteHistoryFields storage fields = _voteHistoryFields[account];
        assembly ("memory-safe") {
            slot := fields.slot
        }
    }

    function setShares(address user, uint256 shares) external {
        sharesOf[user] = shares;
    }

    function _stakedSharesOf(address user) internal view override returns (uint256) {
        return eraOf[user] == era ? sharesOf[user] : 0;
    }

    function _votingEra() internal view override returns (uint256) {
        return era;
    }

    function _loadTotalVoteSlots() internal view override returns (uint256) {
        return _totalSlots;
    }

    function _storeTotalVoteSlots(uint256 slots) internal override {
        _totalSlots = uint32(slots);
    }

    function _loadVoteHistory(address account) internal view override returns (uint256 slots, uint256 era_) {
        VoteHistoryFields storage fields = _voteHistoryFields[account];
        return (fields.slots, fields.era);
    }

    function _storeVoteHistory(address account, uint256 slots, uint256 era_) internal override {
        _voteHistoryFields[account] = VoteHistoryFields({slots: uint32(slots), era: uint16(era_)});
    }

    /// @dev No inline first checkpoint here (the real pool has one): every checkpoint goes to the history, so the
    /// history's own tests and the stand-in invariant keep exercising it from the first checkpoint on.
    function _loadInlineVotes(address) internal pure override returns (uint256, uint256) {
        return (0, 0);
    }

    function _storeInlineVotes(address, uint256) internal pure override {
        revert("no inline checkpoint in the harness");
    }

    function _sync(address user) private {
        if (eraOf[user] == era) return;
        eraOf[user] = era;
        sharesOf[user] = 0;
    }
}
