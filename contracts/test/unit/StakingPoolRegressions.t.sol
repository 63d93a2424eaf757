// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IPoolVotes} from "../../src/interfaces/IPoolVotes.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {Release} from "../utils/Release.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @dev A pool token whose mint calls back into the pool as its secondary agent and changes the stake target.
contract SetterInMintToken is ERC20("Callback", "CB") {
    IStakingPool public pool;

    function setPool(IStakingPool pool_) external {
        pool = pool_;
    }

    function give(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
        pool.setStakeTarget(12_345_678);
    }
}

/// @notice Pinned regressions for flaws found in review; each failed before its fix.
contract StakingPoolRegressionsTest is PoolFixture {
    function _enterEpoch(uint256 epoch) internal {
        vm.warp(_epochStart(epoch) + 1 hours);
        pool.accrue();
    }

    /// @dev Alice stakes in epoch START+1 and earns for 68 epochs: rewards older than 52 epochs must unlock.
    function _aliceAfter68Epochs() internal returns (uint256 locked, uint256 rewards) {
        _enterEpoch(START_EPOCH + 1);
        _depositAndStake(alice, 1000e18);
        for (uint256 i = 2; i < 70; ++i) {
            _enterEpoch(START_EPOCH + i);
        }
        locked = pool.lockedRewardsOf(alice);
        rewards = pool.stakeOf(alice) - 1000e18;
    }

    function test_locks_unlockAfter52Epochs_whenTheRewardIndexPasses128Bits() public {
        // The first staker (one token) donates 10^12 tokens: the reward index jumps past 2^128. It was packed with the
        // epoch tag in one word, so every epoch start read back as 0 and all rewards stayed locked. (Found with a
        // first stake of 1,001 units and a 0.001-token donation, before first stakes had a minimum.)
        vm.prank(owner);
        token.mint(seeder, 1e30);
        vm.prank(seeder);
        pool.addRewards(1e30);
        // The donation streams over epoch START + 1, which alice's 68 epochs begin with.
        (uint256 locked, uint256 rewards) = _aliceAfter68Epochs();
        (uint256 rewardIndex,) = pool.rewardIndices();
        assertGt(rewardIndex, type(uint128).max, "the donation pushed the index past 128 bits");
        assertLt(locked, rewards, "rewards older than 52 epochs unlocked");
    }

    /// @dev Review finding: a user whose credit was exactly 0 when it left (no reward released while it held
    /// shares) skipped that zero state in its ring, so when it staked again an older entry answered for the windows
    /// after it and overstated its credit there: its lock read 0 although every reward it earned was recent.
    function test_locks_zeroStateIsSavedSoLaterRewardsStayLocked() public {
        vm.prank(owner);
        token.setMinter(address(pool), false); // no minted rewards: the index moves only through addRewards
        _enterEpoch(START_EPOCH + 1);
        _depositAndStake(alice, 1000e18);
        _enterEpoch(START_EPOCH + 2);
        _schedule(alice, pool.sharesOf(alice)); // credit exactly 0: nothing was released while she held shares
        // Rewards stream to the other stakers from then on; alice comes back in epoch START + 10.
        for (uint256 i = 3; i < 58; ++i) {
            _enterEpoch(START_EPOCH + i);
            if (i == 10) _depositAndStake(alice, 1e18);
            vm.prank(bob);
            pool.addRewards(1e18);
        }
        _enterEpoch(START_EPOCH + 58);
        // The window starts at epoch START + 7: every reward alice earned (from START + 10 on) is in it.
        uint256 earned = pool.stakeOf(alice) - 1e18;
        assertGt(earned, 0, "alice earned rewards");
        uint256 locked = pool.lockedRewardsOf(alice);
        assertGe(locked, earned, "all of them locked");
        assertLe(locked, earned + StakingPool(address(pool)).LOCK_ROUNDING_MARGIN() + 10, "within the rounding margin");
    }

    /// @dev Review finding: the first call of an epoch wrote the whole parameters slot after the reward mint, so a
    /// setter reached from inside the mint (a token that calls back) was silently undone.
    function test_startEpoch_setterCalledFromTheMintKeepsItsValue() public {
        SetterInMintToken callback = new SetterInMintToken();
        IStakingPool callbackPool = Release.stakingPool(callback, primary, address(callback));
        callback.setPool(callbackPool);
        callback.give(alice, 100e18);
        vm.startPrank(alice);
        callback.approve(address(callbackPool), 100e18);
        callbackPool.depositAndStake(100e18);
        vm.stopPrank();
        vm.warp(_epochStart(START_EPOCH + 1) + 1 hours);
        callbackPool.accrue();
        assertEq(callbackPool.stakeTarget(), 12_345_678, "the setter's value survives the epoch start");
        assertGt(callbackPool.apr(), 0);
    }

    function test_locks_sameUnlockWithAndWithoutTheDonation() public {
        (uint256 locked, uint256 rewards) = _aliceAfter68Epochs();
        assertLt(locked, rewards, "control: old rewards unlock");
        assertGt(locked, 0, "control: recent rewards stay locked");
    }

    function test_stake_recapitalizesAfterTheDeepestPayoutThatKeepsTheEra() public {
        // 99.99% paid out used to keep the era at a price of 1e-4, where 10M tokens of new stake minted more
        // shares than the votes' 96 bits hold (CheckpointValueOverflow): the pool could not be recapitalized.
        _depositAndStake(alice, 1_000_000e18);
        uint256 stake = pool.totalStake();
        uint256 floor = StakingPool(address(pool)).MIN_SHARE_PRICE_INVERSE();
        _payOut(stake - stake / floor - 1); // just above the price floor: the era survives
        assertEq(pool.shareEra(), 0);

        vm.prank(owner);
        token.mint(bob, 500_000_000e18);
        uint256 shares = _depositAndStake(bob, 500_000_000e18);
        assertGt(shares, 0);
        assertEq(pool.getVotes(bob), shares);
    }

    function test_votes_wipedOutStakersLoseTheirVotesWithoutBeingSynced() public {
        // After a total wipe-out, old-era shares kept their votes (and their place in the quorum total) until
        // someone called syncShareEra for each account: the old stakers could pass a primary-agent proposal.
        _depositAndStake(alice, 100e18);
        _depositAndStake(bob, 50e18);
        vm.warp(block.timestamp + 1);
        uint256 wipedAt = block.timestamp;
        _payOut(pool.totalStake());
        assertEq(pool.shareEra(), 1);
        vm.warp(block.timestamp + 1);
        uint256 carolShares = _depositAndStake(carol, 10e18);
        vm.warp(block.timestamp + 1);
        assertEq(pool.getVotes(alice), 0);
        assertEq(pool.getVotes(bob), 0);
        assertEq(pool.getPastVotes(alice, wipedAt), 0);
        assertEq(pool.getPastVotes(alice, wipedAt - 1), 100e18, "history before the wipe-out is kept");
        assertEq(pool.getPastTotalSupply(block.timestamp - 1), carolShares, "the quorum counts carol alone");
        assertEq(pool.getVotes(carol), carolShares);
    }

    function test_votes_checkpointListOfAWipedOutAccountAgreesWithGetPastVotesAndOnlyGrows() public {
        // Review finding: after a wipe-out, checkpoints() of an untouched account still showed the old votes
        // "from then on" while getPastVotes said 0, and the account's next change inserted a checkpoint dated in
        // an already closed second.
        uint256 t0 = block.timestamp;
        uint256 shares = _depositAndStake(alice, 100e18);
        vm.warp(t0 + 10);
        _payOut(pool.totalStake()); // wipe-out: share era 1
        vm.warp(t0 + 20);
        uint256 n = pool.numCheckpoints(alice);
        (uint32 first, uint96 firstVotes) = pool.checkpoints(alice, n - 2);
        (uint32 last, uint96 lastVotes) = pool.checkpoints(alice, n - 1);
        assertEq(first, t0);
        assertEq(firstVotes, shares);
        assertEq(last, t0 + 10, "a zero checkpoint at the wipe-out");
        assertEq(lastVotes, 0);
        assertEq(pool.getPastVotes(alice, t0 + 15), lastVotes);
        vm.expectRevert(abi.encodeWithSelector(IPoolVotes.CheckpointOutOfRange.selector, alice, n, n));
        pool.checkpoints(alice, n);

        vm.warp(t0 + 30);
        uint256 again = _depositAndStake(alice, 1e18);
        assertEq(pool.numCheckpoints(alice), n + 1, "the list grew at its end only");
        (uint32 kept, uint96 keptVotes) = pool.checkpoints(alice, n - 1);
        assertEq(kept, last);
        assertEq(keptVotes, 0);
        (uint32 newest, uint96 newestVotes) = pool.checkpoints(alice, n);
        assertEq(newest, t0 + 30);
        assertEq(newestVotes, again);
    }

    function test_votes_wipeOutInTheSecondOfTheLastChangeReplacesItInTheList() public {
        uint256 t0 = block.timestamp;
        _depositAndStake(alice, 100e18);
        vm.warp(t0 + 10);
        _depositAndStake(alice, 1e18); // same second as the wipe-out, before it
        uint256 n = pool.numCheckpoints(alice);
        _payOut(pool.totalStake());
        assertEq(pool.numCheckpoints(alice), n, "the change of that second now reads 0 votes");
        (uint32 last, uint96 lastVotes) = pool.checkpoints(alice, n - 1);
        assertEq(last, t0 + 10);
        assertEq(lastVotes, 0);
        vm.warp(t0 + 20);
        _depositAndStake(alice, 2e18);
        assertEq(pool.numCheckpoints(alice), n + 1);
        (last, lastVotes) = pool.checkpoints(alice, n - 1);
        assertEq(last, t0 + 10);
        assertEq(lastVotes, 0);
    }
}
