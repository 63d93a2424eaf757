// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title ShareMath
/// @notice Conversions between pool tokens and pool shares at the price
/// `(totalStake + VIRTUAL_ASSETS) / (totalShares + VIRTUAL_SHARES)`. The virtual share and token unit make the
/// first staker unable to inflate the price profitably (a donation is shared with the virtual share) and keep the
/// sum of all share values at most `totalStake`. Every function names its rounding.
library ShareMath {
    uint256 internal constant VIRTUAL_SHARES = 1;
    uint256 internal constant VIRTUAL_ASSETS = 1;

    /// @notice Shares worth `assets`, rounded down (used when staking: against the staker).
    function toSharesDown(uint256 assets, uint256 totalStake, uint256 totalShares) internal pure returns (uint256) {
        return Math.mulDiv(assets, totalShares + VIRTUAL_SHARES, totalStake + VIRTUAL_ASSETS);
    }

    /// @notice Tokens worth `shares`, rounded down (values paid or credited to a user).
    function toAssetsDown(uint256 shares, uint256 totalStake, uint256 totalShares) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalStake + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES);
    }

    /// @notice Tokens worth `shares`, rounded up (amounts held back from a user, e.g. locked rewards).
    function toAssetsUp(uint256 shares, uint256 totalStake, uint256 totalShares) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalStake + VIRTUAL_ASSETS, totalShares + VIRTUAL_SHARES, Math.Rounding.Ceil);
    }
}
