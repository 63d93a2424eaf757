// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IStakingPool
/// @notice The collateral of Insurance Pool. Stakers deposit the pool token, stake it for shares, earn
/// rewards and premiums, vote with their shares, and pay claims pro rata: a payout lowers `totalStake`
/// and leaves every share alone, so each staker (and each pending unstake) loses the same fraction.
/// @dev Units: `amount`s are pool-token base units; `shares` are pool shares; percentages use
/// `HUNDRED_PERCENT` (1e8 = 100%). Time is `block.timestamp`; epoch `e` is `[e * 1 weeks, (e + 1) * 1 weeks)`.
/// All accounting is internal: the pool never reads its own token balance to price shares.
///
/// Share price: `(totalStake + 1) / (totalShares + 1)` (one virtual share and one virtual token unit make
/// a first-depositor inflation unprofitable). Staking rounds shares down; share value rounds down. The first
/// stake of a share era pays for 1000 dead shares (`DEAD_SHARES`), so `totalShares` never returns to 0.
///
/// Rewards: at the first state-changing call of an epoch (or `accrue()`), the pool mints
/// `totalStake * apr * (epochEnd - now) / (365 days * HUNDRED_PERCENT)` to itself and streams it into
/// `totalStake` linearly until the epoch's end; every share-price change first releases what has streamed so
/// far. An epoch without any interaction mints nothing. `apr` moves once per minted epoch by
/// `aprUpdateStep` toward the stake target (up below it, down at or above it), clipped to [`minApr`, `maxApr`].
/// If the mint fails (the pool lost the mint right), the reward is 0 and everything else works.
///
/// Reward locks: rewards earned in the current epoch and the 51 before it cannot be withdrawn. They are
/// valued at what they were worth when earned, shrunk by every payout since, and never exceed the
/// user's balance (`unstakedOf + stakeOf`). Cost is constant: no loop over epochs or over the user's history.
///
/// Wipe-out: a payout that leaves `totalStake == 0`, or a share price below `MIN_SHARE_PRICE_INVERSE`^-1
/// (0.01 token units per share, a loss of over 99% from the era's first price of 1), ends the share era: every
/// existing share, pending unstake and reward lock is void; whatever stake remained streams to the next stakers,
/// and the next stake starts a fresh pool at price 1.
///
/// Warning: the primary agent (the DAO's primary Timelock) can authorize claims managers, and an authorized
/// claims manager can pay out the whole stake. Both agents can replace themselves. Everything they can change
/// is listed under "Governance", each within hard-coded bounds.
interface IStakingPool {
    // ------------------------------------------------------------------ types

    /// @notice A scheduled unstake. Its shares have left the staker's balance (no votes, no rewards) but
    /// still back claims until `unstake` executes: it pays `min(amount, shares * price)`.
    struct PendingUnstake {
        uint256 shares;
        uint256 amount;
        uint256 maturesAt;
    }

    /// @notice A vesting deposit: `amount` vests linearly from `start` to `end`.
    struct VestingSchedule {
        uint256 amount;
        uint256 start;
        uint256 end;
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
    /// @notice `user` still has a vesting schedule that ends at `end`.
    error VestingActive(address user, uint256 end);
    /// @notice A vesting schedule must end after it starts and after now.
    error InvalidVestingSchedule(uint256 start, uint256 end, uint256 now);
    /// @notice The reward mint ran out of gas (`gasLeft` after the call): retry with more gas. Prevents
    /// anyone from skipping an epoch's reward by starting the epoch with too little gas.
    error RewardMintOutOfGas(uint256 gasLeft);

    // ----------------------------------------------------------------- events

