// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PremiumCurve
/// @notice A kinked annual premium rate on pool utilization, like a lending market's interest-rate curve:
/// `baseRate + slope1 * u / kink` up to the kink, then `baseRate + slope1 + slope2 * (u - kink) / (1 - kink)`.
/// All values are WAD (1e18 = 100%); the rate is per year.
library PremiumCurve {
    uint256 internal constant WAD = 1e18;
    uint256 internal constant YEAR = 365 days;

    /// @notice The curve's parameters, packed in one slot.
    struct Params {
        uint64 baseRate;
        uint64 slope1;
        uint64 kink;
        uint64 slope2;
    }

    /// @notice The annual rate at utilization `utilization` (capped at 100%), rounded up.
    /// @dev Requires 0 < kink < WAD (the setter's bounds).
    function rate(Params memory p, uint256 utilization) internal pure returns (uint256) {
        if (utilization > WAD) utilization = WAD;
        if (utilization <= p.kink) {
            return p.baseRate + _ceilDiv(uint256(p.slope1) * utilization, p.kink);
        }
        return p.baseRate + p.slope1 + _ceilDiv(uint256(p.slope2) * (utilization - p.kink), WAD - p.kink);
    }

    /// @notice `a / b` rounded up (b > 0).
    function _ceilDiv(uint256 a, uint256 b) private pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /// @notice The premium for `coverageTokens` at annual `annualRate` over `period` seconds, rounded up.
    function premium(uint256 coverageTokens, uint256 annualRate, uint256 period) internal pure returns (uint256) {
        return Math.mulDiv(coverageTokens, annualRate * period, WAD * YEAR, Math.Rounding.Ceil);
    }
}
