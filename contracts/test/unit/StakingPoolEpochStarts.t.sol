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

    /// @dev The index recorded for `epoch` (as seen before that epoch's stream ends).
    function epochStart(uint256 epoch) external view returns (uint256) {
        Accrued memory accrued;
        accrued.streamEpoch = type(uint256).max;
        return _epochStart(epoch, accrued);
    }
}

/// @notice The reward index at each epoch's start lives in one slot per epoch (`{uint32 epoch, uint224 index}`);
/// an index that outgrows 224 bits moves to a word of its own, and a ring slot reused 64 epochs later never
/// answers for the old epoch.
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
        // The old epoch's slot now belongs to another epoch: it reads as not recorded (0).
        assertEq(pool.epochStart(3004), 0);
    }

    function testFuzz_epochStart_roundTrips(uint32 epoch, uint256 rewardIndex) public {
        pool.writeEpochStart(epoch, rewardIndex);
        assertEq(pool.epochStart(epoch), rewardIndex);
    }
}