    /// @notice `user` deposited `amount`; `userUnstaked` is its unstaked balance after.
    event Deposited(address indexed user, uint256 amount, uint256 userUnstaked);
    /// @notice `vestingManager` deposited `amount` for `user`, vesting from `start` to `end`.
    event VestingDeposited(
        address indexed user,
        address indexed vestingManager,
        uint256 amount,
        uint256 start,
        uint256 end,
        uint256 userUnstaked
    );
    /// @notice `user` withdrew `amount` to `recipient`; `userUnstaked` is its unstaked balance after.
    event Withdrawn(address indexed user, address indexed recipient, uint256 amount, uint256 userUnstaked);
    /// @notice `user` staked `amount` for `mintedShares`; balances and pool totals after.
    event Staked(
        address indexed user,
        uint256 amount,
        uint256 mintedShares,
        uint256 userShares,
        uint256 userUnstaked,
        uint256 totalShares,
        uint256 totalStake
    );
    /// @notice `user` scheduled `shares` worth `amount` for unstake at `maturesAt`; pool totals after.
    event UnstakeScheduled(
        address indexed user,
        uint256 amount,
        uint256 shares,
        uint256 maturesAt,
        uint256 userShares,
        uint256 totalShares,
        uint256 totalStake
    );
    /// @notice `caller` executed `user`'s unstake of `shares`, crediting `amount`; pool totals after.
    event Unstaked(
        address indexed user,
        address indexed caller,
        uint256 amount,
        uint256 shares,
        uint256 userUnstaked,
        uint256 totalShares,
        uint256 totalStake
    );
    /// @notice `claimsManager` paid `amount` from the stake to `recipient`; `totalStake` after.
    event PaidOutClaim(address indexed claimsManager, address indexed recipient, uint256 amount, uint256 totalStake);
    /// @notice The share era `era` ended (wipe-out): all its shares are void. `forfeitedStake` streams to the next
    /// stakers.
    event ShareEraEnded(uint256 indexed era, uint256 voidedShares, uint256 forfeitedStake);
    /// @notice Epoch `epoch` started: `apr` is its rate, `reward` was minted (0 if the mint failed) and streams until
    /// the epoch's end along with `streamRemaining - reward` carried over; `totalStake` at the time.
    event EpochStarted(uint256 indexed epoch, uint256 apr, uint256 reward, uint256 streamRemaining, uint256 totalStake);
    /// @notice The mint of `amount` for `epoch` failed: the pool has no mint right; the reward is 0.
    event RewardMintFailed(uint256 indexed epoch, uint256 amount);
    /// @notice `from` added `amount` to the reward stream (premiums, forfeited bonds).
    event RewardsAdded(address indexed from, uint256 amount, uint256 streamRemaining);
    event ClaimsManagerSet(address indexed claimsManager, bool authorized);
    event UnstakeWaitPeriodSet(uint256 unstakeWaitPeriod);
    event VestingManagerSet(address indexed vestingManager);
    event PrimaryAgentSet(address indexed primaryAgent);
    event SecondaryAgentSet(address indexed secondaryAgent);
    event MinAprSet(uint256 minApr);
    event MaxAprSet(uint256 maxApr);
    event AprUpdateStepSet(uint256 aprUpdateStep);
    event StakeTargetSet(uint256 stakeTarget);

    // ---------------------------------------------------------------- staking

    /// @notice The pool token.
    function token() external view returns (IERC20);

    /// @notice Pulls `amount` tokens from the caller into the caller's unstaked balance.
    /// Reverts with `ZeroAmount`. Does not start a new epoch (no share-price change).
    function deposit(uint256 amount) external;

    /// @notice Sends `amount` of the caller's unstaked tokens to `recipient`, provided the caller keeps enough to
    /// cover its locked rewards and unvested tokens: `amount <= unstakedOf` and
    /// `unstakedOf + stakeOf + pendingUnstakeOf.amount - lockedRewardsOf - unvestedOf >= amount` (a pending unstake
    /// covers them too: it can only come back as unstaked tokens, and payouts shrink it as they shrink locks).
    /// Reverts with `ZeroAmount`, `ZeroAddress`, `InsufficientUnstaked`, `InsufficientWithdrawable`.
    function withdraw(address recipient, uint256 amount) external;

    /// @notice Stakes `amount` of the caller's unstaked tokens (vesting ones included); mints
    /// `amount * (totalShares + 1) / (totalStake + 1)` shares, rounded down (against the caller).
    /// Reverts with `ZeroAmount`, `InsufficientUnstaked`, `ZeroSharesMinted`.
    /// @return shares The shares minted.
    function stake(uint256 amount) external returns (uint256 shares);

    /// @notice `deposit` then `stake` in one call.
    function depositAndStake(uint256 amount) external returns (uint256 shares);

    /// @notice Takes `shares` off the caller's balance at once (no votes, no rewards) and schedules their
    /// value, `shares * price` rounded down (rewards accrued up to now included), for `unstake` after `unstakeWaitPeriod`.
    /// The amount stays slashable until then. One pending unstake per user.
    /// Reverts with `ZeroAmount`, `InsufficientShares`, `UnstakeAlreadyPending`.
    /// @return amount The token amount scheduled (an upper bound on what `unstake` pays).
    function scheduleUnstake(uint256 shares) external returns (uint256 amount);

