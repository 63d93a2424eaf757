// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentTestToken} from "../unit/IncidentRegistryBase.t.sol";
import {Test} from "forge-std/Test.sol";

/// @notice What the handler needs from the test: Beacon pushes (signed by the test's Airnode) and reference values
/// signed by the test's reference Airnodes.
interface IIncidentFixture {
    function pushFeed(bytes32 dapiName, int256 value) external;
    function signedValues(bytes32 dapiName, uint256 count, int256 value, uint256 timestamp)
        external
        view
        returns (IIncidentRegistry.SignedValue[] memory);
}

/// @notice Drives the IncidentRegistry through random feed pushes (healthy or up to 20% off), time (minutes or
/// hours), stale and deviation reports by three watchers (a random number of references, signed from 30 seconds back
/// to 70 seconds ahead), voiding by the mediator, funding and claims of bounties; keeps ghost records for the
/// invariants.
contract IncidentRegistryHandler is Test {
    IIncidentRegistry internal immutable registry;
    IncidentTestToken internal immutable token;
    IIncidentFixture internal immutable fixture;
    address internal immutable mediator;

    bytes32[2] internal dapis = [bytes32("ETH/USD"), bytes32("BTC/USD")];
    int256[2] internal prices = [int256(3000e18), int256(95_000e18)];
    address[3] public reporters = [makeAddr("watcher 1"), makeAddr("watcher 2"), makeAddr("watcher 3")];

    /// @dev Every incident seen, and what it read when first seen.
    struct Seen {
        bytes32 dapiName;
        uint256 incidentId;
    }

    Seen[] public seen;
    mapping(bytes32 dapiName => mapping(uint256 incidentId => IIncidentRegistry.Incident)) internal _first;
    mapping(bytes32 dapiName => uint256) internal _newestSigned;

    uint256 public funded;
    uint256 public claimed;
    /// @dev Set when an accepted deviation report used a signed timestamp not newer than an earlier report's.
    bool public replayAccepted;
    /// @dev Set when the mediator voided an incident at or after its `payableAt`, or a stale one.
    bool public lateVoidAccepted;

    constructor(
        IIncidentRegistry registry_,
        IncidentTestToken token_,
        IIncidentFixture fixture_,
        address mediator_,
        uint256 funded_
    ) {
        (registry, token, fixture, mediator, funded) = (registry_, token_, fixture_, mediator_, funded_);
    }

    function seenCount() external view returns (uint256) {
        return seen.length;
    }

    function first(bytes32 dapiName, uint256 incidentId) external view returns (IIncidentRegistry.Incident memory) {
        return _first[dapiName][incidentId];
    }

    // ---------------------------------------------------------------- actions

    /// @dev Minutes: within a deviation incident's confirmation gap, report interval and open period.
    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 30 minutes));
    }

    /// @dev Hours: past a feed's heartbeat and grace, a deviation incident's open period or challenge window.
    function warpLong(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1 hours, 30 hours));
    }

    /// @dev Pushes the dAPI's price, or up to 20% above it, signed now (refused if a push already took this second).
    function push(uint256 dapiSeed, uint256 offPercent) external {
        uint256 i = dapiSeed % 2;
        int256 value = prices[i] * int256(100 + bound(offPercent, 0, 20)) / 100;
        try fixture.pushFeed(dapis[i], value) {} catch {}
    }

    function reportStale(uint256 dapiSeed, uint256 who) external {
        bytes32 dapiName = dapis[dapiSeed % 2];
        vm.prank(reporters[who % 3]);
        try registry.reportStale(dapiName) returns (uint256 id) {
            _observe(dapiName, id);
        } catch {}
    }

    /// @dev `count` references (2 to 7: below the quorum of 4 too) sign the true price at a time from 30 seconds back
    /// to 70 seconds ahead (the registry takes up to 60 ahead, and only data newer than the feed and the last report).
    function reportDeviation(uint256 dapiSeed, uint256 who, uint256 count, uint256 shift) external {
        uint256 i = dapiSeed % 2;
        bytes32 dapiName = dapis[i];
        uint256 timestamp = block.timestamp - 30 + bound(shift, 0, 100);
        IIncidentRegistry.SignedValue[] memory signed =
            fixture.signedValues(dapiName, bound(count, 2, 7), prices[i], timestamp);
        vm.prank(reporters[who % 3]);
        try registry.reportDeviation(dapiName, signed) returns (uint256 id) {
            if (timestamp <= _newestSigned[dapiName]) replayAccepted = true;
            _newestSigned[dapiName] = timestamp;
            _observe(dapiName, id);
        } catch {}
    }

    function voidIncident(uint256 dapiSeed, uint256 idSeed) external {
        bytes32 dapiName = dapis[dapiSeed % 2];
        uint256 count = registry.incidentCount(dapiName);
        if (count == 0) return;
        uint256 id = idSeed % count + 1;
        IIncidentRegistry.Incident memory before = registry.incident(dapiName, id);
        vm.prank(mediator);
        try registry.voidIncident(dapiName, id, "ipfs://reason") {
            bool late = before.payableAt != 0 && block.timestamp >= before.payableAt;
            if (late || before.kind == IIncidentRegistry.IncidentKind.Stale) lateVoidAccepted = true;
        } catch {}
    }

    function fund(uint256 amount) external {
        amount = bound(amount, 1, 100e18);
        token.mint(address(this), amount);
        token.approve(address(registry), amount);
        registry.fundBounties(amount);
        funded += amount;
    }

    function claim(uint256 who) external {
        address reporter = reporters[who % 3];
        vm.prank(reporter);
        try registry.claimBounties(reporter) returns (uint256 amount) {
            claimed += amount;
        } catch {}
    }

    /// @dev Records an incident's terms the first time it is reported.
    function _observe(bytes32 dapiName, uint256 id) internal {
        if (_first[dapiName][id].startedAt != 0) return;
        _first[dapiName][id] = registry.incident(dapiName, id);
        seen.push(Seen(dapiName, id));
    }
}
