// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LockHistory} from "../../src/libraries/LockHistory.sol";
import {Test} from "forge-std/Test.sol";

contract LockHistoryHarness {
    LockHistory.Ring internal ring;
    uint256 public head;
    uint256 public count;
    uint256[] public epochs;

    function push(uint256 epoch, uint256 shares, int256 debt) external {
        (head, count) = LockHistory.push(ring, head, count, epoch, shares, debt);
        epochs.push(epoch);
    }

    function pushed() external view returns (uint256) {
        return epochs.length;
    }

    function newestBefore(uint256 before, uint256 epoch)
        external
        view
        returns (bool found, uint256 shares, int256 debt)
    {
        return LockHistory.newestBefore(ring, head, count, before, epoch);
    }
}

/// @notice `LockHistory.newestBefore` against a linear scan of the entries the ring still holds, for any spacing
/// of the epochs (every epoch, gaps, a mix) and any query epoch up to the user's current epoch.
contract LockHistoryTest is Test {
    LockHistoryHarness internal h;

    function setUp() public {
        h = new LockHistoryHarness();
    }

    /// @dev Pushes `n` entries from epoch 1000 on; gap `g` after entry i is 1 if bit i of `gaps` is 0, else
    /// 1 + (gaps >> (i + 64)) % 9 (so every-epoch stretches and gaps mix). Entry i has shares i + 1, debt -i.
    function _fill(uint256 n, uint256 gaps) internal returns (uint256 lastEpoch) {
        uint256 epoch = 1000;
        for (uint256 i = 0; i < n; i++) {
            h.push(epoch, i + 1, -int256(i));
            uint256 gap = (gaps >> (i % 64)) & 1 == 0 ? 1 : 1 + ((gaps >> (64 + i % 192)) % 9);
            epoch += gap;
        }
        return epoch; // the user's current epoch: above every entry
    }

    function _reference(uint256 epoch) internal view returns (bool found, uint256 shares, int256 debt) {
        uint256 pushed = h.pushed();
        uint256 kept = pushed < LockHistory.CAPACITY ? pushed : LockHistory.CAPACITY;
        for (uint256 i = pushed; i > pushed - kept; i--) {
            uint256 e = h.epochs(i - 1);
            if (e < epoch) return (true, i, -int256(i - 1));
        }
        return (false, 0, 0);
    }

    function testFuzz_newestBefore_matchesLinearScan(uint8 entries, uint256 gaps, uint16 back) public {
        uint256 n = bound(entries, 0, 120);
        uint256 current = _fill(n, gaps);
        uint256 epoch = current - bound(back, 0, current - 990);
        (bool found, uint256 shares, int256 debt) = h.newestBefore(current, epoch);
        (bool refFound, uint256 refShares, int256 refDebt) = _reference(epoch);
        assertEq(found, refFound, "found");
        assertEq(shares, refShares, "shares");
        // Debts are stored floored to 2^16 credit units.
        assertEq(debt, (refDebt >> LockHistory.DEBT_QUANTUM_BITS) << LockHistory.DEBT_QUANTUM_BITS, "debt");
    }

    /// @dev Every query epoch over a full ring of one entry per epoch, a ring with gaps, and a single entry.
    function test_newestBefore_everyQueryEpoch() public {
        for (uint256 pattern = 0; pattern < 3; pattern++) {
            h = new LockHistoryHarness();
            uint256 n = pattern == 2 ? 1 : 70;
            uint256 current = _fill(n, pattern == 0 ? 0 : 0x5a5a5a5a5a5a5a5a << 0 | (uint256(7) << 64));
            for (uint256 epoch = 995; epoch <= current; epoch++) {
                (bool found, uint256 shares,) = h.newestBefore(current, epoch);
                (bool refFound, uint256 refShares,) = _reference(epoch);
                assertEq(found, refFound, "found");
                assertEq(shares, refShares, "shares");
            }
        }
    }

    /// @dev A user who changed its stake every epoch: the query settles on the first read.
    function test_newestBefore_everyEpochUserIsOneRead() public {
        uint256 current = _fill(60, 0);
        uint256 epoch = current - 51;
        vm.cool(address(h));
        uint256 before = gasleft();
        h.newestBefore(current, epoch);
        uint256 used = before - gasleft();
        // The call (2.6K), the harness's head and count (two cold reads) and one cold entry: ~8.3K; a second entry
        // read would add another ~2.1K.
        assertLt(used, 2600 + 3 * 2100 + 1000, "one read");
    }
}
