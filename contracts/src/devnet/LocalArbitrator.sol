// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IArbitrable} from "@kleros/erc-792/contracts/IArbitrable.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title LocalArbitrator
/// @notice An ERC-792 arbitrator for local chains and tests, standing in for Kleros: disputes cost
/// `arbitrationFee`; the owner (the devnet's court account) rules; each ruling opens an appeal period in
/// which anyone may appeal for `appealFee`, sending the dispute back to the owner for a new ruling; once an
/// appeal period passes without appeal, anyone calls `executeRuling` and the final ruling is delivered to the
/// arbitrable through `rule()`.
/// @dev Not for production: one account decides every dispute. Fees stay here until the owner withdraws them.
contract LocalArbitrator is IArbitrator, Ownable {
    /// @notice A dispute and where it stands.
    struct DisputeData {
        IArbitrable arbitrable;
        uint64 appealPeriodStart;
        uint64 appealPeriodEnd;
        DisputeStatus status;
        uint8 appeals;
        uint256 choices;
        uint256 ruling;
    }

    /// @notice `paid` is below the fee `cost`.
    error InsufficientFee(uint256 paid, uint256 cost);
    /// @notice No dispute has id `disputeId`.
    error UnknownDispute(uint256 disputeId);
    /// @notice Dispute `disputeId` is in `status`, where this action is not possible.
    error InvalidDisputeStatus(uint256 disputeId, DisputeStatus status);
    /// @notice `ruling` is above the dispute's number of `choices`.
    error InvalidRuling(uint256 ruling, uint256 choices);
    /// @notice A dispute needs at least one choice.
    error NoChoices();
    /// @notice The appeal period of `disputeId` ended at `end`, before `now`.
    error AppealPeriodOver(uint256 disputeId, uint256 end, uint256 now);
    /// @notice The appeal period of `disputeId` lasts until `end`; it is `now`.
    error AppealPeriodNotOver(uint256 disputeId, uint256 end, uint256 now);
    /// @notice `value` is outside the hard bounds [`min`, `max`] of this parameter.
    error ParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice Sending `amount` to `recipient` failed.
    error TransferFailed(address recipient, uint256 amount);

    /// @notice The owner ruled `ruling` on `disputeId`; it can be appealed until `appealPeriodEnd`.
    event RulingGiven(uint256 indexed disputeId, uint256 ruling, uint256 appealPeriodEnd);
    /// @notice `appellant` appealed `disputeId` (appeal number `appeals`), paying `fee`.
    event Appealed(uint256 indexed disputeId, address indexed appellant, uint256 appeals, uint256 fee);
    /// @notice The final ruling `ruling` of `disputeId` was delivered to its arbitrable.
    event RulingExecuted(uint256 indexed disputeId, uint256 ruling);
    event FeesSet(uint256 arbitrationFee, uint256 appealFee);
    event AppealPeriodDurationSet(uint256 appealPeriodDuration);
    event FeesWithdrawn(address indexed recipient, uint256 amount);

    uint256 public constant MAX_FEE = 1000 ether;
    uint256 public constant MIN_APPEAL_PERIOD_DURATION = 1 minutes;
    uint256 public constant MAX_APPEAL_PERIOD_DURATION = 30 days;

    /// @notice Fee of `createDispute`.
    uint256 public arbitrationFee;
    /// @notice Fee of `appeal`.
    uint256 public appealFee;
    /// @notice How long each ruling can be appealed.
    uint256 public appealPeriodDuration;

    DisputeData[] internal _disputes;

    constructor(address owner_, uint256 arbitrationFee_, uint256 appealFee_, uint256 appealPeriodDuration_)
        Ownable(owner_)
    {
        _setFees(arbitrationFee_, appealFee_);
        _setAppealPeriodDuration(appealPeriodDuration_);
    }

    // --------------------------------------------------------------- ERC-792

    /// @inheritdoc IArbitrator
    function createDispute(uint256 _choices, bytes calldata) external payable override returns (uint256 disputeID) {
        if (msg.value < arbitrationFee) revert InsufficientFee(msg.value, arbitrationFee);
        if (_choices == 0) revert NoChoices();
        disputeID = _disputes.length;
        _disputes.push(
            DisputeData({
                arbitrable: IArbitrable(msg.sender),
                appealPeriodStart: 0,
                appealPeriodEnd: 0,
                status: DisputeStatus.Waiting,
                appeals: 0,
                choices: _choices,
                ruling: 0
            })
        );
        emit DisputeCreation(disputeID, IArbitrable(msg.sender));
    }

    /// @inheritdoc IArbitrator
    function appeal(uint256 _disputeID, bytes calldata) external payable override {
        DisputeData storage d = _dispute(_disputeID);
        if (d.status != DisputeStatus.Appealable) revert InvalidDisputeStatus(_disputeID, d.status);
        if (block.timestamp >= d.appealPeriodEnd) {
            revert AppealPeriodOver(_disputeID, d.appealPeriodEnd, block.timestamp);
        }
        if (msg.value < appealFee) revert InsufficientFee(msg.value, appealFee);
        (d.status, d.appealPeriodStart, d.appealPeriodEnd) = (DisputeStatus.Waiting, 0, 0);
        uint256 appeals = d.appeals + 1;
        d.appeals = uint8(appeals);
        emit AppealDecision(_disputeID, d.arbitrable);
        emit Appealed(_disputeID, msg.sender, appeals, msg.value);
    }

    /// @inheritdoc IArbitrator
    function arbitrationCost(bytes calldata) external view override returns (uint256) {
        return arbitrationFee;
    }

    /// @inheritdoc IArbitrator
    function appealCost(uint256 _disputeID, bytes calldata) external view override returns (uint256) {
        _dispute(_disputeID);
        return appealFee;
    }

    /// @inheritdoc IArbitrator
    function appealPeriod(uint256 _disputeID) external view override returns (uint256 start, uint256 end) {
        DisputeData storage d = _dispute(_disputeID);
        return (d.appealPeriodStart, d.appealPeriodEnd);
    }

    /// @inheritdoc IArbitrator
    function disputeStatus(uint256 _disputeID) external view override returns (DisputeStatus) {
        return _dispute(_disputeID).status;
    }

    /// @inheritdoc IArbitrator
    function currentRuling(uint256 _disputeID) external view override returns (uint256) {
        return _dispute(_disputeID).ruling;
    }

    // ----------------------------------------------------------------- court

    /// @notice The owner rules `ruling` (0 = refuse, 1..choices) on a waiting dispute; opens the appeal period.
    function giveRuling(uint256 disputeId, uint256 ruling) external onlyOwner {
        DisputeData storage d = _dispute(disputeId);
        if (d.status != DisputeStatus.Waiting) revert InvalidDisputeStatus(disputeId, d.status);
        if (ruling > d.choices) revert InvalidRuling(ruling, d.choices);
        uint256 end = block.timestamp + appealPeriodDuration;
        (d.ruling, d.status, d.appealPeriodStart, d.appealPeriodEnd) =
        (ruling, DisputeStatus.Appealable, uint64(block.timestamp), uint64(end));
        emit RulingGiven(disputeId, ruling, end);
        emit AppealPossible(disputeId, d.arbitrable);
    }

    /// @notice Delivers the ruling of `disputeId` to its arbitrable once its appeal period is over. Anyone.
    function executeRuling(uint256 disputeId) external {
        DisputeData storage d = _dispute(disputeId);
        if (d.status != DisputeStatus.Appealable) revert InvalidDisputeStatus(disputeId, d.status);
        if (block.timestamp < d.appealPeriodEnd) {
            revert AppealPeriodNotOver(disputeId, d.appealPeriodEnd, block.timestamp);
        }
        d.status = DisputeStatus.Solved;
        uint256 ruling = d.ruling;
        emit RulingExecuted(disputeId, ruling);
        d.arbitrable.rule(disputeId, ruling);
    }

    /// @notice The number of disputes created.
    function disputeCount() external view returns (uint256) {
        return _disputes.length;
    }

    /// @notice Dispute `disputeId` in full.
    function dispute(uint256 disputeId) external view returns (DisputeData memory) {
        return _dispute(disputeId);
    }

    // ------------------------------------------------------------------ owner

    /// @notice Sets both fees, each at most `MAX_FEE`.
    function setFees(uint256 arbitrationFee_, uint256 appealFee_) external onlyOwner {
        _setFees(arbitrationFee_, appealFee_);
    }

    /// @notice Sets the appeal period within [`MIN_APPEAL_PERIOD_DURATION`, `MAX_APPEAL_PERIOD_DURATION`].
    function setAppealPeriodDuration(uint256 duration) external onlyOwner {
        _setAppealPeriodDuration(duration);
    }

    /// @notice Sends the collected fees to `recipient`.
    function withdrawFees(address payable recipient) external onlyOwner {
        uint256 amount = address(this).balance;
        emit FeesWithdrawn(recipient, amount);
        (bool ok,) = recipient.call{value: amount}("");
        if (!ok) revert TransferFailed(recipient, amount);
    }

    // --------------------------------------------------------------- internal

    function _dispute(uint256 disputeId) internal view returns (DisputeData storage) {
        if (disputeId >= _disputes.length) revert UnknownDispute(disputeId);
        return _disputes[disputeId];
    }

    function _setFees(uint256 arbitrationFee_, uint256 appealFee_) internal {
        if (arbitrationFee_ > MAX_FEE) revert ParameterOutOfBounds(arbitrationFee_, 0, MAX_FEE);
        if (appealFee_ > MAX_FEE) revert ParameterOutOfBounds(appealFee_, 0, MAX_FEE);
        (arbitrationFee, appealFee) = (arbitrationFee_, appealFee_);
        emit FeesSet(arbitrationFee_, appealFee_);
    }

    function _setAppealPeriodDuration(uint256 duration) internal {
        if (duration < MIN_APPEAL_PERIOD_DURATION || duration > MAX_APPEAL_PERIOD_DURATION) {
            revert ParameterOutOfBounds(duration, MIN_APPEAL_PERIOD_DURATION, MAX_APPEAL_PERIOD_DURATION);
        }
        appealPeriodDuration = duration;
        emit AppealPeriodDurationSet(duration);
    }
}
