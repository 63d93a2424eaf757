// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IStakingPool
/// @notice The collateral of Insurance Pool. Stakers deposit the pool token, stake it for shares, earn
/// rewards and premiums, vote with their shares, and pay claims pro rata: a payout lowers `totalStake`
/// and leaves every share alone, so each staker (and each pending unstake) loses the same fraction.
/// @dev Units: `amount`s are pool-token base units; `shares` are pool shares. All accounting is internal:
/// the pool never reads its own token balance to price shares.
/// Warning: the primary agent (the DAO's primary Timelock) can authorize claims managers, and an authorized
/// claims manager can pay out the whole stake. Everything the DAO can change is listed under "Governance".
interface IStakingPool {
    // ------------------------------------------------------------------ types

    /// @notice A scheduled unstake. Its shares have left the staker's balance (no votes, no rewards) but
    /// still back claims until `unstake` executes: it pays `min(amount, shares * price)`.
    struct PendingUnstake {
        uint256 shares;
        uint256 amount;
        uint256 maturesAt;
    }

    // ----------------------------------------------------------------- errors

    /// @notice `amount` or `shares` was zero.
    error ZeroAmount();
    /// @notice The address argument was the zero address.
    error ZeroAddress();
    /// @notice `amount` exceeds what `user` has deposited and not staked (`available`).
    error InsufficientUnstaked(address user, uint256 amount, uint256 available);
    /// @notice `amount` exceeds what `user` may withdraw now: deposited minus locked rewards and unvested tokens.
    error InsufficientWithdrawable(address user, uint256 amount, uint256 withdrawable);
    /// @notice `shares` exceeds the staked shares of `user` (`available`).
    error InsufficientShares(address user, uint256 shares, uint256 available);
    /// @notice `user` already has a pending unstake; execute it first.
    error UnstakeAlreadyPending(address user, uint256 maturesAt);
    /// @notice `user` has no pending unstake.
    error NoPendingUnstake(address user);
    /// @notice The pending unstake of `user` matures at `maturesAt`, after `now`.
    error UnstakeNotMature(address user, uint256 maturesAt, uint256 now);
    /// @notice The caller is not an authorized claims manager.
    error UnauthorizedClaimsManager(address caller);
    /// @notice The caller is not `expected` (the agent or manager that holds this power).
    error Unauthorized(address caller, address expected);
    /// @notice A payout of `amount` exceeds the total stake `totalStake`.
    error PayoutExceedsStake(uint256 amount, uint256 totalStake);
    /// @notice `value` is outside the hard bounds [`min`, `max`] of this parameter.
    error ParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice A stake would mint zero shares (the amount is below the price of one share).
    error ZeroSharesMinted(uint256 amount);

    // ----------------------------------------------------------------- events

    event Deposited(address indexed user, uint256 amount, uint256 userUnstaked);
    event Withdrawn(address indexed user, address indexed recipient, uint256 amount, uint256 userUnstaked);
    event Staked(
        address indexed user, uint256 amount, uint256 mintedShares, uint256 userShares, uint256 totalShares, uint256 totalStake
    );
    event UnstakeScheduled(
        address indexed user, uint256 amount, uint256 shares, uint256 maturesAt, uint256 totalShares, uint256 totalStake
    );
    event Unstaked(
        address indexed user, address indexed caller, uint256 amount, uint256 shares, uint256 totalShares, uint256 totalStake
    );
    event PaidOutClaim(address indexed claimsManager, address indexed recipient, uint256 amount, uint256 totalStake);
    event ClaimsManagerSet(address indexed claimsManager, bool authorized);
    event UnstakeWaitPeriodSet(uint256 unstakeWaitPeriod);

    // ---------------------------------------------------------------- staking

    /// @notice The pool token.
    function token() external view returns (IERC20);

    /// @notice Pulls `amount` tokens from the caller into the caller's unstaked balance.
    function deposit(uint256 amount) external;

