// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PremiumCurve} from "../../src/libraries/PremiumCurve.sol";
import {Test} from "forge-std/Test.sol";

/// @notice `PremiumCurve.cumulative` at its joins: each piece ends exactly where the next one starts (at the kink
/// `k` and at capacity `c`), one unit past each join is priced by the next piece, and beyond capacity every unit
/// costs the maximum rate; at capacities small enough for plain products and large enough that `slope * x * x`
/// overflows 256 bits (the 512-bit `mulDiv` path).
contract PremiumCurveTest is Test {
    uint256 internal constant WAD = 1e18;

    function _defaultCurve() internal pure returns (PremiumCurve.Params memory) {
        return PremiumCurve.Params({baseRate: 0.02e18, slope1: 0.08e18, kink: 0.8e18, slope2: 1e18});
    }

    function test_cumulative_joinsWithPlainProducts() public pure {
        _assertJoins(_defaultCurve(), 1_000_000e18); // slope2 * (c - k)^2 = 4e58: no overflow
    }

    function test_cumulative_joinsWhenTheSquaresOverflow() public pure {
        uint256 c = 1e31; // slope1 * k^2 = 5.1e78 and slope2 * (c - k)^2 = 4e78, both above 2^256 = 1.2e77
        _assertJoins(_defaultCurve(), c);
        // Halfway to the kink, exactly a quarter of the first piece's area: slope1 * (k/2)^2 / (2k) = slope1 * k / 8.
        PremiumCurve.Params memory p = _defaultCurve();
        uint256 k = c * p.kink / WAD;
        assertEq(PremiumCurve.cumulative(p, k / 2, c), p.baseRate * (k / 2) + uint256(p.slope1) * k / 8);
        // One unit below the kink: slope1 * (k - 1)^2 / (2k) = slope1 * (k - 2) / 2 + slope1 / (2k), rounded down.
        assertEq(PremiumCurve.cumulative(p, k - 1, c), p.baseRate * (k - 1) + uint256(p.slope1) * (k - 2) / 2);
    }

    function testFuzz_cumulative_joins(uint256[4] memory rates, uint256 c) public pure {
        PremiumCurve.Params memory p = PremiumCurve.Params({
            baseRate: uint64(bound(rates[0], 0, 0.5e18)),
            slope1: uint64(bound(rates[1], 0, 1e18)),
            kink: uint64(bound(rates[2], 0.1e18, 0.95e18)),
            slope2: uint64(bound(rates[3], 0, 10e18))
        });
        _assertJoins(p, bound(c, 100, 1e36));
    }

    function test_cumulative_withoutCapacityEveryUnitCostsTheMaximumRate() public pure {
        PremiumCurve.Params memory p = _defaultCurve();
        assertEq(PremiumCurve.cumulative(p, 0, 0), 0);
        assertEq(PremiumCurve.cumulative(p, 7e18, 0), 1.1e18 * 7e18);
    }

    /// @dev Requires c - k >= 2, so that k + 1 lies below capacity.
    function _assertJoins(PremiumCurve.Params memory p, uint256 c) internal pure {
        (uint256 base, uint256 slope1, uint256 slope2) = (p.baseRate, p.slope1, p.slope2);
        uint256 k = c * p.kink / WAD;
        uint256 firstPiece = slope1 * k / 2;
        assertEq(PremiumCurve.cumulative(p, k, c), base * k + firstPiece, "at the kink");
        assertEq(
            PremiumCurve.cumulative(p, k + 1, c),
            base * (k + 1) + firstPiece + slope1 + slope2 / (2 * (c - k)),
            "one past the kink"
        );
        uint256 atCapacity = base * c + firstPiece + slope1 * (c - k) + slope2 * (c - k) / 2;
        assertEq(PremiumCurve.cumulative(p, c, c), atCapacity, "at capacity");
        assertEq(PremiumCurve.cumulative(p, c + 1, c), atCapacity + base + slope1 + slope2, "one past capacity");
    }
}