    /// @notice Executes the matured pending unstake of `user` (anyone may call): credits
    /// `min(amount, shares * price)` to the user's unstaked balance (0 if its share era ended). What the shares
    /// earned while pending goes back to the stakers through the reward stream.
    /// Reverts with `NoPendingUnstake`, `UnstakeNotMature`.
    /// @return amount The amount credited.
    function unstake(address user) external returns (uint256 amount);

    /// @notice Executes the caller's pending unstake if it has matured, then withdraws everything withdrawable
    /// to `recipient` (possibly nothing, after an unstake whose tokens are all locked or unvested). Reverts with
    /// `ZeroAddress`, `ZeroAmount` (no matured unstake and nothing withdrawable).
    /// @return amount The amount withdrawn.
    function unstakeAndWithdraw(address recipient) external returns (uint256 amount);

    /// @notice Vesting manager only: pulls `amount` from the caller and credits it to `user`'s unstaked balance,
    /// vesting linearly from `start` to `end` (all unvested before `start`). `user` may stake it at once but
    /// withdraw only what has vested. One schedule per user at a time.
    /// Reverts with `Unauthorized`, `ZeroAmount`, `ZeroAddress`, `InvalidVestingSchedule`, `VestingActive`.
    function depositWithVesting(address user, uint256 amount, uint256 start, uint256 end) external;

    // ---------------------------------------------------------------- rewards

    /// @notice Pulls `amount` tokens from the caller and streams them to stakers like minted rewards, until the
    /// current epoch's end (premiums and forfeited claimant bonds arrive this way). Anyone may call.
    /// Rewards that arrive while nobody is staked wait, then stream to the next stakers.
    function addRewards(uint256 amount) external;

    /// @notice Releases streamed rewards and, at the first call of an epoch, updates `apr` and mints the epoch's
    /// reward. Anyone may call. `stake`, `depositAndStake`, `unstake`, `unstakeAndWithdraw` and `addRewards` do it
    /// first; `scheduleUnstake` starts the epoch if needed and values the shares at the price accrued up to now
    /// without writing it; the others (`deposit`, `withdraw`, `payOutClaim`, `delegate`, the setters, vesting)
    /// change no share price, or change it pro rata (`payOutClaim`), and skip it.
    function accrue() external;

    // ----------------------------------------------------------------- claims

    /// @notice Sends `amount` from the stake to `recipient`; only authorized claims managers. Lowers
    /// `totalStake`, leaves shares alone: all stakers and pending unstakes lose pro rata, O(1). Does not release
    /// the stream first (a release is pro rata too, so the order changes nobody's share).
    /// Warning: a payout of the whole stake (or one leaving less than 0.01 token units per share) ends the era:
    /// old shares, pending unstakes and locks are void and the pool restarts empty (see the contracts' README).
    /// Reverts with `UnauthorizedClaimsManager`, `ZeroAmount`, `ZeroAddress`, `PayoutExceedsStake`.
    function payOutClaim(address recipient, uint256 amount) external;

    // ------------------------------------------------------------------ views

    /// @notice Tokens backing all shares, including shares pending unstake, as last accrued (rewards streamed
    /// since are added by the next call; `stakeOf` and `convertToAssets` include them). Payouts are capped by it.
    function totalStake() external view returns (uint256);

    /// @notice All shares of the current era, including shares pending unstake.
    function totalShares() external view returns (uint256);

    /// @notice The current share era (starts at 0, +1 at each wipe-out).
    function shareEra() external view returns (uint256);

    /// @notice Deposited and not staked tokens of `user` (including locked and unvested ones).
    function unstakedOf(address user) external view returns (uint256);

    /// @notice Staked shares of `user` (not counting a pending unstake); 0 if its share era ended.
    function sharesOf(address user) external view returns (uint256);

    /// @notice Value of `user`'s staked shares in tokens, rounded down, with rewards streamed until now.
    function stakeOf(address user) external view returns (uint256);

    /// @notice The pending unstake of `user` (all zero when none; `amount` is what `unstake` would pay now,
    /// 0 if its share era ended).
    function pendingUnstakeOf(address user) external view returns (PendingUnstake memory);