    /// @notice Sends `amount` of the caller's unstaked, unlocked, vested tokens to `recipient`.
    function withdraw(address recipient, uint256 amount) external;

    /// @notice Stakes `amount` of the caller's unstaked tokens; mints `amount * totalShares / totalStake`
    /// shares, rounded down (against the caller).
    /// @return shares The shares minted.
    function stake(uint256 amount) external returns (uint256 shares);

    /// @notice `deposit` then `stake` in one call.
    function depositAndStake(uint256 amount) external returns (uint256 shares);

    /// @notice Takes `shares` off the caller's balance at once (no votes, no rewards) and schedules their
    /// value, `shares * totalStake / totalShares` rounded down, for `unstake` after `unstakeWaitPeriod`.
    /// The amount stays slashable until then. One pending unstake per user.
    /// @return amount The token amount scheduled (an upper bound on what `unstake` pays).
    function scheduleUnstake(uint256 shares) external returns (uint256 amount);

    /// @notice Executes the matured pending unstake of `user` (anyone may call): credits
    /// `min(amount, shares * totalStake / totalShares)` to the user's unstaked balance.
    /// @return amount The amount credited.
    function unstake(address user) external returns (uint256 amount);

    /// @notice Executes the caller's matured unstake and withdraws everything withdrawable to `recipient`.
    function unstakeAndWithdraw(address recipient) external returns (uint256 amount);

    // ---------------------------------------------------------------- rewards

    /// @notice Pulls `amount` tokens from the caller and streams them to stakers like minted rewards
    /// (premiums and forfeited claimant bonds arrive this way). Anyone may call.
    function addRewards(uint256 amount) external;

    // ----------------------------------------------------------------- claims

    /// @notice Sends `amount` from the stake to `recipient`; only authorized claims managers. Lowers
    /// `totalStake`, leaves shares alone: all stakers and pending unstakes lose pro rata, O(1).
    /// Warning: a payout of the whole stake leaves share price 0 for the old shares; the pool then
    /// restarts from an empty state (see the contracts' README).
    function payOutClaim(address recipient, uint256 amount) external;

    // ------------------------------------------------------------------ views

    /// @notice Tokens backing all shares, including shares pending unstake.
    function totalStake() external view returns (uint256);

    /// @notice All shares, including shares pending unstake.
    function totalShares() external view returns (uint256);

    /// @notice Deposited and not staked tokens of `user` (including locked and unvested ones).
    function unstakedOf(address user) external view returns (uint256);

    /// @notice Staked shares of `user` (not counting a pending unstake).
    function sharesOf(address user) external view returns (uint256);

    /// @notice Value of `user`'s staked shares in tokens, rounded down.
    function stakeOf(address user) external view returns (uint256);

    /// @notice The pending unstake of `user` (all zero when none).
    function pendingUnstakeOf(address user) external view returns (PendingUnstake memory);

    /// @notice What `user` could withdraw now.
    function withdrawableOf(address user) external view returns (uint256);

    /// @notice Converts tokens to shares at the current price, rounded down.
    function convertToShares(uint256 amount) external view returns (uint256);

    /// @notice Converts shares to tokens at the current price, rounded down.
    function convertToAssets(uint256 shares) external view returns (uint256);

    // ------------------------------------------------------------- governance

    /// @notice Whether `claimsManager` may call `payOutClaim`.
    function isClaimsManager(address claimsManager) external view returns (bool);

    /// @notice The wait between `scheduleUnstake` and `unstake`; at least `MIN_UNSTAKE_WAIT_PERIOD` (1 week).
    function unstakeWaitPeriod() external view returns (uint256);

    /// @notice Authorizes or deauthorizes a claims manager. Only the primary agent.
    function setClaimsManager(address claimsManager, bool authorized) external;

    /// @notice Sets the unstake wait period within [1 week, 52 weeks]. Only the primary agent.
    function setUnstakeWaitPeriod(uint256 unstakeWaitPeriod) external;
}
