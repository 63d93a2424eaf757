// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {ClaimsRealPool} from "./ClaimsRealPool.t.sol";

/// @notice End to end on the real StakingPool and the real API3 dAPI: stake, buy coverage, premiums to
/// stakers, the covered feed fails, claims go through mediation and arbitration with an appeal, payouts come
/// out of the stake pro rata, bonds go where they should.
contract ClaimsLifecycleTest is ClaimsRealPool {
    uint256 internal stakeAtRuling;
    uint256 internal s1AtRuling;
    uint256 internal s2AtRuling;

    function test_lifecycle_settlementRejectedEscalatedAppealedPaid() public {
        uint256 stakeBefore = pool.totalStake();
        // Capacity: 4,000,000 tokens * 50% * $2 * (1 - 10% haircut) = $3.6M (less the 1,000 dead share units, which
        // do not vote: the stake that stays is the voting shares' value); the dAPI cap is half of it.
        assertEq(claims.capacityUsd(), (4_000_000e18 - 1000) * 9 / 10);

        (uint256 quoted, uint256 available) = claims.quoteCoverage(DAPI, 200_000e18, 90 days);
        assertApproxEqAbs(available, 1_800_000e18, 1000);
        vm.prank(user);
        (uint256 policyId, uint256 premium) = claims.buyCoverage(DAPI, 200_000e18, 90 days, quoted, "ipfs://policy");
        assertEq(premium, quoted);
        (uint256 toStakers, uint256 toTreasury) = claims.pendingRewards();
        assertEq(toStakers, 0, "the stakers' premiums are not distributed: the pool pulls them week by week");
        assertLt(toTreasury, 100, "only the weekly split's rounding dust is the treasury's yet");
        assertEq(token.balanceOf(address(cm)), premium, "the manager holds the premium while it streams");
        assertEq(token.balanceOf(address(pool)), stakeBefore);

        // The covered feed fails; the user claims $50,000 with the default bond: 50 tokens + 0.01 per USD = 550.
        _warpAndRefresh(10 days);
        uint256 userBefore = token.balanceOf(user);
        vm.prank(user);
        uint256 claimId = claims.createClaim(policyId, 50_000e18, block.timestamp, "ipfs://evidence");
        assertEq(userBefore - token.balanceOf(user), 550e18);

        // The mediator offers $20,000; the user escalates instead.
        vm.prank(mediator);
        claims.proposeSettlement(claimId, 20_000e18);
        vm.prank(user);
        uint256 disputeId = claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");

        // The court awards the settlement; the user appeals; the court awards the full claim.
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 2);
        vm.prank(user);
        arbitrator.appeal{value: APPEAL_FEE}(disputeId, "");
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        _warpAndRefresh(APPEAL_PERIOD);
        (stakeAtRuling, s1AtRuling, s2AtRuling) = (pool.totalStake(), pool.stakeOf(staker1), pool.stakeOf(staker2));
        userBefore = token.balanceOf(user);
        arbitrator.executeRuling(disputeId);

        uint256 payout = 50_000e18 * 1e18 / PRICE;
        assertEq(uint256(claims.claim(claimId).status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(token.balanceOf(user) - userBefore, payout + 550e18);
        assertEq(pool.totalStake(), stakeAtRuling - payout);
        assertEq(claims.policy(policyId).claimedUsd, 50_000e18);
        _assertProRata(payout);
    }

    /// @dev Both stakers lost the same fraction of their stake (to rounding), and that fraction is the payout's
    /// share of the stake (to the rewards streaming meanwhile, well under 0.001%).
    function _assertProRata(uint256 payout) internal view {
        uint256 after1 = pool.stakeOf(staker1);
        uint256 after2 = pool.stakeOf(staker2);
        assertApproxEqRel(after1 * s2AtRuling, after2 * s1AtRuling, 1e9);
        assertApproxEqRel(after1, s1AtRuling * (stakeAtRuling - payout) / stakeAtRuling, 1e13);
        assertLt(after1, s1AtRuling);
    }

    function test_lifecycle_rejectedClaimForfeitsBondToStakers() public {
        vm.prank(user);
        (uint256 policyId,) = claims.buyCoverage(DAPI, 10_000e18, 30 days, type(uint256).max, "");
        vm.prank(user);
        uint256 claimId = claims.createClaim(policyId, 10_000e18, block.timestamp, "ipfs://weak-evidence");
        vm.prank(mediator);
        claims.rejectClaim(claimId);
        vm.prank(user);
        uint256 disputeId = claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 0);
        _warpAndRefresh(APPEAL_PERIOD);
        uint256 poolBalance = token.balanceOf(address(pool));
        arbitrator.executeRuling(disputeId);
        assertEq(uint256(claims.claim(claimId).status), uint256(IClaimsTypes.ClaimStatus.Refused));
        (uint256 toStakers,) = claims.pendingRewards();
        assertEq(toStakers, 150e18); // 50 + 0.01 * 10,000
        claims.distributeRewards();
        assertEq(token.balanceOf(address(pool)), poolBalance + 150e18);
        (uint256 queued,) = pool.queuedRewards();
        assertEq(queued, 150e18, "the forfeited bond is queued, to stream over the next epoch");
        assertEq(claims.policy(policyId).claimedUsd, 0);
    }

    function test_lifecycle_mediatorAcceptsWithinQuota() public {
        vm.prank(user);
        (uint256 policyId,) = claims.buyCoverage(DAPI, 10_000e18, 30 days, type(uint256).max, "");
        vm.prank(user);
        uint256 claimId = claims.createClaim(policyId, 4000e18, block.timestamp, "ipfs://evidence");
        uint256 stakeBefore = pool.totalStake();
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        assertEq(stakeBefore - pool.totalStake(), 2000e18);
        assertEq(claims.availablePayoutQuota(mediator), pool.totalStake() / 10 - 2000e18);
    }
}
