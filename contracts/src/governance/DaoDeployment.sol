// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolGovernor} from "./PoolGovernor.sol";
import {PoolTimelock} from "./PoolTimelock.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @title DaoDeployment
/// @notice Deploys and wires the DAO's two agents, for forge scripts and tests (internal functions: they run in
/// the deploying contract, which is the timelocks' temporary admin). The pool needs the agents' addresses and the
/// governors need the pool, so deployment takes two steps:
/// 1. `deployTimelock(delay)` for the primary and the secondary agent (admin: the deploying contract);
/// 2. deploy the pool with the two timelocks as `primaryAgent` and `secondaryAgent`;
/// 3. `deployGovernor(pool, timelock, settings)` for each: the governor becomes the timelock's only proposer,
///    canceller and executor, and the deploying contract renounces its admin role. Afterwards each timelock is
///    administered only by itself (that is, by its governor's proposals).
/// The same sequence from TypeScript: deploy `PoolTimelock(delay, [], [], deployer)`, the pool, then
/// `PoolGovernor(pool, timelock, settings)`, then from the deployer `grantRole(PROPOSER_ROLE, governor)`,
/// `grantRole(CANCELLER_ROLE, governor)`, `grantRole(EXECUTOR_ROLE, governor)`,
/// `renounceRole(DEFAULT_ADMIN_ROLE, deployer)`.
library DaoDeployment {
    /// @notice Timelock delay of both agents by default.
    uint256 internal constant DEFAULT_TIMELOCK_DELAY = 2 days;

    /// @notice The primary agent's default settings: quorum 50%, threshold 0.1%, 1 day delay, 1 week vote.
    function primarySettings() internal pure returns (PoolGovernor.Settings memory) {
        return PoolGovernor.Settings({
            name: "Insurance Pool Primary Agent",
            votingDelay: 1 days,
            votingPeriod: 1 weeks,
            quorumPercent: 50,
            proposalThresholdBps: 10
        });
    }

    /// @notice The secondary agent's default settings: quorum 15%, threshold 0.1%, 1 day delay, 1 week vote.
    function secondarySettings() internal pure returns (PoolGovernor.Settings memory) {
        return PoolGovernor.Settings({
            name: "Insurance Pool Secondary Agent",
            votingDelay: 1 days,
            votingPeriod: 1 weeks,
            quorumPercent: 15,
            proposalThresholdBps: 10
        });
    }

    /// @notice Step 1: a timelock with no proposer and no executor yet; the calling contract is its admin until
    /// `deployGovernor` wires it.
    function deployTimelock(uint256 minDelay) internal returns (PoolTimelock) {
        return new PoolTimelock(minDelay, new address[](0), new address[](0), address(this));
    }

    /// @notice Step 3: the governor of `timelock`, reading votes from `pool`; makes it the timelock's only
    /// proposer, canceller and executor and renounces the calling contract's admin role.
    function deployGovernor(IVotes pool, PoolTimelock timelock, PoolGovernor.Settings memory settings)
        internal
        returns (PoolGovernor governor)
    {
        governor = new PoolGovernor(pool, timelock, settings);
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.grantRole(timelock.EXECUTOR_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
    }
}
