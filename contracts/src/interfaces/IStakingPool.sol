// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IPoolVotes} from "./IPoolVotes.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @title IStakingPoolTypes
/// @notice The staking pool's types, errors and events (see `IStakingPool`).
interface IStakingPoolTypes {
    // ------------------------------------------------------------------ types

    /// @notice A scheduled unstake. Its shares have left the staker's balance (no votes, no rewards) but
    /// still back claims until `unstake` executes: it pays `min(amount, shares * price)`. A `frozen` one is the part of
    /// an exit held back by open claims: `maturesAt` is its latest release (earlier once no claim is open), `amount`
    /// what it would pay now (after its charge for payouts since it froze) and `liable` the tokens it answers for on
    /// behalf of the part that already left.
    struct PendingUnstake {
        uint256 shares;
        uint256 amount;
        uint256 maturesAt;
        bool frozen;
        uint256 liable;
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
    /// @notice `user`'s unstaked balance would become `balance`, above `max` (2^96 - 1): it shares its slot with the
    /// shares (96 bits, the votes bound) and the inline first vote checkpoint.
    error UnstakedBalanceOverflow(address user, uint256 balance, uint256 max);
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
    /// @notice The caller is not an active claims manager, nor a revoked one paying what it owed.
    error UnauthorizedClaimsManager(address caller);
    /// @notice The frozen part of `user`'s exit waits until no claim is open (`openExposure` tokens now) or
    /// `releasesAt`.
    error ExitFrozen(address user, uint256 releasesAt, uint256 openExposure);
    /// @notice A payout of `amount` exceeds what all claims managers may still pay in this window, `available`.
    error PayoutCapExceeded(uint256 amount, uint256 available);
    /// @notice The pool already tracks `max` claims managers (authorized, or revoked and still owing).
    error TooManyClaimsManagers(uint256 max);
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
    /// @notice A claims manager's premium pull ran out of gas (`gasLeft` after the call): retry with more gas. Prevents
    /// anyone from deferring a week's premiums to a moment of their choosing.
    error PremiumPullOutOfGas(address claimsManager, uint256 gasLeft);
    /// @notice A premium pull or the reward mint called back into the epoch start that was making it.
    error EpochStartReentered();
    /// @notice The first stake of a share era must be at least `minimum` (`MIN_FIRST_STAKE`).
    error FirstStakeTooSmall(uint256 amount, uint256 minimum);

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
    /// @notice The share era `era` ended (wipe-out): all its shares are void. `forfeitedStake` is queued for the next
    /// era's stakers (streamed over the first epoch that starts with stakers).
    event ShareEraEnded(uint256 indexed era, uint256 voidedShares, uint256 forfeitedStake);
    /// @notice Epoch `epoch` started: `apr` is its rate, `reward` was minted (0 if the mint failed) and streams until
    /// the epoch's end along with `streamRemaining - reward` carried over; `totalStake` at the time.
    event EpochStarted(uint256 indexed epoch, uint256 apr, uint256 reward, uint256 streamRemaining, uint256 totalStake);
    /// @notice The mint of `amount` for `epoch` failed: the pool has no mint right; the reward is 0.
    event RewardMintFailed(uint256 indexed epoch, uint256 amount);
    /// @notice `from` added `amount` to the reward queue (forfeited bonds, donations), streamed over the next epoch;
    /// `queued` is the queue's total.
    event RewardsAdded(address indexed from, uint256 amount, uint256 queued);
    /// @notice At the start of `epoch`, `claimsManager` sent its stakers' premiums: `past` for weeks before `epoch`
    /// (released at once: nobody's shares changed since), `current` streamed over `epoch`.
    event PremiumsPulled(uint256 indexed epoch, address indexed claimsManager, uint256 past, uint256 current);
    /// @notice `claimsManager`'s premium pull failed (it keeps them; the next epoch start pulls them as past).
    event PremiumPullFailed(uint256 indexed epoch, address indexed claimsManager);
    /// @notice `user`'s matured exit met open claims (`openExposure` tokens): `heldAmount` (its `heldShares`) stays
    /// frozen, answering also for `liable` tokens of payouts, until no claim is open or `releasesAt`; `totalStake` after
    /// the rest left (reported by the `Unstaked` event emitted with it).
    event UnstakeFrozen(
        address indexed user,
        uint256 heldAmount,
        uint256 heldShares,
        uint256 liable,
        uint256 releasesAt,
        uint256 openExposure,
        uint256 totalStake
    );
    /// @notice `user`'s frozen exit was released: `amount` credited (also in the `Unstaked` event), `charge` kept for
    /// the stakers for the payouts made while it was frozen.
    event FrozenUnstakeReleased(address indexed user, uint256 amount, uint256 charge);
    /// @notice `claimsManager` was authorized (paying from `activatesAt`) or revoked (paying only `owed`).
    event ClaimsManagerSet(address indexed claimsManager, bool authorized, uint256 activatesAt, uint256 owed);
    event MaxFreezeSet(uint256 maxFreeze);
    event PayoutCapSet(uint256 payoutCap);
    event UnstakeWaitPeriodSet(uint256 unstakeWaitPeriod);
    event VestingManagerSet(address indexed vestingManager);
    event PrimaryAgentSet(address indexed primaryAgent);
    event SecondaryAgentSet(address indexed secondaryAgent);
    event MinAprSet(uint256 minApr);
    event MaxAprSet(uint256 maxApr);
    event AprUpdateStepSet(uint256 aprUpdateStep);
    event StakeTargetSet(uint256 stakeTarget);
}

/// @title IStakingPoolCore
/// @notice The functions the `StakingPool` contract implements itself: staking, withdrawals, payouts and the views
/// the hot paths and other contracts need (see `IStakingPool`).
interface IStakingPoolCore is IStakingPoolTypes {
    /// @notice The pool token.
    function token() external view returns (IERC20);

