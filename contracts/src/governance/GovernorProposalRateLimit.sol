// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";

/// @title GovernorProposalRateLimit
/// @notice Governor extension: one proposal per proposer per epoch. A proposer may propose again
/// `PROPOSAL_INTERVAL` (1 week, the pool's epoch) after its previous proposal (a rolling window, counted on the
/// Governor's clock, i.e. timestamps).
abstract contract GovernorProposalRateLimit is Governor {
    /// @notice The minimum time between two proposals of one proposer.
    uint256 public constant PROPOSAL_INTERVAL = 1 weeks;

    mapping(address proposer => uint256 timepoint) private _lastProposalAt;

    /// @notice `proposer` proposed less than `PROPOSAL_INTERVAL` ago; it may propose again at `allowedAt`.
    error GovernorProposalTooSoon(address proposer, uint256 allowedAt);

    /// @notice When `proposer` may propose next (0 if it never proposed).
    function nextProposalAllowedAt(address proposer) public view virtual returns (uint256) {
        uint256 last = _lastProposalAt[proposer];
        return last == 0 ? 0 : last + PROPOSAL_INTERVAL;
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256) {
        uint256 last = _lastProposalAt[proposer];
        uint256 now_ = clock();
        if (last != 0 && now_ < last + PROPOSAL_INTERVAL) {
            revert GovernorProposalTooSoon(proposer, last + PROPOSAL_INTERVAL);
        }
        _lastProposalAt[proposer] = now_;
        return super._propose(targets, values, calldatas, description, proposer);
    }
}
