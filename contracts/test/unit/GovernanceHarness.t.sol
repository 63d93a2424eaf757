// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {PoolVotesHarness} from "./PoolVotesHarness.t.sol";

/// @notice A stand-in pool for the governance unit tests: PoolVotes plus two agent-only parameters, the way the
/// real pool guards them (the primary agent sets the unstake wait period, the secondary agent a reward rate).
contract GovernancePoolHarness is PoolVotesHarness {
    error Unauthorized(address caller, address expected);
    error ParameterOutOfBounds(uint256 value, uint256 min, uint256 max);

    event UnstakeWaitPeriodSet(uint256 unstakeWaitPeriod);
    event AprSet(uint256 apr);

    address public immutable primaryAgent;
    address public immutable secondaryAgent;
    uint256 public unstakeWaitPeriod = 1 weeks;
    uint256 public apr = 0.3875e18;

    constructor(address primaryAgent_, address secondaryAgent_) {
        primaryAgent = primaryAgent_;
        secondaryAgent = secondaryAgent_;
    }

    function setUnstakeWaitPeriod(uint256 value) external {
        if (msg.sender != primaryAgent) revert Unauthorized(msg.sender, primaryAgent);
        if (value < 1 weeks || value > 52 weeks) revert ParameterOutOfBounds(value, 1 weeks, 52 weeks);
        unstakeWaitPeriod = value;
        emit UnstakeWaitPeriodSet(value);
    }

    function setApr(uint256 value) external {
        if (msg.sender != secondaryAgent) revert Unauthorized(msg.sender, secondaryAgent);
        if (value > 1e18) revert ParameterOutOfBounds(value, 0, 1e18);
        apr = value;
        emit AprSet(value);
    }
}
