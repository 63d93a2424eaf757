// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ShareMath} from "./ShareMath.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title RewardMath
/// @notice The reward controller and the two global reward indices of the pool.
/// @dev `growthIndex` (G) is the product of `(totalStake + released) / totalStake` over all releases: the share
/// price growth due to rewards alone (payouts do not touch it). `rewardIndex` (A) accumulates
/// `released * G_before / totalStake` (both scaled by `INDEX_SCALE`). A user holding `s` shares between two
/// moments earns `s * ΔA / INDEX_SCALE` "credit"; credit divided by G now, times the share price now, is the
/// value of those rewards when earned, shrunk by every payout since (no compounding of the lock itself).
library RewardMath {
    /// @notice 100% for `apr`, `stakeTarget` and their bounds.
    uint256 internal constant HUNDRED_PERCENT = 1e8;
    /// @notice Fixed-point one for both indices.
    uint256 internal constant INDEX_SCALE = 1e27;
    uint256 internal constant YEAR = 365 days;

    /// @notice Index updates for a release of `released` tokens into a stake of `totalStake`.
    /// @dev `rewardIndex` rounds up and `growthIndex` rounds down: both can only raise locks.
    function release(uint256 totalStake, uint256 released, uint256 rewardIndex, uint256 growthIndex)
        internal
        pure
        returns (uint256 newRewardIndex, uint256 newGrowthIndex)
    {
        uint256 base = totalStake + ShareMath.VIRTUAL_ASSETS;
        newRewardIndex = rewardIndex + Math.mulDiv(released, growthIndex, base, Math.Rounding.Ceil);
        newGrowthIndex = Math.mulDiv(growthIndex, base + released, base);
    }

    /// @notice The next epoch's rate: one `step` up if less than `stakeTarget` of `supply` is staked, one down
    /// otherwise, clipped to [`minApr`, `maxApr`].
    function nextApr(
        uint256 apr,
        uint256 totalStake,
        uint256 supply,
        uint256 stakeTarget,
        uint256 step,
        uint256 minApr,
        uint256 maxApr
    ) internal pure returns (uint256) {
        // staked / supply < target  <=>  staked * 100% < target * supply
        if (totalStake * HUNDRED_PERCENT < stakeTarget * supply) apr += step;
        else apr = apr > step ? apr - step : 0;
        return apr < minApr ? minApr : apr > maxApr ? maxApr : apr;
    }

    /// @notice The reward for `totalStake` at `apr` over `duration` seconds, rounded down.
    function reward(uint256 totalStake, uint256 apr, uint256 duration) internal pure returns (uint256) {
        return Math.mulDiv(totalStake, apr * duration, YEAR * HUNDRED_PERCENT);
    }

    /// @notice Tokens not vested yet of a schedule of `amount` from `start` to `end`, at `time`, rounded up.
    function unvested(uint256 amount, uint256 start, uint256 end, uint256 time) internal pure returns (uint256) {
        if (time >= end) return 0;
        if (time <= start) return amount;
        return Math.mulDiv(amount, end - time, end - start, Math.Rounding.Ceil);
    }
}
