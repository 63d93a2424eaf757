// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";

/// @notice The contracts as they ship (the release build in `contracts/out-release`, see `Release`) fit the limits
/// real chains enforce: EIP-170 (24,576 bytes of runtime code) and EIP-3860 (49,152 bytes of initcode). The forge tests
/// deploy without these limits, so without this test only the devnet's anvil and the gas bench would notice a
/// contract grown past them. The pool has ~200 bytes of runtime to spare at its 2,000 optimizer runs (contracts'
/// README, issue #13 part 5): a change that outgrows it fails here, naming the contract and its size.
contract ReleaseSizesTest is Test {
    uint256 internal constant EIP170_RUNTIME_LIMIT = 24_576;
    uint256 internal constant EIP3860_INITCODE_LIMIT = 49_152;

    /// @dev Every contract the SDK deploys or a constructor creates: (source file, contract).
    function _shipped() internal pure returns (string[2][14] memory) {
        return [
            ["StakingPool", "StakingPool"],
            ["StakingPoolExtension", "StakingPoolExtension"],
            ["ClaimsManager", "ClaimsManager"],
            ["ClaimsAdmin", "ClaimsAdmin"],
            ["ClaimsParametric", "ClaimsParametric"],
            ["IncidentRegistry", "IncidentRegistry"],
            ["PoolGovernor", "PoolGovernor"],
            ["PoolTimelock", "PoolTimelock"],
            ["DaoDeployment", "DaoDeployment"],
            ["LocalArbitrator", "LocalArbitrator"],
            ["LocalDisputeTemplateRegistry", "LocalDisputeTemplateRegistry"],
            ["LocalEvidenceModule", "LocalEvidenceModule"],
            ["CentralizedArbitratorWithAppeal", "CentralizedArbitratorWithAppeal"],
            ["TestToken", "TestToken"]
        ];
    }

    function test_shippedContractsFitTheChainsSizeLimits() public view {
        string memory out = vm.envOr("RELEASE_OUT", string("contracts/out-release"));
        string[2][14] memory shipped = _shipped();
        for (uint256 i = 0; i < shipped.length; i++) {
            string memory name = shipped[i][1];
            string memory json = vm.readFile(string.concat(out, "/", shipped[i][0], ".sol/", name, ".json"));
            uint256 runtime = vm.parseJsonBytes(json, ".deployedBytecode.object").length;
            uint256 initcode = vm.parseJsonBytes(json, ".bytecode.object").length;
            assertGt(runtime, 0, name);
            assertLe(runtime, EIP170_RUNTIME_LIMIT, string.concat(name, ": runtime code over EIP-170"));
            assertLe(initcode, EIP3860_INITCODE_LIMIT, string.concat(name, ": initcode over EIP-3860"));
        }
    }
}
