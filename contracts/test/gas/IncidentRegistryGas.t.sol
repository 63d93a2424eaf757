// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentRegistryBase} from "../unit/IncidentRegistryBase.t.sol";
import {console} from "forge-std/Test.sol";

/// @notice Whole-transaction gas of the incident reports on the real Api3ServerV1 (the registry as it ships), against
/// issue #14's targets: 80K for a stale report, 150K for a deviation report with 4 signatures. Each test makes one call
/// after `setUp` (cold storage, as in a real transaction), measured with `gasleft()` around it; the transaction is
/// 21,000 + calldata + measured - 2,600 (a transaction's `to` is already warm). The reporter is a watcher that reported
/// before: each report credits its earnings (5K; 22.1K for a reporter's first) and the bounty funds (2.9K), and moves no
/// token (a transfer to the reporter would add ~15K to every figure).
/// State after `setUp`: ETH/USD has a stale incident proven 10 minutes ago (extendable now); BTC/USD is stale with no
/// stale incident yet and has an unconfirmed deviation incident started 10 minutes ago (confirmable now); ETH/USD has
/// no deviation incident; the reporter has earned two bounties.
contract IncidentRegistryGasTest is IncidentRegistryBase {
    uint256 internal constant TX_BASE = 21_000 - 2600;

    function setUp() public override {
        super.setUp();
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        _reportStale(ETH);
        _reportDeviation(BTC, _signed(BTC, QUORUM, 105_000e18, block.timestamp));
        vm.warp(block.timestamp + GAP);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 gas) {
        for (uint256 i; i < data.length; ++i) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }

    function _measure(bytes memory data, string memory name, uint256 target) internal returns (uint256 txGas) {
        vm.prank(reporter);
        uint256 before = gasleft();
        (bool ok,) = address(registry).call(data);
        uint256 used = before - gasleft();
        assertTrue(ok, name);
        txGas = TX_BASE + _calldataGas(data) + used;
        console.log(name, txGas, "bound", target);
        assertLe(txGas, target, name);
    }

    /// @dev A new stale incident: one fresh incident slot (22.1K).
    function test_gas_reportStale_newIncident() public {
        _measure(abi.encodeCall(registry.reportStale, (BTC)), "reportStale (new incident)", 80_000);
        assertEq(registry.incidentCount(BTC), 2);
    }

    function test_gas_reportStale_extension() public {
        _measure(abi.encodeCall(registry.reportStale, (ETH)), "reportStale (extension)", 80_000);
        assertEq(registry.incident(ETH, 1).lastProvenAt, block.timestamp);
    }

    function test_gas_reportDeviation_start4Signatures() public {
        IIncidentRegistry.SignedValue[] memory signed = _signed(ETH, 4, 3300e18, block.timestamp);
        _measure(
            abi.encodeCall(registry.reportDeviation, (ETH, signed)), "reportDeviation (start, 4 signatures)", 150_000
        );
        assertEq(registry.incidentCount(ETH), 2);
    }

    function test_gas_reportDeviation_confirm4Signatures() public {
        IIncidentRegistry.SignedValue[] memory signed = _signed(BTC, 4, 105_000e18, block.timestamp);
        _measure(
            abi.encodeCall(registry.reportDeviation, (BTC, signed)), "reportDeviation (confirm, 4 signatures)", 150_000
        );
        assertGt(registry.incident(BTC, 1).payableAt, 0);
    }

    /// @dev A watcher withdraws its earnings to a wallet that holds none of the token yet (reported only).
    function test_gas_claimBounties() public {
        bytes memory data = abi.encodeCall(registry.claimBounties, (stranger));
        vm.prank(reporter);
        uint256 before = gasleft();
        (bool ok,) = address(registry).call(data);
        uint256 used = before - gasleft();
        assertTrue(ok);
        console.log("claimBounties (to an empty wallet)", TX_BASE + _calldataGas(data) + used);
        assertEq(token.balanceOf(stranger), 2 * BOUNTY);
    }
}
