// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {GovernorProposalRateLimit} from "./GovernorProposalRateLimit.sol";
import {GovernorThresholdFraction} from "./GovernorThresholdFraction.sol";
import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {GovernorCountingSimple} from "@openzeppelin/contracts/governance/extensions/GovernorCountingSimple.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {
    GovernorVotesQuorumFraction
} from "@openzeppelin/contracts/governance/extensions/GovernorVotesQuorumFraction.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";

/// @title PoolGovernor
/// @notice One agent of the Insurance Pool DAO: an OpenZeppelin Governor whose votes are pool shares (the pool's
/// ERC-5805 `getPastVotes`, timestamp clock), executing through its own TimelockController. The DAO has two:
/// the primary agent (quorum 50%: claims managers, unstake wait period, vesting manager, agents) and the secondary
/// agent (quorum 15%: reward and routine parameters).
///
/// Rules on top of the OpenZeppelin modules (all unmodified):
/// - proposal threshold: a fraction of the total voting supply at `clock() - 1` (0.1% by default), within
///   [0.1%, 10%], changed only by this governor's own proposals (`GovernorThresholdFraction`);
/// - one proposal per proposer per week (`GovernorProposalRateLimit`);
/// - hard bounds on every setting the governance can change: voting delay [1 s, 1 week], voting period
///   [1 day, 4 weeks], quorum [10%, 75%]. `setProposalThreshold` (an absolute number of votes) is disabled.
/// Warning: votes are counted at the proposal's snapshot (creation + voting delay); shares scheduled for unstake
/// no longer vote, but stay slashable until unstaked. A staker who disagrees with a proposal exits safely only if
/// voting delay + voting period + timelock delay exceed the pool's unstake wait period (defaults: 1 day + 1 week
/// + 2 days > 1 week).
contract PoolGovernor is
    GovernorSettings,
    GovernorCountingSimple,
    GovernorVotesQuorumFraction,
    GovernorThresholdFraction,
    GovernorProposalRateLimit,
    GovernorTimelockControl
{
    /// @notice Bounds of the voting delay (seconds between proposal and snapshot).
    uint256 public constant MIN_VOTING_DELAY = 1;
    uint256 public constant MAX_VOTING_DELAY = 1 weeks;
    /// @notice Bounds of the voting period (seconds).
    uint256 public constant MIN_VOTING_PERIOD = 1 days;
    uint256 public constant MAX_VOTING_PERIOD = 4 weeks;
    /// @notice Bounds of the quorum, in percent of the total voting supply at the snapshot.
    uint256 public constant MIN_QUORUM_PERCENT = 10;
    uint256 public constant MAX_QUORUM_PERCENT = 75;

    /// @notice The settings of one agent.
    struct Settings {
        string name;
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 quorumPercent;
        uint256 proposalThresholdBps;
    }

    /// @notice A setting `value` is outside its hard bounds [`min`, `max`].
    error GovernorSettingOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice The threshold is a fraction of the supply here: use `setProposalThresholdFraction`.
    error GovernorAbsoluteThresholdDisabled();

    constructor(IVotes pool, TimelockController timelock, Settings memory settings)
        Governor(settings.name)
        GovernorSettings(settings.votingDelay, settings.votingPeriod, 0)
        GovernorVotes(pool)
        GovernorVotesQuorumFraction(settings.quorumPercent)
        GovernorThresholdFraction(settings.proposalThresholdBps)
        GovernorTimelockControl(timelock)
    {}

    /// @notice Disabled: reverts with `GovernorAbsoluteThresholdDisabled`.
    function setProposalThreshold(uint256) public pure override {
        revert GovernorAbsoluteThresholdDisabled();
    }

    // ------------------------------------------------------------------ bounds

    function _setVotingDelay(uint48 newVotingDelay) internal override {
        _checkBounds(newVotingDelay, MIN_VOTING_DELAY, MAX_VOTING_DELAY);
        super._setVotingDelay(newVotingDelay);
    }

    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        _checkBounds(newVotingPeriod, MIN_VOTING_PERIOD, MAX_VOTING_PERIOD);
        super._setVotingPeriod(newVotingPeriod);
    }

    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal override {
        _checkBounds(newQuorumNumerator, MIN_QUORUM_PERCENT, MAX_QUORUM_PERCENT);
        super._updateQuorumNumerator(newQuorumNumerator);
    }

    function _checkBounds(uint256 value, uint256 min, uint256 max) private pure {
        if (value < min || value > max) revert GovernorSettingOutOfBounds(value, min, max);
    }

    // ------------------------------------------------------------------ resolution of the modules

    function proposalThreshold()
        public
        view
        override(Governor, GovernorSettings, GovernorThresholdFraction)
        returns (uint256)
    {
        return GovernorThresholdFraction.proposalThreshold();
    }

    function state(uint256 proposalId) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        return super.state(proposalId);
    }

    function proposalNeedsQueuing(uint256 proposalId)
        public
        view
        override(Governor, GovernorTimelockControl)
        returns (bool)
    {
        return super.proposalNeedsQueuing(proposalId);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorProposalRateLimit) returns (uint256) {
        return super._propose(targets, values, calldatas, description, proposer);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }
}
