// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {TestToken} from "../../src/devnet/TestToken.sol";
import {Test} from "forge-std/Test.sol";

/// @dev Exposes the epoch-start ring of the pool's reward index.
contract EpochStartsHarness is StakingPool {
    constructor(TestToken token_) StakingPool(token_, address(1), address(2)) {}

    function writeEpochStart(uint256 epoch, uint256 rewardIndex) external {
        _writeEpochStart(epoch, rewardIndex);
    }

    function markStarted(uint256 startedEpochs, uint256 lastEpoch, uint256 epoch) external pure returns (uint64) {
        return _markStarted(startedEpochs, lastEpoch, epoch);
    }

    function epochsToNextStart(uint256 startedEpochs, uint256 epoch) external pure returns (uint256) {
        return _epochsToNextStart(startedEpochs, epoch % 64);
    }

    /// @dev The index recorded for `epoch` (as seen before that epoch's stream ends).
    function epochStart(uint256 epoch) external view returns (uint256) {
        Accrued memory accrued;
        accrued.streamEpoch = type(uint256).max;
        return _epochStart(epoch, accrued);
    }
}

/// @notice The reward index at each started epoch's start lives in one slot (`{uint32 epoch, uint224 index}`); an
/// index that outgrows 224 bits moves to a word of its own; a bitmap of the last 64 epochs' starts finds, for an
/// epoch nobody touched, the next started one (whose start index is the skipped epoch's).
contract StakingPoolEpochStartsTest is Test {
    EpochStartsHarness internal pool;

    function setUp() public {
        vm.warp(2900 weeks);
        pool = new EpochStartsHarness(new TestToken("T", "T", address(this)));
    }

    function test_epochStart_roundTripsNarrowAndWideIndices() public {
        uint256[5] memory indices = [uint256(0), 1e27, type(uint224).max - 1, type(uint224).max, type(uint256).max];
        for (uint256 i = 0; i < indices.length; i++) {
            uint256 epoch = 3000 + i;
            pool.writeEpochStart(epoch, indices[i]);
            assertEq(pool.epochStart(epoch), indices[i]);
        }
        // A wide index followed, 64 epochs later, by a narrow one in the same ring slot reads the narrow one.
        pool.writeEpochStart(3004 + 64, 7);
        assertEq(pool.epochStart(3004 + 64), 7);
    }

    /// @dev Epochs start at increasing epochs with gaps of 1 to 80 (`gaps`, 7 bits each); after each start, the
    /// distance from any epoch of the 64 up to the last started one to the next started epoch matches a plain
    /// list of the started epochs.
    function testFuzz_startedEpochs_findTheNextStartedEpoch(uint256 gaps, uint8 starts) public view {
        uint256 n = bound(starts, 1, 36);
        uint256[] memory started = new uint256[](n);
        uint256 epoch = 5000;
        uint256 bitmap = 1 << (epoch % 64);
        started[0] = epoch;
        for (uint256 i = 1; i < n; i++) {
            uint256 next = epoch + 1 + ((gaps >> (7 * (i % 36))) & 0x7f) % 80;
            bitmap = pool.markStarted(bitmap, epoch, next);
            started[i] = next;
            epoch = next;
            for (uint256 query = epoch - 63; query <= epoch; query++) {
                if (query < started[0]) continue; // before the first start: nothing to find
                uint256 expected = type(uint256).max;
                for (uint256 j = 0; j <= i; j++) {
                    if (started[j] >= query && started[j] < expected) expected = started[j];
                }
                assertEq(pool.epochsToNextStart(bitmap, query), expected - query);
            }
        }
    }

    function testFuzz_epochStart_roundTrips(uint32 epoch, uint256 rewardIndex) public {
        pool.writeEpochStart(epoch, rewardIndex);
        assertEq(pool.epochStart(epoch), rewardIndex);
    }
}
