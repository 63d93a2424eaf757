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
///    bonds, and the pool's tokens match its stake (payouts leave the stake, rewards enter it);
/// 5. the open claims' amounts add up to the manager's open exposure in USD, their owed tokens to its owed total, and
///    a policy's claimed amount is what its claims were paid plus what its open claims reserve;
/// 6. at every final decision, what is owed never exceeds the stake.
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

    function pushCovered(uint256 timestamp) external {
        _pushCoveredValue(ETH_PRICE, timestamp);
    }

    function invariant_paidNeverExceedsCoverage() public view {
        uint256 n = handler.policyCount();
        assertEq(n, claims.policyCount());
        for (uint256 i; i < n; ++i) {
            IClaimsTypes.Policy memory p = claims.policy(handler.policies(i));
            assertLe(p.claimedUsd, p.coverageUsd);
        }
    }

    /// @dev Open claims' reservations and owed tranches add up; every policy's claimed amount is its paid claims plus
    /// its open claims' reservations (paid = the USD of final paid claims).
    function invariant_reservationsAndOwedAddUp() public view {
        uint256 n = handler.claimCount();
        uint256 openUsd;
        uint256 owed;
        for (uint256 i; i < n; ++i) {
            IClaimsTypes.Claim memory c = claims.claim(handler.claimIds(i));
            if (c.status <= IClaimsTypes.ClaimStatus.RulingPending) openUsd += c.amountUsd;
            owed += c.owedTokens;
        }
        assertEq(openUsd, claims.openClaimsUsd());
        assertEq(owed, claims.owedTokens());
        uint256 m = handler.policyCount();
        for (uint256 j; j < m; ++j) {
            uint256 policyId = handler.policies(j);
            uint256 expected;
            for (uint256 i; i < n; ++i) {
                uint256 claimId = handler.claimIds(i);
                IClaimsTypes.Claim memory c = claims.claim(claimId);
                if (c.policyId != policyId) continue;
                if (c.status <= IClaimsTypes.ClaimStatus.RulingPending) expected += c.amountUsd;
                else if (c.status == IClaimsTypes.ClaimStatus.PaidClaim) expected += c.amountUsd;
                else if (c.status == IClaimsTypes.ClaimStatus.PaidSettlement) expected += c.settlementUsd;
            }
            assertEq(claims.policy(policyId).claimedUsd, expected);
        }
    }

    function invariant_owedNeverExceedsTheStake() public view {
        assertFalse(handler.owedBreached());
        assertLe(claims.owedTokens(), pool.totalStake());
    }

    function invariant_purchasesRespectCapacity() public view {
        assertFalse(handler.capacityBreached());
    }

    function invariant_payersStayWithinQuotaInEveryWindow() public view {
        assertFalse(handler.quotaBreached());
    }

    function invariant_tokenAccountingBalances() public view {
        (uint256 toStakers, uint256 toTreasury) = claims.pendingRewards();
        assertEq(toStakers, handler.ghostForfeits(), "the stakers' part of distributeRewards is the forfeited bonds");
        // Every premium is with the manager (streaming, or the treasury's), the pool (pulled) or the treasury.
        uint256 premiumsHeld = handler.ghostPremiumsIn() - pool.premiumsPulled() - handler.ghostTreasuryOut();
        assertEq(token.balanceOf(address(cm)), handler.ghostBondsHeld() + handler.ghostForfeits() + premiumsHeld);
        assertLe(toTreasury, premiumsHeld, "the treasury's premiums are held");
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
        // A claim above the mediator's 3% quota (30,000 tokens): paid in tranches two weeks apart.
        handler.buy(0, 150_000e18, 200 days);
        handler.claim(6, 150_000e18);
        handler.mediate(6, 0, 0);
        assertGt(claims.owedTokens(), 0);
        handler.passWeeks(2);
        handler.payTranche(0);
        handler.passWeeks(2);
        handler.payTranche(0);
        assertEq(claims.owedTokens(), 0);
        handler.pull();
        assertGt(pool.premiumsPulled(), 0, "the stakers' premiums streamed to the pool");
        assertGe(handler.payoutCount(), 5);
        assertEq(handler.policyCount(), 7);
        invariant_paidNeverExceedsCoverage();
        invariant_payersStayWithinQuotaInEveryWindow();
        invariant_tokenAccountingBalances();
        invariant_reservationsAndOwedAddUp();
        invariant_owedNeverExceedsTheStake();
    }
}
