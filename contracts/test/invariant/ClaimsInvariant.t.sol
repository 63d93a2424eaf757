// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsBase} from "../unit/ClaimsBase.t.sol";
import {ClaimsHandler, IPricePusher} from "./ClaimsHandler.sol";

/// @notice Invariants of the ClaimsManager under random purchases, claims, mediation, arbitration (with
/// appeals), timeouts, distributions, time and price moves (see ClaimsHandler):
/// 1. no policy is ever paid more than its coverage;
/// 2. no purchase ever left active coverage above capacity at that moment's price and stake;
/// 3. no payer ever paid more than its quota in any window of `QUOTA_WINDOW` (1 week);
/// 4. the ClaimsManager's tokens are exactly the bonds it holds plus undistributed premiums and forfeited
///    bonds, and the pool's tokens match its stake (payouts leave the stake, rewards enter it).
contract ClaimsInvariantTest is ClaimsBase, IPricePusher {
    ClaimsHandler internal handler;
    uint256 internal constant MEDIATOR_SHARE = 0.03e18;
    uint256 internal constant ARBITRATOR_SHARE = 0.05e18;

    function setUp() public override {
        super.setUp();
        vm.startPrank(primary);
        claims.setPayoutQuota(mediator, MEDIATOR_SHARE);
        claims.setPayoutQuota(address(arbitrator), ARBITRATOR_SHARE);
        vm.stopPrank();
        handler = new ClaimsHandler(claims, token, pool, arbitrator, this, mediator, court);
        targetContract(address(handler));
    }

    function pushPrice(int256 value, uint256 timestamp) external {
        _pushPrice(value, timestamp);
    }

    function invariant_paidNeverExceedsCoverage() public view {
        uint256 n = handler.policyCount();
        assertEq(n, claims.policyCount());
        for (uint256 i; i < n; ++i) {
            IClaimsTypes.Policy memory p = claims.policy(handler.policies(i));
            assertLe(p.paidUsd, p.coverageUsd);
        }
    }

    function invariant_purchasesRespectCapacity() public view {
        assertFalse(handler.capacityBreached());
    }

    function invariant_payersStayWithinQuotaInEveryWindow() public view {
        assertFalse(handler.quotaBreached());
    }

    function invariant_tokenAccountingBalances() public view {
        (uint256 toStakers, uint256 toTreasury) = claims.pendingRewards();
        assertEq(toStakers + toTreasury, handler.ghostPremiums() + handler.ghostForfeits());
        assertEq(token.balanceOf(address(cm)), handler.ghostBondsHeld() + toStakers + toTreasury);
        assertEq(token.balanceOf(address(pool)), pool.totalStake());
    }

    /// @dev The handler reaches every path it is meant to (a fixed walk), so the invariants are not vacuous.
    function test_handler_walkPaysClaimsAndRules() public {
        for (uint256 i; i < 6; ++i) {
            handler.buy(i, 20_000e18 + i, 90 days);
        }
        for (uint256 i; i < 6; ++i) {
            handler.claim(i, 5000e18);
        }
        handler.mediate(0, 0, 0); // accept
        handler.mediate(1, 1, 1000e18); // settle
        handler.acceptSettlement(1);
        handler.mediate(2, 2, 0); // reject
        handler.escalateAndRule(2, 1 + (1 << 8), true); // pay after an appeal
        handler.mediate(3, 2, 0);
        handler.escalateAndRule(3, 0, false); // refuse
        handler.passTime(4 days);
        handler.timeOut(4); // silent mediator, claimant silent too
        handler.distribute();
        assertGe(handler.payoutCount(), 3);
        assertEq(handler.policyCount(), 6);
        invariant_paidNeverExceedsCoverage();
        invariant_payersStayWithinQuotaInEveryWindow();
        invariant_tokenAccountingBalances();
    }
}
