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

    function _sync(address user) private {
        if (eraOf[user] == era) return;
        eraOf[user] = era;
        sharesOf[user] = 0;
    }
}