    /// @notice The contract the pool DELEGATECALLs (from its fallback) to serve `IStakingPoolAdmin`; created by the
    /// pool's constructor, immutable.
    function extension() external view returns (address);

    /// @notice Clears the shares and reward-lock history of `user` if its share era ended (they are void already:
    /// views and votes count them as 0); anyone may call. Does nothing otherwise.
    function syncShareEra(address user) external;

    /// @notice Pulls `amount` tokens from the caller into the caller's unstaked balance.
    /// Reverts with `ZeroAmount`. Does not start a new epoch (no share-price change).
    function deposit(uint256 amount) external;

    /// @notice Sends `amount` of the caller's unstaked tokens to `recipient`, provided the caller keeps enough to
    /// cover its locked rewards and unvested tokens: `amount <= unstakedOf` and
    /// `unstakedOf + stakeOf + pendingUnstakeOf.amount - lockedRewardsOf - unvestedOf >= amount` (a pending unstake
    /// covers them too: it can only come back as unstaked tokens, and payouts shrink it as they shrink locks).
    /// `amount = type(uint256).max` (`WITHDRAW_ALL`) withdraws `withdrawableOf(caller)` as computed in this transaction.
    /// Reverts with `ZeroAmount` (also when nothing is withdrawable), `ZeroAddress`, `InsufficientUnstaked`,
    /// `InsufficientWithdrawable`.
    function withdraw(address recipient, uint256 amount) external;

    /// @notice Stakes `amount` of the caller's unstaked tokens (vesting ones included); mints
    /// `amount * (totalShares + 1) / (totalStake + 1)` shares, rounded down (against the caller).
    /// The first stake of a share era mints `DEAD_SHARES` more, held by nobody, and must be at least `MIN_FIRST_STAKE`.
    /// Reverts with `ZeroAmount`, `InsufficientUnstaked`, `ZeroSharesMinted`, `FirstStakeTooSmall`.
    /// @return shares The shares minted.
    function stake(uint256 amount) external returns (uint256 shares);

    /// @notice `deposit` then `stake` in one call.
    function depositAndStake(uint256 amount) external returns (uint256 shares);

