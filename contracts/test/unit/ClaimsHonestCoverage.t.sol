// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";

/// @notice #12 rule 3: honest capacity and no buying into an incident. A purchase is refused while the covered dAPI is
/// stale; capacity applies a haircut to the pool token's price; an incident is covered only after the waiting period
/// (for coverage an upgrade adds, after the upgrade plus the waiting period). Also the bond's rate (rule 1).
contract ClaimsHonestCoverageTest is ClaimsBase {
    /// @dev The covered dAPI updated at `t0` is fresh until t0 + heartbeat + grace and stale one second later: before,
    /// a policy could be bought on a feed stale for days.
    function test_buyCoverage_refusedWhileTheCoveredDapiIsStale() public {
        uint256 t0 = block.timestamp;
        uint256 staleFrom = t0 + DAPI_HEARTBEAT + DAPI_GRACE;
        vm.warp(staleFrom);
        _pushPrice(int256(PRICE));
        _buy(alice, 1000e18, 30 days);
        vm.warp(staleFrom + 1);
        _pushPrice(int256(PRICE));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiStale.selector, DAPI, t0, staleFrom));
        claims.buyCoverage(DAPI, 1000e18, 30 days, type(uint256).max, "");
        // Policy agents cannot grant or raise coverage into the failure either.
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiStale.selector, DAPI, t0, staleFrom));
        claims.createPolicy(alice, DAPI, 1000e18, block.timestamp, block.timestamp + 30 days, "");
        // Fresh again, it sells again.
        _pushCoveredValue(ETH_PRICE);
        _buy(alice, 1000e18, 30 days);
    }

    /// @dev A dAPI whose name is not set on the server (or never updated) reads as stale since 0 + heartbeat + grace.
    function test_buyCoverage_refusedWhenTheCoveredDapiIsUnreadable() public {
        vm.prank(secondary);
        uint256 unset = claims.setDapiCap("NOT/SET", block.chainid, 0.5e18);
        vm.prank(primary);
        claims.setDapiFeed(unset, DAPI_HEARTBEAT, 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiStale.selector, unset, 0, DAPI_HEARTBEAT));
        claims.buyCoverage(unset, 1000e18, 30 days, type(uint256).max, "");
        // Without a heartbeat (not served here) it is not judged.
        vm.prank(primary);
        claims.setDapiFeed(unset, 0, 0);
        vm.prank(alice);
        claims.buyCoverage(unset, 1000e18, 30 days, type(uint256).max, "");
    }

    /// @dev Liabilities are in USD, collateral in tokens: capacity prices the stake at the price less the haircut.
    function test_capacity_appliesThePriceHaircut() public {
        assertEq(claims.capacityUsd(), 1_000_000e18);
        vm.prank(secondary);
        claims.setPriceHaircut(0.2e18);
        assertEq(claims.capacityUsd(), 800_000e18);
        (, uint256 available) = claims.quoteCoverage(DAPI, 1e18, 30 days);
        assertEq(available, 400_000e18); // the dAPI's cap: 50% of capacity
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.InsufficientDapiCapacity.selector, DAPI, 400_000e18 + 1e18, 400_000e18)
        );
        claims.buyCoverage(DAPI, 400_000e18 + 1e18, 30 days, type(uint256).max, "");
        _buy(alice, 400_000e18, 30 days);
    }

    /// @dev The incident must follow the policy's start by the waiting period: exactly then it is covered, a second
    /// earlier it is not; an incident in the future is refused too.
    function test_createClaim_incidentMustFollowTheWaitingPeriod() public {
        vm.prank(secondary);
        claims.setWaitingPeriod(2 days);
        uint256 start = block.timestamp;
        uint256 policyId = _buy(alice, 10_000e18, 30 days);
        _warpAndRefresh(5 days);
        vm.startPrank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector,
                policyId,
                start + 2 days - 1,
                start + 2 days,
                block.timestamp
            )
        );
        claims.createClaim(policyId, 1000e18, start + 2 days - 1, "");
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector,
                policyId,
                block.timestamp + 1,
                start + 2 days,
                block.timestamp
            )
        );
        claims.createClaim(policyId, 1000e18, block.timestamp + 1, "");
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimCreated(
            1 << 224 | policyId, policyId, alice, 1000e18, start + 2 days, BOND, block.timestamp + 3 days
        );
        claims.createClaim(policyId, 1000e18, start + 2 days, "");
        vm.stopPrank();
    }

    /// @dev Coverage an upgrade adds waits the waiting period from the upgrade: an earlier incident may claim only the
    /// coverage, and within the period, from before it.
    function test_createClaim_upgradedCoverageWaitsTheWaitingPeriod() public {
        vm.prank(secondary);
        claims.setWaitingPeriod(1 days);
        uint256 start = block.timestamp;
        uint256 policyId = _buy(alice, 10_000e18, 10 days);
        uint256 oldUntil = start + 10 days;
        _warpAndRefresh(9 days + 12 hours);
        uint256 upgradedAt = block.timestamp;
        vm.prank(agent);
        claims.upgradePolicy(policyId, 30_000e18, block.timestamp + 30 days, "");
        _warpAndRefresh(1 days);
        vm.startPrank(alice);
        // An incident before the upgrade's waiting period ended, in the old period: only the 10,000 from before.
        uint256 incident = oldUntil - 1 hours;
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 10_000e18 + 1, 10_000e18));
        claims.createClaim(policyId, 10_000e18 + 1, incident, "");
        // ... and none in the extension (after the old end) before the waiting period ended.
        incident = upgradedAt + 1 days - 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector, policyId, incident, start + 1 days, oldUntil
            )
        );
        claims.createClaim(policyId, 1000e18, incident, "");
        // From the upgrade plus the waiting period, all of it.
        claims.createClaim(policyId, 30_000e18, upgradedAt + 1 days, "");
        vm.stopPrank();
    }

    /// @dev The bond scales with the amount claimed: the floor plus the rate per USD (rounded up), so freezing more of
    /// the pool costs more.
    function test_createClaim_bondScalesWithTheAmount() public {
        vm.prank(secondary);
        claims.setClaimantBond(50e18, 0.01e18);
        uint256 policyId = _buy(alice, 100_000e18, 30 days);
        uint256 small = _claim(alice, policyId, 3000e18);
        uint256 large = _claim(alice, policyId, 90_000e18);
        assertEq(claims.claim(small).bond, 50e18 + 30e18);
        assertEq(claims.claim(large).bond, 50e18 + 900e18);
        uint256 odd = _claim(alice, policyId, 1);
        assertEq(claims.claim(odd).bond, 50e18 + 1);
    }
}
