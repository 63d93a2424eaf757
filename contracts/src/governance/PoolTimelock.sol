// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// @title PoolTimelock
/// @notice An agent of the DAO: OpenZeppelin's TimelockController, unmodified, under a name of this repository so
/// its ABI and bytecode are generated with the others. The pool's `primaryAgent` and `secondaryAgent` are two of
/// these, each driven by its own `PoolGovernor` (see `DaoDeployment` for the wiring: the governor is the only
/// proposer, canceller and executor; the timelock administers itself and nobody else).
contract PoolTimelock is TimelockController {
    constructor(uint256 minDelay, address[] memory proposers, address[] memory executors, address admin)
        TimelockController(minDelay, proposers, executors, admin)
    {}
}
