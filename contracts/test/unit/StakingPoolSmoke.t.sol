// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolFixture} from "../utils/PoolFixture.sol";
import {console} from "forge-std/Test.sol";

contract StakingPoolSmokeTest is PoolFixture {
    function test_smoke() public {
        _depositAndStake(alice, 1000e18);
        vm.warp(START + WEEK);
        _depositAndStake(bob, 1000e18);
        console.log("apr", pool.apr());
        console.log("T", pool.totalStake());
        vm.warp(START + 2 * WEEK);
        pool.accrue();
        console.log("T", pool.totalStake());
        console.log("aliceStake", pool.stakeOf(alice));
        console.log("bobStake", pool.stakeOf(bob));
        console.log("aliceLocked", pool.lockedRewardsOf(alice));
        console.log("bobLocked", pool.lockedRewardsOf(bob));
        console.log("aliceW", pool.withdrawableOf(alice));
        _deposit(alice, 10e18);
        console.log("aliceW", pool.withdrawableOf(alice));
        vm.warp(START + 60 * WEEK);
        pool.accrue();
        console.log("aliceLocked", pool.lockedRewardsOf(alice));
        console.log("aliceStake", pool.stakeOf(alice));
        console.log("aliceW", pool.withdrawableOf(alice));
    }
}
