// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolVotesHarness} from "../unit/PoolVotesHarness.t.sol";
import {Test} from "forge-std/Test.sol";

/// @notice Drives stakes, unstakes, delegations and time through PoolVotes and keeps a plain model: each actor's
/// shares and delegate, and the votes and total recorded at the end of every second that saw a change.
contract VotesHandler is Test {
    PoolVotesHarness public immutable votes;
    address[] public actors;

    mapping(address actor => address delegatee) public modelDelegatee; // 0 = none
    mapping(address actor => uint256 changedAt) public modelDelegatedAt;

    /// Delegations whose success or revert differed from the rules (checked by an invariant: a handler's own
    /// failed assertion would only count as a revert).
    uint256 public mismatches;

    uint256[] public touched; // seconds at which something changed, increasing
    mapping(uint256 timepoint => uint256 total) public totalAt;
    mapping(uint256 timepoint => mapping(address actor => uint256 votes)) public votesAt;

    constructor(PoolVotesHarness votes_) {
        votes = votes_;
        for (uint256 i = 0; i < 5; i++) {
            actors.push(makeAddr(string(abi.encodePacked("actor", vm.toString(i)))));
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function touchedCount() external view returns (uint256) {
        return touched.length;
    }

    function stake(uint256 actorSeed, uint256 shares) external {
        address actor = actors[actorSeed % actors.length];
        shares = bound(shares, 1, 1e24);
        votes.stake(actor, shares);
        _record();
    }

    function scheduleUnstake(uint256 actorSeed, uint256 shares) external {
        address actor = actors[actorSeed % actors.length];
        uint256 owned = votes.sharesOf(actor);
        if (owned == 0) return;
        votes.scheduleUnstake(actor, bound(shares, 1, owned));
        _record();
    }

    function delegate(uint256 actorSeed, uint256 toSeed) external {
        address actor = actors[actorSeed % actors.length];
        // index == actors.length means "undelegate"
        uint256 index = toSeed % (actors.length + 1);
        address to = index == actors.length ? address(0) : actors[index];
        address target = to == actor ? address(0) : to;
        bool tooSoon = modelDelegatedAt[actor] != 0 && block.timestamp < modelDelegatedAt[actor] + 1 weeks;
        bool unchanged = target == modelDelegatee[actor];
        bool chained = target != address(0) && modelDelegatee[target] != address(0);
        vm.prank(actor);
        try votes.delegate(to) {
            if (tooSoon || unchanged || chained) mismatches++;
            modelDelegatee[actor] = target;
            modelDelegatedAt[actor] = block.timestamp;
            _record();
        } catch {
            if (!(tooSoon || unchanged || chained)) mismatches++;
        }
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 10 days));
    }

    /// The model's votes of `actor`: own shares unless delegating, plus shares of actors delegating to it.
    function modelVotes(address actor) public view returns (uint256 v) {
        if (modelDelegatee[actor] == address(0)) v = votes.sharesOf(actor);
        for (uint256 i = 0; i < actors.length; i++) {
            if (modelDelegatee[actors[i]] == actor) v += votes.sharesOf(actors[i]);
        }
    }

    function _record() private {
        uint256 n = touched.length;
        if (n == 0 || touched[n - 1] != block.timestamp) touched.push(block.timestamp);
        uint256 total;
        for (uint256 i = 0; i < actors.length; i++) {
            total += votes.sharesOf(actors[i]);
            votesAt[block.timestamp][actors[i]] = modelVotes(actors[i]);
        }
        totalAt[block.timestamp] = total;
    }
}

contract VotesInvariantTest is Test {
    PoolVotesHarness internal votes;
    VotesHandler internal handler;

    function setUp() public {
        vm.warp(1_700_000_000);
        votes = new PoolVotesHarness();
        handler = new VotesHandler(votes);
        targetContract(address(handler));
    }

    /// `delegate` succeeded exactly when the rules allow it (not within a week, not unchanged, not to a delegator).
    function invariant_delegationFollowsTheRules() public view {
        assertEq(handler.mismatches(), 0);
    }

    /// Sum of all voting power == total voting supply, now.
    function invariant_sumOfVotesEqualsTotalSupply() public view {
        uint256 sum;
        for (uint256 i = 0; i < handler.actorCount(); i++) {
            sum += votes.getVotes(handler.actors(i));
        }
        assertEq(sum, votes.totalVotingSupply());
    }

    /// Each account's votes == own shares (if not delegating) + shares delegated to it (one hop).
    function invariant_votesMatchTheDelegationModel() public view {
        for (uint256 i = 0; i < handler.actorCount(); i++) {
            address actor = handler.actors(i);
            assertEq(votes.getVotes(actor), handler.modelVotes(actor));
            address d = handler.modelDelegatee(actor);
            assertEq(votes.delegates(actor), d == address(0) ? actor : d);
        }
    }

    /// The newest past seconds that saw a change (checked after every call) answer what the model recorded, and
    /// their past votes sum to their past total supply.
    function invariant_pastVotesSumToPastTotalAtRecentClocks() public view {
        uint256 n = handler.touchedCount();
        _checkPast(n > 8 ? n - 8 : 0, n);
    }

    /// At the end of each run, every past second that saw a change, from the first (history is never rewritten).
    function afterInvariant() public view {
        _checkPast(0, handler.touchedCount());
    }

    function _checkPast(uint256 from, uint256 to) internal view {
        for (uint256 k = from; k < to; k++) {
            uint256 t = handler.touched(k);
            if (t >= block.timestamp) break;
            uint256 previousTotal = k == 0 ? 0 : handler.totalAt(handler.touched(k - 1));
            assertEq(votes.getPastTotalSupply(t - 1), previousTotal);
            uint256 sum;
            for (uint256 i = 0; i < handler.actorCount(); i++) {
                address actor = handler.actors(i);
                uint256 v = votes.getPastVotes(actor, t);
                assertEq(v, handler.votesAt(t, actor));
                sum += v;
            }
            uint256 total = votes.getPastTotalSupply(t);
            assertEq(total, handler.totalAt(t));
            assertEq(sum, total);
        }
    }
}
