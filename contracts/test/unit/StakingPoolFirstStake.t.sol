// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {PackedCheckpoints} from "../../src/libraries/PackedCheckpoints.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @notice An account's vote-history slot count and era live in its reward-lock slot (`AccountLock.voteSlots`,
/// `voteEra`), not in its vote account, so a first stake starts no slot for them (issue #13). These tests read the
/// raw words to check where each field is, and that votes and locks stay right across a first stake, a delegation
/// to an account that never staked, a wipe-out, and the count's 32-bit bound (at the limit and one past).
contract StakingPoolFirstStakeTest is PoolFixture {
    /// @dev `forge inspect StakingPool storageLayout`: `_locks` and `PoolVotes._voteAccounts`. Each test checks a
    /// field it knows (the lock period), so a wrong slot number fails rather than passes.
    uint256 internal constant LOCKS_SLOT = 12;
    uint256 internal constant VOTE_ACCOUNTS_SLOT = 146;
    uint256 internal constant VOTE_SLOTS_SHIFT = 208;
    uint256 internal constant VOTE_ERA_SHIFT = 240;
    uint256 internal constant LOCK_PERIOD = 2 weeks;

    address internal dave = makeAddr("dave");
    address internal erin = makeAddr("erin");

    function setUp() public override {
        super.setUp();
        _fund(dave);
        _fund(erin);
        vm.warp(block.timestamp + 1 hours);
    }

    // ---------------------------------------------------------------- helpers

    function _lockWord(address user) internal view returns (uint256) {
        return uint256(vm.load(address(pool), keccak256(abi.encode(user, LOCKS_SLOT))));
    }

    function _voteAccountWord(address user) internal view returns (uint256) {
        return uint256(vm.load(address(pool), keccak256(abi.encode(user, VOTE_ACCOUNTS_SLOT))));
    }

    function _voteSlots(address user) internal view returns (uint256) {
        return uint32(_lockWord(user) >> VOTE_SLOTS_SHIFT);
    }

    function _voteEra(address user) internal view returns (uint256) {
        return _lockWord(user) >> VOTE_ERA_SHIFT;
    }

    function _lastPeriod(address user) internal view returns (uint256) {
        return uint24(_lockWord(user) >> 128);
    }

    /// @dev The first slot of `user`'s checkpoint region: keccak256 of the slot after its vote account.
    function _historyRegion(address user) internal pure returns (uint256) {
        return uint256(keccak256(abi.encode(uint256(keccak256(abi.encode(user, VOTE_ACCOUNTS_SLOT))) + 1)));
    }

    function _checkpoint(uint256 key, uint256 value) internal pure returns (uint256) {
        return key << 96 | value;
    }

    /// @dev Makes `user`'s history `slots` slots long, its newest slot full of two checkpoints of `votes` (its real
    /// votes) one and two seconds ago: the pool's own fields of the lock slot stay as they are.
    function _pretendHistory(address user, uint256 slots, uint256 votes) internal {
        uint256 word = _lockWord(user);
        word = (word & ((1 << VOTE_SLOTS_SHIFT) - 1)) | slots << VOTE_SLOTS_SHIFT | (word >> VOTE_ERA_SHIFT)
            << VOTE_ERA_SHIFT;
        vm.store(address(pool), keccak256(abi.encode(user, LOCKS_SLOT)), bytes32(word));
        uint256 pair = _checkpoint(block.timestamp - 2, votes) | _checkpoint(block.timestamp - 1, votes) << 128;
        vm.store(address(pool), bytes32(_historyRegion(user) + slots - 1), bytes32(pair));
    }

    /// @dev `_accounts` (the slot before `_locks`): `{unstaked 96, shares 96, era 16, pendingEra 16, votedAt 32}`.
    uint256 internal constant ACCOUNTS_SLOT = 11;

    function _accountWord(address user) internal view returns (uint256) {
        return uint256(vm.load(address(pool), keccak256(abi.encode(user, ACCOUNTS_SLOT))));
    }

    function _votedAt(address user) internal view returns (uint256) {
        uint256 word = _accountWord(user);
        // The unstaked field checks the slot number: a wrong one fails here rather than passing.
        require(uint96(word) == pool.unstakedOf(user), "account slot");
        return word >> 224;
    }

    function _historyWord(address user, uint256 slot) internal view returns (uint256) {
        return uint256(vm.load(address(pool), bytes32(_historyRegion(user) + slot)));
    }

    function _margin() internal view returns (uint256) {
        return StakingPool(address(pool)).LOCK_ROUNDING_MARGIN();
    }

    /// @dev `user` stakes 100 tokens (its first stake: an inline checkpoint at `stakedAt`), and 5 seconds later
    /// delegates to `to` (`delegatedAt`).
    function _stakeThenDelegate(address user, address to)
        internal
        returns (uint256 stakedAt, uint256 shares, uint256 delegatedAt)
    {
        stakedAt = block.timestamp;
        shares = _depositAndStake(user, 100e18);
        vm.warp(stakedAt + 5);
        delegatedAt = block.timestamp;
        vm.prank(user);
        pool.delegate(to);
    }

    /// @dev `user` stakes 100 tokens (its first stake: an inline checkpoint at `stakedAt`), and an hour later a payout
    /// of the whole stake ends the share era (`wipedAt`).
    function _stakeThenWipeOut(address user) internal returns (uint256 stakedAt, uint256 shares, uint256 wipedAt) {
        stakedAt = block.timestamp;
        shares = _depositAndStake(user, 100e18);
        vm.warp(stakedAt + 1 hours);
        wipedAt = block.timestamp;
        _payOut(pool.totalStake());
    }

    // ------------------------------------------------------------------ tests

    function test_firstStake_keepsItsVoteCountInTheLockSlotAndLeavesTheVoteAccountEmpty() public {
        _deposit(dave, 100e18);
        uint256 stakedAt = block.timestamp;
        vm.prank(dave);
        uint256 shares = pool.stake(100e18);

        assertEq(_voteAccountWord(dave), 0, "no vote account written");
        assertEq(_lastPeriod(dave), block.timestamp / LOCK_PERIOD, "the lock slot found (its period)");
        assertEq(_voteSlots(dave), 0, "no history slot: the first checkpoint is inline");
        assertEq(_votedAt(dave), stakedAt, "the inline checkpoint's time, in the account slot");
        assertEq(_voteEra(dave), 0);
        assertEq(pool.getVotes(dave), shares);
        assertEq(pool.numCheckpoints(dave), 1);
        (uint32 key, uint96 value) = pool.checkpoints(dave, 0);
        assertEq(key, stakedAt);
        assertEq(value, shares);

        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(dave, stakedAt - 1), 0, "nothing before the first stake");
        assertEq(pool.getPastVotes(dave, stakedAt), shares);

        // The second change writes the inline checkpoint to the history's first slot with itself (count 1), the
        // third starts slot 2.
        vm.prank(dave);
        pool.depositAndStake(1e18);
        assertEq(_voteSlots(dave), 1);
        vm.warp(block.timestamp + 1);
        vm.prank(dave);
        uint256 more = pool.depositAndStake(1e18);
        assertEq(_voteSlots(dave), 2);
        assertEq(pool.numCheckpoints(dave), 3);
        assertEq(pool.getVotes(dave), pool.sharesOf(dave));
        assertEq(pool.getPastVotes(dave, stakedAt), shares);
        assertEq(pool.getPastVotes(dave, block.timestamp - 1), pool.sharesOf(dave) - more);
    }

    /// @dev The same stake as a first stake after a deposit, as a first depositAndStake, and by a staker with a history:
    /// the locks agree, and unlock on the same epoch.
    function test_firstStake_locksItsRewardsLikeAnyStake() public {
        _depositAndStake(alice, 100e18); // alice has a position before the others' first stakes
        vm.warp(block.timestamp + 1 hours);
        _deposit(dave, 100e18);
        vm.prank(dave);
        pool.stake(100e18);
        _depositAndStake(erin, 100e18);
        _depositAndStake(alice, 100e18);
        // Epoch +1's reward streams over epoch +1 (lock period START_EPOCH / 2), and nothing more is released until
        // the views release epoch +2's whole stream (period START_EPOCH / 2 + 1).
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();

        uint256 daveEarned = pool.stakeOf(dave) - 100e18;
        assertGt(daveEarned, 0);
        assertApproxEqAbs(pool.lockedRewardsOf(dave), daveEarned + _margin(), 1e4, "dave: all earned is locked");
        assertApproxEqAbs(pool.lockedRewardsOf(erin), pool.lockedRewardsOf(dave), 1e4, "erin as dave");
        _deposit(dave, 1);
        assertEq(pool.withdrawableOf(dave), 1, "no earned reward withdrawable");

        // Rewards of the first lock period (epochs START_EPOCH, +1) unlock once its 51 following epochs passed.
        vm.warp(_epochStart(START_EPOCH + 53) - 1);
        assertGt(pool.lockedRewardsOf(dave), _margin(), "still locked one second before");
        vm.warp(_epochStart(START_EPOCH + 53));
        uint256 lockedNow = pool.lockedRewardsOf(dave);
        assertApproxEqAbs(lockedNow, pool.stakeOf(dave) - 100e18 - daveEarned + _margin(), 1e4, "epoch +1's unlock");
        assertApproxEqAbs(pool.lockedRewardsOf(erin), lockedNow, 1e4);
    }

    /// @dev dave delegates to erin before either has staked; erin's first history slot is counted in erin's lock
    /// slot before erin ever stakes, and erin's own first stake (which writes erin's lock slot from its copy) keeps
    /// that count while it sets erin's lock.
    function test_firstStake_delegatedToAnAccountThatNeverStaked() public {
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(_lockWord(erin), 0);

        vm.warp(block.timestamp + 1);
        uint256 daveAt = block.timestamp;
        uint256 daveShares = _depositAndStake(dave, 100e18);
        assertEq(_voteSlots(dave), 0, "dave's votes are erin's");
        assertEq(pool.getVotes(dave), 0);
        assertEq(_voteSlots(erin), 1);
        assertEq(_lockWord(erin), uint256(1) << VOTE_SLOTS_SHIFT, "erin's lock slot holds only the count");
        assertEq(pool.getVotes(erin), daveShares);

        vm.warp(block.timestamp + 1);
        uint256 erinAt = block.timestamp;
        uint256 erinShares = _depositAndStake(erin, 50e18);
        assertEq(_lastPeriod(erin), block.timestamp / LOCK_PERIOD, "erin's lock set");
        assertEq(_voteSlots(erin), 1, "the count kept: the second checkpoint fills the first slot");
        assertEq(pool.getVotes(erin), daveShares + erinShares);

        vm.warp(block.timestamp + 1);
        uint256 daveMore = _depositAndStake(dave, 10e18);
        assertEq(_voteSlots(erin), 2);
        assertEq(pool.numCheckpoints(erin), 3);
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(erin, daveAt - 1), 0);
        assertEq(pool.getPastVotes(erin, daveAt), daveShares);
        assertEq(pool.getPastVotes(erin, erinAt), daveShares + erinShares);
        assertEq(pool.getVotes(erin), daveShares + erinShares + daveMore);
        assertEq(pool.getPastTotalSupply(erinAt), pool.totalVotingSupply() - daveMore);

        // erin's lock holds erin's rewards only (dave's shares vote with erin but earn for dave).
        vm.warp(_epochStart(START_EPOCH + 1));
        pool.accrue();
        vm.warp(_epochStart(START_EPOCH + 2));
        pool.accrue();
        assertGt(pool.stakeOf(erin), 50e18 + 1e15);
        assertApproxEqAbs(pool.lockedRewardsOf(erin), pool.stakeOf(erin) - 50e18 + _margin(), 1e4);
        assertApproxEqAbs(pool.lockedRewardsOf(dave), pool.stakeOf(dave) - 110e18 + _margin(), 1e4);
    }

    /// @dev A wipe-out: the era of each history moves in the lock slot; old lookups keep their answer.
    function test_firstStake_ofANewShareEraRecordsTheEraInTheLockSlot() public {
        uint256 aliceShares = _depositAndStake(alice, 100e18);
        uint256 before = block.timestamp;
        vm.warp(block.timestamp + 1 hours);
        _payOut(pool.totalStake()); // total wipe-out: share era 1
        assertEq(pool.shareEra(), 1);
        uint256 wipedAt = block.timestamp;
        vm.warp(block.timestamp + 1 hours);

        uint256 daveShares = _depositAndStake(dave, 100e18);
        assertEq(_voteEra(dave), 1);
        assertEq(_voteSlots(dave), 0, "inline");
        assertEq(_votedAt(dave), block.timestamp);
        assertEq(_voteAccountWord(dave), 0);
        assertEq(pool.getVotes(dave), daveShares);
        assertEq(_voteEra(alice), 0, "alice's history is stale until her next change");
        assertEq(pool.getVotes(alice), 0);

        uint256 aliceNew = _depositAndStake(alice, 10e18);
        assertEq(_voteEra(alice), 1);
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(alice, before), aliceShares, "before the wipe-out");
        assertEq(pool.getPastVotes(alice, wipedAt), 0, "from the wipe-out on");
        assertEq(pool.getVotes(alice), aliceNew);
    }

    /// @dev The count fits 32 bits: a change that takes it to exactly 2^32 - 1 slots is stored as such, next to the
    /// pool's fields (the vesting end stays); the vote era above stays.
    function test_voteSlots_atTheLimit() public {
        uint256 vestingEnd = block.timestamp + 52 weeks;
        vm.prank(vester);
        pool.depositWithVesting(dave, 10e18, block.timestamp, vestingEnd);
        uint256 shares = _depositAndStake(dave, 100e18);
        assertEq(uint40(_lockWord(dave) >> 168), vestingEnd, "the vesting end's field");
        vm.warp(block.timestamp + 2);
        _pretendHistory(dave, type(uint32).max - 1, shares);

        uint256 stakedAt = block.timestamp;
        uint256 more = _depositAndStake(dave, 1e18); // starts slot 2^32 - 1
        assertEq(_voteSlots(dave), type(uint32).max);
        assertEq(_voteEra(dave), 0);
        assertEq(uint40(_lockWord(dave) >> 168), vestingEnd, "vesting end kept");
        assertEq(_lastPeriod(dave), block.timestamp / LOCK_PERIOD);
        assertEq(pool.getVotes(dave), shares + more);
        assertEq(pool.numCheckpoints(dave), 2 * uint256(type(uint32).max) - 1);
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(dave, stakedAt), shares + more, "read from the newest slot");
    }

    /// @dev The era field is as wide as the pool's era (16 bits): the last era, 2^16 - 1, is stored exactly next to the
    /// count. (One past cannot happen: the pool's own era is a uint16, and a wipe-out from the last era reverts.)
    function test_voteEra_atTheLimit() public {
        uint256 totalsWord = uint256(vm.load(address(pool), bytes32(0)));
        uint256 eraMask = uint256(type(uint16).max) << 208; // PoolTotals.era
        vm.store(address(pool), bytes32(0), bytes32(totalsWord | eraMask));
        assertEq(pool.shareEra(), type(uint16).max);

        uint256 shares = _depositAndStake(dave, 100e18);
        assertEq(_voteEra(dave), type(uint16).max);
        assertEq(_voteSlots(dave), 0, "inline");
        assertEq(_lastPeriod(dave), block.timestamp / LOCK_PERIOD);
        assertEq(pool.getVotes(dave), shares);
    }

    /// @dev One past: a change that would need slot 2^32 reverts, and nothing is written.
    function test_voteSlots_onePastTheLimit() public {
        uint256 shares = _depositAndStake(dave, 100e18);
        vm.warp(block.timestamp + 2);
        _pretendHistory(dave, type(uint32).max, shares);
        uint256 word = _lockWord(dave);

        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 32, uint256(1) << 32));
        vm.prank(dave);
        pool.depositAndStake(1e18);
        assertEq(_lockWord(dave), word);
    }

    /// @dev The same bound when the history is a delegatee's (its count is written by a delegator's stake).
    function test_voteSlots_onePastTheLimitForADelegatee() public {
        uint256 erinShares = _depositAndStake(erin, 100e18);
        vm.prank(dave);
        pool.delegate(erin);
        vm.warp(block.timestamp + 2);
        _pretendHistory(erin, type(uint32).max, erinShares);

        vm.expectRevert(abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 32, uint256(1) << 32));
        vm.prank(dave);
        pool.depositAndStake(1e18);

        _pretendHistory(erin, type(uint32).max - 1, erinShares);
        uint256 daveShares = _depositAndStake(dave, 1e18);
        assertEq(_voteSlots(erin), type(uint32).max);
        assertEq(pool.getVotes(erin), erinShares + daveShares);
        assertEq(_voteSlots(dave), 0);
    }

    // ------------------------------------------------------------------ inline first checkpoint (issue #13)

    /// @dev A flash stake and schedule in one second: the inline checkpoint follows the shares, no history slot is
    /// written, and the second cannot be read before it closes (so nobody votes with the stake's first value).
    function test_inline_flashStakeAndUnstakeInOneSecondStaysInline() public {
        uint256 at = block.timestamp;
        uint256 shares = _depositAndStake(dave, 100e18);
        uint256 more = _depositAndStake(dave, 50e18);
        _schedule(dave, 30e18);
        assertEq(_voteSlots(dave), 0);
        assertEq(_votedAt(dave), at);
        assertEq(_historyWord(dave, 0), 0, "no history slot written");
        uint256 left = shares + more - 30e18;
        assertEq(pool.getVotes(dave), left);
        assertEq(pool.numCheckpoints(dave), 1);
        vm.expectRevert();
        pool.getPastVotes(dave, at); // the current second is still open
        vm.warp(at + 1);
        assertEq(pool.getPastVotes(dave, at - 1), 0, "one second before: nothing");
        assertEq(pool.getPastVotes(dave, at), left, "at the inline time: the second's last value");
        assertEq(pool.getPastTotalSupply(at), pool.totalVotingSupply());
    }

    /// @dev The second change in a later second writes both checkpoints to the history's first slot.
    function test_inline_secondChangeWritesBothCheckpointsToOneSlot() public {
        uint256 t1 = block.timestamp;
        uint256 s1 = _depositAndStake(dave, 100e18);
        vm.warp(t1 + 10);
        uint256 t2 = block.timestamp;
        _schedule(dave, 40e18);
        assertEq(_voteSlots(dave), 1);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, s1 - 40e18) << 128);
        assertEq(pool.numCheckpoints(dave), 2);
        (uint32 k0, uint96 v0) = pool.checkpoints(dave, 0);
        (uint32 k1, uint96 v1) = pool.checkpoints(dave, 1);
        assertEq(k0, t1);
        assertEq(v0, s1);
        assertEq(k1, t2);
        assertEq(v1, s1 - 40e18);
        vm.warp(t2 + 1);
        assertEq(pool.getPastVotes(dave, t1 - 1), 0);
        assertEq(pool.getPastVotes(dave, t1), s1);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1);
        assertEq(pool.getPastVotes(dave, t2), s1 - 40e18);
        assertEq(pool.getVotes(dave), s1 - 40e18);
    }

    /// @dev A delegation from an account whose only checkpoint is inline keeps it inline: its history is that
    /// checkpoint and the zero its delegation time stands for (no slot written, read at the delegation second and one
    /// before); the delegatee (no checkpoint) gets a history checkpoint, never an inline one (its votes are not its
    /// shares).
    function test_inline_delegationFromAnInlineAccount() public {
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        assertEq(_voteSlots(dave), 0, "still inline");
        assertEq(_historyWord(dave, 0), 0, "no history slot written");
        assertEq(pool.numCheckpoints(dave), 2);
        (uint32 k0, uint96 v0) = pool.checkpoints(dave, 0);
        (uint32 k1, uint96 v1) = pool.checkpoints(dave, 1);
        assertEq(k0, t1);
        assertEq(v0, s1);
        assertEq(k1, t2);
        assertEq(v1, 0);
        assertEq(_voteSlots(erin), 1);
        assertEq(_votedAt(erin), 0, "erin has no inline checkpoint");
        assertEq(pool.getVotes(dave), 0);
        assertEq(pool.getVotes(erin), s1);
        vm.warp(t2 + 1);
        assertEq(pool.getPastVotes(dave, t1), s1);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1);
        assertEq(pool.getPastVotes(dave, t2), 0);
        assertEq(pool.getPastVotes(erin, t2 - 1), 0);
        assertEq(pool.getPastVotes(erin, t2), s1);
        // erin's own first stake now goes to its history (it holds delegated votes): no inline checkpoint.
        uint256 se = _depositAndStake(erin, 10e18);
        assertEq(_votedAt(erin), 0);
        assertEq(pool.getVotes(erin), s1 + se);
    }

    /// @dev Attacker: a delegator still inline stakes more (or schedules), hoping its inline value (its shares) now
    /// counts the new shares for the time before its delegation, or for itself as well as its delegate. The change
    /// first writes the inline checkpoint with the value it had and the delegation's zero; the votes go to erin.
    function test_inline_delegatorChangesItsSharesWhileInline() public {
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        vm.warp(t2 + 5);
        uint256 more = _depositAndStake(dave, 50e18);
        assertEq(_voteSlots(dave), 1);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, 0) << 128);
        assertEq(pool.getVotes(dave), 0);
        assertEq(pool.getVotes(erin), s1 + more);
        vm.warp(block.timestamp + 5);
        _schedule(dave, 20e18);
        assertEq(pool.getVotes(erin), s1 + more - 20e18);
        assertEq(pool.getVotes(dave) + pool.getVotes(erin) + pool.getVotes(seeder), pool.totalVotingSupply());
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1, "one second before the delegation: the value it had");
        assertEq(pool.getPastVotes(dave, t2), 0);
        assertEq(pool.getPastVotes(dave, block.timestamp - 1), 0);
        assertEq(pool.numCheckpoints(dave), 2);
    }

    /// @dev Regression (the deep VotesPool invariant run found it): a delegatee may delegate its own shares too (it
    /// keeps the votes delegated to it). erin stakes (inline); dave, with nothing staked, delegates to erin (no vote
    /// moves: erin stays inline); erin delegates to frank (inline kept); dave stakes: its votes reach erin, whose
    /// history must read her shares until her delegation, then 0, then dave's shares, not her shares plus dave's.
    function test_inline_delegatingDelegateeReceivesVotes() public {
        address frank = makeAddr("frank");
        uint256 t1 = block.timestamp;
        uint256 se = _depositAndStake(erin, 100e18);
        vm.prank(dave);
        pool.delegate(erin);
        vm.warp(t1 + 5);
        uint256 t2 = block.timestamp;
        vm.prank(erin);
        pool.delegate(frank);
        assertEq(_voteSlots(erin), 0, "erin stays inline");
        vm.warp(t2 + 5);
        uint256 t3 = block.timestamp;
        uint256 sd = _depositAndStake(dave, 30e18);
        assertEq(pool.getVotes(erin), sd);
        assertEq(pool.getVotes(frank), se);
        assertEq(_historyWord(erin, 0), _checkpoint(t1, se) | _checkpoint(t2, 0) << 128);
        assertEq(
            pool.getVotes(dave) + pool.getVotes(erin) + pool.getVotes(frank) + pool.getVotes(seeder),
            pool.totalVotingSupply()
        );
        vm.warp(t3 + 1);
        assertEq(pool.getPastVotes(erin, t2 - 1), se);
        assertEq(pool.getPastVotes(erin, t2), 0);
        assertEq(pool.getPastVotes(erin, t3 - 1), 0);
        assertEq(pool.getPastVotes(erin, t3), sd);
    }

    /// @dev The same through a schedule: the inline value before it is the shares plus those scheduled.
    function test_inline_delegatorSchedulesWhileInline() public {
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        vm.warp(t2 + 5);
        _schedule(dave, 30e18);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, 0) << 128);
        assertEq(pool.getVotes(erin), s1 - 30e18);
        assertEq(pool.getVotes(dave), 0);
    }

    /// @dev Undelegating (a delegation period later) from an inline delegator writes its two checkpoints first, then
    /// its votes come back at the undelegation: each boundary read at its second and one before.
    function test_inline_undelegateFromAnInlineDelegator() public {
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        vm.warp(t2 + pool.DELEGATION_PERIOD());
        uint256 t3 = block.timestamp;
        vm.prank(dave);
        pool.delegate(address(0));
        assertEq(_voteSlots(dave), 2);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, 0) << 128);
        assertEq(_historyWord(dave, 1), _checkpoint(t3, s1));
        assertEq(pool.getVotes(dave), s1);
        assertEq(pool.getVotes(erin), 0);
        vm.warp(t3 + 1);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1);
        assertEq(pool.getPastVotes(dave, t2), 0);
        assertEq(pool.getPastVotes(dave, t3 - 1), 0);
        assertEq(pool.getPastVotes(dave, t3), s1);
        assertEq(pool.getPastVotes(erin, t3 - 1), s1);
        assertEq(pool.getPastVotes(erin, t3), 0);
    }

    /// @dev Re-delegating from an inline delegator to a third account: the first delegation's zero is written before
    /// the delegation time moves (else the history would say dave kept its votes until the second delegation).
    function test_inline_redelegateFromAnInlineDelegator() public {
        address frank = makeAddr("frank");
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        vm.warp(t2 + pool.DELEGATION_PERIOD());
        uint256 t3 = block.timestamp;
        vm.prank(dave);
        pool.delegate(frank);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, 0) << 128);
        vm.warp(t3 + 1);
        assertEq(pool.getPastVotes(dave, t2), 0);
        assertEq(pool.getPastVotes(dave, t3), 0);
        assertEq(pool.getPastVotes(erin, t3 - 1), s1);
        assertEq(pool.getPastVotes(erin, t3), 0);
        assertEq(pool.getPastVotes(frank, t3), s1);
        assertEq(pool.getVotes(frank), s1);
    }

    /// @dev A stake and a delegation in the same second: no inline delegation (its checkpoint would have two values at
    /// one time); the history holds the second's last value, 0.
    function test_inline_stakeAndDelegateInOneSecond() public {
        uint256 t1 = block.timestamp;
        uint256 s1 = _depositAndStake(dave, 100e18);
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(_voteSlots(dave), 1);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, 0));
        assertEq(pool.numCheckpoints(dave), 1);
        vm.warp(t1 + 1);
        assertEq(pool.getPastVotes(dave, t1), 0);
        assertEq(pool.getPastVotes(erin, t1), s1);
    }

    /// @dev An inline delegator whose era ends: lookups before the wipe-out keep its value until the delegation,
    /// then 0; `syncShareEra` writes the two checkpoints (no era marker: its latest value is 0 already).
    function test_inline_delegatorThenWipeOut() public {
        (uint256 t1, uint256 s1, uint256 t2) = _stakeThenDelegate(dave, erin);
        vm.warp(t2 + 1 hours);
        _payOut(pool.totalStake());
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1);
        assertEq(pool.getPastVotes(dave, t2), 0);
        assertEq(pool.numCheckpoints(dave), 2);
        StakingPool(address(pool)).syncShareEra(dave);
        assertEq(_voteSlots(dave), 1);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(t2, 0) << 128);
        assertEq(pool.numCheckpoints(dave), 2);
        assertEq(pool.getPastVotes(dave, t2 - 1), s1);
        assertEq(pool.getVotes(dave), 0);
    }

    /// @dev An inline account of an ended era that delegates in the new era does not stay inline (its value is void
    /// from the wipe-out on, which only the history can say): the checkpoint is written, then the era's zero.
    function test_inline_staleInlineAccountDelegates() public {
        (, uint256 s1, uint256 wipedAt) = _stakeThenWipeOut(dave);
        vm.warp(wipedAt + 1 hours);
        _depositAndStake(erin, 50e18);
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(_voteSlots(dave), 1);
        vm.warp(block.timestamp + 1);
        assertEq(pool.getPastVotes(dave, wipedAt - 1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt), 0);
        assertEq(pool.getVotes(dave), 0);
    }

    /// @dev A delegation to an account whose only checkpoint is inline: that checkpoint goes to its history first.
    function test_inline_delegationToAnInlineAccount() public {
        uint256 t1 = block.timestamp;
        uint256 se = _depositAndStake(erin, 100e18);
        uint256 sd = _depositAndStake(dave, 30e18);
        vm.warp(t1 + 7);
        uint256 t2 = block.timestamp;
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(_voteSlots(erin), 1);
        assertEq(_historyWord(erin, 0), _checkpoint(t1, se) | _checkpoint(t2, se + sd) << 128);
        vm.warp(t2 + 1);
        assertEq(pool.getPastVotes(erin, t1 - 1), 0);
        assertEq(pool.getPastVotes(erin, t1), se);
        assertEq(pool.getPastVotes(erin, t2 - 1), se);
        assertEq(pool.getPastVotes(erin, t2), se + sd);
        assertEq(pool.getPastVotes(dave, t2 - 1), sd);
        assertEq(pool.getPastVotes(dave, t2), 0);
        // erin's own change afterwards, and its lookups.
        uint256 more = _depositAndStake(erin, 1e18);
        assertEq(pool.getVotes(erin), se + sd + more);
    }

    /// @dev A wipe-out voids an inline checkpoint's votes from the wipe-out on (read as the marker), and lookups
    /// before it keep the inline value; the account's next stake (a new era) first writes the inline checkpoint to
    /// the history, then the zero at the wipe-out, then the new value.
    function test_inline_wipeOutThenANewStake() public {
        (uint256 t1, uint256 s1, uint256 wipedAt) = _stakeThenWipeOut(dave);
        assertEq(pool.shareEra(), 1);
        assertEq(pool.getVotes(dave), 0);
        assertEq(pool.numCheckpoints(dave), 2, "the inline checkpoint and the zero marker");
        (uint32 mk, uint96 mv) = pool.checkpoints(dave, 1);
        assertEq(mk, wipedAt);
        assertEq(mv, 0);
        vm.warp(wipedAt + 1 hours);
        assertEq(pool.getPastVotes(dave, t1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt - 1), s1, "one second before the wipe-out");
        assertEq(pool.getPastVotes(dave, wipedAt), 0, "at the wipe-out");

        uint256 t3 = block.timestamp;
        uint256 s3 = _depositAndStake(dave, 20e18);
        assertEq(_voteEra(dave), 1);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, s1) | _checkpoint(wipedAt, 0) << 128);
        assertEq(_voteSlots(dave), 2);
        assertEq(pool.numCheckpoints(dave), 3);
        vm.warp(t3 + 1);
        assertEq(pool.getPastVotes(dave, t1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt - 1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt), 0);
        assertEq(pool.getPastVotes(dave, t3 - 1), 0);
        assertEq(pool.getPastVotes(dave, t3), s3);
        assertEq(pool.getVotes(dave), s3);
    }

    /// @dev `syncShareEra` voids the shares that are an inline checkpoint's value: it writes the checkpoint to the
    /// history first, so lookups before the wipe-out keep it.
    function test_inline_syncShareEraKeepsThePastVotes() public {
        (uint256 t1, uint256 s1, uint256 wipedAt) = _stakeThenWipeOut(dave);
        vm.warp(wipedAt + 1);
        StakingPool(address(pool)).syncShareEra(dave);
        assertEq(pool.sharesOf(dave), 0);
        assertEq(_voteSlots(dave), 1);
        assertEq(pool.getPastVotes(dave, t1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt - 1), s1);
        assertEq(pool.getPastVotes(dave, wipedAt), 0);
        assertEq(pool.getVotes(dave), 0);
        assertEq(pool.numCheckpoints(dave), 2);
    }

    /// @dev A delegation (made in the new era) to an account whose inline checkpoint belongs to an ended era and
    /// that was never synced: the checkpoint, then the zero at the wipe-out, then the delegated votes.
    function test_inline_delegationToAStaleInlineAccount() public {
        (uint256 t1, uint256 se, uint256 wipedAt) = _stakeThenWipeOut(erin);
        vm.warp(wipedAt + 1 hours);
        uint256 sd = _depositAndStake(dave, 50e18);
        vm.warp(block.timestamp + 1);
        uint256 t3 = block.timestamp;
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(pool.getVotes(erin), sd);
        assertEq(_historyWord(erin, 0), _checkpoint(t1, se) | _checkpoint(wipedAt, 0) << 128);
        vm.warp(t3 + 1);
        assertEq(pool.getPastVotes(erin, t1), se);
        assertEq(pool.getPastVotes(erin, wipedAt - 1), se);
        assertEq(pool.getPastVotes(erin, wipedAt), 0);
        assertEq(pool.getPastVotes(erin, t3 - 1), 0);
        assertEq(pool.getPastVotes(erin, t3), sd);
        // erin's own new stake: its era syncs (its history has slots now, nothing inline to write).
        uint256 se2 = _depositAndStake(erin, 10e18);
        assertEq(pool.getVotes(erin), sd + se2);
    }

    /// @dev Regression (found while writing the prototype): an inline checkpoint of value 0 (stake and schedule of all
    /// shares in one second), then a delegation with no shares staked (no votes move), then a stake: the stake's votes
    /// go to the delegatee, and the delegator's inline value (its shares) must not count for it too.
    function test_inline_zeroInlineThenDelegateWithNoSharesThenStake() public {
        uint256 t1 = block.timestamp;
        uint256 s1 = _depositAndStake(dave, 100e18);
        _schedule(dave, s1);
        assertEq(pool.getVotes(dave), 0);
        vm.warp(t1 + 1);
        vm.prank(dave);
        pool.delegate(erin);
        assertEq(_voteSlots(dave), 0, "kept inline: 0 shares since t1, and 0 votes since the delegation");
        vm.warp(t1 + 2);
        uint256 s2 = _depositAndStake(dave, 10e18);
        assertEq(_historyWord(dave, 0), _checkpoint(t1, 0) | _checkpoint(t1 + 1, 0) << 128);
        assertEq(pool.getVotes(dave), 0, "dave delegates: no votes");
        assertEq(pool.getVotes(erin), s2);
        assertEq(pool.getVotes(dave) + pool.getVotes(erin) + pool.getVotes(seeder), pool.totalVotingSupply());
        vm.warp(t1 + 3);
        assertEq(pool.getPastVotes(dave, t1), 0);
        assertEq(pool.getPastVotes(dave, t1 + 2), 0);
        assertEq(pool.getPastVotes(erin, t1 + 2), s2);
    }

    /// @dev The unstaked field is 96 bits (it shares the account slot with the inline checkpoint's time): a deposit
    /// to exactly 2^96 - 1 is stored, one unit more reverts with the balance and the bound, nothing written.
    function test_unstaked_atTheLimitAndOnePast() public {
        uint256 max = type(uint96).max;
        vm.prank(owner);
        token.mint(dave, max);
        uint256 before = pool.unstakedOf(dave);
        _deposit(dave, max - before);
        assertEq(pool.unstakedOf(dave), max);
        assertEq(uint96(_accountWord(dave)), max);
        assertEq(uint96(_accountWord(dave) >> 96), 0, "shares untouched");

        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakedBalanceOverflow.selector, dave, max + 1, max));
        _deposit(dave, 1);
        // depositWithVesting, the other way in, has the same bound.
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakedBalanceOverflow.selector, dave, max + 1, max));
        vm.prank(vester);
        pool.depositWithVesting(dave, 1, block.timestamp, block.timestamp + 1 weeks);
        assertEq(pool.unstakedOf(dave), max);
        // depositAndStake from a full balance stakes the new tokens, leaving the unstaked balance as it was.
        vm.prank(owner);
        token.mint(dave, 10e18);
        uint256 shares = _depositAndStake(dave, 10e18);
        assertEq(pool.unstakedOf(dave), max);
        assertEq(pool.getVotes(dave), shares);
    }

    /// @dev Attacker's mistake or a whale's: a scheduled exit whose amount could never be credited to the 96-bit unstaked
    /// balance would be stuck (it cannot be replaced while pending). `scheduleUnstake` refuses it with the balance it
    /// would reach, one unit past the limit, and accepts it exactly at the limit.
    function test_scheduleUnstake_refusesAnExitTheUnstakedBalanceCouldNotHold() public {
        uint256 max = type(uint96).max;
        vm.prank(owner);
        token.mint(dave, max);
        uint256 shares = _depositAndStake(dave, 100e18);
        uint256 amount = pool.convertToAssets(shares);
        _deposit(dave, max - amount + 1 - pool.unstakedOf(dave));
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakedBalanceOverflow.selector, dave, max + 1, max));
        vm.prank(dave);
        pool.scheduleUnstake(shares);

        vm.prank(dave);
        pool.withdraw(dave, 1);
        assertEq(_schedule(dave, shares), amount);
        vm.warp(block.timestamp + pool.unstakeWaitPeriod());
        pool.unstake(dave);
        assertEq(pool.unstakedOf(dave), max, "credited exactly to the limit");
    }

    /// @dev The unstake's own check: an exit scheduled within the bound, then a deposit that leaves no room for it.
    /// `unstake` reverts with the balance it would reach and credits nothing; once the user withdrew the overflow
    /// (one unit), it credits the exit exactly to the limit.
    function test_unstake_refusesAnExitADepositLeftNoRoomFor() public {
        uint256 max = type(uint96).max;
        vm.prank(owner);
        token.mint(dave, max);
        uint256 shares = _depositAndStake(dave, 100e18);
        uint256 amount = _schedule(dave, shares);
        _deposit(dave, max - amount + 1 - pool.unstakedOf(dave));
        vm.warp(block.timestamp + pool.unstakeWaitPeriod());
        uint256 unstaked = pool.unstakedOf(dave);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakedBalanceOverflow.selector, dave, max + 1, max));
        pool.unstake(dave);
        assertEq(pool.unstakedOf(dave), unstaked);
        assertEq(pool.pendingUnstakeOf(dave).shares, shares, "still pending");

        vm.prank(dave);
        pool.withdraw(dave, 1);
        pool.unstake(dave);
        assertEq(pool.unstakedOf(dave), max);
    }

    /// @dev A user's shares are bounded by the votes' 96 bits, as before (the total's checkpoint bounds them too):
    /// the narrower field keeps `CheckpointValueOverflow`, and never truncates.
    function test_shares_pastTheVotesBoundReverts() public {
        uint256 max = type(uint96).max;
        uint256 amount = max + max / 100; // over 2^96 shares at any price below 1.01
        vm.prank(owner);
        token.mint(dave, amount);
        assertGt(pool.convertToShares(amount), max);
        vm.expectPartialRevert(PackedCheckpoints.CheckpointValueOverflow.selector);
        _depositAndStake(dave, amount);
        assertEq(pool.sharesOf(dave), 0);
    }
}
