// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title GovernorThresholdFraction
/// @notice Governor extension: the proposal threshold is a fraction of the total voting supply one second ago
/// (`clock() - 1`, the timepoint at which the Governor reads the proposer's votes), in basis points, bounded to
/// [`MIN_THRESHOLD_BPS`, `MAX_THRESHOLD_BPS`] = [0.1%, 10%] and changed only by the governance itself.
/// @dev The threshold rounds up (against the proposer) and is at least 1 vote, so an empty pool admits no
/// proposals from accounts without votes.
abstract contract GovernorThresholdFraction is GovernorVotes {
    /// @notice The lowest proposal threshold the governance can set: 0.1% of the total voting supply.
    uint256 public constant MIN_THRESHOLD_BPS = 10;
    /// @notice The highest proposal threshold the governance can set: 10% of the total voting supply.
    uint256 public constant MAX_THRESHOLD_BPS = 1000;
    uint256 private constant _BPS = 10_000;

    uint256 private _thresholdBps;

    /// @notice The proposal threshold became `newBps` basis points of the total voting supply (was `oldBps`).
    event ProposalThresholdFractionSet(uint256 oldBps, uint256 newBps);

    /// @notice `bps` is outside [`min`, `max`].
    error GovernorThresholdFractionOutOfBounds(uint256 bps, uint256 min, uint256 max);

    constructor(uint256 thresholdBps) {
        _setProposalThresholdFraction(thresholdBps);
    }

    /// @notice The proposal threshold in basis points of the total voting supply.
    function proposalThresholdFraction() public view virtual returns (uint256) {
        return _thresholdBps;
    }

    /// @notice The votes needed to propose now: `ceil(totalSupply(clock() - 1) * bps / 10,000)`, at least 1.
    function proposalThreshold() public view virtual override returns (uint256) {
        uint256 supply = token().getPastTotalSupply(clock() - 1);
        uint256 threshold = Math.mulDiv(supply, _thresholdBps, _BPS, Math.Rounding.Ceil);
        return threshold == 0 ? 1 : threshold;
    }

    /// @notice Sets the proposal threshold to `bps` basis points, within [10, 1000]. Only through governance.
    function setProposalThresholdFraction(uint256 bps) public virtual onlyGovernance {
        _setProposalThresholdFraction(bps);
    }

    function _setProposalThresholdFraction(uint256 bps) internal virtual {
        if (bps < MIN_THRESHOLD_BPS || bps > MAX_THRESHOLD_BPS) {
            revert GovernorThresholdFractionOutOfBounds(bps, MIN_THRESHOLD_BPS, MAX_THRESHOLD_BPS);
        }
        emit ProposalThresholdFractionSet(_thresholdBps, bps);
        _thresholdBps = bps;
    }
}
