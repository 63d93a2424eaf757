// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {StakingPool} from "../../src/StakingPool.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @notice Drives the real StakingPool (stakes, scheduled and executed unstakes, delegations, payouts, reward
/// accrual, time) and records, for every second that saw a change, each actor's votes and the total, so the
/// invariant test can check that the pool calls the votes hooks on every path. Payouts take up to 20% of the
/// stake, and sometimes all of it: a wipe-out ends the share era and voids every vote at once.
contract VotesPoolHandler is CommonBase, StdUtils {
    IStakingPool public immutable pool;
    address public immutable claimsManager;
    address[] public actors;

    mapping(address actor => address delegatee) public modelDelegatee; // 0 = none
    /// The share era in which each actor's pending unstake was scheduled.
    mapping(address actor => uint256 era) public pendingEraOf;
    uint256 public wipeOuts;

    uint256[] public touched;
    mapping(uint256 timepoint => uint256 total) public totalAt;
    mapping(uint256 timepoint => mapping(address actor => uint256 votes)) public votesAt;

    constructor(IStakingPool pool_, address claimsManager_, address[] memory actors_) {
        pool = pool_;
        claimsManager = claimsManager_;
        actors = actors_;
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function touchedCount() external view returns (uint256) {
        return touched.length;
    }

    function stake(uint256 actorSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        vm.prank(actor);
        pool.depositAndStake(bound(amount, 1e18, 10_000e18));
        _record();
    }

    function scheduleUnstake(uint256 actorSeed, uint256 shares) external {
        address actor = actors[actorSeed % actors.length];
        uint256 owned = pool.sharesOf(actor);
        if (owned == 0 || pool.pendingUnstakeOf(actor).shares != 0) return;
        vm.prank(actor);
        pool.scheduleUnstake(bound(shares, 1, owned));
        pendingEraOf[actor] = pool.shareEra();
        _record();
    }

    function unstake(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        uint256 maturesAt = pool.pendingUnstakeOf(actor).maturesAt;
        if (maturesAt == 0 || maturesAt > block.timestamp) return;
        pool.unstake(actor);
        _record();
    }

    function delegate(uint256 actorSeed, uint256 toSeed) external {
        address actor = actors[actorSeed % actors.length];
        uint256 index = toSeed % (actors.length + 1);
        address to = index == actors.length ? address(0) : actors[index];
        vm.prank(actor);
        try pool.delegate(to) {
            modelDelegatee[actor] = to == actor ? address(0) : to;
            _record();
        } catch {}
    }

    function payOut(uint256 fraction) external {
        uint256 amount = pool.totalStake() * bound(fraction, 1, 20) / 100;
        if (amount == 0) return;
        vm.prank(claimsManager);
        pool.payOutClaim(address(0xBEEF), amount);
        _record();
    }

    /// A payout of the whole stake (one call in four), which ends the share era.
    function wipeOut(uint256 seed) external {
        uint256 amount = pool.totalStake();
        if (amount == 0 || seed % 4 != 0) return;
        vm.prank(claimsManager);
        pool.payOutClaim(address(0xBEEF), amount);
        ++wipeOuts;
        _record();
    }

    /// Anyone may sync an actor's era: after a wipe-out it writes an inline first checkpoint (and its delegation's
    /// zero) to the history with no vote change after it, a state the actor's next change must then read right.
    function syncShareEra(uint256 actorSeed) external {
        address actor = actors[actorSeed % actors.length];
        StakingPool(address(pool)).syncShareEra(actor);
        _record();
    }

    function accrue() external {
        pool.accrue();
        _record();
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
    }

    /// The model's votes: own staked shares unless delegating, plus staked shares of actors delegating to it.
    function modelVotes(address actor) public view returns (uint256 v) {
        if (modelDelegatee[actor] == address(0)) v = pool.sharesOf(actor);
        for (uint256 i = 0; i < actors.length; i++) {
            if (modelDelegatee[actors[i]] == actor) v += pool.sharesOf(actors[i]);
        }
    }

    function _record() private {
        uint256 n = touched.length;
        if (n == 0 || touched[n - 1] != block.timestamp) touched.push(block.timestamp);
        uint256 total;
        for (uint256 i = 0; i < actors.length; i++) {
            total += pool.sharesOf(actors[i]);
            votesAt[block.timestamp][actors[i]] = modelVotes(actors[i]);
        }
        totalAt[block.timestamp] = total;
    }
}

contract VotesPoolInvariantTest is PoolFixture {
    VotesPoolHandler internal handler;
    address[] internal actors;

    function setUp() public override {
        super.setUp();
        actors.push(alice);
        actors.push(bob);
        actors.push(carol);
        actors.push(makeAddr("dave"));
        _fund(actors[3]);
        handler = new VotesPoolHandler(pool, claims, actors);
        targetContract(address(handler));
    }

    /// Shares pending unstake in the current era (those of an ended era are no longer in `totalShares`).
    function _pendingShares() internal view returns (uint256 sum) {
        for (uint256 i = 0; i < actors.length; i++) {
            if (handler.pendingEraOf(actors[i]) == pool.shareEra()) sum += pool.pendingUnstakeOf(actors[i]).shares;
        }
    }

    /// The fixture's seeder holds one share and never acts.
    function _seederVotes() internal view returns (uint256) {
        assertEq(pool.getVotes(seeder), pool.sharesOf(seeder));
        return pool.getVotes(seeder);
    }

    /// The votes of all stakers sum to the total voting supply, which is every share except those pending unstake
    /// and the dead shares.
    function invariant_votesSumToTotalVotingSupply() public view {
        uint256 sum = _seederVotes();
        for (uint256 i = 0; i < actors.length; i++) {
            sum += pool.getVotes(actors[i]);
        }
        assertEq(sum, pool.totalVotingSupply());
        uint256 totalShares = pool.totalShares();
        if (totalShares != 0) {
            assertEq(
                pool.totalVotingSupply(), totalShares - _pendingShares() - StakingPool(address(pool)).DEAD_SHARES()
            );
        }
    }

    /// Each staker's votes are its own staked shares (unless it delegates) plus those delegated to it.
    function invariant_votesMatchSharesAndDelegations() public view {
        for (uint256 i = 0; i < actors.length; i++) {
            assertEq(pool.getVotes(actors[i]), handler.modelVotes(actors[i]));
        }
    }

    /// At the end of each run: every past second that saw a change answers what it was when it closed.
    function afterInvariant() public view {
        uint256 n = handler.touchedCount();
        for (uint256 k = 0; k < n; k++) {
            uint256 t = handler.touched(k);
            if (t >= block.timestamp) break;
            uint256 sum = pool.getPastVotes(seeder, t);
            for (uint256 i = 0; i < actors.length; i++) {
                uint256 v = pool.getPastVotes(actors[i], t);
                assertEq(v, handler.votesAt(t, actors[i]));
                sum += v;
            }
            assertEq(pool.getPastTotalSupply(t), handler.totalAt(t) + pool.getPastVotes(seeder, t));
            assertEq(sum, pool.getPastTotalSupply(t));
        }
        // Each account's checkpoint list agrees with getPastVotes (wipe-outs included): keys increase, and a
        // checkpoint's value holds from its second to the one before the next checkpoint (or now).
        for (uint256 i = 0; i < actors.length; i++) {
            uint256 count = pool.numCheckpoints(actors[i]);
            for (uint256 j = 0; j < count; j++) {
                (uint32 key, uint96 votes) = pool.checkpoints(actors[i], j);
                uint256 end = block.timestamp;
                if (j + 1 < count) {
                    (uint32 nextKey,) = pool.checkpoints(actors[i], j + 1);
                    assertGt(nextKey, key, "keys increase");
                    end = nextKey;
                }
                if (key < block.timestamp) assertEq(pool.getPastVotes(actors[i], key), votes, "list vs getPastVotes");
                if (end - 1 > key && end - 1 < block.timestamp) {
                    assertEq(pool.getPastVotes(actors[i], end - 1), votes, "value holds until the next checkpoint");
                }
            }
        }
    }
}
