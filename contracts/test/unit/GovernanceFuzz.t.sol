// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {GovernorProposalRateLimit} from "../../src/governance/GovernorProposalRateLimit.sol";
import {GovernorThresholdFraction} from "../../src/governance/GovernorThresholdFraction.sol";
import {PoolGovernor} from "../../src/governance/PoolGovernor.sol";
import {GovernanceBase} from "./GovernanceBase.t.sol";
import {GovernancePoolHarness} from "./GovernanceHarness.t.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {stdError} from "forge-std/Test.sol";

/// @notice Property tests of the DAO's own rules (README "Voting power and governance", `PoolGovernor`): the
/// bounds of the proposal threshold fraction and of the other governed settings, the threshold's value, who may
/// propose, and one proposal per proposer per `PROPOSAL_INTERVAL`. Every expectation comes from a reference written
/// here from the rules (the literal bounds, a ceiling division, a model of each proposer's last proposal), never
/// from the code under test.
contract GovernanceFuzzTest is GovernanceBase {
    // The rules, written out (not read from the contracts).
    uint256 internal constant MIN_BPS = 10; // 0.1%
    uint256 internal constant MAX_BPS = 1000; // 10%
    uint256 internal constant BPS = 10_000;
    uint256 internal constant MIN_DELAY = 1;
    uint256 internal constant MAX_DELAY = 7 days;
    uint256 internal constant MIN_PERIOD = 1 days;
    uint256 internal constant MAX_PERIOD = 28 days;
    uint256 internal constant MIN_QUORUM = 10;
    uint256 internal constant MAX_QUORUM = 75;
    uint256 internal constant INTERVAL = 7 days; // one proposal per proposer per week (rolling)
    uint256 internal constant TIMELOCK_DELAY = 2 days;

    address internal dave = makeAddr("dave"); // no votes

    // ------------------------------------------------------------------ references and helpers

    /// The rule: ceil(supply x bps / 10,000), and at least 1.
    function _refThreshold(uint256 supply, uint256 bps) internal pure returns (uint256) {
        uint256 product = supply * bps;
        uint256 threshold = product / BPS;
        if (threshold * BPS != product) threshold += 1;
        return threshold == 0 ? 1 : threshold;
    }

    function _inside(uint256 value, uint256 min, uint256 max) internal pure returns (bool) {
        return value >= min && value <= max;
    }

    /// A value for a bounds property, from `seed`: inside [min, max], below it, above it (up to `typeMax`), or one
    /// of the four edges min - 1, min, max, max + 1. `min` > 0 and `max` < `typeMax` in every use.
    function _pick(uint256 seed, uint256 min, uint256 max, uint256 typeMax) internal pure returns (uint256) {
        uint256 r = seed >> 8;
        uint256 mode = seed % 4;
        if (mode == 0) return min + r % (max - min + 1);
        if (mode == 1) return r % min;
        if (mode == 2) return max + 1 + r % (typeMax - max);
        uint256[4] memory edges = [min - 1, min, max, max + 1];
        return edges[r % 4];
    }

    function _governor(bool usePrimary) internal view returns (PoolGovernor) {
        return usePrimary ? primary : secondary;
    }

    /// Proposes a call of `target` as alice (60% of the votes: passes either quorum), votes it through, queues it
    /// and waits the timelock delay: the next call may execute it.
    function _readyToExecute(PoolGovernor governor, address target, bytes memory data, string memory text)
        internal
        returns (uint256 id)
    {
        id = _propose(governor, alice, target, data, text);
        _voteFor(governor, id, _voters(alice));
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(target, data);
        governor.queue(targets, values, calldatas, keccak256(bytes(text)));
        vm.warp(block.timestamp + TIMELOCK_DELAY);
    }

    function _execute(PoolGovernor governor, address target, bytes memory data, string memory text) internal {
        (address[] memory targets, uint256[] memory values, bytes[] memory calldatas) = _single(target, data);
        governor.execute(targets, values, calldatas, keccak256(bytes(text)));
    }

    /// A proposal of `governor` calling itself with `data` passes, and its execution reverts with `err`.
    function _executeExpectingRevert(PoolGovernor governor, bytes memory data, string memory text, bytes memory err)
        internal
    {
        uint256 id = _readyToExecute(governor, address(governor), data, text);
        vm.expectRevert(err);
        _execute(governor, address(governor), data, text);
        assertEq(uint256(governor.state(id)), uint256(IGovernor.ProposalState.Queued));
    }

    function _settings(uint256 delay, uint256 period, uint256 quorum, uint256 bps)
        internal
        pure
        returns (PoolGovernor.Settings memory)
    {
        return PoolGovernor.Settings("fuzz", uint48(delay), uint32(period), quorum, bps);
    }

    function _boundsError(uint256 value, uint256 min, uint256 max) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(PoolGovernor.GovernorSettingOutOfBounds.selector, value, min, max);
    }

    function _fractionError(uint256 bps) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(
            GovernorThresholdFraction.GovernorThresholdFractionOutOfBounds.selector, bps, MIN_BPS, MAX_BPS
        );
    }

    // ------------------------------------------------------------------ threshold fraction: bounds

    function test_constants_matchTheRules() public view {
        assertEq(primary.MIN_THRESHOLD_BPS(), MIN_BPS);
        assertEq(primary.MAX_THRESHOLD_BPS(), MAX_BPS);
        assertEq(primary.MIN_VOTING_DELAY(), MIN_DELAY);
        assertEq(primary.MAX_VOTING_DELAY(), MAX_DELAY);
        assertEq(primary.MIN_VOTING_PERIOD(), MIN_PERIOD);
        assertEq(primary.MAX_VOTING_PERIOD(), MAX_PERIOD);
        assertEq(primary.MIN_QUORUM_PERCENT(), MIN_QUORUM);
        assertEq(primary.MAX_QUORUM_PERCENT(), MAX_QUORUM);
        assertEq(primary.PROPOSAL_INTERVAL(), INTERVAL);
    }

    /// Every fraction in [0.1%, 10%] passes through a proposal of the governor itself (event, new value, new
    /// threshold); every other one makes the execution revert with the value and the bounds, and changes nothing.
    /// forge-config: default.fuzz.runs = 128
    function testFuzz_setProposalThresholdFraction_byProposal(uint256 seed, bool usePrimary) public {
        uint256 bps = _pick(seed, MIN_BPS, MAX_BPS, type(uint256).max);
        PoolGovernor governor = _governor(usePrimary);
        bytes memory data = abi.encodeCall(governor.setProposalThresholdFraction, (bps));
        if (_inside(bps, MIN_BPS, MAX_BPS)) {
            _readyToExecute(governor, address(governor), data, "threshold");
            vm.expectEmit(address(governor));
            emit GovernorThresholdFraction.ProposalThresholdFractionSet(10, bps);
            _execute(governor, address(governor), data, "threshold");
            assertEq(governor.proposalThresholdFraction(), bps);
            assertEq(governor.proposalThreshold(), _refThreshold(1000e18, bps));
        } else {
            _executeExpectingRevert(governor, data, "threshold", _fractionError(bps));
            assertEq(governor.proposalThresholdFraction(), 10);
        }
        // The other agent is untouched.
        assertEq(_governor(!usePrimary).proposalThresholdFraction(), 10);
    }

    /// Outside an executed proposal of the governor itself, nobody can set the fraction, not even its own timelock
    /// calling directly, nor the other agent's executed proposal.
    /// forge-config: default.fuzz.runs = 64
    function testFuzz_setProposalThresholdFraction_onlyByOwnProposal(address caller, uint256 bps) public {
        bps = bound(bps, MIN_BPS, MAX_BPS);
        vm.assume(caller != address(primaryTimelock));
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, caller));
        vm.prank(caller);
        primary.setProposalThresholdFraction(bps);

        // The timelock itself, outside an execution: no governance call is expected.
        vm.expectRevert(stdError.popError);
        vm.prank(address(primaryTimelock));
        primary.setProposalThresholdFraction(bps);

        // An executed proposal of the secondary agent.
        bytes memory data = abi.encodeCall(primary.setProposalThresholdFraction, (bps));
        _readyToExecute(secondary, address(primary), data, "cross");
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorOnlyExecutor.selector, address(secondaryTimelock)));
        _execute(secondary, address(primary), data, "cross");
        assertEq(primary.proposalThresholdFraction(), 10);
    }

    /// The constructor enforces the same bounds on every setting, in the order the modules are built: voting
    /// delay, voting period, quorum, threshold fraction (the first one out of bounds is reported). Bit i of `free`
    /// lets setting i leave its bounds (else it is drawn inside), so that every combination is reached.
    function testFuzz_constructor_enforcesAllBounds(uint256 d, uint256 p, uint256 q, uint256 b, uint8 free) public {
        uint256 delay =
            free & 1 != 0 ? _pick(d, MIN_DELAY, MAX_DELAY, type(uint48).max) : bound(d, MIN_DELAY, MAX_DELAY);
        uint256 period =
            free & 2 != 0 ? _pick(p, MIN_PERIOD, MAX_PERIOD, type(uint32).max) : bound(p, MIN_PERIOD, MAX_PERIOD);
        uint256 quorum =
            free & 4 != 0 ? _pick(q, MIN_QUORUM, MAX_QUORUM, type(uint256).max) : bound(q, MIN_QUORUM, MAX_QUORUM);
        uint256 bps = free & 8 != 0 ? _pick(b, MIN_BPS, MAX_BPS, type(uint256).max) : bound(b, MIN_BPS, MAX_BPS);
        PoolGovernor.Settings memory settings = _settings(delay, period, quorum, bps);
        bytes memory err;
        if (!_inside(delay, MIN_DELAY, MAX_DELAY)) err = _boundsError(delay, MIN_DELAY, MAX_DELAY);
        else if (!_inside(period, MIN_PERIOD, MAX_PERIOD)) err = _boundsError(period, MIN_PERIOD, MAX_PERIOD);
        else if (!_inside(quorum, MIN_QUORUM, MAX_QUORUM)) err = _boundsError(quorum, MIN_QUORUM, MAX_QUORUM);
        else if (!_inside(bps, MIN_BPS, MAX_BPS)) err = _fractionError(bps);

        if (err.length != 0) {
            vm.expectRevert(err);
            new PoolGovernor(pool, primaryTimelock, settings);
        } else {
            PoolGovernor governor = new PoolGovernor(pool, primaryTimelock, settings);
            assertEq(governor.votingDelay(), delay);
            assertEq(governor.votingPeriod(), period);
            assertEq(governor.quorumNumerator(), quorum);
            assertEq(governor.proposalThresholdFraction(), bps);
        }
    }

    // ------------------------------------------------------------------ the other governed settings

    /// forge-config: default.fuzz.runs = 96
    function testFuzz_setVotingDelay_byProposal(uint256 seed, bool usePrimary) public {
        uint256 value = _pick(seed, MIN_DELAY, MAX_DELAY, type(uint48).max);
        PoolGovernor governor = _governor(usePrimary);
        bytes memory data = abi.encodeCall(governor.setVotingDelay, (uint48(value)));
        _checkSettingByProposal(governor, data, "delay", value, MIN_DELAY, MAX_DELAY, governor.votingDelay, 1 days);
    }

    /// forge-config: default.fuzz.runs = 96
    function testFuzz_setVotingPeriod_byProposal(uint256 seed, bool usePrimary) public {
        uint256 value = _pick(seed, MIN_PERIOD, MAX_PERIOD, type(uint32).max);
        PoolGovernor governor = _governor(usePrimary);
        bytes memory data = abi.encodeCall(governor.setVotingPeriod, (uint32(value)));
        _checkSettingByProposal(governor, data, "period", value, MIN_PERIOD, MAX_PERIOD, governor.votingPeriod, 1 weeks);
    }

    /// A governed setting changed by a proposal that calls `data`: inside [min, max] it takes `value`; outside, the
    /// execution reverts with the bounds error and the setting keeps `unchanged`.
    function _checkSettingByProposal(
        PoolGovernor governor,
        bytes memory data,
        string memory label,
        uint256 value,
        uint256 min,
        uint256 max,
        function() external view returns (uint256) setting,
        uint256 unchanged
    ) internal {
        if (_inside(value, min, max)) {
            _pass(governor, alice, _voters(alice), address(governor), data, label);
            assertEq(setting(), value);
        } else {
            _executeExpectingRevert(governor, data, label, _boundsError(value, min, max));
            assertEq(setting(), unchanged);
        }
    }

    /// Includes numerators above 100 (OpenZeppelin's own check): the bounds are checked first.
    /// forge-config: default.fuzz.runs = 96
    function testFuzz_updateQuorumNumerator_byProposal(uint256 seed, bool usePrimary) public {
        uint256 value = _pick(seed, MIN_QUORUM, MAX_QUORUM, type(uint256).max);
        PoolGovernor governor = _governor(usePrimary);
        uint256 before = governor.quorumNumerator();
        bytes memory data = abi.encodeCall(governor.updateQuorumNumerator, (value));
        if (_inside(value, MIN_QUORUM, MAX_QUORUM)) {
            _pass(governor, alice, _voters(alice), address(governor), data, "quorum");
            assertEq(governor.quorumNumerator(), value);
            vm.warp(block.timestamp + 1);
            assertEq(governor.quorum(block.timestamp - 1), 1000e18 * value / 100);
        } else {
            _executeExpectingRevert(governor, data, "quorum", _boundsError(value, MIN_QUORUM, MAX_QUORUM));
            assertEq(governor.quorumNumerator(), before);
        }
    }

    /// The absolute threshold stays disabled for any value and caller.
    function testFuzz_setProposalThreshold_isDisabled(address caller, uint256 value) public {
        vm.expectRevert(PoolGovernor.GovernorAbsoluteThresholdDisabled.selector);
        vm.prank(caller);
        primary.setProposalThreshold(value);
    }

    // ------------------------------------------------------------------ threshold value

    /// proposalThreshold() == max(1, ceil(fraction x total voting supply one second ago)) while stakes and an
    /// unstake land in successive seconds, each counted from the next second on. `exact` makes every stake a
    /// multiple of 10,000 (no rounding), else the ceiling almost always differs from the floor.
    /// forge-config: default.fuzz.runs = 256
    function testFuzz_proposalThreshold_isCeilOfFractionOfSupplyOneSecondAgo(
        uint256 bpsSeed,
        uint96[4] memory stakes,
        uint96 unstakeSeed,
        bool exact
    ) public {
        uint256 bps = bound(bpsSeed, MIN_BPS, MAX_BPS);
        GovernancePoolHarness p = new GovernancePoolHarness(address(1), address(2));
        PoolGovernor governor = new PoolGovernor(p, primaryTimelock, _settings(1 days, 1 weeks, 50, bps));
        address[4] memory users = [alice, bob, carol, dave];
        uint256 t = block.timestamp;
        uint256 counted; // the supply one second ago
        uint256 current; // the supply now
        for (uint256 i = 0; i < 5; i++) {
            vm.warp(t + i);
            counted = current;
            assertEq(governor.proposalThreshold(), _refThreshold(counted, bps), "before the second's change");
            if (i < 4) {
                uint256 amount = uint256(stakes[i]) >> 2; // 4 x 2^94 fits the pool's 96 bits
                if (exact) amount -= amount % BPS;
                p.stake(users[i], amount);
                current += amount;
            } else {
                uint256 amount = uint256(unstakeSeed) % (p.sharesOf(alice) + 1);
                p.scheduleUnstake(alice, amount);
                current -= amount;
            }
            assertEq(governor.proposalThreshold(), _refThreshold(counted, bps), "the current second does not count");
        }
        vm.warp(t + 5);
        assertEq(governor.proposalThreshold(), _refThreshold(current, bps));
    }

    /// propose succeeds iff the proposer's votes one second ago (own shares not pending unstake + shares delegated
    /// to it) reach the threshold; shares staked in the current second do not count. With `nearBoundary` the votes
    /// land within 2 of the smallest passing amount.
    /// forge-config: default.fuzz.runs = 256
    function testFuzz_propose_succeedsIffVotesReachThreshold(
        uint256 bpsSeed,
        uint256 whaleSeed,
        uint256 votesSeed,
        uint256 splitSeed,
        uint256 unstakeSeed,
        uint256 lateStake,
        bool nearBoundary
    ) public {
        uint256 bps = bound(bpsSeed, MIN_BPS, MAX_BPS);
        uint256 whale = bound(whaleSeed, 0, 2 ** 90);
        uint256 votes;
        if (nearBoundary) {
            // smallest v with v >= (whale + v) x bps / 10,000, give or take 2
            uint256 v0 = (whale * bps + (BPS - bps) - 1) / (BPS - bps);
            votes = v0 + (votesSeed % 5);
            votes = votes < 2 ? 0 : votes - 2;
        } else {
            votes = bound(votesSeed, 0, 2 ** 90);
        }
        uint256 delegated = splitSeed % (votes + 1);
        uint256 own = votes - delegated;
        uint256 unstaked = unstakeSeed % (own + 1);
        lateStake = bound(lateStake, 0, 2 ** 90);

        GovernancePoolHarness p = new GovernancePoolHarness(address(1), address(2));
        PoolGovernor governor = new PoolGovernor(p, primaryTimelock, _settings(1 days, 1 weeks, 50, bps));
        p.stake(alice, whale);
        p.stake(dave, own + unstaked); // dave proposes
        p.stake(bob, delegated);
        vm.prank(bob);
        p.delegate(dave);
        p.scheduleUnstake(dave, unstaked);
        vm.warp(block.timestamp + 1);
        p.stake(dave, lateStake); // this second: not counted

        uint256 threshold = _refThreshold(whale + votes, bps);
        bytes memory data = abi.encodeCall(p.setApr, (0.1e18));
        if (votes >= threshold) {
            uint256 id = _propose(governor, dave, address(p), data, "apr");
            assertEq(governor.proposalProposer(id), dave);
            assertEq(governor.nextProposalAllowedAt(dave), block.timestamp + INTERVAL);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, votes, threshold)
            );
            _propose(governor, dave, address(p), data, "apr");
            assertEq(governor.nextProposalAllowedAt(dave), 0);
        }
        // The delegator's own shares are not its votes.
        vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, bob, 0, threshold));
        _propose(governor, bob, address(p), data, "bob");
    }

    // ------------------------------------------------------------------ one proposal per proposer per epoch

    /// A second proposal by the same proposer less than a week (a pool epoch) after its first reverts with the
    /// time it becomes possible, so never two in one calendar epoch; from a week on it succeeds, which always falls
    /// in the next calendar epoch. Other proposers are unaffected.
    /// forge-config: default.fuzz.runs = 256
    function testFuzz_propose_onePerProposerPerWeek(uint256 startSeed, uint256 gapSeed) public {
        uint256 t0 = START + 1 + bound(startSeed, 0, 520 weeks);
        uint256 gap = gapSeed % 2 == 0 ? (gapSeed >> 1) % (3 * INTERVAL) : INTERVAL - 2 + (gapSeed >> 1) % 5;
        vm.warp(t0);
        _propose(primary, alice, address(pool), abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)), "first");
        uint256 allowedAt = t0 + INTERVAL;
        assertEq(primary.nextProposalAllowedAt(alice), allowedAt);
        assertEq(allowedAt / 1 weeks, t0 / 1 weeks + 1, "allowed within the next calendar epoch");

        vm.warp(t0 + gap);
        bytes memory data = abi.encodeCall(pool.setUnstakeWaitPeriod, (3 weeks));
        bool allowed = gap >= INTERVAL;
        if (allowed) {
            _propose(primary, alice, address(pool), data, "second");
            assertEq(primary.nextProposalAllowedAt(alice), t0 + gap + INTERVAL);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(GovernorProposalRateLimit.GovernorProposalTooSoon.selector, alice, allowedAt)
            );
            _propose(primary, alice, address(pool), data, "second");
            assertEq(primary.nextProposalAllowedAt(alice), allowedAt);
        }
        if ((t0 + gap) / 1 weeks == t0 / 1 weeks) assertFalse(allowed, "two in one calendar epoch");

        // Others: bob and carol (exactly at the threshold) propose now; alice's limit on the other agent is untouched.
        _propose(primary, bob, address(pool), data, "bob");
        _propose(primary, carol, address(pool), data, "carol");
        _propose(secondary, alice, address(pool), abi.encodeCall(pool.setApr, (0.1e18)), "alice on secondary");
    }

    /// A random sequence of proposals by four accounts on both agents against a model of each (agent, proposer)'s
    /// last proposal: a proposal succeeds iff the proposer has the votes and never proposed on that agent or did
    /// so at least a week ago; a rejected proposal leaves the model unchanged. An account without votes (dave) is
    /// rejected by the threshold first.
    /// forge-config: default.fuzz.runs = 128
    function testFuzz_propose_rateLimitModel(uint8[12] memory who, uint32[12] memory gaps) public {
        address[4] memory accounts = [alice, bob, carol, dave]; // dave: no votes
        uint256[4][2] memory lastAt;
        for (uint256 i = 0; i < 12; i++) {
            uint256 g = who[i] & 1;
            uint256 a = (who[i] >> 1) % 4;
            // A quarter of the steps land on the proposer's edge (the second it may propose again, or the one
            // before) when that is still ahead; the others move 0 to 9 days on.
            uint256 edge = lastAt[g][a] + INTERVAL - (gaps[i] >> 2) % 2;
            if (gaps[i] % 4 == 0 && lastAt[g][a] != 0 && edge >= block.timestamp) vm.warp(edge);
            else vm.warp(block.timestamp + uint256(gaps[i] >> 2) % 9 days);
            PoolGovernor governor = g == 0 ? primary : secondary;
            bytes memory data =
                g == 0 ? abi.encodeCall(pool.setUnstakeWaitPeriod, (2 weeks)) : abi.encodeCall(pool.setApr, (0.1e18));
            string memory text = string.concat("step ", vm.toString(i));
            uint256 last = lastAt[g][a];
            if (a == 3) {
                vm.expectRevert(
                    abi.encodeWithSelector(IGovernor.GovernorInsufficientProposerVotes.selector, dave, 0, 1e18)
                );
            } else if (last != 0 && block.timestamp < last + INTERVAL) {
                vm.expectRevert(
                    abi.encodeWithSelector(
                        GovernorProposalRateLimit.GovernorProposalTooSoon.selector, accounts[a], last + INTERVAL
                    )
                );
            } else {
                lastAt[g][a] = block.timestamp;
            }
            _propose(governor, accounts[a], address(pool), data, text);
            for (uint256 k = 0; k < 4; k++) {
                assertEq(primary.nextProposalAllowedAt(accounts[k]), lastAt[0][k] == 0 ? 0 : lastAt[0][k] + INTERVAL);
                assertEq(secondary.nextProposalAllowedAt(accounts[k]), lastAt[1][k] == 0 ? 0 : lastAt[1][k] + INTERVAL);
            }
        }
    }
}
