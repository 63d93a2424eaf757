// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsExposure} from "../../src/interfaces/IStakingPool.sol";

/// @notice A stand-in claims manager that reports the open exposure and owed tokens a test sets (the pool asks its
/// claims managers for them at `unstake` and at a revocation).
contract ExposureReporter is IClaimsExposure {
    uint256 public openExposure;
    uint256 public owedTokens;

    function setExposure(uint256 exposure) external {
        openExposure = exposure;
    }

    function setOwed(uint256 owed) external {
        owedTokens = owed;
    }
}

/// @notice A claims manager whose exposure report always reverts (counted as 0, so it cannot block exits).
contract RevertingReporter {
    function openExposure() external pure returns (uint256) {
        revert("broken");
    }
}
