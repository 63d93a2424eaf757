// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Vm, VmSafe} from "forge-std/Vm.sol";

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {StakingPool} from "../../src/StakingPool.sol";
import {ClaimsParametric} from "../../src/claims/ClaimsParametric.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";

/// @title Release
/// @notice Deploys contracts as they ship: from the IR-compiled artifacts in `contracts/out-release` (foundry.toml's
/// `release` profile, built by `npm run build:contracts`), which the SDK, the devnet and the gas bench deploy too,
/// rather than from the legacy-compiled copies that `forge test` builds with the tests. It refuses a release
/// artifact compiled from other sources than the test build's (edit a contract, then run `forge test` alone, and
/// the tests would otherwise run the old code). `RELEASE_OUT` overrides the directory (a private release build, e.g.
/// `FOUNDRY_PROFILE=release FOUNDRY_OUT=contracts/out-release-x forge build contracts/src`).
library Release {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @notice `contracts/out-release` lacks `artifact`: run `npm run build:contracts`.
    error ReleaseArtifactMissing(string artifact);

    /// @notice The release artifact of `name` was compiled from other sources or settings than the test build's
    /// copy: run `npm run build:contracts`.
    error ReleaseArtifactStale(string name);

    /// @notice A StakingPool, typed by its full ABI (`IStakingPool`: its own functions and those its fallback serves).
    function stakingPool(IERC20 token, address primaryAgent, address secondaryAgent) internal returns (IStakingPool) {
        bytes memory args = abi.encode(token, primaryAgent, secondaryAgent);
        return IStakingPool(deploy("StakingPool", type(StakingPool).creationCode, args));
    }

    /// @notice A ClaimsManager whose price dAPI has a 24-hour heartbeat (API3's usual one).
    function claimsManager(
        IStakingPool pool,
        IApi3ReaderProxy priceFeed,
        address primaryAgent,
        address secondaryAgent,
        address mediator,
        IArbitrator arbitrator,
        bytes memory arbitratorExtraData,
        string memory metaEvidence,
        ClaimsStorage.DapiConfig[] memory dapis
    ) internal returns (ClaimsManager) {
        return claimsManager(
            pool,
            priceFeed,
            24 hours,
            primaryAgent,
            secondaryAgent,
            mediator,
            arbitrator,
            arbitratorExtraData,
            metaEvidence,
            dapis
        );
    }

    /// @notice A ClaimsManager without an incident registry (no parametric coverage).
    function claimsManager(
        IStakingPool pool,
        IApi3ReaderProxy priceFeed,
        uint256 priceFeedHeartbeat,
        address primaryAgent,
        address secondaryAgent,
        address mediator,
        IArbitrator arbitrator,
        bytes memory arbitratorExtraData,
        string memory metaEvidence,
        ClaimsStorage.DapiConfig[] memory dapis
    ) internal returns (ClaimsManager) {
        ClaimsParametric module = claimsParametric(
            pool, priceFeed, priceFeedHeartbeat, primaryAgent, secondaryAgent, IIncidentRegistry(address(0))
        );
        return claimsManager(
            pool,
            priceFeed,
            priceFeedHeartbeat,
            primaryAgent,
            secondaryAgent,
            mediator,
            arbitrator,
            arbitratorExtraData,
            metaEvidence,
            dapis,
            module
        );
    }

    /// @notice A ClaimsManager running the parametric module `module` (see `claimsParametric`).
    function claimsManager(
        IStakingPool pool,
        IApi3ReaderProxy priceFeed,
        uint256 priceFeedHeartbeat,
        address primaryAgent,
        address secondaryAgent,
        address mediator,
        IArbitrator arbitrator,
        bytes memory arbitratorExtraData,
        string memory metaEvidence,
        ClaimsStorage.DapiConfig[] memory dapis,
        ClaimsParametric module
    ) internal returns (ClaimsManager) {
        bytes memory args = abi.encode(
            pool,
            priceFeed,
            priceFeedHeartbeat,
            primaryAgent,
            secondaryAgent,
            mediator,
            arbitrator,
            arbitratorExtraData,
            metaEvidence,
            dapis,
            module
        );
        return ClaimsManager(deploy("ClaimsManager", type(ClaimsManager).creationCode, args));
    }

    /// @notice The parametric module a ClaimsManager with these arguments runs, reading `incidentRegistry`.
    function claimsParametric(
        IStakingPool pool,
        IApi3ReaderProxy priceFeed,
        uint256 priceFeedHeartbeat,
        address primaryAgent,
        address secondaryAgent,
        IIncidentRegistry incidentRegistry
    ) internal returns (ClaimsParametric) {
        bytes memory args = abi.encode(
            pool, priceFeed, priceFeedHeartbeat, primaryAgent, secondaryAgent, incidentRegistry
        );
        return ClaimsParametric(deploy("ClaimsParametric", type(ClaimsParametric).creationCode, args));
    }

    /// @notice Deploys contract `name` (defined in `contracts/src/.../<name>.sol`) from its release artifact with
    /// the ABI-encoded constructor arguments `args`, after checking that the release artifact was built from the
    /// same sources, compiler and optimizer settings as the test build's copy, whose creation code is
    /// `testBuildCode` (`type(C).creationCode`: forge finds its artifact wherever the test build went).
    /// Under `forge coverage` it deploys `testBuildCode` itself instead: coverage maps only the code of the build it
    /// instruments (unoptimized, legacy code generator), so release bytecode would count as never run.
    function deploy(string memory name, bytes memory testBuildCode, bytes memory args) internal returns (address) {
        if (vm.isContext(VmSafe.ForgeContext.Coverage)) return _create(bytes.concat(testBuildCode, args));
        string memory file = string.concat(name, ".sol/", name, ".json");
        string memory release = string.concat(vm.envOr("RELEASE_OUT", string("contracts/out-release")), "/", file);
        if (!vm.exists(release)) revert ReleaseArtifactMissing(release);
        if (_buildHash(release) != _buildHash(vm.getArtifactPathByCode(testBuildCode))) {
            revert ReleaseArtifactStale(name);
        }
        return vm.deployCode(release, args);
    }

    /// @dev Creates `initCode` (creation code and constructor arguments), bubbling up a constructor's revert.
    function _create(bytes memory initCode) private returns (address deployed) {
        assembly ("memory-safe") {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
            if iszero(deployed) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
        }
    }

    /// @dev The hash of what an artifact was built from: its source files (with their hashes), the compiler version,
    /// whether it was optimized and the EVM version (not the code generator nor the optimizer runs, which differ by
    /// design).
    function _buildHash(string memory artifact) private view returns (bytes32) {
        string memory json = vm.readFile(artifact);
        return keccak256(
            abi.encode(
                vm.parseJson(json, ".metadata.sources"),
                vm.parseJson(json, ".metadata.compiler.version"),
                // Whether optimized, not the runs: the build ships the ClaimsManager at 1,000 runs (its initcode
                // limit, scripts/build-contracts.ts) while the test build compiles everything at the profile's.
                vm.parseJson(json, ".metadata.settings.optimizer.enabled"),
                vm.parseJson(json, ".metadata.settings.evmVersion")
            )
        );
    }
}
