// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @title PoolVotes
/// @notice Voting power of the staking pool (ERC-5805 + ERC-6372). STUB: the votes helper replaces the
/// bodies; the hook API below is the contract between the pool and this module.
abstract contract PoolVotes {
    /// @dev Called by the pool right after `user`'s staked shares grew by `shares` (stake).
    function _addVotingShares(address user, uint256 shares) internal virtual {}

    /// @dev Called by the pool right after `user`'s staked shares fell by `shares` (scheduleUnstake).
    function _removeVotingShares(address user, uint256 shares) internal virtual {}

    /// @dev Implemented by the pool: `user`'s staked shares (not pending unstake).
    function _stakedSharesOf(address user) internal view virtual returns (uint256);
}
