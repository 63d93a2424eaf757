// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {Test} from "forge-std/Test.sol";

/// @dev The parts of Api3ServerV1 the tests call.
interface IApi3ServerV1Like {
    function updateBeaconWithSignedData(
        address airnode,
        bytes32 templateId,
        uint256 timestamp,
        bytes calldata data,
        bytes calldata signature
    ) external returns (bytes32 beaconId);
    function setDapiName(bytes32 dapiName, bytes32 dataFeedId) external;
}

/// @title Api3Feed
/// @notice Test helper: deploys the real API3 contracts from `@api3/contracts` (AccessControlRegistry,
/// Api3ServerV1, Api3ServerV1OevExtension, Api3ReaderProxyV1; their compiled artifacts are written to
/// contracts/test/artifacts by `scripts/api3-artifacts.ts`) and feeds a dAPI with data signed by a test
/// Airnode key, exactly as Airnode-signed data updates a Beacon on a live chain.
abstract contract Api3Feed is Test {
    string internal constant ARTIFACTS = "contracts/test/artifacts/";
    bytes32 internal constant TEMPLATE_ID = keccak256("API3/USD template");
    bytes32 internal constant COVERED_TEMPLATE_ID = keccak256("covered dAPI template");

    uint256 internal airnodeKey = 0xA11CE;
    address internal airnode;
    IApi3ServerV1Like internal api3ServerV1;
    address internal oevExtension;
    bytes32 internal beaconId;

    /// @notice Deploys the API3 stack and a reader proxy for `dapiName` pointing at the test Airnode's Beacon.
    function _deployApi3Feed(bytes32 dapiName) internal returns (IApi3ReaderProxy proxy) {
        airnode = vm.addr(airnodeKey);
        address manager = address(this);
        address registry = deployCode(string.concat(ARTIFACTS, "AccessControlRegistry.json"));
        api3ServerV1 = IApi3ServerV1Like(
            deployCode(
                string.concat(ARTIFACTS, "Api3ServerV1.json"), abi.encode(registry, "Api3ServerV1 admin", manager)
            )
        );
        oevExtension = deployCode(
            string.concat(ARTIFACTS, "Api3ServerV1OevExtension.json"),
            abi.encode(registry, "Api3ServerV1OevExtension admin", manager, address(api3ServerV1))
        );
        proxy = IApi3ReaderProxy(
            deployCode(
                string.concat(ARTIFACTS, "Api3ReaderProxyV1.json"), abi.encode(oevExtension, dapiName, uint256(1))
            )
        );
        beaconId = keccak256(abi.encodePacked(airnode, TEMPLATE_ID));
        api3ServerV1.setDapiName(dapiName, beaconId);
    }

    /// @notice Pushes `value` (18 decimals) signed by the test Airnode at `timestamp` to the Beacon.
    function _pushPrice(int256 value, uint256 timestamp) internal {
        _pushBeacon(TEMPLATE_ID, value, timestamp);
    }

    /// @notice A second dAPI on the same API3 stack (call `_deployApi3Feed` first), `dapiName`, fed by the test
    /// Airnode's Beacon of template `COVERED_TEMPLATE_ID` (a covered feed, as ETH/USD is for a policy).
    function _deployCoveredFeed(bytes32 dapiName) internal returns (IApi3ReaderProxy proxy) {
        proxy = IApi3ReaderProxy(
            deployCode(
                string.concat(ARTIFACTS, "Api3ReaderProxyV1.json"), abi.encode(oevExtension, dapiName, uint256(1))
            )
        );
        api3ServerV1.setDapiName(dapiName, keccak256(abi.encodePacked(airnode, COVERED_TEMPLATE_ID)));
    }

    /// @notice Pushes `value` signed at `timestamp` to the covered feed's Beacon.
    function _pushCoveredValue(int256 value, uint256 timestamp) internal {
        _pushBeacon(COVERED_TEMPLATE_ID, value, timestamp);
    }

    /// @notice Pushes `value` signed now to the covered feed's Beacon.
    function _pushCoveredValue(int256 value) internal {
        _pushBeacon(COVERED_TEMPLATE_ID, value, block.timestamp);
    }

    function _pushBeacon(bytes32 templateId, int256 value, uint256 timestamp) internal {
        bytes memory data = abi.encode(value);
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19Ethereum Signed Message:\n32", keccak256(abi.encodePacked(templateId, timestamp, data))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(airnodeKey, digest);
        api3ServerV1.updateBeaconWithSignedData(airnode, templateId, timestamp, data, abi.encodePacked(r, s, v));
    }

    /// @notice Pushes `value` signed now.
    function _pushPrice(int256 value) internal {
        _pushPrice(value, block.timestamp);
    }
}
