// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentRegistryBase} from "../unit/IncidentRegistryBase.t.sol";
import {IIncidentFixture, IncidentRegistryHandler} from "./IncidentRegistryHandler.sol";

/// @notice Invariants of the IncidentRegistry (contracts/README.md, "IncidentRegistry") under random pushes, time,
/// reports, voiding and bounties (see IncidentRegistryHandler):
/// 1. a recorded incident keeps its kind, version, start and `feedUpdatedAt`; `payableAt`, once set, never moves;
///    a stale incident starts before its first proof and is payable from it; only deviation incidents are voided;
/// 2. no signed value serves two deviation reports of a dAPI (accepted signed timestamps strictly increase);
/// 3. the mediator never voids at or after `payableAt`;
/// 4. bounties add up: the registry holds exactly its funds plus what reporters earned and did not claim, and
///    funds + earned + claimed = everything funded.
contract IncidentRegistryInvariantTest is IncidentRegistryBase, IIncidentFixture {
    IncidentRegistryHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new IncidentRegistryHandler(registry, token, this, mediator, FUNDING);
        targetContract(address(handler));
    }

    function pushFeed(bytes32 dapiName, int256 value) external {
        _pushFeed(dapiName, value);
    }

    function signedValues(bytes32 dapiName, uint256 count, int256 value, uint256 timestamp)
        external
        view
        returns (IIncidentRegistry.SignedValue[] memory)
    {
        return _signed(dapiName, count, value, timestamp);
    }

    function invariant_recordsKeepTheirTerms() public view {
        uint256 n = handler.seenCount();
        for (uint256 i; i < n; ++i) {
            (bytes32 dapiName, uint256 id) = handler.seen(i);
            IIncidentRegistry.Incident memory was = handler.first(dapiName, id);
            IIncidentRegistry.Incident memory now_ = registry.incident(dapiName, id);
            assertEq(uint8(now_.kind), uint8(was.kind), "kind");
            assertEq(now_.definitionVersion, was.definitionVersion, "version");
            assertEq(now_.startedAt, was.startedAt, "start");
            assertEq(now_.feedUpdatedAt, was.feedUpdatedAt, "feedUpdatedAt");
            if (was.payableAt != 0) assertEq(now_.payableAt, was.payableAt, "payableAt moved");
            assertGe(now_.lastProvenAt, was.lastProvenAt, "lastProvenAt");
            if (now_.kind == IIncidentRegistry.IncidentKind.Stale) {
                assertLt(now_.startedAt, was.lastProvenAt, "a stale incident starts before its first proof");
                assertEq(now_.payableAt, was.lastProvenAt, "and is payable from it");
                assertFalse(now_.voided, "a stale incident is never voided");
            }
        }
    }

    function invariant_noSignedValueServesTwoReports() public view {
        assertFalse(handler.replayAccepted());
    }

    function invariant_noVoidAfterPayable() public view {
        assertFalse(handler.lateVoidAccepted());
    }

    function invariant_bountiesAddUp() public view {
        uint256 earned;
        for (uint256 i; i < 3; ++i) {
            earned += registry.earnedBounties(handler.reporters(i));
        }
        uint256 funds = registry.bountyFunds();
        assertEq(token.balanceOf(address(registry)), funds + earned, "balance = funds + unclaimed earnings");
        assertEq(funds + earned + handler.claimed(), handler.funded(), "nothing created or lost");
    }
}
