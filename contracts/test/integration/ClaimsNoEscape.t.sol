// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {ClaimsRealPool} from "./ClaimsRealPool.t.sol";

/// @notice #12 end to end on the real pool, claims manager and dAPI: a staker who sees a claim filed cannot leave
/// before it is paid; a payout larger than the quota is paid in tranches while the exit waits; revoking the claims
/// manager never strands what it owes.
contract ClaimsNoEscapeTest is ClaimsRealPool {
    function setUp() public override {
        super.setUp();
        vm.startPrank(secondary);
        claims.setDapiCap("ETH/USD", block.chainid, 1e18);
        claims.setCollateralizationRatio(1e18);
        pool.setMinApr(0);
        pool.setMaxApr(0);
        vm.stopPrank();
    }

    /// @dev A $400,000 claim (200,000 tokens, about 5% of the 4M stake) is filed; staker3 (a quarter of the stake)
    /// schedules at once. The mediator rejects, the claimant escalates. A week later staker3's exit meets the open claim:
    /// its share stays frozen. The court pays the claim; the exposure drops to zero; the frozen part is released less its
    /// charge. Every staker lost the same fraction.
    function test_noEscape_exitOfAQuarterOfThePoolDuringAClaim() public {
        // A policy granted by a policy agent (no premium): premiums streaming to the stakers who stay, and not to the
        // frozen part, would blur the losses compared below.
        vm.prank(primary);
        claims.setPolicyAgent(primary, true);
        vm.prank(primary);
        uint256 policyId = claims.createPolicy(user, DAPI, 400_000e18, block.timestamp, block.timestamp + 90 days, "");
        _warpAndRefresh((block.timestamp / 1 weeks + 1) * 1 weeks - block.timestamp);
        uint256 s1Before = pool.stakeOf(staker1);
        uint256 s3Before = pool.stakeOf(staker3);
        vm.prank(user);
        uint256 claimId = claims.createClaim(policyId, 400_000e18, block.timestamp, "ipfs://evidence");
        assertEq(pool.openExposure(), 200_000e18);
        // The stake with the premiums streamed so far (`totalStake` is as last written).
        uint256 stakeAtFiling = pool.convertToAssets(pool.totalShares() + 1) - 1;
        uint256 shares = pool.sharesOf(staker3);
        vm.prank(staker3);
        pool.scheduleUnstake(shares);
        vm.prank(mediator);
        claims.rejectClaim(claimId);
        vm.prank(user);
        uint256 disputeId = claims.escalateClaim{value: ARBITRATION_FEE}(claimId, "ipfs://evidence");
        _warpAndRefresh(1 weeks);
        uint256 stakeAtExit = pool.totalStake();
        uint256 first = pool.unstake(staker3);
        assertTrue(pool.pendingUnstakeOf(staker3).frozen);
        assertApproxEqRel(first, s3Before * (stakeAtExit - 200_000e18) / stakeAtExit, 1e12);
        // Still open: the frozen part waits.
        vm.expectRevert();
        pool.unstake(staker3);
        vm.prank(court);
        arbitrator.giveRuling(disputeId, 1);
        _warpAndRefresh(APPEAL_PERIOD);
        arbitrator.executeRuling(disputeId);
        assertEq(uint256(claims.claim(claimId).status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(pool.openExposure(), 0);
        uint256 second = pool.unstake(staker3);
        // The charge streams to the stakers who stayed: release it.
        _warpAndRefresh(1 weeks);
        pool.accrue();
        _warpAndRefresh(1 weeks);
        pool.accrue();
        uint256 s3Lost = s3Before - first - second;
        uint256 s1Lost = s1Before - pool.stakeOf(staker1);
        assertApproxEqRel(s3Lost * 1e18 / s3Before, s1Lost * 1e18 / s1Before, 1e12);
        assertApproxEqRel(s1Lost * 1e18 / s1Before, 200_000e36 / stakeAtFiling, 1e12);
    }

    /// @dev The DAO revokes the claims manager while it owes tranches: the pool still lets it pay what it owed, and
    /// anyone can call for the tranches.
    function test_revokingTheClaimsManager_neverStrandsWhatItOwes() public {
        vm.prank(user);
        (uint256 policyId,) = claims.buyCoverage(DAPI, 1_200_000e18, 90 days, type(uint256).max, "");
        vm.prank(user);
        uint256 claimId = claims.createClaim(policyId, 1_200_000e18, block.timestamp, "");
        vm.prank(mediator);
        claims.acceptClaim(claimId);
        uint256 owed = claims.owedTokens();
        assertGt(owed, 0);
        vm.prank(primary);
        pool.setClaimsManager(address(cm), false);
        (bool authorized,, uint256 owedToPool) = pool.claimsManagerState(address(cm));
        assertFalse(authorized);
        assertEq(owedToPool, owed);
        assertEq(pool.openExposure(), owed);
        uint256 userBefore = token.balanceOf(user);
        while (claims.owedTokens() != 0) {
            _warpAndRefresh(2 weeks);
            claims.payTranche(mediator);
        }
        assertEq(token.balanceOf(user) - userBefore, owed);
        assertEq(uint256(claims.claim(claimId).status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        // Nothing more: a revoked manager cannot pay beyond what it owed.
        vm.prank(address(cm));
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnauthorizedClaimsManager.selector, address(cm)));
        pool.payOutClaim(user, 1);
    }
}
