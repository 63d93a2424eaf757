// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentRegistryBase, SequencerFeedDouble} from "./IncidentRegistryBase.t.sol";

/// @notice Stale incidents: the staleness edge, the incident's start, extensions of one outage, new outages, open
/// incidents, unreadable feeds and the L2 sequencer's grace.
contract IncidentRegistryStaleTest is IncidentRegistryBase {
    /// @dev The first second ETH/USD counts as stale.
    function _staleFrom(bytes32 dapiName) internal view returns (uint256) {
        return updatedAt[dapiName] + HEARTBEAT + GRACE;
    }

    function test_reportStale_atTheLimitTheFeedIsFresh() public {
        vm.warp(_staleFrom(ETH));
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.FeedNotStale.selector, ETH, updatedAt[ETH], updatedAt[ETH] + HEARTBEAT + GRACE
            )
        );
        _reportStale(ETH);
        assertEq(registry.incidentCount(ETH), 0);
    }

    function test_reportStale_oneSecondPastTheLimitRecordsAnIncident() public {
        uint256 staleFrom = _staleFrom(ETH);
        vm.warp(staleFrom + 1);
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.IncidentReported(
            ETH,
            1,
            reporter,
            IIncidentRegistry.Incident({
                kind: IIncidentRegistry.IncidentKind.Stale,
                definitionVersion: 1,
                startedAt: uint32(staleFrom),
                lastProvenAt: uint32(staleFrom + 1),
                payableAt: uint32(staleFrom + 1),
                feedUpdatedAt: uint32(updatedAt[ETH]),
                deviationBps: 0,
                lastSignedAt: 0,
                voided: false
            }),
            BOUNTY
        );
        vm.expectCall(address(token), bytes(""), 0); // a report moves no tokens
        assertEq(_reportStale(ETH), 1);
        IIncidentRegistry.Incident memory incident = registry.incident(ETH, 1);
        assertEq(uint8(incident.kind), uint8(IIncidentRegistry.IncidentKind.Stale));
        assertEq(incident.startedAt, staleFrom, "starts at updatedAt + heartbeat + grace, not at the report");
        assertEq(incident.payableAt, staleFrom + 1, "payable at once: the chain proves it");
        assertEq(registry.incidentCount(ETH), 1);
        assertEq(registry.earnedBounties(reporter), BOUNTY);
        assertEq(registry.bountyFunds(), FUNDING - BOUNTY);
        assertTrue(registry.hasOpenIncident(ETH));
        assertFalse(registry.hasOpenIncident(BTC), "another dAPI is untouched");
    }

    function test_reportStale_startsLongBeforeALateReport() public {
        vm.warp(_staleFrom(ETH) + 3 days);
        _reportStale(ETH);
        assertEq(registry.incident(ETH, 1).startedAt, _staleFrom(ETH));
        assertEq(registry.incident(ETH, 1).lastProvenAt, block.timestamp);
    }

    function test_reportStale_extendsTheSameOutageOncePerInterval() public {
        vm.warp(_staleFrom(ETH) + 1);
        _reportStale(ETH);
        uint256 first = block.timestamp;

        vm.warp(first + INTERVAL - 1);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.ReportTooSoon.selector, ETH, 1, first + INTERVAL));
        _reportStale(ETH);

        vm.warp(first + INTERVAL);
        assertEq(_reportStale(ETH), 1, "the same outage extends its incident");
        IIncidentRegistry.Incident memory incident = registry.incident(ETH, 1);
        assertEq(incident.lastProvenAt, first + INTERVAL);
        assertEq(incident.startedAt, _staleFrom(ETH), "the start does not move");
        assertEq(incident.payableAt, first, "nor does the payable time");
        assertEq(registry.incidentCount(ETH), 1);
        assertEq(registry.earnedBounties(reporter), 2 * BOUNTY, "an extension earns the bounty too");
    }

    function test_reportStale_aNewOutageAfterAnUpdateStartsANewIncident() public {
        vm.warp(_staleFrom(ETH) + 1);
        _reportStale(ETH);
        IIncidentRegistry.Incident memory first = registry.incident(ETH, 1);

        _pushFeed(ETH, ETH_PRICE);
        assertFalse(registry.hasOpenIncident(ETH), "the feed updated: the outage is over");
        vm.warp(_staleFrom(ETH) + 1);
        assertEq(_reportStale(ETH), 2);
        assertEq(registry.incident(ETH, 2).startedAt, _staleFrom(ETH));
        assertEq(registry.incident(ETH, 2).feedUpdatedAt, updatedAt[ETH]);
        assertEq(keccak256(abi.encode(registry.incident(ETH, 1))), keccak256(abi.encode(first)), "the old one stays");
        (uint256 staleId,) = registry.latestIncidentIds(ETH);
        assertEq(staleId, 2);
    }

    function test_reportStale_freshFeedRecordsNothing() public {
        vm.warp(block.timestamp + 1 hours);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.FeedNotStale.selector, ETH, updatedAt[ETH], _staleFrom(ETH))
        );
        _reportStale(ETH);
        assertEq(registry.incidentCount(ETH), 0);
        assertEq(registry.earnedBounties(reporter), 0);
        assertFalse(registry.hasOpenIncident(ETH));
    }

    function test_reportStale_revertsWithoutADefinition() public {
        vm.warp(_staleFrom(ETH) + 1);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownDefinition.selector, bytes32("API3/USD"), 0));
        registry.reportStale("API3/USD");
    }

    function test_reportDeviation_revertsWithoutADefinition() public {
        IIncidentRegistry.SignedValue[] memory none = new IIncidentRegistry.SignedValue[](0);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownDefinition.selector, bytes32("API3/USD"), 0));
        registry.reportDeviation("API3/USD", none);
    }

    function test_reportStale_revertsOnAnUnreadableFeed() public {
        bytes32 unset = "SOL/USD";
        vm.prank(primary);
        registry.setIncidentDefinition(unset, _definition(unset));
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.FeedUnreadable.selector, unset));
        registry.reportStale(unset);
    }

    function test_reportStale_aNewDefinitionVersionJudgesButKeepsTheOutagesIncident() public {
        vm.warp(_staleFrom(ETH) + 1);
        _reportStale(ETH);
        IIncidentRegistry.IncidentDefinition memory longer = _definition(ETH);
        longer.heartbeat = 2 days;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, longer);

        vm.warp(block.timestamp + INTERVAL);
        uint256 staleFrom = updatedAt[ETH] + 2 days + GRACE;
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.FeedNotStale.selector, ETH, updatedAt[ETH], staleFrom));
        _reportStale(ETH);
        assertTrue(registry.hasOpenIncident(ETH), "the recorded outage still holds");

        vm.warp(staleFrom + 1);
        assertEq(_reportStale(ETH), 1, "still the same outage");
        assertEq(registry.incident(ETH, 1).definitionVersion, 1, "proven first under version 1");
        assertEq(registry.incident(ETH, 1).lastProvenAt, staleFrom + 1);
    }

    function test_hasOpenIncident_anUnreadableFeedKeepsAStaleIncidentOpen() public {
        vm.warp(_staleFrom(ETH) + 1);
        _reportStale(ETH);
        _pushFeed(ETH, ETH_PRICE);
        assertFalse(registry.hasOpenIncident(ETH));
        api3ServerV1.setDapiName(ETH, bytes32(0));
        assertTrue(registry.hasOpenIncident(ETH), "a feed nobody can read is still failing");
    }

    // -------------------------------------------------------------- sequencer

    function _withSequencer(uint256 sequencerGrace) internal returns (SequencerFeedDouble feed) {
        feed = new SequencerFeedDouble();
        feed.set(0, START - 30 days);
        IIncidentRegistry.IncidentDefinition memory d = _definition(ETH);
        d.sequencerUptimeFeed = address(feed);
        d.sequencerGrace = sequencerGrace;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, d);
    }

    function test_reportStale_refusedWhileTheSequencerIsDown() public {
        SequencerFeedDouble feed = _withSequencer(1 hours);
        vm.warp(_staleFrom(ETH) + 1);
        feed.set(1, block.timestamp - 10 minutes);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.SequencerDown.selector, address(feed)));
        _reportStale(ETH);
        feed.set(0, 0);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.SequencerDown.selector, address(feed)));
        _reportStale(ETH);
        feed.breakIt();
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.SequencerDown.selector, address(feed)));
        _reportStale(ETH);
        assertEq(registry.incidentCount(ETH), 0);
    }

    function test_reportStale_sequencerGraceAtTheLimitAndOnePast() public {
        SequencerFeedDouble feed = _withSequencer(1 hours);
        vm.warp(_staleFrom(ETH) + 1 days);
        uint256 upSince = block.timestamp - 1 hours;
        feed.set(0, upSince);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.SequencerGracePeriod.selector, address(feed), upSince + 1 hours)
        );
        _reportStale(ETH);

        vm.warp(block.timestamp + 1);
        _reportStale(ETH);
        assertEq(registry.incident(ETH, 1).startedAt, upSince + 1 hours, "staleness counts after the grace only");
    }

    function test_reportStale_aSequencerOutageLongAgoDoesNotMoveTheStart() public {
        _withSequencer(1 hours);
        vm.warp(_staleFrom(ETH) + 1);
        _reportStale(ETH);
        assertEq(registry.incident(ETH, 1).startedAt, _staleFrom(ETH));
    }
}
