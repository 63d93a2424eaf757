// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PremiumCurve
/// @notice A kinked annual premium rate on pool utilization, like a lending market's interest-rate curve:
/// `baseRate + slope1 * u / kink` up to the kink, then `baseRate + slope1 + slope2 * (u - kink) / (1 - kink)`.
/// All values are WAD (1e18 = 100%); the rate is per year. A purchase pays the curve's integral over the
/// utilization interval it spans (`cumulative`), so splitting a purchase never lowers its premium.
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

    /// @notice The integral of the annual rate over active coverage from 0 to `x`, for a capacity `c` in the same
    /// unit (USD here): `∫_0^x rate(t / c) dt`, in that unit times a WAD rate, rounded down. Beyond `c` the rate
    /// stays at its maximum; with `c == 0` it is the maximum everywhere.
    /// @dev Each piece is rounded down at its own values and meets the next one exactly (`slope1 * k / 2` and
    /// `slope2 * (c - k) / 2` are the pieces' values at their ends), so the function is non-decreasing and the
    /// cost of `[x0, x1]`, `cumulative(x1) - cumulative(x0)`, adds up exactly over consecutive intervals.
    /// Requires kink < WAD (the setter's bounds); `mulDiv` keeps the squares exact at any size.
    function cumulative(Params memory p, uint256 x, uint256 c) internal pure returns (uint256 total) {
        if (x == 0) return 0;
        (uint256 base, uint256 slope1, uint256 slope2) = (p.baseRate, p.slope1, p.slope2);
        if (c == 0) return (base + slope1 + slope2) * x;
        uint256 k = c * p.kink / WAD; // the kink in units of x; k < c
        total = base * x;
        if (x <= k) return total + _mulDivDown(slope1 * x, x, 2 * k);
        total += slope1 * k / 2 + slope1 * (x - k);
        if (x <= c) return total + _mulDivDown(slope2 * (x - k), x - k, 2 * (c - k));
        return total + slope2 * (c - k) / 2 + slope2 * (x - c);
    }

    /// @notice `a * b / d` rounded down, exact at any size (OpenZeppelin's 512-bit `mulDiv` only when the
    /// product overflows).
    function _mulDivDown(uint256 a, uint256 b, uint256 d) private pure returns (uint256) {
        unchecked {
            if (b == 0 || a <= type(uint256).max / b) return a * b / d;
        }
        return Math.mulDiv(a, b, d);
    }
}
