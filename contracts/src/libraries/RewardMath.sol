// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ShareMath} from "./ShareMath.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title RewardMath
/// @notice The reward controller and the pool's reward index.
/// @dev `growthIndex` (G, scaled by `INDEX_SCALE`, starting at 1) is the product of `(totalStake + 1 + released) /
/// (totalStake + 1)` over all releases (the + 1 is the virtual asset of the share price): the share price growth
/// due to rewards alone (payouts do not touch it). The reward index A is G - 1 (both scaled): a release raises it
/// by `released * G / (totalStake + 1)`, the credit one share earns. A user holding `s` shares between two moments earns `s * ΔA / INDEX_SCALE` "credit"; credit divided by
/// G now, times the share price now, is the value of those rewards when earned, shrunk by every payout since (no
/// compounding of the lock itself). Each release rounds G (and so A) down by less than one unit: over `n`
/// releases a holder of `s` shares is credited less than `s * n / INDEX_SCALE` below the sum of the exact
/// increments from each release's stored G (against a G computed without any rounding, an early loss is also
/// scaled by later growth), which the pool covers with `LOCK_ROUNDING_MARGIN` when it computes locks.
library RewardMath {
    /// @notice 100% for `apr`, `stakeTarget` and their bounds.
    uint256 internal constant HUNDRED_PERCENT = 1e8;
    /// @notice Fixed-point one for both indices.
    uint256 internal constant INDEX_SCALE = 1e27;
    uint256 internal constant YEAR = 365 days;

    /// @notice G after a release of `released` tokens into a stake of `totalStake`, rounded down.
    function grow(uint256 totalStake, uint256 released, uint256 growthIndex) internal pure returns (uint256) {
        uint256 base = totalStake + ShareMath.VIRTUAL_ASSETS;
        return growthIndex + Math.mulDiv(growthIndex, released, base);
    }

    /// @notice The reward index A for a growth index G: A = G - INDEX_SCALE.
    function rewardIndexOf(uint256 growthIndex) internal pure returns (uint256) {
        return growthIndex - INDEX_SCALE;
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