    /// @notice What `user` could withdraw now.
    function withdrawableOf(address user) external view returns (uint256);

    /// @notice Rewards of `user` still locked (earned in the current epoch or the 51 before), in tokens, rounded
    /// up, at most `unstakedOf + stakeOf + pendingUnstakeOf.amount`. Valued like the stake they were earned in:
    /// every payout since shrinks them by its share of the stake, also after they left the stake, and a wipe-out
    /// voids them.
    function lockedRewardsOf(address user) external view returns (uint256);

    /// @notice Tokens of `user`'s vesting schedule not vested yet, rounded up.
    function unvestedOf(address user) external view returns (uint256);

    /// @notice The vesting schedule of `user` (all zero when none).
    function vestingOf(address user) external view returns (VestingSchedule memory);

    /// @notice Converts tokens to shares at the price a stake would get now (after accrual), rounded down.
    function convertToShares(uint256 amount) external view returns (uint256);

    /// @notice Converts shares to tokens at the price after accrual until now, rounded down.
    function convertToAssets(uint256 shares) external view returns (uint256);

    /// @notice The current epoch: `block.timestamp / 1 weeks`.
    function currentEpoch() external view returns (uint256);

    /// @notice The rate of the epoch being streamed (`HUNDRED_PERCENT` = 100%).
    function apr() external view returns (uint256);

    /// @notice The reward stream: `remaining` tokens still to release, linearly from `lastUpdate` until `end`
    /// (the end of `epoch`); `epoch` is the last epoch that started (minted).
    function rewardStream() external view returns (uint256 remaining, uint256 lastUpdate, uint256 epoch, uint256 end);

    // ------------------------------------------------------------- governance

    /// @notice The primary agent: claims managers, unstake wait period, vesting manager, both agents.
    function primaryAgent() external view returns (address);

    /// @notice The secondary agent: reward parameters (`minApr`, `maxApr`, `aprUpdateStep`, `stakeTarget`).
    function secondaryAgent() external view returns (address);

    /// @notice The account allowed to call `depositWithVesting` (`address(0)`: nobody).
    function vestingManager() external view returns (address);

    /// @notice Whether `claimsManager` may call `payOutClaim`.
    function isClaimsManager(address claimsManager) external view returns (bool);

    /// @notice The wait between `scheduleUnstake` and `unstake`; within [1 week, 52 weeks].
    function unstakeWaitPeriod() external view returns (uint256);

    function minApr() external view returns (uint256);
    function maxApr() external view returns (uint256);
    function aprUpdateStep() external view returns (uint256);
    /// @notice The fraction of the token's total supply the controller aims to have staked.
    function stakeTarget() external view returns (uint256);

    /// @notice Authorizes or deauthorizes a claims manager. Only the primary agent.
    function setClaimsManager(address claimsManager, bool authorized) external;

    /// @notice Sets the unstake wait period within [1 week, 52 weeks]. Only the primary agent. Applies to
    /// unstakes scheduled afterwards.
    function setUnstakeWaitPeriod(uint256 unstakeWaitPeriod) external;

    /// @notice Sets the vesting manager (`address(0)` disables vesting deposits). Only the primary agent.
    function setVestingManager(address vestingManager) external;

    /// @notice Hands the primary agent role to `primaryAgent` (non-zero). Only the primary agent.
    function setPrimaryAgent(address primaryAgent) external;

    /// @notice Hands the secondary agent role to `secondaryAgent` (non-zero). Only the primary agent.
    function setSecondaryAgent(address secondaryAgent) external;

    /// @notice Sets `minApr` within [0, `maxApr`]; clips `apr` into the new range. Only the secondary agent.
    function setMinApr(uint256 minApr) external;

    /// @notice Sets `maxApr` within [`minApr`, 100%]; clips `apr` into the new range. Only the secondary agent.
    function setMaxApr(uint256 maxApr) external;

    /// @notice Sets `aprUpdateStep` within [0, 10%]. Only the secondary agent.
    function setAprUpdateStep(uint256 aprUpdateStep) external;

    /// @notice Sets `stakeTarget` within [0, 100%]. Only the secondary agent.
    function setStakeTarget(uint256 stakeTarget) external;
}

/// @title IMintableERC20
/// @notice The mint function the pool calls on its token for rewards (API3's token and `TestToken` have it).
interface IMintableERC20 {
    function mint(address to, uint256 amount) external;
}
