// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsRealPool} from "../integration/ClaimsRealPool.t.sol";
import {console} from "forge-std/Test.sol";

/// @notice Whole-transaction gas of the ClaimsManager's hot paths on the real StakingPool and the real API3
/// dAPI proxy (Api3ReaderProxyV1 -> Api3ServerV1 + OEV extension), against the targets. Each test makes one
/// call after `setUp` (cold storage, as in a real transaction), measured with `gasleft()` around it; the
/// transaction is estimated as 21,000 + calldata + measured - 2,600 (a transaction's `to` is already warm).
/// API3's figures (from its own suite, against a mock pool): createPolicy 56K, createClaim 54.6K,
/// acceptClaim with payout 111K-163K.
/// buyCoverage (~125K here) reads the real dAPI proxy (~17.3K with cold accounts), writes a one-slot policy
/// (22.1K: the policy's terms are its id), two expiry buckets (10K), the packed totals (2 x 5K, pending premiums
/// included), reads the pool's stake (~5K) and two parameter slots (4.2K), pulls the premium (~17.7K) and emits
/// its event (~4.2K). The bounds are the issue's targets (the first purchase ending in its week, which also
/// creates both buckets, gets the measured cost plus a small margin).
contract ClaimsGasTest is ClaimsRealPool {
    uint256 internal constant TX_BASE = 21_000 - 2600;
    string internal constant URI = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";

    uint256 internal policyId;
    uint256 internal pendingClaim;
    uint256 internal rejectedClaim;

    function setUp() public override {
        super.setUp();
        // Earlier activity: policies ending in the same week as the measured purchase, two claims.
        vm.prank(user2);
        claims.buyCoverage(DAPI, 10_000e18, 30 days, type(uint256).max, URI);
        vm.prank(user);
        (policyId,) = claims.buyCoverage(DAPI, 50_000e18, 90 days, type(uint256).max, URI);
        vm.startPrank(user);
        pendingClaim = claims.createClaim(policyId, 5000e18, block.timestamp, URI);
        rejectedClaim = claims.createClaim(policyId, 8000e18, block.timestamp, URI);
        vm.stopPrank();
        vm.prank(mediator);
        claims.rejectClaim(rejectedClaim);
        // The mediator has paid before (its quota slot exists, as for any active mediator).
        vm.prank(user);
        uint256 paid = claims.createClaim(policyId, 100e18, block.timestamp, URI);
        vm.prank(mediator);
        claims.acceptClaim(paid);
        // A dispute already exists on the arbitrator (its counter is warm-able like on a live chain).
        vm.prank(user);
        uint256 earlier = claims.createClaim(policyId, 1000e18, block.timestamp, URI);
        vm.prank(mediator);
        claims.rejectClaim(earlier);
        vm.prank(user);
        claims.escalateClaim{value: ARBITRATION_FEE}(earlier, URI);
        vm.warp(block.timestamp + 1 hours);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 gas) {
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }

    function _measure(address from, uint256 value, bytes memory data, string memory name, uint256 target)
        internal
        returns (uint256 txGas)
    {
        vm.prank(from);
        uint256 before = gasleft();
        (bool ok,) = address(claims).call{value: value}(data);
        uint256 used = before - gasleft();
        assertTrue(ok, name);
        txGas = TX_BASE + _calldataGas(data) + used;
        console.log(name, txGas, "bound", target);
        assertLe(txGas, target, name);
    }

    /// @dev A purchase whose end week already holds coverage (the common case on a used pool). Issue #13's premium
    /// stream adds one slot rewrite (the weekly rate; its drop shares the end bucket's slot): the target is 135K.
    function test_gas_buyCoverage() public {
        _measure(
            user2,
            0,
            abi.encodeCall(claims.buyCoverage, (DAPI, 20_000e18, 30 days - 1 hours, type(uint256).max, URI)),
            "buyCoverage",
            135_000
        );
    }

    /// @dev The first purchase ending in a week (two expiry buckets created).
    function test_gas_buyCoverage_firstInItsWeek() public {
        _measure(
            user2,
            0,
            abi.encodeCall(claims.buyCoverage, (DAPI, 20_000e18, 200 days, type(uint256).max, URI)),
            "buyCoverage (new expiry week)",
            170_000
        );
    }

    function test_gas_createClaim() public {
        _measure(
            user,
            0,
            abi.encodeCall(claims.createClaim, (policyId, 3000e18, block.timestamp, URI)),
            "createClaim (bond)",
            90_000
        );
        console.log("  API3 createClaim: 54,600 (no bond, no evidence event)");
    }

    function test_gas_acceptClaim() public {
        _measure(mediator, 0, abi.encodeCall(claims.acceptClaim, (pendingClaim)), "acceptClaim (payout)", 110_000);
        console.log("  API3 acceptClaim with payout: 111,000-163,000 (mock pool)");
    }

    /// @dev The arbitrator's own cost (LocalArbitrator.createDispute, ~47K) is measured apart and excluded.
    function test_gas_escalateClaim() public {
        uint256 snapshot = vm.snapshotState();
        vm.deal(address(this), 1 ether);
        uint256 before = gasleft();
        arbitrator.createDispute{value: ARBITRATION_FEE}(2, "");
        uint256 arbitratorCost = before - gasleft();
        vm.revertToState(snapshot);
        uint256 txGas = _measure(
            user,
            ARBITRATION_FEE,
            abi.encodeCall(claims.escalateClaim, (rejectedClaim, URI)),
            "escalateClaim",
            150_000 + arbitratorCost
        );
        console.log("  of which the arbitrator", arbitratorCost, "; escalation itself", txGas - arbitratorCost);
    }
}