    /// @notice Takes `shares` off the caller's balance at once (no votes, no rewards) and schedules their
    /// value, `shares * price` rounded down (rewards accrued up to now included), for `unstake` after `unstakeWaitPeriod`.
    /// The amount stays slashable until then. One pending unstake per user (one of an ended share era is void and
    /// is replaced). Reverts with `ZeroAmount`, `InsufficientShares`, `UnstakeAlreadyPending`, and
    /// `UnstakedBalanceOverflow` when the unstaked balance plus the amount would exceed 2^96 - 1 (it could not be
    /// credited: withdraw first, or unstake fewer shares).
    /// @return amount The token amount scheduled (an upper bound on what `unstake` pays).
    function scheduleUnstake(uint256 shares) external returns (uint256 amount);

    /// @notice Releases streamed rewards and, at the first call of an epoch, updates `apr` and mints the epoch's
    /// reward. Anyone may call. `stake`, `depositAndStake`, `unstake`, `unstakeAndWithdraw` and `addRewards` do it
    /// first; `scheduleUnstake` starts the epoch if needed and values the shares at the price accrued up to now
    /// without writing it; the others (`deposit`, `withdraw`, `payOutClaim`, `delegate`, the setters, vesting)
    /// change no share price, or change it pro rata (`payOutClaim`), and skip it.
    function accrue() external;

    /// @notice Sends `amount` from the stake to `recipient`; only active claims managers, and revoked ones up to what
    /// they owed when revoked. Lowers `totalStake`, leaves shares alone: all stakers and pending unstakes lose pro
    /// rata, O(1). Does not release the stream first (a release is pro rata too, so the order changes nobody's
    /// share). All managers together pay at most `payoutCap` of the total stake per rolling `PAYOUT_WINDOW` (two
    /// fixed buckets: a payout must fit under the cap with the current and the previous bucket).
    /// Warning: a payout of the whole stake (or one leaving less than 0.01 token units per share) ends the era:
    /// old shares, pending unstakes and locks are void and the pool restarts empty (see the contracts' README).
    /// Reverts with `UnauthorizedClaimsManager`, `ZeroAmount`, `ZeroAddress`, `PayoutExceedsStake`,
    /// `PayoutCapExceeded`.
    function payOutClaim(address recipient, uint256 amount) external;

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

    /// @notice The total stake (as last accrued) and what claims managers may still pay now under `payoutCap`.
    function payoutRoom() external view returns (uint256 totalStake_, uint256 available);

    /// @notice The stake that stays: the value of every voting share (all but shares pending unstake and the dead
    /// ones) at the last accrued price, rounded down. Claims managers size capacity by it.
    function stayingStake() external view returns (uint256);
}

/// @title IStakingPoolAdmin
/// @notice The functions a `StakingPool` serves through its extension (DELEGATECALL from its fallback, same address
/// and storage): executing unstakes, vesting deposits, added rewards, governance and its views, and the views of a
/// user's position, conversions and the reward stream that no contract calls (see `IStakingPool`).
interface IStakingPoolAdmin is IStakingPoolTypes {
    /// @notice Executes the matured pending unstake of `user` (anyone may call): credits
    /// `min(amount, shares * price)` to the user's unstaked balance (0 if its share era ended). What the shares
    /// earned while pending goes back to the stakers through the reward stream. While claims are open
    /// (`openExposure() != 0`), the exit's share of the open exposure stays frozen (see the contract's notice) and
    /// only the rest is credited; a frozen part is credited by a later call, at `maturesAt` or once no claim is open,
    /// less its charge for the payouts made meanwhile.
    /// Reverts with `NoPendingUnstake`, `UnstakeNotMature`, `ExitFrozen`.
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

    /// @notice Pulls `amount` tokens from the caller and queues them for the stakers: they stream over the next
    /// epoch, so nobody can time a stake to catch them (forfeited claimant bonds arrive this way; premiums are pulled
    /// week by week from the claims managers instead). Anyone may call. Rewards that arrive while the pool has no
    /// stakers wait, then stream to the next stakers over an epoch they hold.
    function addRewards(uint256 amount) external;

    /// @notice The reward indices: `rewardIndex` (A, credit per share) and `growthIndex` (G, the share price's growth
    /// from rewards alone), both scaled by 1e27, as last accrued.
    function rewardIndices() external view returns (uint256 rewardIndex, uint256 growthIndex);

