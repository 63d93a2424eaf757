// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolVotes} from "../../src/pool/PoolVotes.sol";

/// @notice A stand-in for the staking pool: tracks staked shares per user and calls the PoolVotes hooks the way
/// the pool does (`stake` grows shares then `_addVotingShares`; `scheduleUnstake` shrinks them then
/// `_removeVotingShares`).
contract PoolVotesHarness is PoolVotes {
    mapping(address user => uint256 shares) public sharesOf;

    function stake(address user, uint256 shares) external {
        sharesOf[user] += shares;
        _addVotingShares(user, shares);
    }

    function scheduleUnstake(address user, uint256 shares) external {
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
        return sharesOf[user];
    }
}
