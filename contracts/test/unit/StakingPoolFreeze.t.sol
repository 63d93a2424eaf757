// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IStakingPool, IStakingPoolTypes} from "../../src/interfaces/IStakingPool.sol";
import {ExposureReporter, RevertingReporter} from "../utils/ExposureReporter.sol";
import {PoolFixture} from "../utils/PoolFixture.sol";

/// @notice #12 rule 1, the pool's side: no escape from a filed claim. Stake that was at risk when a claim was filed
/// pays its share of it, an exit holds back only its share of the open exposure (frozen, bearing payouts like stake,
/// earning nothing), and the frozen part leaves once no claim is open or at the maximum freeze. The exposure comes from
/// a stand-in claims manager (`ExposureReporter`); payouts from the fixture's claims manager.
contract StakingPoolFreezeTest is PoolFixture {
    ExposureReporter internal reporter;

    function setUp() public override {
        super.setUp();
        reporter = new ExposureReporter();
        vm.prank(primary);
        pool.setClaimsManager(address(reporter), true);
        // No rewards: every change of value below comes from payouts alone.
        vm.startPrank(secondary);
        pool.setMinApr(0);
        pool.setMaxApr(0);
        vm.stopPrank();
    }

    /// @dev alice stays with `stay`, bob schedules all of `leave`; returns bob's scheduled amount.
    function _stakersAndExit(uint256 stay, uint256 leave) internal returns (uint256 scheduled) {
        _depositAndStake(alice, stay);
        _depositAndStake(bob, leave);
        scheduled = _schedule(bob, pool.sharesOf(bob));
    }

    function _unstake(address user) internal returns (uint256) {
        return pool.unstake(user);
    }

    /// @dev Every stream released (the charges of frozen exits go to stakers through it).
    function _releaseStream() internal {
        vm.warp((block.timestamp / WEEK + 1) * WEEK + 1);
        pool.accrue();
        vm.warp(block.timestamp + WEEK);
        pool.accrue();
    }

    function test_unstake_withoutOpenClaims_paysTheWholeExit() public {
        uint256 scheduled = _stakersAndExit(6000e18, 4000e18);
        vm.warp(block.timestamp + WEEK);
        assertEq(pool.openExposure(), 0);
        assertEq(_unstake(bob), scheduled);
        assertEq(_pending(bob).shares, 0);
        assertFalse(_pending(bob).frozen);
    }

    /// @dev A claim of a tenth of the stake is open when bob's exit matures: a tenth of it stays frozen (rounded up),
    /// the rest leaves now.
    function test_unstake_withOpenClaims_holdsTheExitsShareOfTheExposure() public {
        _stakersAndExit(6000e18, 4000e18);
        uint256 exposure = (pool.totalStake()) / 10;
        reporter.setExposure(exposure);
        vm.warp(block.timestamp + WEEK);
        uint256 paid = _unstake(bob);
        IStakingPoolTypes.PendingUnstake memory held = _pending(bob);
        assertTrue(held.frozen);
        assertApproxEqAbs(paid, 3600e18, 1e9);
        assertApproxEqAbs(held.amount, 400e18, 1e9);
        assertGe(held.amount + paid, 4000e18 - 1e9);
        assertLe(held.amount + paid, 4000e18);
        assertEq(held.maturesAt, block.timestamp + 12 weeks);
        // liable = V * S / (S + V - H) - H with S the stake left: 4000 * 6401 / 10001 - 400 (the seed's token counts).
        assertApproxEqAbs(held.liable, _liable(), 1e9);
        assertEq(pool.unstakedOf(bob), paid);
    }

    /// @dev The attack this rule defeats: bob schedules his exit as soon as a claim is filed and leaves before it is
    /// paid. Before, bob left whole and alice paid the claim alone; now each loses the same fraction (exact for a
    /// single payout while the stake stands).
    function test_noEscape_anExitDuringAnOpenClaimLosesWhatAStakerLoses() public {
        _depositAndStake(alice, 6000e18);
        _depositAndStake(bob, 4000e18);
        uint256 before = pool.totalStake();
        // The claim (a tenth of the stake) is filed; bob schedules at once and his exit matures a week later.
        reporter.setExposure(before / 10);
        _schedule(bob, pool.sharesOf(bob));
        vm.warp(block.timestamp + WEEK);
        uint256 firstPart = _unstake(bob);
        // The claim is paid in full, then final: no claim is open.
        _payOut(before / 10);
        reporter.setExposure(0);
        uint256 secondPart = _unstake(bob);
        _releaseStream();
        uint256 bobLoss = 4000e18 - (firstPart + secondPart);
        uint256 aliceLoss = 6000e18 - pool.stakeOf(alice);
        // Each lost a tenth (alice 600, bob 400), to the wei's rounding.
        assertApproxEqRel(bobLoss * 1e18 / 4000e18, aliceLoss * 1e18 / 6000e18, 1e9);
        assertApproxEqAbs(bobLoss, 400e18, 1e10);
        assertApproxEqAbs(aliceLoss, 600e18, 1e10);
    }

    /// @dev The same, fuzzed: any exit share, any exposure, any payout up to it.
    function testFuzz_noEscape_exitLosesTheSameFraction(uint256 leaveBps, uint256 exposureBps, uint256 payoutBps)
        public
    {
        leaveBps = bound(leaveBps, 100, 9000);
        // Up to 90% of the stake (a payout of 99% or more ends the share era: see the wipe-out test).
        exposureBps = bound(exposureBps, 1, 9000);
        payoutBps = bound(payoutBps, 0, exposureBps);
        uint256 total = 10_000e18;
        uint256 leave = total * leaveBps / 10_000;
        _depositAndStake(alice, total - leave);
        _depositAndStake(bob, leave);
        uint256 stake = pool.totalStake();
        reporter.setExposure(stake * exposureBps / 10_000);
        _schedule(bob, pool.sharesOf(bob));
        vm.warp(block.timestamp + WEEK);
        uint256 firstPart = _unstake(bob);
        uint256 payout = stake * payoutBps / 10_000;
        if (payout != 0) _payOut(payout);
        reporter.setExposure(0);
        uint256 secondPart = _unstake(bob);
        _releaseStream();
        uint256 bobFraction = (leave - (firstPart + secondPart)) * 1e18 / leave;
        uint256 aliceFraction = (total - leave - pool.stakeOf(alice)) * 1e18 / (total - leave);
        // Equal fractions (to rounding of a few wei per 1e18 tokens), both the payout's share of the stake.
        assertApproxEqAbs(bobFraction, aliceFraction, 1e6);
        assertApproxEqAbs(bobFraction, payoutBps * 1e14, 1e6);
    }

    /// @dev Proportionate: a claim worth a ten-thousandth of the stake holds a ten-thousandth of a large exit.
    function test_unstake_aSmallClaimHoldsASmallPartOfALargeExit() public {
        _stakersAndExit(100_000e18, 900_000e18);
        reporter.setExposure(pool.totalStake() / 10_000);
        vm.warp(block.timestamp + WEEK);
        uint256 paid = _unstake(bob);
        assertApproxEqAbs(_pending(bob).amount, 90e18, 1e9);
        assertApproxEqAbs(paid, 900_000e18 - 90e18, 1e9);
    }

    function test_unstake_exposureAtLeastTheStakeHoldsTheWholeExit() public {
        uint256 scheduled = _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake());
        vm.warp(block.timestamp + WEEK);
        assertEq(_unstake(bob), 0);
        IStakingPoolTypes.PendingUnstake memory held = _pending(bob);
        assertTrue(held.frozen);
        assertEq(held.amount, scheduled);
        assertEq(held.liable, 0);
    }

    /// @dev The frozen part leaves as soon as no claim is open, or at its latest release whatever is open: exactly
    /// then, not a second before.
    function test_frozenExit_releasesWhenNoClaimIsOpenOrAtTheMaximumFreeze() public {
        _stakersAndExit(6000e18, 4000e18);
        uint256 exposure = pool.totalStake() / 10;
        reporter.setExposure(exposure);
        vm.warp(block.timestamp + WEEK);
        _unstake(bob);
        uint256 releasesAt = _pending(bob).maturesAt;
        uint256 snapshot = vm.snapshotState();
        vm.warp(releasesAt - 1);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.ExitFrozen.selector, bob, releasesAt, exposure));
        _unstake(bob);
        vm.warp(releasesAt);
        uint256 rest = _unstake(bob);
        assertApproxEqAbs(rest, 400e18, 1e9);
        assertEq(_pending(bob).shares, 0);
        vm.revertToState(snapshot);
        reporter.setExposure(0);
        vm.expectEmit(address(pool));
        emit IStakingPoolTypes.FrozenUnstakeReleased(bob, _pending(bob).amount, 0);
        assertApproxEqAbs(_unstake(bob), 400e18, 1e9);
    }

    /// @dev Held back, it earns nothing: rewards streamed meanwhile go to stakers, the frozen part pays at most what it
    /// held.
    function test_frozenExit_earnsNothing() public {
        vm.startPrank(secondary);
        pool.setMaxApr(75e6);
        pool.setMinApr(75e6);
        vm.stopPrank();
        _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake() / 10);
        vm.warp(block.timestamp + WEEK);
        _unstake(bob);
        uint256 held = _pending(bob).amount;
        vm.warp(block.timestamp + 4 * WEEK);
        pool.accrue();
        reporter.setExposure(0);
        assertEq(_unstake(bob), held);
    }

    /// @dev One pending unstake per user: a frozen part must leave before the next exit is scheduled.
    function test_frozenExit_blocksANewScheduleUntilItLeaves() public {
        _depositAndStake(bob, 100e18);
        _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake() / 10);
        vm.warp(block.timestamp + WEEK);
        _unstake(bob);
        uint256 releasesAt = _pending(bob).maturesAt;
        _depositAndStake(bob, 50e18);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IStakingPoolTypes.UnstakeAlreadyPending.selector, bob, releasesAt));
        pool.scheduleUnstake(1);
    }

    /// @dev `unstakeAndWithdraw` releases a frozen part once no claim is open and withdraws it.
    function test_unstakeAndWithdraw_releasesAFrozenExitOnceNoClaimIsOpen() public {
        _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake() / 10);
        vm.warp(block.timestamp + WEEK);
        uint256 first = _unstake(bob);
        vm.prank(bob);
        assertEq(pool.unstakeAndWithdraw(bob), first);
        reporter.setExposure(0);
        uint256 balance = token.balanceOf(bob);
        vm.prank(bob);
        uint256 second = pool.unstakeAndWithdraw(bob);
        assertApproxEqAbs(second, 400e18, 1e9);
        assertEq(token.balanceOf(bob) - balance, second);
    }

    /// @dev A frozen part still covers the user's locks and holds like a pending unstake, for what it would pay now.
    function test_frozenExit_countsInWithdrawableAsWhatItWouldPay() public {
        _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake() / 10);
        vm.warp(block.timestamp + WEEK);
        _unstake(bob);
        _payOut(pool.totalStake() / 10);
        // A tenth lost: the held 400 is worth 360, less its charge of ~2160 * 10% for the part that left.
        assertApproxEqAbs(_pending(bob).amount, 360e18 - _liable() / 10, 1e10);
        assertApproxEqAbs(pool.withdrawableOf(bob), pool.unstakedOf(bob), 0);
    }

    /// @dev The part of bob's 4,000 exit (400 held) liable for the 3,600 that left, beside alice's 6,000 and the seed.
    function _liable() internal pure returns (uint256) {
        uint256 stakeLeft = 6400e18 + SEED;
        return 4000e18 * stakeLeft / (stakeLeft + 3600e18) - 400e18;
    }

    /// @dev A claims manager that cannot report counts 0: it cannot block exits.
    function test_openExposure_aManagerThatCannotReportCountsZero() public {
        RevertingReporter broken = new RevertingReporter();
        vm.prank(primary);
        pool.setClaimsManager(address(broken), true);
        reporter.setExposure(5e18);
        assertEq(pool.openExposure(), 5e18);
        uint256 scheduled = _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(0);
        vm.warp(block.timestamp + WEEK);
        assertEq(_unstake(bob), scheduled);
    }

    /// @dev An exit whose era ended (wipe-out) pays nothing, frozen or not.
    function test_frozenExit_voidedByAWipeOut() public {
        _stakersAndExit(6000e18, 4000e18);
        reporter.setExposure(pool.totalStake() / 10);
        vm.warp(block.timestamp + WEEK);
        _unstake(bob);
        _payOut(pool.totalStake());
        reporter.setExposure(0);
        assertEq(_pending(bob).amount, 0);
        assertEq(_unstake(bob), 0);
        assertEq(_pending(bob).shares, 0);
    }
}