    /// @notice Value of `user`'s staked shares in tokens, rounded down, with rewards streamed until now.
    function stakeOf(address user) external view returns (uint256);

    /// @notice The pending unstake of `user` (all zero when none; `amount` is what `unstake` would pay now,
    /// 0 if its share era ended).
    function pendingUnstakeOf(address user) external view returns (PendingUnstake memory);

    /// @notice What `user` could withdraw now.
    function withdrawableOf(address user) external view returns (uint256);

    /// @notice Rewards of `user` still locked (earned since the start of the lock period, two epochs, of epoch
    /// `currentEpoch - 51`), in tokens, rounded up, at most `unstakedOf + stakeOf + pendingUnstakeOf.amount`. Valued
    /// like the stake they were earned in: every payout since shrinks them by its share of the stake, also after they
    /// left the stake, and a wipe-out voids them.
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

    /// @notice The primary agent: claims managers, unstake wait period, vesting manager, both agents.
    function primaryAgent() external view returns (address);

    /// @notice The secondary agent: reward parameters (`minApr`, `maxApr`, `aprUpdateStep`, `stakeTarget`).
    function secondaryAgent() external view returns (address);

    /// @notice The account allowed to call `depositWithVesting` (`address(0)`: nobody).
    function vestingManager() external view returns (address);

    /// @notice Whether `claimsManager` is authorized and active (may call `payOutClaim`).
    function isClaimsManager(address claimsManager) external view returns (bool);

    /// @notice `claimsManager`'s standing: `authorized`, paying from `activatesAt`; `owed`: what a revoked (or not yet
    /// active) manager may still pay.
    function claimsManagerState(address claimsManager)
        external
        view
        returns (bool authorized, uint256 activatesAt, uint256 owed);

    /// @notice The claims managers whose exposure counts: authorized ones, and revoked ones that owed when revoked.
    function claimsManagers() external view returns (address[] memory);

    /// @notice How long after `setClaimsManager(x, true)` a new manager becomes active: `unstakeWaitPeriod +
    /// maxFreeze`, or 0 while nothing is staked.
    function claimsManagerActivationDelay() external view returns (uint256);

    /// @notice Tokens the pool may still have to pay for claims (see the contract's notice); a new stake shares it.
    function openExposure() external view returns (uint256);

    /// @notice The longest a frozen part of an exit waits for open claims; within [4 weeks, 26 weeks], default 12.
    function maxFreeze() external view returns (uint256);

    /// @notice Lumps waiting to stream (see `addRewards`): `amount` arrived by `epoch`; they stream over the epoch
    /// after it, or, while the pool has no stakers, over the first epoch that starts with stakers.
    function queuedRewards() external view returns (uint256 amount, uint256 epoch);

    /// @notice What all claims managers together may pay per rolling `PAYOUT_WINDOW`, as a fraction of the total
    /// stake (`HUNDRED_PERCENT` = 100%); within [5%, 50%] in basis-point steps, default 25%.
    function payoutCap() external view returns (uint256);

    /// @notice The wait between `scheduleUnstake` and `unstake`; within [1 week, 52 weeks].
    function unstakeWaitPeriod() external view returns (uint256);

    function minApr() external view returns (uint256);

    function maxApr() external view returns (uint256);

    function aprUpdateStep() external view returns (uint256);

    /// @notice The fraction of the token's total supply the controller aims to have staked.
    function stakeTarget() external view returns (uint256);

    /// @notice Authorizes or revokes a claims manager. Only the primary agent. An authorization takes effect
    /// `claimsManagerActivationDelay()` later; re-authorizing an authorized manager changes nothing. A revocation is
    /// immediate and keeps payable what the manager reports it owes (`IClaimsExposure.owedTokens`).
    /// Reverts with `Unauthorized`, `ZeroAddress`, `TooManyClaimsManagers`.
    function setClaimsManager(address claimsManager, bool authorized) external;

    /// @notice Sets `maxFreeze` within [4 weeks, 26 weeks]; applies to exits frozen afterwards. Only the primary
    /// agent. Keep it above the claims managers' longest path from a claim to its last tranche.
    function setMaxFreeze(uint256 maxFreeze) external;

