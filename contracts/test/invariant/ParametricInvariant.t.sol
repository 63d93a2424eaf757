// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {ClaimsParametricBase} from "../unit/ClaimsParametric.t.sol";
import {IParametricFixture, ParametricHandler} from "./ParametricHandler.sol";

/// @notice Invariants of parametric coverage (contracts/README.md, "Parametric policies") under random purchases,
/// time, feed pushes, stale and deviation reports, voiding, cap changes and claims (see ParametricHandler), on the
/// real API3 stack and IncidentRegistry:
/// 1. no coverage is sold while the registry holds an open incident of the dAPI;
/// 2. every parametric payout was earned: its incident payable and not voided, of the policy's dAPI, starting in the
///    policy's cover, and at most what the policy still covered;
/// 3. the claims on one incident never paid more than the cap in force at each payment, and the contract's per-incident
///    totals are the payouts' sums;
/// 4. every payout is its USD at the price, rounded down, and all of them are what the pool paid plus what is owed;
/// 5. no policy was paid beyond its coverage.
contract ParametricInvariantTest is ClaimsParametricBase, IParametricFixture {
    ParametricHandler internal handler;

    function setUp() public override {
        super.setUp();
        // No waiting period: more incidents fall in a policy's cover within a run (the handler checks whichever).
        vm.prank(secondary);
        claims.setWaitingPeriod(0);
        handler = new ParametricHandler(claims, registry, this, mediator, primary);
        targetContract(address(handler));
    }

    function pushFeed(bytes32 dapiName, int256 value) external {
        _pushFeed(dapiName, value);
    }

    function pushTokenPrice() external {
        _pushPrice(TOKEN_PRICE);
    }

    function poolPaidOut() external view returns (uint256) {
        return pool.paidOut();
    }

    function signedValues(bytes32 dapiName, uint256 count, int256 value, uint256 timestamp)
        external
        view
        returns (IIncidentRegistry.SignedValue[] memory)
    {
        return _signed(dapiName, count, value, timestamp);
    }

    function invariant_noCoverageSoldIntoAnOpenIncident() public view {
        assertFalse(handler.soldIntoAnOpenIncident());
    }

    function invariant_everyParametricPayoutWasEarned() public view {
        assertFalse(handler.unearnedPayout());
    }

    function invariant_perIncidentPayoutsStayWithinTheCap() public view {
        assertFalse(handler.capExceeded());
        for (uint256 d = 1; d <= 2; ++d) {
            for (uint256 id = 1; id <= handler.incidentCounts(d - 1); ++id) {
                assertEq(claims.incidentPaidUsd(d, id), handler.paidUsd(d, id), "per-incident total");
            }
        }
    }

    function invariant_payoutsAreTheirUsdAtThePriceAndAllAccountedFor() public view {
        assertFalse(handler.wrongTokens());
        assertEq(handler.payoutTokens(), pool.paidOut() + claims.owedTokens());
    }

    function invariant_noPolicyPaidBeyondItsCoverage() public view {
        uint256 n = handler.policyCount();
        for (uint256 i; i < n; ++i) {
            IClaimsTypes.Policy memory p = claims.policy(handler.policies(i));
            assertLe(p.claimedUsd, p.coverageUsd);
        }
    }
}
