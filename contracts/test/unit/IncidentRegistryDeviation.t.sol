// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentRegistryBase} from "./IncidentRegistryBase.t.sol";

/// @notice Deviation incidents: signature sets, replays, the threshold and timestamps at their limits, the confirmation
/// gap, extensions and overlaps, the open period.
contract IncidentRegistryDeviationTest is IncidentRegistryBase {
    // ---------------------------------------------------------- the lifecycle

    function test_reportDeviation_startsAnUnconfirmedIncident() public {
        uint256 id = _reportDeviation(ETH, _deviating());
        assertEq(id, 1);
        IIncidentRegistry.Incident memory incident = registry.incident(ETH, 1);
        assertEq(uint8(incident.kind), uint8(IIncidentRegistry.IncidentKind.Deviation));
        assertEq(incident.definitionVersion, 1);
        assertEq(incident.startedAt, block.timestamp);
        assertEq(incident.lastProvenAt, block.timestamp);
        assertEq(incident.payableAt, 0, "unconfirmed");
        assertEq(incident.feedUpdatedAt, updatedAt[ETH]);
        assertEq(incident.deviationBps, 910, "300 / 3300 = 9.09%, rounded up");
        assertEq(incident.lastSignedAt, block.timestamp);
        assertFalse(incident.voided);
        assertEq(registry.earnedBounties(reporter), BOUNTY);
        assertTrue(registry.hasOpenIncident(ETH), "an unconfirmed deviation is a visible failure");
    }

    function test_reportDeviation_confirmsAtTheGapNotBefore() public {
        uint256 start = block.timestamp;
        _reportDeviation(ETH, _deviating());

        vm.warp(start + GAP - 1);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.ReportTooSoon.selector, ETH, 1, start + GAP));
        _reportDeviation(ETH, _deviating());

        vm.warp(start + GAP);
        assertEq(_reportDeviation(ETH, _deviating()), 1);
        IIncidentRegistry.Incident memory incident = registry.incident(ETH, 1);
        assertEq(incident.startedAt, start, "starts at the first report");
        assertEq(incident.lastProvenAt, start + GAP);
        assertEq(incident.payableAt, start + GAP + CHALLENGE, "confirmation + challenge window");
        assertEq(registry.incidentCount(ETH), 1);
        assertEq(registry.earnedBounties(reporter), 2 * BOUNTY);
    }

    function test_reportDeviation_theGapIsAtLeastTheReportInterval() public {
        vm.prank(primary);
        registry.setBounty(BOUNTY, 30 minutes);
        uint256 start = block.timestamp;
        _reportDeviation(ETH, _deviating());
        vm.warp(start + GAP);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.ReportTooSoon.selector, ETH, 1, start + 30 minutes));
        _reportDeviation(ETH, _deviating());
        vm.warp(start + 30 minutes);
        _reportDeviation(ETH, _deviating());
        assertEq(registry.incident(ETH, 1).payableAt, start + 30 minutes + CHALLENGE);
    }

    function test_reportDeviation_extendsAConfirmedIncidentOncePerInterval() public {
        _confirmedDeviation();
        uint256 confirmedAt = block.timestamp;
        uint256 payableAt = registry.incident(ETH, 1).payableAt;

        vm.warp(confirmedAt + INTERVAL - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.ReportTooSoon.selector, ETH, 1, confirmedAt + INTERVAL)
        );
        _reportDeviation(ETH, _deviating());

        vm.warp(confirmedAt + INTERVAL);
        assertEq(_reportDeviation(ETH, _deviating()), 1);
        assertEq(registry.incident(ETH, 1).lastProvenAt, confirmedAt + INTERVAL);
        assertEq(registry.incident(ETH, 1).payableAt, payableAt, "an extension does not move the payable time");
    }

    function test_reportDeviation_keepsTheSmallestDeviationShown() public {
        _reportDeviation(ETH, _deviating());
        vm.warp(block.timestamp + GAP);
        _reportDeviation(ETH, _signed(ETH, QUORUM, 3200e18, block.timestamp));
        assertEq(registry.incident(ETH, 1).deviationBps, 625, "200 / 3200");
        vm.warp(block.timestamp + INTERVAL);
        _reportDeviation(ETH, _signed(ETH, QUORUM, 4000e18, block.timestamp));
        assertEq(registry.incident(ETH, 1).deviationBps, 625);
    }

    function test_reportDeviation_continuesAtTheOpenPeriodLimitAndStartsANewOneAfter() public {
        uint256 start = block.timestamp;
        _reportDeviation(ETH, _deviating());
        vm.warp(start + OPEN_PERIOD);
        assertTrue(registry.hasOpenIncident(ETH));
        assertEq(_reportDeviation(ETH, _deviating()), 1, "at the limit: the same incident, confirmed");

        uint256 last = block.timestamp;
        vm.warp(last + OPEN_PERIOD + 1);
        assertFalse(registry.hasOpenIncident(ETH), "lapsed one second past the open period");
        assertEq(_reportDeviation(ETH, _deviating()), 2, "a new incident");
        assertEq(registry.incident(ETH, 2).payableAt, 0, "which needs its own confirmation");
        assertEq(registry.incident(ETH, 1).lastProvenAt, last, "the old one is untouched");
    }

    function test_reportDeviation_anUnconfirmedIncidentLapses() public {
        _reportDeviation(ETH, _deviating());
        vm.warp(block.timestamp + OPEN_PERIOD + 1);
        assertEq(_reportDeviation(ETH, _deviating()), 2);
        assertEq(registry.incident(ETH, 1).payableAt, 0, "never confirmed: never payable");
    }

    function test_reportDeviation_confirmsWhileTheFeedKeepsPushingTheWrongValue() public {
        _reportDeviation(ETH, _deviating());
        vm.warp(block.timestamp + GAP - 1);
        _pushFeed(ETH, 3001e18);
        vm.warp(block.timestamp + 1);
        _reportDeviation(ETH, _deviating());
        assertGt(registry.incident(ETH, 1).payableAt, 0);
    }

    function test_reportDeviation_aCaughtUpFeedRecordsNothing() public {
        _reportDeviation(ETH, _deviating());
        vm.warp(block.timestamp + GAP);
        _pushFeed(ETH, 3290e18);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.FeedNotDeviating.selector, ETH, 3290e18, 3300e18, THRESHOLD_BPS)
        );
        _reportDeviation(ETH, _deviating());
        assertEq(registry.incident(ETH, 1).payableAt, 0);
    }

    function test_incidentIds_countBothKindsInOneSequence() public {
        _reportDeviation(ETH, _deviating());
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        assertEq(_reportStale(ETH), 2);
        (uint256 staleId, uint256 deviationId) = registry.latestIncidentIds(ETH);
        assertEq(staleId, 2);
        assertEq(deviationId, 1);
        assertEq(registry.incidentCount(ETH), 2);
        assertEq(registry.incidentCount(BTC), 0);
    }

    function test_reportDeviation_aNewDefinitionVersionStartsANewIncident() public {
        _reportDeviation(ETH, _deviating());
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        vm.warp(block.timestamp + GAP);
        assertEq(_reportDeviation(ETH, _deviating()), 2);
        assertEq(registry.incident(ETH, 2).definitionVersion, 2);
        assertEq(registry.incident(ETH, 1).payableAt, 0);
    }

    // ------------------------------------------------------------- threshold

    /// @dev The feed at $3,150 against references at $3,000 is 5% off: exactly the threshold, healthy.
    function test_reportDeviation_exactlyAtTheThresholdIsHealthy() public {
        _pushFeed(ETH, 3150e18);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.FeedNotDeviating.selector, ETH, 3150e18, 3000e18, THRESHOLD_BPS)
        );
        _reportDeviation(ETH, _signed(ETH, QUORUM, 3000e18, block.timestamp));

        _pushFeed(ETH, 2850e18);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.FeedNotDeviating.selector, ETH, 2850e18, 3000e18, THRESHOLD_BPS)
        );
        _reportDeviation(ETH, _signed(ETH, QUORUM, 3000e18, block.timestamp));
        assertEq(registry.incidentCount(ETH), 0);
    }

    function test_reportDeviation_oneUnitPastTheThresholdDeviates() public {
        _pushFeed(ETH, 3150e18 + 1);
        vm.warp(block.timestamp + 1);
        _reportDeviation(ETH, _signed(ETH, QUORUM, 3000e18, block.timestamp));
        assertEq(registry.incident(ETH, 1).deviationBps, THRESHOLD_BPS + 1, "rounded up above the threshold");

        vm.warp(block.timestamp + OPEN_PERIOD + 1);
        _pushFeed(ETH, 2850e18 - 1);
        vm.warp(block.timestamp + 1);
        assertEq(_reportDeviation(ETH, _signed(ETH, QUORUM, 3000e18, block.timestamp)), 2);
    }

    function test_reportDeviation_theMedianIgnoresAMinorityOfOutliers() public {
        // Three references agree with the feed, two report nonsense: the median is $3,000.
        int256[] memory values = new int256[](5);
        (values[0], values[1], values[2], values[3], values[4]) = (1e18, 3000e18, 9e30, 3000e18, 3001e18);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.FeedNotDeviating.selector, ETH, ETH_PRICE, 3000e18, THRESHOLD_BPS)
        );
        _reportDeviation(ETH, _signedValues(ETH, values, block.timestamp));
    }

    function test_reportDeviation_anEvenCountTakesTheMeanOfTheMiddleTwo() public {
        int256[] memory values = new int256[](4);
        (values[0], values[1], values[2], values[3]) = (3400e18, 3200e18, 9e30, 1e18);
        _reportDeviation(ETH, _signedValues(ETH, values, block.timestamp));
        assertEq(registry.incident(ETH, 1).deviationBps, 910, "median (3200 + 3400) / 2 = 3300");
    }

    // ------------------------------------------------------------- timestamps

    function test_reportDeviation_aTimestampEqualToTheFeedsIsTooOld() public {
        uint256 feedTime = updatedAt[ETH];
        IIncidentRegistry.SignedValue[] memory signed = _signed(ETH, QUORUM, 3300e18, block.timestamp);
        signed[2] = _signedBy(ETH, 2, 3300e18, feedTime);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[2], feedTime, feedTime)
        );
        _reportDeviation(ETH, signed);

        signed[2] = _signedBy(ETH, 2, 3300e18, feedTime + 1);
        _reportDeviation(ETH, signed);
        assertEq(registry.incident(ETH, 1).lastSignedAt, block.timestamp, "the newest signed timestamp");
    }

    function test_reportDeviation_sixtySecondsAheadIsTheLimit() public {
        IIncidentRegistry.SignedValue[] memory signed = _signed(ETH, QUORUM, 3300e18, block.timestamp);
        signed[0] = _signedBy(ETH, 0, 3300e18, block.timestamp + 61);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataFromFuture.selector,
                refAirnodes[0],
                block.timestamp + 61,
                block.timestamp + 60
            )
        );
        _reportDeviation(ETH, signed);

        signed[0] = _signedBy(ETH, 0, 3300e18, block.timestamp + 60);
        _reportDeviation(ETH, signed);
        assertEq(registry.incident(ETH, 1).lastSignedAt, block.timestamp + 60);
    }

    // --------------------------------------------------------- signature sets

    function test_reportDeviation_tooFewReferences() public {
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.TooFewReferences.selector, QUORUM - 1, QUORUM));
        _reportDeviation(ETH, _signed(ETH, QUORUM - 1, 3300e18, block.timestamp));
    }

    function test_reportDeviation_allSevenReferencesAreAccepted() public {
        _reportDeviation(ETH, _signed(ETH, REFERENCES, 3300e18, block.timestamp));
        assertEq(registry.incidentCount(ETH), 1);
    }

    function test_reportDeviation_unsortedAirnodes() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        (signed[1], signed[2]) = (signed[2], signed[1]);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.AirnodesUnsorted.selector, 2, refAirnodes[1], refAirnodes[2])
        );
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_duplicateAirnode() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        signed[3] = signed[2];
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.DuplicateAirnode.selector, 3, refAirnodes[2]));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_anUnknownAirnode() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        // An outsider's key whose airnode sorts after the others, so that it is judged on membership.
        uint256 outsiderKey = 0xBAD;
        while (vm.addr(outsiderKey) <= refAirnodes[QUORUM - 2]) ++outsiderKey;
        address outsider = vm.addr(outsiderKey);
        bytes32 templateId = _refTemplate(ETH, 0);
        signed[QUORUM - 1] = IIncidentRegistry.SignedValue(
            outsider, templateId, block.timestamp, 3300e18, _sign(outsiderKey, templateId, block.timestamp, 3300e18)
        );
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownReference.selector, outsider, templateId));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_aKnownAirnodeWithAnotherTemplate() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        bytes32 other = keccak256("another template");
        signed[1] = IIncidentRegistry.SignedValue(
            refAirnodes[1], other, block.timestamp, 3300e18, _sign(refKeys[1], other, block.timestamp, 3300e18)
        );
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownReference.selector, refAirnodes[1], other));
        _reportDeviation(ETH, signed);

        signed[1].templateId = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownReference.selector, refAirnodes[1], bytes32(0)));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_aSignatureByAnotherKey() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        signed[0].signature = _sign(refKeys[1], signed[0].templateId, signed[0].timestamp, signed[0].value);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.BadSignature.selector, refAirnodes[0]));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_aForgedValue() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        signed[2].value = 3301e18;
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.BadSignature.selector, refAirnodes[2]));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_aForgedTimestamp() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        signed[2].timestamp += 1;
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.BadSignature.selector, refAirnodes[2]));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_malformedAndMalleableSignatures() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        bytes memory good = signed[1].signature;
        (bytes32 r, bytes32 s) = abi.decode(good, (bytes32, bytes32));
        uint8 v = uint8(good[64]);

        signed[1].signature = abi.encodePacked(r, s);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.BadSignature.selector, refAirnodes[1]));
        _reportDeviation(ETH, signed);

        // The same signature with s' = n - s and v flipped recovers the same signer: refused (high s).
        uint256 n = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
        signed[1].signature = abi.encodePacked(r, bytes32(n - uint256(s)), v == 27 ? uint8(28) : uint8(27));
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.BadSignature.selector, refAirnodes[1]));
        _reportDeviation(ETH, signed);

        signed[1].signature = good;
        _reportDeviation(ETH, signed);
        assertEq(registry.incidentCount(ETH), 1);
    }

    function test_reportDeviation_aValueBeyondInt224() public {
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        int256 huge = int256(type(int224).max) + 1;
        signed[0] = _signedBy(ETH, 0, huge, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.SignedValueOutOfRange.selector, refAirnodes[0], huge));
        _reportDeviation(ETH, signed);
    }

    function test_reportDeviation_aDapiWithoutReferencesIsNotJudged() public {
        IIncidentRegistry.IncidentDefinition memory d = _definition(ETH);
        d.references = new IIncidentRegistry.Reference[](0);
        d.quorum = 0;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, d);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.DeviationNotJudged.selector, ETH));
        _reportDeviation(ETH, _deviating());
    }

    // ---------------------------------------------------------------- replays

    /// @dev ETH/USD references' signatures offered for BTC/USD: the same airnodes, but BTC/USD's governed templates.
    function test_replay_sameSignaturesForAnotherDapi() public {
        _pushFeed(BTC, 3000e18);
        vm.warp(block.timestamp + 1);
        IIncidentRegistry.SignedValue[] memory signed = _deviating();
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.UnknownReference.selector, refAirnodes[0], _refTemplate(ETH, 0))
        );
        _reportDeviation(BTC, signed);
        assertEq(registry.incidentCount(BTC), 0);
    }

    function test_replay_theFirstReportsSignaturesCannotConfirmIt() public {
        IIncidentRegistry.SignedValue[] memory first = _deviating();
        _reportDeviation(ETH, first);
        vm.warp(block.timestamp + GAP);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[0], first[0].timestamp, first[0].timestamp
            )
        );
        _reportDeviation(ETH, first);
        assertEq(registry.incident(ETH, 1).payableAt, 0);
    }

    /// @dev Data signed up to a minute ahead cannot serve the report after it either.
    function test_replay_futureDatedDataIsUsedOnce() public {
        IIncidentRegistry.SignedValue[] memory ahead = _signed(ETH, QUORUM, 3300e18, block.timestamp + 60);
        _reportDeviation(ETH, ahead);
        vm.warp(block.timestamp + GAP);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[0], ahead[0].timestamp, ahead[0].timestamp
            )
        );
        _reportDeviation(ETH, ahead);
    }

    function test_replay_olderDataThanTheLastReport() public {
        uint256 t0 = block.timestamp;
        vm.warp(t0 + GAP);
        _reportDeviation(ETH, _signed(ETH, QUORUM, 3300e18, t0 + GAP));
        vm.warp(t0 + 2 * GAP);
        // Signed in between the feed's update and the first report: newer than the feed, older than the last proof.
        IIncidentRegistry.SignedValue[] memory older = _signed(ETH, QUORUM, 3300e18, t0 + 5);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[0], t0 + 5, t0 + GAP)
        );
        _reportDeviation(ETH, older);
    }

    function test_replay_aLapsedOrVoidedIncidentsDataCannotStartAnother() public {
        IIncidentRegistry.SignedValue[] memory first = _deviating();
        _reportDeviation(ETH, first);
        vm.prank(mediator);
        registry.voidIncident(ETH, 1, "ipfs://reason");
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[0], first[0].timestamp, first[0].timestamp
            )
        );
        _reportDeviation(ETH, first);

        vm.warp(block.timestamp + OPEN_PERIOD + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[0], first[0].timestamp, first[0].timestamp
            )
        );
        _reportDeviation(ETH, first);
        assertEq(registry.incidentCount(ETH), 1);
    }

    /// @dev A report mixing one fresh value with one reused from the last report is refused as a whole.
    function test_replay_oneReusedValueSpoilsTheReport() public {
        IIncidentRegistry.SignedValue[] memory first = _deviating();
        _reportDeviation(ETH, first);
        vm.warp(block.timestamp + GAP);
        IIncidentRegistry.SignedValue[] memory mixed = _deviating();
        mixed[3] = first[3];
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.SignedDataTooOld.selector, refAirnodes[3], first[3].timestamp, first[3].timestamp
            )
        );
        _reportDeviation(ETH, mixed);
    }

    // ------------------------------------------------------------------- fuzz

    /// @dev Any 4 to 7 reference values: a report records exactly when the feed deviates from their median by more than
    /// the threshold, with the deviation rounded up; otherwise it reverts with FeedNotDeviating.
    function testFuzz_reportDeviation_matchesTheMedianRule(uint256 count, uint256 seed) public {
        count = bound(count, QUORUM, REFERENCES);
        int256[] memory values = new int256[](count);
        for (uint256 i; i < count; ++i) {
            // Around the feed's $3,000: from $2,000 to $4,000.
            values[i] = int256(2000e18 + uint256(keccak256(abi.encode(seed, i))) % 2000e18);
        }
        int256 median = _median(values);
        uint256 difference = median > ETH_PRICE ? uint256(median - ETH_PRICE) : uint256(ETH_PRICE - median);
        vm.warp(block.timestamp + 1);
        if (difference * 10_000 > THRESHOLD_BPS * uint256(median)) {
            _reportDeviation(ETH, _signedValues(ETH, values, block.timestamp));
            uint256 expected = (difference * 10_000 + uint256(median) - 1) / uint256(median);
            assertEq(registry.incident(ETH, 1).deviationBps, expected);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IIncidentRegistry.FeedNotDeviating.selector, ETH, ETH_PRICE, median, THRESHOLD_BPS
                )
            );
            _reportDeviation(ETH, _signedValues(ETH, values, block.timestamp));
        }
    }

    function _median(int256[] memory values) internal pure returns (int256) {
        int256[] memory sorted = new int256[](values.length);
        for (uint256 i; i < values.length; ++i) {
            sorted[i] = values[i];
        }
        for (uint256 i; i < sorted.length; ++i) {
            for (uint256 j = i + 1; j < sorted.length; ++j) {
                if (sorted[j] < sorted[i]) (sorted[i], sorted[j]) = (sorted[j], sorted[i]);
            }
        }
        uint256 middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
