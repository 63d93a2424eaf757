// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CoverageExposure} from "../../src/libraries/CoverageExposure.sol";
import {PremiumCurve} from "../../src/libraries/PremiumCurve.sol";
import {QuotaWindow} from "../../src/libraries/QuotaWindow.sol";
import {Test} from "forge-std/Test.sol";

/// @dev Lazy weekly-bucket totals as the ClaimsManager keeps them, next to a brute-force list of every entry.
contract ExposureHarness {
    uint256 internal constant MAX_POLICY_PERIOD = 730 days;
    uint256 internal constant HORIZON_WEEKS = MAX_POLICY_PERIOD / 1 weeks + 1;

    uint256 public active;
    uint256 public nextWeek;
    mapping(uint256 week => uint256 usd) internal _expiring;
    uint256[] internal _amounts;
    uint256[] internal _ends;

    function add(uint256 amount, uint256 until) external {
        (active, nextWeek) = CoverageExposure.roll(active, nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
        active += amount;
        _expiring[CoverageExposure.bucketOf(until)] += amount;
        _amounts.push(amount);
        _ends.push(until);
    }

    function rolled() external view returns (uint256 stillActive) {
        (stillActive,) = CoverageExposure.roll(active, nextWeek, _expiring, block.timestamp, HORIZON_WEEKS);
    }

    /// @dev Every entry whose week of end has not ended yet.
    function bruteForce() external view returns (uint256 sum) {
        for (uint256 i; i < _amounts.length; ++i) {
            if ((_ends[i] / 1 weeks + 1) * 1 weeks > block.timestamp) sum += _amounts[i];
        }
    }
}

/// @dev One payer's quota as the ClaimsManager keeps it.
contract QuotaHarness {
    using QuotaWindow for QuotaWindow.Quota;

    QuotaWindow.Quota internal _quota;

    function tryPay(uint256 amount, uint256 limit) external returns (bool) {
        QuotaWindow.Quota memory q = _quota;
        if (amount > q.available(block.timestamp, limit)) return false;
        q.record(amount, block.timestamp);
        _quota = q;
        return true;
    }

    function nextRoomAt(uint256 limit) external view returns (uint256) {
        return QuotaWindow.nextRoomAt(_quota, block.timestamp, limit);
    }
}

/// @notice The two O(1) bookkeeping libraries against brute force: lazy coverage expiry and rolling quotas; and
/// the premium curve's integral.
contract ClaimsExposureTest is Test {
    ExposureHarness internal exposure;
    QuotaHarness internal quota;

    function setUp() public {
        vm.warp(2900 * 1 weeks + 3 days);
        exposure = new ExposureHarness();
        quota = new QuotaHarness();
    }

    function testFuzz_roll_matchesBruteForce(uint256[12] memory amounts, uint256[12] memory periods, uint256 seed)
        public
    {
        for (uint256 i; i < amounts.length; ++i) {
            uint256 until = block.timestamp + bound(periods[i], 1, 730 days);
            exposure.add(bound(amounts[i], 1, 1e30), until);
            vm.warp(block.timestamp + uint256(keccak256(abi.encode(seed, i))) % 60 days);
            assertEq(exposure.rolled(), exposure.bruteForce());
        }
        vm.warp(block.timestamp + uint256(seed) % 1000 days);
        assertEq(exposure.rolled(), exposure.bruteForce());
    }

    function testFuzz_quota_noWindowExceedsTheLimit(uint256[20] memory amounts, uint256[20] memory gaps) public {
        uint256 limit = 1000e18;
        uint256[] memory times = new uint256[](20);
        uint256[] memory paid = new uint256[](20);
        uint256 n;
        for (uint256 i; i < amounts.length; ++i) {
            vm.warp(block.timestamp + bound(gaps[i], 0, 4 days));
            uint256 amount = bound(amounts[i], 1, 700e18);
            if (quota.tryPay(amount, limit)) (times[n], paid[n], n) = (block.timestamp, amount, n + 1);
        }
        for (uint256 i; i < n; ++i) {
            uint256 sum;
            for (uint256 j = i; j < n && times[j] < times[i] + 1 weeks; ++j) {
                sum += paid[j];
            }
            assertLe(sum, limit);
        }
    }

    function test_quota_freesAfterTwoWindows() public {
        assertTrue(quota.tryPay(1000e18, 1000e18));
        assertFalse(quota.tryPay(1, 1000e18));
        vm.warp((block.timestamp / 1 weeks + 1) * 1 weeks);
        assertFalse(quota.tryPay(1, 1000e18));
        vm.warp(block.timestamp + 1 weeks);
        assertTrue(quota.tryPay(1000e18, 1000e18));
    }

    /// @dev The integral of the rate never decreases (so no interval has a negative price), lies between the base
    /// and the maximum rate times the coverage, and grows at exactly the maximum rate beyond capacity.
    function testFuzz_premiumIntegral_isMonotoneAndBounded(uint256[4] memory rates, uint256 c, uint256 x0, uint256 x1)
        public
        pure
    {
        PremiumCurve.Params memory p = PremiumCurve.Params({
            baseRate: uint64(bound(rates[0], 0, 0.5e18)),
            slope1: uint64(bound(rates[1], 0, 1e18)),
            kink: uint64(bound(rates[2], 0.1e18, 0.95e18)),
            slope2: uint64(bound(rates[3], 0, 10e18))
        });
        uint256 maxRate = uint256(p.baseRate) + p.slope1 + p.slope2;
        c = bound(c, 0, 1e30);
        x1 = bound(x1, 0, 2e30);
        x0 = bound(x0, 0, x1);
        uint256 g0 = PremiumCurve.cumulative(p, x0, c);
        uint256 g1 = PremiumCurve.cumulative(p, x1, c);
        assertGe(g1, g0);
        assertGe(g1, uint256(p.baseRate) * x1);
        assertLe(g1, maxRate * x1);
        if (x0 >= c) assertEq(g1 - g0, maxRate * (x1 - x0));
        if (x0 > 0) assertGe(g0, PremiumCurve.cumulative(p, x0 - 1, c));
    }
}
