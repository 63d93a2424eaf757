// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IArbitrableV2} from "../interfaces/kleros-v2/IArbitrableV2.sol";
import {IArbitratorV2} from "../interfaces/kleros-v2/IArbitratorV2.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title LocalArbitratorV2
/// @notice A Kleros v2 arbitrator (`IArbitratorV2`) for local chains and tests, standing in for `KlerosCore`: disputes
/// cost `arbitrationFee` in ETH or its converted amount in an accepted ERC-20 (KlerosCore's rate maths); the owner
/// (the devnet's court account) rules; each first ruling opens an appeal period in which anyone may fund one appeal
/// round (`fundAppeal`, where Kleros v2 funds appeals: in the dispute kit), sending the dispute back to the owner for
/// a final ruling; once the last appeal period is over, anyone calls `executeRuling`, which emits `Ruling` and
/// delivers the ruling through `rule()` exactly once, as KlerosCore does.
/// @dev Not for production: one account decides every dispute. Like KlerosCore, the ETH path keeps all of
/// `msg.value` and the token path pulls all of `_feeAmount`; unlike it, a token without an accepted rate is refused
/// with `TokenNotAccepted(token)` by `arbitrationCost` too (KlerosCore divides by a zero rate there), errors carry
/// their values, and the appeal is one payment of `appealFee` for a choice other than the current ruling (Kleros'
/// classic dispute kit crowdfunds both sides).
contract LocalArbitratorV2 is IArbitratorV2, Ownable {
    using SafeERC20 for IERC20;

    /// @notice Where a dispute stands.
    enum Phase {
        Ruling, // waiting for the owner's ruling
        Appealable, // ruled; appealable (first round) or final (second round) once the period is over
        Executed // the ruling was delivered to the arbitrable
    }

    /// @notice A dispute.
    struct DisputeData {
        IArbitrableV2 arbitrable;
        Phase phase;
        uint8 round; // 0, or 1 after an appeal
        uint64 appealPeriodEnd;
        uint256 choices;
        uint256 ruling;
        IERC20 feeToken; // address(0) for ETH
        uint256 fee;
    }

    /// @notice Fee rate of an ERC-20, as KlerosCore keeps it.
    struct CurrencyRate {
        bool feePaymentAccepted;
        uint64 rateInEth;
        uint8 rateDecimals;
    }

    /// @notice `paid` is below the fee `cost`.
    error InsufficientFee(uint256 paid, uint256 cost);
    /// @notice `token` is not accepted for fees.
    error TokenNotAccepted(IERC20 token);
    /// @notice No dispute has id `disputeId`.
    error UnknownDispute(uint256 disputeId);
    /// @notice Dispute `disputeId` is in `phase`, where this action is not possible.
    error InvalidPhase(uint256 disputeId, Phase phase);
    /// @notice `ruling` is above the dispute's number of `choices`.
    error InvalidRuling(uint256 ruling, uint256 choices);
    /// @notice A dispute needs at least one choice.
    error NoChoices();
    /// @notice The appeal period of `disputeId` ended at `end`, before `now`.
    error AppealPeriodOver(uint256 disputeId, uint256 end, uint256 now);
    /// @notice The appeal period of `disputeId` lasts until `end`; it is `now`.
    error AppealPeriodNotOver(uint256 disputeId, uint256 end, uint256 now);
    /// @notice Dispute `disputeId` was already appealed once; its second ruling is final.
    error NoMoreAppeals(uint256 disputeId);
    /// @notice An appeal must fund a ruling other than the current one (`ruling`).
    error AppealForCurrentRuling(uint256 disputeId, uint256 ruling);
    /// @notice `value` is outside the hard bounds [`min`, `max`] of this parameter.
    error ParameterOutOfBounds(uint256 value, uint256 min, uint256 max);
    /// @notice Sending `amount` to `recipient` failed.
    error TransferFailed(address recipient, uint256 amount);

    /// @notice The owner ruled `ruling` on `disputeId` in `round`; it can be appealed (round 0) or executed from
    /// `appealPeriodEnd`.
    event RulingGiven(uint256 indexed disputeId, uint256 round, uint256 ruling, uint256 appealPeriodEnd);
    /// @notice `appellant` funded the appeal of `disputeId` for `choice`, paying `fee`.
    event AppealFunded(uint256 indexed disputeId, address indexed appellant, uint256 choice, uint256 fee);
    event FeesSet(uint256 arbitrationFee, uint256 appealFee);
    event AppealPeriodDurationSet(uint256 appealPeriodDuration);

    uint256 public constant MAX_FEE = 1000 ether;
    uint256 public constant MIN_APPEAL_PERIOD_DURATION = 1 minutes;
    uint256 public constant MAX_APPEAL_PERIOD_DURATION = 30 days;

    /// @notice The ETH fee of `createDispute`.
    uint256 public arbitrationFee;
    /// @notice The ETH fee of the one appeal round (`fundAppeal`).
    uint256 public appealFee;
    /// @notice How long a ruling can be appealed (first round) or waits before it can be executed (second round).
    uint256 public appealPeriodDuration;
    /// @notice The fee rate of each ERC-20 (`currencyRates(token)`, as on KlerosCore).
    mapping(IERC20 token => CurrencyRate) public currencyRates;

    DisputeData[] internal _disputes;

    constructor(address owner_, uint256 arbitrationFee_, uint256 appealFee_, uint256 appealPeriodDuration_)
        Ownable(owner_)
    {
        _setFees(arbitrationFee_, appealFee_);
        _setAppealPeriodDuration(appealPeriodDuration_);
    }

    // --------------------------------------------------------- IArbitratorV2

    /// @inheritdoc IArbitratorV2
    function createDispute(uint256 _numberOfChoices, bytes calldata)
        external
        payable
        override
        returns (uint256 disputeID)
    {
        if (msg.value < arbitrationFee) revert InsufficientFee(msg.value, arbitrationFee);
        return _createDispute(_numberOfChoices, IERC20(address(0)), msg.value);
    }

    /// @inheritdoc IArbitratorV2
    function createDispute(uint256 _numberOfChoices, bytes calldata, IERC20 _feeToken, uint256 _feeAmount)
        external
        override
        returns (uint256 disputeID)
    {
        uint256 cost = _tokenCost(_feeToken);
        if (_feeAmount < cost) revert InsufficientFee(_feeAmount, cost);
        _feeToken.safeTransferFrom(msg.sender, address(this), _feeAmount);
        return _createDispute(_numberOfChoices, _feeToken, _feeAmount);
    }

    /// @inheritdoc IArbitratorV2
    function arbitrationCost(bytes calldata) external view override returns (uint256) {
        return arbitrationFee;
    }

    /// @inheritdoc IArbitratorV2
    function arbitrationCost(bytes calldata, IERC20 _feeToken) external view override returns (uint256) {
        return _tokenCost(_feeToken);
    }

    /// @inheritdoc IArbitratorV2
    /// @dev As Kleros' classic dispute kit reports a round before its votes are counted: `(0, tied, false)` while a
    /// ruling is awaited (a new dispute, or after an appeal); then the owner's ruling, not tied. Never overridden.
    function currentRuling(uint256 _disputeID) external view override returns (uint256, bool, bool) {
        DisputeData storage d = _dispute(_disputeID);
        if (d.phase == Phase.Ruling) return (0, true, false);
        return (d.ruling, false, false);
    }

    // ----------------------------------------------------------------- court

    /// @notice The owner rules `ruling` (0 = refuse, 1..choices) on a dispute waiting for a ruling, which opens its
    /// appeal period (first round) or the wait before execution (after the appeal).
    function giveRuling(uint256 disputeId, uint256 ruling) external onlyOwner {
        DisputeData storage d = _dispute(disputeId);
        if (d.phase != Phase.Ruling) revert InvalidPhase(disputeId, d.phase);
        if (ruling > d.choices) revert InvalidRuling(ruling, d.choices);
        uint256 end = block.timestamp + appealPeriodDuration;
        (d.ruling, d.phase, d.appealPeriodEnd) = (ruling, Phase.Appealable, uint64(end));
        emit RulingGiven(disputeId, d.round, ruling, end);
    }

    /// @notice Funds the one appeal round of `disputeId` for `choice` (not the current ruling), paying
    /// `appealCost(disputeId)` in ETH, before the appeal period ends: the owner then rules again, finally.
    function fundAppeal(uint256 disputeId, uint256 choice) external payable {
        DisputeData storage d = _dispute(disputeId);
        if (d.phase != Phase.Appealable) revert InvalidPhase(disputeId, d.phase);
        if (d.round != 0) revert NoMoreAppeals(disputeId);
        if (block.timestamp >= d.appealPeriodEnd) {
            revert AppealPeriodOver(disputeId, d.appealPeriodEnd, block.timestamp);
        }
        if (choice > d.choices) revert InvalidRuling(choice, d.choices);
        if (choice == d.ruling) revert AppealForCurrentRuling(disputeId, d.ruling);
        if (msg.value < appealFee) revert InsufficientFee(msg.value, appealFee);
        (d.phase, d.round, d.appealPeriodEnd) = (Phase.Ruling, 1, 0);
        emit AppealFunded(disputeId, msg.sender, choice, msg.value);
    }

    /// @notice Delivers the ruling of `disputeId` to its arbitrable once its last appeal period is over: emits
    /// `Ruling`, then calls `rule()`, once. Anyone.
    function executeRuling(uint256 disputeId) external {
        DisputeData storage d = _dispute(disputeId);
        if (d.phase != Phase.Appealable) revert InvalidPhase(disputeId, d.phase);
        if (block.timestamp < d.appealPeriodEnd) {
            revert AppealPeriodNotOver(disputeId, d.appealPeriodEnd, block.timestamp);
        }
        d.phase = Phase.Executed;
        uint256 ruling = d.ruling;
        emit Ruling(d.arbitrable, disputeId, ruling);
        d.arbitrable.rule(disputeId, ruling);
    }

    /// @notice The fee of the appeal round of `disputeId` (in ETH).
    function appealCost(uint256 disputeId) external view returns (uint256) {
        _dispute(disputeId);
        return appealFee;
    }

    /// @notice The appeal period of `disputeId`: `(0, 0)` while no ruling is appealable or waiting.
    function appealPeriod(uint256 disputeId) external view returns (uint256 start, uint256 end) {
        DisputeData storage d = _dispute(disputeId);
        if (d.phase != Phase.Appealable) return (0, 0);
        return (d.appealPeriodEnd - appealPeriodDuration, d.appealPeriodEnd);
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

    /// @notice Sets both ETH fees, each at most `MAX_FEE`.
    function setFees(uint256 arbitrationFee_, uint256 appealFee_) external onlyOwner {
        _setFees(arbitrationFee_, appealFee_);
    }

    /// @notice Sets the appeal period within [`MIN_APPEAL_PERIOD_DURATION`, `MAX_APPEAL_PERIOD_DURATION`].
    function setAppealPeriodDuration(uint256 duration) external onlyOwner {
        _setAppealPeriodDuration(duration);
    }

    /// @notice Accepts `token` for fees or stops accepting it (KlerosCore's `changeAcceptedFeeTokens`).
    function changeAcceptedFeeTokens(IERC20 token, bool accepted) external onlyOwner {
        currencyRates[token].feePaymentAccepted = accepted;
        emit AcceptedFeeToken(token, accepted);
    }

    /// @notice Sets the rate of `token`: one ETH of fees costs `10^rateDecimals / rateInEth` tokens (KlerosCore's
    /// `changeCurrencyRates`); `rateInEth` must not be 0.
    function changeCurrencyRates(IERC20 token, uint64 rateInEth, uint8 rateDecimals) external onlyOwner {
        if (rateInEth == 0) revert ParameterOutOfBounds(0, 1, type(uint64).max);
        if (rateDecimals > 36) revert ParameterOutOfBounds(rateDecimals, 0, 36);
        (currencyRates[token].rateInEth, currencyRates[token].rateDecimals) = (rateInEth, rateDecimals);
        emit NewCurrencyRate(token, rateInEth, rateDecimals);
    }

    /// @notice Sends the collected ETH fees to `recipient`.
    function withdrawFees(address payable recipient) external onlyOwner {
        uint256 amount = address(this).balance;
        (bool ok,) = recipient.call{value: amount}("");
        if (!ok) revert TransferFailed(recipient, amount);
    }

    /// @notice Sends the collected `token` fees to `recipient`.
    function withdrawTokenFees(IERC20 token, address recipient) external onlyOwner {
        token.safeTransfer(recipient, token.balanceOf(address(this)));
    }

    // --------------------------------------------------------------- internal

    function _createDispute(uint256 choices, IERC20 feeToken, uint256 fee) internal returns (uint256 disputeId) {
        if (choices == 0) revert NoChoices();
        disputeId = _disputes.length;
        _disputes.push(
            DisputeData({
                arbitrable: IArbitrableV2(msg.sender),
                phase: Phase.Ruling,
                round: 0,
                appealPeriodEnd: 0,
                choices: choices,
                ruling: 0,
                feeToken: feeToken,
                fee: fee
            })
        );
        emit DisputeCreation(disputeId, IArbitrableV2(msg.sender));
    }

    function _tokenCost(IERC20 token) internal view returns (uint256) {
        CurrencyRate storage rate = currencyRates[token];
        if (!rate.feePaymentAccepted || rate.rateInEth == 0) revert TokenNotAccepted(token);
        return arbitrationFee * 10 ** rate.rateDecimals / rate.rateInEth;
    }

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
