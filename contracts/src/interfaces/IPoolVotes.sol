// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/// @title IPoolVotes
/// @notice Voting power of the staking pool, readable by an unmodified OpenZeppelin Governor (ERC-5805 votes
/// with an ERC-6372 timestamp clock).
///
/// Rules:
/// - Voting power is counted in pool shares. `getVotes(x)` = x's staked shares (0 if x delegates) + the shares
///   delegated to x. A staker's own shares count with no set-up: there is no self-delegation.
/// - Delegation is one hop: `delegate(to)` reverts if `to` delegates. Shares already delegated to an account stay
///   with it if that account later delegates its own shares; votes never travel two hops.
/// - Delegation (including undelegation) changes at most once per `DELEGATION_PERIOD` (1 week) per account.
/// - Shares pending unstake carry no votes and are not counted in the total voting supply.
/// - `getPastVotes`/`getPastTotalSupply` answer for any timepoint strictly before `clock()`; the current
///   second is still open and reverts, so a snapshot can never be changed after it is taken.
/// - Invariant: the sum of `getVotes` over all accounts equals the total voting supply, at every timepoint.
/// Units: votes are pool shares. Bound: every value fits 96 bits (7.9e28 shares); a change that would exceed it
/// reverts with `PackedCheckpoints.CheckpointValueOverflow`. Timestamps fit 32 bits (until year 2106).
interface IPoolVotes is IERC5805 {
    /// @notice A historical lookup at `timepoint`, which is not before `clock` (the current timestamp).
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);
    /// @notice `account` may change its delegation again only at `allowedAt` (one change per period).
    error DelegationTooSoon(address account, uint256 allowedAt);
    /// @notice `delegatee` delegates its own shares to `itsDelegatee`: delegation is one hop only.
    error DelegateeIsDelegating(address delegatee, address itsDelegatee);
    /// @notice `account` already has `delegatee` as its delegate (its own address when it does not delegate).
    error DelegateUnchanged(address account, address delegatee);
    /// @notice `account` has `count` checkpoints, none at `index`.
    error CheckpointOutOfRange(address account, uint256 index, uint256 count);
    /// @notice Signed delegation is not supported: call `delegate` from the account.
    error DelegateBySigUnsupported();

    /// @notice The minimum time between two delegation changes of one account (1 week, one epoch).
    function DELEGATION_PERIOD() external view returns (uint256);

    /// @notice Delegates the caller's staked shares, present and future, to `delegatee`. `address(0)` or the
    /// caller itself undelegates (the shares count for the caller again). Shares delegated to the caller by
    /// others stay with the caller.
    /// Reverts with `DelegateeIsDelegating` if `delegatee` delegates, `DelegationTooSoon` within
    /// `DELEGATION_PERIOD` of the caller's previous change, `DelegateUnchanged` if nothing would change.
    /// Emits `DelegateChanged` and, when the caller has staked shares, `DelegateVotesChanged` for both sides.
    function delegate(address delegatee) external;

    /// @notice The account that holds `account`'s own votes: its delegate, or `account` itself when it does not
    /// delegate (never `address(0)`).
    function delegates(address account) external view returns (address);

    /// @notice When `account` may next change its delegation (0 if it never delegated).
    function delegationChangeableAt(address account) external view returns (uint256);

    /// @notice The current total voting supply: all staked shares, excluding shares pending unstake.
    function totalVotingSupply() external view returns (uint256);

    /// @notice The number of checkpoints in `account`'s voting power history. The list only grows at its end.
    function numCheckpoints(address account) external view returns (uint256);

    /// @notice The checkpoint at position `index` (0 = oldest) of `account`'s history: from `timepoint` on its
    /// voting power was `votes` (until the next checkpoint). After a wipe-out, the history of an account whose
    /// votes it voided ends with a checkpoint of 0 votes at the wipe-out's time (no `DelegateVotesChanged` is
    /// emitted for it: `ShareEraEnded` voids every account's votes at once).
    function checkpoints(address account, uint256 index) external view returns (uint32 timepoint, uint96 votes);

    /// @notice The number of checkpoints in the total voting supply history.
    function numTotalCheckpoints() external view returns (uint256);
}
