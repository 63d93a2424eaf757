// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsManager, IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IIncidentFixture} from "./IncidentRegistryHandler.sol";
import {Test} from "forge-std/Test.sol";

/// @notice What the parametric handler needs from the test besides feed pushes and signatures: a fresh token price
/// (constant: 1.25 USD), and what the pool paid out.
interface IParametricFixture is IIncidentFixture {
    function pushTokenPrice() external;
    function poolPaidOut() external view returns (uint256);
}

/// @notice Drives parametric coverage through random purchases by three buyers on ETH/USD and BTC/USD, time, feed
/// pushes (healthy or up to 20% off), stale and deviation reports, the mediator voiding, cap changes and parametric
/// claims on random (policy, incident) pairs. Every accepted purchase and claim is checked against the rules it must
/// obey at the moment it happened (ghost flags read by the invariants), and every payout is recorded.
contract ParametricHandler is Test {
    IClaimsManager internal immutable claims;
    IIncidentRegistry internal immutable registry;
    IParametricFixture internal immutable fixture;
    address internal immutable mediator;
    address internal immutable primary;

    bytes32[2] internal dapis = [bytes32("ETH/USD"), bytes32("BTC/USD")];
    int256[2] internal prices = [int256(3000e18), int256(95_000e18)];
    address[3] internal buyers = [makeAddr("alice"), makeAddr("bob"), makeAddr("carol")];

    uint256[] public policies;
    /// @dev Incidents seen per dAPI index (ids 1..count).
    uint256[2] public incidentCounts;
    /// @dev What parametric claims paid, in USD per (dAPI id, incident) and in tokens in all.
    mapping(uint256 dapiId => mapping(uint256 incidentId => uint256 usd)) public paidUsd;
    /// @dev The tokens of every parametric payout (paid now or owed).
    uint256 public payoutTokens;
    uint256 public claimsPaid;

    /// @dev Set when a purchase succeeded while the registry held an open incident of its dAPI.
    bool public soldIntoAnOpenIncident;
    /// @dev Set when a parametric claim paid an incident that was not payable, voided, out of the policy's cover, or
    /// more than the policy still covered.
    bool public unearnedPayout;
    /// @dev Set when the parametric claims on one incident paid more than the cap in force at a payment.
    bool public capExceeded;
    /// @dev Set when a payout's tokens (paid now plus owed) were not its USD at 1.25 USD, rounded down.
    bool public wrongTokens;

    constructor(
        IClaimsManager claims_,
        IIncidentRegistry registry_,
        IParametricFixture fixture_,
        address mediator_,
        address primary_
    ) {
        (claims, registry, fixture, mediator, primary) = (claims_, registry_, fixture_, mediator_, primary_);
    }

    function policyCount() external view returns (uint256) {
        return policies.length;
    }

    // ---------------------------------------------------------------- actions

    function buy(uint256 buyerSeed, uint256 dapiSeed, uint256 coverageSeed, uint256 periodSeed) external {
        uint256 d = dapiSeed % 2;
        bool open = registry.hasOpenIncident(dapis[d]);
        address buyer = buyers[buyerSeed % 3];
        vm.prank(buyer);
        try claims.buyParametricCoverage(
            d + 1, bound(coverageSeed, 1000e18, 60_000e18), bound(periodSeed, 1 days, 60 days), type(uint256).max, ""
        ) returns (
            uint256 policyId, uint256
        ) {
            policies.push(policyId);
            if (open) soldIntoAnOpenIncident = true;
        } catch {}
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1 minutes, 30 hours));
        fixture.pushTokenPrice();
    }

    function push(uint256 dapiSeed, uint256 offBps) external {
        uint256 d = dapiSeed % 2;
        offBps = bound(offBps, 0, 2000);
        int256 value = prices[d] + prices[d] * int256(offBps) / 10_000;
        try fixture.pushFeed(dapis[d], value) {} catch {}
    }

    function reportStale(uint256 dapiSeed) external {
        uint256 d = dapiSeed % 2;
        try registry.reportStale(dapis[d]) returns (uint256 id) {
            if (id > incidentCounts[d]) incidentCounts[d] = id;
        } catch {}
    }

    function reportDeviation(uint256 dapiSeed) external {
        uint256 d = dapiSeed % 2;
        IIncidentRegistry.SignedValue[] memory signed = fixture.signedValues(dapis[d], 4, prices[d], block.timestamp);
        try registry.reportDeviation(dapis[d], signed) returns (uint256 id) {
            if (id > incidentCounts[d]) incidentCounts[d] = id;
        } catch {}
    }

    function voidIncident(uint256 dapiSeed, uint256 idSeed) external {
        uint256 d = dapiSeed % 2;
        if (incidentCounts[d] == 0) return;
        vm.prank(mediator);
        try registry.voidIncident(dapis[d], bound(idSeed, 1, incidentCounts[d]), "") {} catch {}
    }

    function setCap(uint256 capSeed) external {
        vm.prank(primary);
        claims.setIncidentPayoutCap(bound(capSeed, 100_000e18, 300_000e18));
    }

    function claim(uint256 policySeed, uint256 idSeed) external {
        if (policies.length == 0) return;
        uint256 policyId = policies[policySeed % policies.length];
        uint256 d = uint32(policyId >> 96) - 1;
        if (incidentCounts[d] == 0) return;
        uint256 incidentId = bound(idSeed, 1, incidentCounts[d]);
        IIncidentRegistry.Incident memory record = registry.incident(dapis[d], incidentId);
        IClaimsTypes.Policy memory before = claims.policy(policyId);
        uint256 tokensBefore = claims.owedTokens() + fixture.poolPaidOut();
        vm.prank(before.claimant);
        try claims.createParametricClaim(policyId, incidentId) returns (uint256, uint256 amountUsd) {
            ++claimsPaid;
            // The definitions never change here, so the incident's own start is the policy's.
            bool earned = !record.voided && record.payableAt != 0 && block.timestamp >= record.payableAt
                && record.startedAt >= before.claimsAllowedFrom + claims.waitingPeriod()
                && record.startedAt <= before.claimsAllowedUntil && amountUsd != 0
                && amountUsd <= before.coverageUsd - before.claimedUsd;
            if (!earned) unearnedPayout = true;
            paidUsd[d + 1][incidentId] += amountUsd;
            (, uint256 cap) = claims.parametricTerms();
            if (claims.incidentPaidUsd(d + 1, incidentId) > cap) capExceeded = true;
            uint256 tokens = claims.owedTokens() + fixture.poolPaidOut() - tokensBefore;
            if (tokens != amountUsd * 1e18 / 1.25e18) wrongTokens = true;
            payoutTokens += tokens;
        } catch {}
    }
}