    /// @notice Sets `payoutCap` within [5%, 50%], a multiple of 0.01%. Only the primary agent.
    function setPayoutCap(uint256 payoutCap) external;

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

/// @title IStakingPool (types, errors and events: `IStakingPoolTypes`; functions: `IStakingPoolCore`,
/// `IStakingPoolAdmin` and the voting power of `IPoolVotes`; the full ABI of a deployed StakingPool: `IStakingPool`)
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
/// Reward locks: rewards cannot be withdrawn during the lock period they are earned in (two epochs, `[2k, 2k + 2)`
/// in epoch numbers) and the 51 epochs after it: 52 epochs for rewards of a period's second epoch, 53 for its
/// first. They are valued at what they were worth when earned, shrunk by every payout since, and never exceed the
/// user's balance (`unstakedOf + stakeOf`). Cost is constant: no loop over epochs or over the user's history.
///
/// Wipe-out: a payout that leaves `totalStake == 0`, or a share price below `MIN_SHARE_PRICE_INVERSE`^-1
/// (0.01 token units per share, a loss of over 99% from the era's first price of 1), ends the share era: every
/// existing share, pending unstake and reward lock is void; whatever stake remained streams to the next stakers,
/// and the next stake starts a fresh pool at price 1.
///
/// No escape from a filed claim. The *open exposure* is what the pool may still have to pay for claims: the sum of
/// what each listed claims manager reports (`IClaimsExposure.openExposure`: its open claims' amounts in tokens at the
/// current price, plus what it owes) and what revoked managers still owe. Stake that was at risk when a claim was
/// filed, staked or pending unstake, pays its share of that claim: while the open exposure is not zero, `unstake`
/// pays out only the part of an exit beyond its share of the exposure, `min(1, openExposure / totalStake)`; that share
/// stays *frozen*, pending, bearing payouts like stake and earning nothing, and also answers for the released part's
/// share of the payouts made while it is frozen (so an exit loses what a staker loses). It is released, by a second
/// `unstake`, once the open exposure is zero or `maxFreeze` after it froze, whichever comes first. The longest a
/// staker can wait from `scheduleUnstake` is therefore `unstakeWaitPeriod + maxFreeze` (at most 52 + 26 weeks).
///
/// Warning: the primary agent (the DAO's primary Timelock) can authorize claims managers, and an active claims
/// manager can pay out stake, within the pool-wide `payoutCap` per rolling `PAYOUT_WINDOW`. A new authorization takes
/// effect `unstakeWaitPeriod + maxFreeze` later (at once in a pool without stake), so stakers who disagree can
/// leave first; a revocation is immediate, but what the manager owed then stays payable. Both agents can replace
/// themselves. Everything they can change is listed under "Governance", each within hard-coded bounds.
interface IStakingPool is IStakingPoolCore, IStakingPoolAdmin, IPoolVotes {}

/// @title IMintableERC20
/// @notice The mint function the pool calls on its token for rewards (API3's token and `TestToken` have it).
interface IMintableERC20 {
    function mint(address to, uint256 amount) external;
}

/// @title IClaimsExposure
/// @notice What the pool asks its claims managers, in pool-token base units, to hold back exits while claims are
/// open (see `IStakingPool`).
interface IClaimsExposure {
    /// @notice What this manager may still have to pay: its open claims' amounts at the current price (rounded up),
    /// plus its final but unpaid payouts (`owedTokens`).
    function openExposure() external view returns (uint256 tokens);

    /// @notice Final payouts not paid yet (tranches still to come).
    function owedTokens() external view returns (uint256 tokens);
}

/// @notice What the pool asks of its claims managers at each epoch's start: the stakers' premiums, which a manager
/// streams week by week over the weeks its policies cover.
interface IPremiumSource {
    /// @notice Sends the pool its stakers' premiums due by now and returns them: `past` for weeks before the current
    /// one that were not pulled, `current` for the current week (0 if pulled already). Only the pool, at each
    /// epoch's start.
    function pullPremiums() external returns (uint256 past, uint256 current);
}
