/**
 * @insurance-pool/sdk: typed viem actions over every contract of Insurance Pool, errors decoded into
 * readable messages, and the contracts' maths mirrored exactly.
 *
 * @example
 * ```ts
 * import { createClient, http } from "viem";
 * import { readDeployment, stake, parseAmount } from "@insurance-pool/sdk";
 * const deployment = readDeployment(".devnet/deployment.json");
 * const { result: shares } = await stake(client, { pool: deployment.contracts.stakingPool, amount: parseAmount("1.5k", 18) });
 * ```
 *
 * @packageDocumentation
 */
export { type AbiError, allErrorsAbi } from "./abis.ts";
export {
  type AppealParameters,
  type AppealReturnType,
  appeal,
} from "./actions/arbitrator/appeal.ts";
export {
  type ExecuteDisputeRulingParameters,
  type ExecuteDisputeRulingReturnType,
  executeDisputeRuling,
} from "./actions/arbitrator/executeDisputeRuling.ts";
export {
  type GetAppealCostParameters,
  type GetAppealCostReturnType,
  getAppealCost,
} from "./actions/arbitrator/getAppealCost.ts";
export {
  type GetAppealPeriodParameters,
  type GetAppealPeriodReturnType,
  getAppealPeriod,
} from "./actions/arbitrator/getAppealPeriod.ts";
export {
  type GetAppealPeriodDurationParameters,
  type GetAppealPeriodDurationReturnType,
  getAppealPeriodDuration,
} from "./actions/arbitrator/getAppealPeriodDuration.ts";
export {
  type GetArbitrationCostParameters,
  type GetArbitrationCostReturnType,
  getArbitrationCost,
} from "./actions/arbitrator/getArbitrationCost.ts";
export {
  type GetCurrentRulingParameters,
  type GetCurrentRulingReturnType,
  getCurrentRuling,
} from "./actions/arbitrator/getCurrentRuling.ts";
export {
  type GetDisputeParameters,
  type GetDisputeReturnType,
  getDispute,
} from "./actions/arbitrator/getDispute.ts";
export {
  type GetDisputeCountParameters,
  type GetDisputeCountReturnType,
  getDisputeCount,
} from "./actions/arbitrator/getDisputeCount.ts";
export {
  type GetDisputeStatusParameters,
  type GetDisputeStatusReturnType,
  getDisputeStatus,
} from "./actions/arbitrator/getDisputeStatus.ts";
export {
  type GiveRulingParameters,
  type GiveRulingReturnType,
  giveRuling,
} from "./actions/arbitrator/giveRuling.ts";
export {
  type SetAppealPeriodDurationParameters,
  type SetAppealPeriodDurationReturnType,
  setAppealPeriodDuration,
} from "./actions/arbitrator/setAppealPeriodDuration.ts";
export {
  type SetArbitratorFeesParameters,
  type SetArbitratorFeesReturnType,
  setArbitratorFees,
} from "./actions/arbitrator/setArbitratorFees.ts";
export {
  type WithdrawArbitratorFeesParameters,
  type WithdrawArbitratorFeesReturnType,
  withdrawArbitratorFees,
} from "./actions/arbitrator/withdrawArbitratorFees.ts";
export {
  type AcceptClaimParameters,
  type AcceptClaimReturnType,
  acceptClaim,
} from "./actions/claims/acceptClaim.ts";
export {
  type AcceptSettlementParameters,
  type AcceptSettlementReturnType,
  acceptSettlement,
} from "./actions/claims/acceptSettlement.ts";
export {
  type BuyCoverageParameters,
  type BuyCoverageReturnType,
  buyCoverage,
} from "./actions/claims/buyCoverage.ts";
export {
  type CreateClaimParameters,
  type CreateClaimReturnType,
  createClaim,
} from "./actions/claims/createClaim.ts";
export {
  type CreatePolicyParameters,
  type CreatePolicyReturnType,
  createPolicy,
} from "./actions/claims/createPolicy.ts";
export {
  type DistributeRewardsParameters,
  type DistributeRewardsReturnType,
  distributeRewards,
} from "./actions/claims/distributeRewards.ts";
export {
  type DowngradePolicyParameters,
  type DowngradePolicyReturnType,
  downgradePolicy,
} from "./actions/claims/downgradePolicy.ts";
export {
  type EscalateClaimParameters,
  type EscalateClaimReturnType,
  escalateClaim,
} from "./actions/claims/escalateClaim.ts";
export {
  type ExecuteRulingParameters,
  type ExecuteRulingReturnType,
  executeRuling,
} from "./actions/claims/executeRuling.ts";
export {
  type GetActiveCoverageUsdParameters,
  type GetActiveCoverageUsdReturnType,
  getActiveCoverageUsd,
} from "./actions/claims/getActiveCoverageUsd.ts";
export {
  type GetArbitratorParameters,
  type GetArbitratorReturnType,
  getArbitrator,
} from "./actions/claims/getArbitrator.ts";
export {
  type GetArbitratorExtraDataParameters,
  type GetArbitratorExtraDataReturnType,
  getArbitratorExtraData,
} from "./actions/claims/getArbitratorExtraData.ts";
export {
  type GetAvailablePayoutQuotaParameters,
  type GetAvailablePayoutQuotaReturnType,
  getAvailablePayoutQuota,
} from "./actions/claims/getAvailablePayoutQuota.ts";
export {
  type GetCapacityUsdParameters,
  type GetCapacityUsdReturnType,
  getCapacityUsd,
} from "./actions/claims/getCapacityUsd.ts";
export {
  type GetClaimParameters,
  type GetClaimReturnType,
  getClaim,
} from "./actions/claims/getClaim.ts";
export {
  type GetClaimantBondParameters,
  type GetClaimantBondReturnType,
  getClaimantBond,
} from "./actions/claims/getClaimantBond.ts";
export {
  type GetClaimCountParameters,
  type GetClaimCountReturnType,
  getClaimCount,
} from "./actions/claims/getClaimCount.ts";
export {
  type GetClaimIdOfDisputeParameters,
  type GetClaimIdOfDisputeReturnType,
  getClaimIdOfDispute,
} from "./actions/claims/getClaimIdOfDispute.ts";
export type { ClaimWithId } from "./actions/claims/getClaimsOf.ts";
export {
  type GetClaimsOfParameters,
  type GetClaimsOfReturnType,
  getClaimsOf,
} from "./actions/claims/getClaimsOf.ts";
export {
  type GetClaimsPoolParameters,
  type GetClaimsPoolReturnType,
  getClaimsPool,
} from "./actions/claims/getClaimsPool.ts";
export {
  type GetCollateralizationRatioParameters,
  type GetCollateralizationRatioReturnType,
  getCollateralizationRatio,
} from "./actions/claims/getCollateralizationRatio.ts";
export {
  type GetCoveragePeriodBoundsParameters,
  type GetCoveragePeriodBoundsReturnType,
  getCoveragePeriodBounds,
} from "./actions/claims/getCoveragePeriodBounds.ts";
export {
  type GetDapiParameters,
  type GetDapiReturnType,
  getDapi,
} from "./actions/claims/getDapi.ts";
export {
  type GetDapiCountParameters,
  type GetDapiCountReturnType,
  getDapiCount,
} from "./actions/claims/getDapiCount.ts";
export {
  type GetDapiIdOfParameters,
  type GetDapiIdOfReturnType,
  getDapiIdOf,
} from "./actions/claims/getDapiIdOf.ts";
export {
  type GetIsPolicyAgentParameters,
  type GetIsPolicyAgentReturnType,
  getIsPolicyAgent,
} from "./actions/claims/getIsPolicyAgent.ts";
export {
  type GetMaxClaimantBondParameters,
  type GetMaxClaimantBondReturnType,
  getMaxClaimantBond,
} from "./actions/claims/getMaxClaimantBond.ts";
export {
  type GetMaxPriceAgeParameters,
  type GetMaxPriceAgeReturnType,
  getMaxPriceAge,
} from "./actions/claims/getMaxPriceAge.ts";
export {
  type GetMediatorParameters,
  type GetMediatorReturnType,
  getMediator,
} from "./actions/claims/getMediator.ts";
export {
  type GetMetaEvidenceIdParameters,
  type GetMetaEvidenceIdReturnType,
  getMetaEvidenceId,
} from "./actions/claims/getMetaEvidenceId.ts";
export {
  type GetPayoutQuotaShareParameters,
  type GetPayoutQuotaShareReturnType,
  getPayoutQuotaShare,
} from "./actions/claims/getPayoutQuotaShare.ts";
export {
  type GetPendingRewardsParameters,
  type GetPendingRewardsReturnType,
  getPendingRewards,
} from "./actions/claims/getPendingRewards.ts";
export type { PolicyWithId } from "./actions/claims/getPoliciesOf.ts";
export {
  type GetPoliciesOfParameters,
  type GetPoliciesOfReturnType,
  getPoliciesOf,
} from "./actions/claims/getPoliciesOf.ts";
export {
  type GetPolicyParameters,
  type GetPolicyReturnType,
  getPolicy,
} from "./actions/claims/getPolicy.ts";
export {
  type GetPolicyCountParameters,
  type GetPolicyCountReturnType,
  getPolicyCount,
} from "./actions/claims/getPolicyCount.ts";
export {
  type GetPriceFeedParameters,
  type GetPriceFeedReturnType,
  getPriceFeed,
} from "./actions/claims/getPriceFeed.ts";
export {
  type GetPricingCurveParameters,
  type GetPricingCurveReturnType,
  getPricingCurve,
} from "./actions/claims/getPricingCurve.ts";
export {
  type GetResponsePeriodsParameters,
  type GetResponsePeriodsReturnType,
  getResponsePeriods,
} from "./actions/claims/getResponsePeriods.ts";
export {
  type GetTokenPriceParameters,
  type GetTokenPriceReturnType,
  getTokenPrice,
} from "./actions/claims/getTokenPrice.ts";
export {
  type GetTreasuryParameters,
  type GetTreasuryReturnType,
  getTreasury,
} from "./actions/claims/getTreasury.ts";
export {
  type GetTreasuryShareParameters,
  type GetTreasuryShareReturnType,
  getTreasuryShare,
} from "./actions/claims/getTreasuryShare.ts";
export {
  type ProposeSettlementParameters,
  type ProposeSettlementReturnType,
  proposeSettlement,
} from "./actions/claims/proposeSettlement.ts";
export {
  type QuoteCoverageParameters,
  type QuoteCoverageReturnType,
  quoteCoverage,
} from "./actions/claims/quoteCoverage.ts";
export {
  type RejectClaimParameters,
  type RejectClaimReturnType,
  rejectClaim,
} from "./actions/claims/rejectClaim.ts";
export {
  type SetArbitratorParameters,
  type SetArbitratorReturnType,
  setArbitrator,
} from "./actions/claims/setArbitrator.ts";
export {
  type SetClaimantBondParameters,
  type SetClaimantBondReturnType,
  setClaimantBond,
} from "./actions/claims/setClaimantBond.ts";
export {
  type SetClaimsPrimaryAgentParameters,
  type SetClaimsPrimaryAgentReturnType,
  setClaimsPrimaryAgent,
} from "./actions/claims/setClaimsPrimaryAgent.ts";
export {
  type SetClaimsSecondaryAgentParameters,
  type SetClaimsSecondaryAgentReturnType,
  setClaimsSecondaryAgent,
} from "./actions/claims/setClaimsSecondaryAgent.ts";
export {
  type SetCollateralizationRatioParameters,
  type SetCollateralizationRatioReturnType,
  setCollateralizationRatio,
} from "./actions/claims/setCollateralizationRatio.ts";
export {
  type SetDapiCapParameters,
  type SetDapiCapReturnType,
  setDapiCap,
} from "./actions/claims/setDapiCap.ts";
export {
  type SetMaxPriceAgeParameters,
  type SetMaxPriceAgeReturnType,
  setMaxPriceAge,
} from "./actions/claims/setMaxPriceAge.ts";
export {
  type SetMediatorParameters,
  type SetMediatorReturnType,
  setMediator,
} from "./actions/claims/setMediator.ts";
export {
  type SetPayoutQuotaParameters,
  type SetPayoutQuotaReturnType,
  setPayoutQuota,
} from "./actions/claims/setPayoutQuota.ts";
export {
  type SetPolicyAgentParameters,
  type SetPolicyAgentReturnType,
  setPolicyAgent,
} from "./actions/claims/setPolicyAgent.ts";
export {
  type SetPricingCurveParameters,
  type SetPricingCurveReturnType,
  setPricingCurve,
} from "./actions/claims/setPricingCurve.ts";
export {
  type SetTreasuryParameters,
  type SetTreasuryReturnType,
  setTreasury,
} from "./actions/claims/setTreasury.ts";
export {
  type SetTreasuryShareParameters,
  type SetTreasuryShareReturnType,
  setTreasuryShare,
} from "./actions/claims/setTreasuryShare.ts";
export {
  type SubmitEvidenceParameters,
  type SubmitEvidenceReturnType,
  submitEvidence,
} from "./actions/claims/submitEvidence.ts";
export {
  type TimeOutClaimParameters,
  type TimeOutClaimReturnType,
  timeOutClaim,
} from "./actions/claims/timeOutClaim.ts";
export {
  type UpgradePolicyParameters,
  type UpgradePolicyReturnType,
  upgradePolicy,
} from "./actions/claims/upgradePolicy.ts";
export {
  type CancelProposalParameters,
  type CancelProposalReturnType,
  cancelProposal,
} from "./actions/governance/cancelProposal.ts";
export {
  type CastVoteParameters,
  type CastVoteReturnType,
  castVote,
} from "./actions/governance/castVote.ts";
export {
  type CastVoteWithReasonParameters,
  type CastVoteWithReasonReturnType,
  castVoteWithReason,
} from "./actions/governance/castVoteWithReason.ts";
export {
  type ExecuteProposalParameters,
  type ExecuteProposalReturnType,
  executeProposal,
} from "./actions/governance/executeProposal.ts";
export {
  type GetHasVotedParameters,
  type GetHasVotedReturnType,
  getHasVoted,
} from "./actions/governance/getHasVoted.ts";
export {
  type GetNextProposalAllowedAtParameters,
  type GetNextProposalAllowedAtReturnType,
  getNextProposalAllowedAt,
} from "./actions/governance/getNextProposalAllowedAt.ts";
export {
  type GetProposalDeadlineParameters,
  type GetProposalDeadlineReturnType,
  getProposalDeadline,
} from "./actions/governance/getProposalDeadline.ts";
export {
  type GetProposalEtaParameters,
  type GetProposalEtaReturnType,
  getProposalEta,
} from "./actions/governance/getProposalEta.ts";
export {
  type GetProposalIdParameters,
  type GetProposalIdReturnType,
  getProposalId,
} from "./actions/governance/getProposalId.ts";
export {
  type GetProposalNeedsQueuingParameters,
  type GetProposalNeedsQueuingReturnType,
  getProposalNeedsQueuing,
} from "./actions/governance/getProposalNeedsQueuing.ts";
export {
  type GetProposalProposerParameters,
  type GetProposalProposerReturnType,
  getProposalProposer,
} from "./actions/governance/getProposalProposer.ts";
export {
  type GetProposalSnapshotParameters,
  type GetProposalSnapshotReturnType,
  getProposalSnapshot,
} from "./actions/governance/getProposalSnapshot.ts";
export {
  type GetProposalStateParameters,
  type GetProposalStateReturnType,
  getProposalState,
} from "./actions/governance/getProposalState.ts";
export type { Proposal } from "./actions/governance/getProposals.ts";
export {
  type GetProposalsParameters,
  type GetProposalsReturnType,
  getProposals,
} from "./actions/governance/getProposals.ts";
export {
  type GetProposalThresholdParameters,
  type GetProposalThresholdReturnType,
  getProposalThreshold,
} from "./actions/governance/getProposalThreshold.ts";
export {
  type GetProposalThresholdFractionParameters,
  type GetProposalThresholdFractionReturnType,
  getProposalThresholdFraction,
} from "./actions/governance/getProposalThresholdFraction.ts";
export {
  type GetProposalVotesParameters,
  type GetProposalVotesReturnType,
  getProposalVotes,
} from "./actions/governance/getProposalVotes.ts";
export {
  type GetQuorumParameters,
  type GetQuorumReturnType,
  getQuorum,
} from "./actions/governance/getQuorum.ts";
export {
  type GetQuorumNumeratorParameters,
  type GetQuorumNumeratorReturnType,
  getQuorumNumerator,
} from "./actions/governance/getQuorumNumerator.ts";
export {
  type GetTimelockParameters,
  type GetTimelockReturnType,
  getTimelock,
} from "./actions/governance/getTimelock.ts";
export {
  type GetVotingDelayParameters,
  type GetVotingDelayReturnType,
  getVotingDelay,
} from "./actions/governance/getVotingDelay.ts";
export {
  type GetVotingPeriodParameters,
  type GetVotingPeriodReturnType,
  getVotingPeriod,
} from "./actions/governance/getVotingPeriod.ts";
export {
  type ProposeParameters,
  type ProposeReturnType,
  propose,
} from "./actions/governance/propose.ts";
export {
  type QueueProposalParameters,
  type QueueProposalReturnType,
  queueProposal,
} from "./actions/governance/queueProposal.ts";
export {
  type SetProposalThresholdFractionParameters,
  type SetProposalThresholdFractionReturnType,
  setProposalThresholdFraction,
} from "./actions/governance/setProposalThresholdFraction.ts";
export {
  type SetVotingDelayParameters,
  type SetVotingDelayReturnType,
  setVotingDelay,
} from "./actions/governance/setVotingDelay.ts";
export {
  type SetVotingPeriodParameters,
  type SetVotingPeriodReturnType,
  setVotingPeriod,
} from "./actions/governance/setVotingPeriod.ts";
export {
  type UpdateQuorumNumeratorParameters,
  type UpdateQuorumNumeratorReturnType,
  updateQuorumNumerator,
} from "./actions/governance/updateQuorumNumerator.ts";
export {
  type AccrueParameters,
  type AccrueReturnType,
  accrue,
} from "./actions/pool/accrue.ts";
export {
  type AddRewardsParameters,
  type AddRewardsReturnType,
  addRewards,
} from "./actions/pool/addRewards.ts";
export {
  type ConvertToAssetsParameters,
  type ConvertToAssetsReturnType,
  convertToAssets,
} from "./actions/pool/convertToAssets.ts";
export {
  type ConvertToSharesParameters,
  type ConvertToSharesReturnType,
  convertToShares,
} from "./actions/pool/convertToShares.ts";
export {
  type DepositParameters,
  type DepositReturnType,
  deposit,
} from "./actions/pool/deposit.ts";
export {
  type DepositAndStakeParameters,
  type DepositAndStakeReturnType,
  depositAndStake,
} from "./actions/pool/depositAndStake.ts";
export {
  type DepositWithVestingParameters,
  type DepositWithVestingReturnType,
  depositWithVesting,
} from "./actions/pool/depositWithVesting.ts";
export {
  type GetAprParameters,
  type GetAprReturnType,
  getApr,
} from "./actions/pool/getApr.ts";
export {
  type GetAprUpdateStepParameters,
  type GetAprUpdateStepReturnType,
  getAprUpdateStep,
} from "./actions/pool/getAprUpdateStep.ts";
export {
  type GetCurrentEpochParameters,
  type GetCurrentEpochReturnType,
  getCurrentEpoch,
} from "./actions/pool/getCurrentEpoch.ts";
export {
  type GetIsClaimsManagerParameters,
  type GetIsClaimsManagerReturnType,
  getIsClaimsManager,
} from "./actions/pool/getIsClaimsManager.ts";
export {
  type GetLockedRewardsParameters,
  type GetLockedRewardsReturnType,
  getLockedRewards,
} from "./actions/pool/getLockedRewards.ts";
export {
  type GetMaxAprParameters,
  type GetMaxAprReturnType,
  getMaxApr,
} from "./actions/pool/getMaxApr.ts";
export {
  type GetMinAprParameters,
  type GetMinAprReturnType,
  getMinApr,
} from "./actions/pool/getMinApr.ts";
export {
  type GetPendingUnstakeParameters,
  type GetPendingUnstakeReturnType,
  getPendingUnstake,
} from "./actions/pool/getPendingUnstake.ts";
export {
  type GetPoolStatusParameters,
  type GetPoolStatusReturnType,
  getPoolStatus,
} from "./actions/pool/getPoolStatus.ts";
export {
  type GetPoolTokenParameters,
  type GetPoolTokenReturnType,
  getPoolToken,
} from "./actions/pool/getPoolToken.ts";
export {
  type GetPrimaryAgentParameters,
  type GetPrimaryAgentReturnType,
  getPrimaryAgent,
} from "./actions/pool/getPrimaryAgent.ts";
export {
  type GetRewardStreamParameters,
  type GetRewardStreamReturnType,
  getRewardStream,
} from "./actions/pool/getRewardStream.ts";
export {
  type GetSecondaryAgentParameters,
  type GetSecondaryAgentReturnType,
  getSecondaryAgent,
} from "./actions/pool/getSecondaryAgent.ts";
export {
  type GetShareEraParameters,
  type GetShareEraReturnType,
  getShareEra,
} from "./actions/pool/getShareEra.ts";
export {
  type GetSharesParameters,
  type GetSharesReturnType,
  getShares,
} from "./actions/pool/getShares.ts";
export {
  type GetStakeParameters,
  type GetStakeReturnType,
  getStake,
} from "./actions/pool/getStake.ts";
export {
  type GetStakerStatusParameters,
  type GetStakerStatusReturnType,
  getStakerStatus,
} from "./actions/pool/getStakerStatus.ts";
export {
  type GetStakeTargetParameters,
  type GetStakeTargetReturnType,
  getStakeTarget,
} from "./actions/pool/getStakeTarget.ts";
export {
  type GetTotalSharesParameters,
  type GetTotalSharesReturnType,
  getTotalShares,
} from "./actions/pool/getTotalShares.ts";
export {
  type GetTotalStakeParameters,
  type GetTotalStakeReturnType,
  getTotalStake,
} from "./actions/pool/getTotalStake.ts";
export {
  type GetUnstakedParameters,
  type GetUnstakedReturnType,
  getUnstaked,
} from "./actions/pool/getUnstaked.ts";
export {
  type GetUnstakeWaitPeriodParameters,
  type GetUnstakeWaitPeriodReturnType,
  getUnstakeWaitPeriod,
} from "./actions/pool/getUnstakeWaitPeriod.ts";
export {
  type GetUnvestedParameters,
  type GetUnvestedReturnType,
  getUnvested,
} from "./actions/pool/getUnvested.ts";
export {
  type GetVestingParameters,
  type GetVestingReturnType,
  getVesting,
} from "./actions/pool/getVesting.ts";
export {
  type GetVestingManagerParameters,
  type GetVestingManagerReturnType,
  getVestingManager,
} from "./actions/pool/getVestingManager.ts";
export {
  type GetWithdrawableParameters,
  type GetWithdrawableReturnType,
  getWithdrawable,
} from "./actions/pool/getWithdrawable.ts";
export {
  type PayOutClaimParameters,
  type PayOutClaimReturnType,
  payOutClaim,
} from "./actions/pool/payOutClaim.ts";
export {
  type ScheduleUnstakeParameters,
  type ScheduleUnstakeReturnType,
  scheduleUnstake,
} from "./actions/pool/scheduleUnstake.ts";
export {
  type SetAprUpdateStepParameters,
  type SetAprUpdateStepReturnType,
  setAprUpdateStep,
} from "./actions/pool/setAprUpdateStep.ts";
export {
  type SetClaimsManagerParameters,
  type SetClaimsManagerReturnType,
  setClaimsManager,
} from "./actions/pool/setClaimsManager.ts";
export {
  type SetMaxAprParameters,
  type SetMaxAprReturnType,
  setMaxApr,
} from "./actions/pool/setMaxApr.ts";
export {
  type SetMinAprParameters,
  type SetMinAprReturnType,
  setMinApr,
} from "./actions/pool/setMinApr.ts";
export {
  type SetPrimaryAgentParameters,
  type SetPrimaryAgentReturnType,
  setPrimaryAgent,
} from "./actions/pool/setPrimaryAgent.ts";
export {
  type SetSecondaryAgentParameters,
  type SetSecondaryAgentReturnType,
  setSecondaryAgent,
} from "./actions/pool/setSecondaryAgent.ts";
export {
  type SetStakeTargetParameters,
  type SetStakeTargetReturnType,
  setStakeTarget,
} from "./actions/pool/setStakeTarget.ts";
export {
  type SetUnstakeWaitPeriodParameters,
  type SetUnstakeWaitPeriodReturnType,
  setUnstakeWaitPeriod,
} from "./actions/pool/setUnstakeWaitPeriod.ts";
export {
  type SetVestingManagerParameters,
  type SetVestingManagerReturnType,
  setVestingManager,
} from "./actions/pool/setVestingManager.ts";
export {
  type StakeParameters,
  type StakeReturnType,
  stake,
} from "./actions/pool/stake.ts";
export {
  type UnstakeParameters,
  type UnstakeReturnType,
  unstake,
} from "./actions/pool/unstake.ts";
export {
  type UnstakeAndWithdrawParameters,
  type UnstakeAndWithdrawReturnType,
  unstakeAndWithdraw,
} from "./actions/pool/unstakeAndWithdraw.ts";
export {
  type WithdrawParameters,
  type WithdrawReturnType,
  withdraw,
} from "./actions/pool/withdraw.ts";
export {
  type ApproveParameters,
  type ApproveReturnType,
  approve,
} from "./actions/token/approve.ts";
export {
  type EnsureAllowanceParameters,
  type EnsureAllowanceReturnType,
  ensureAllowance,
} from "./actions/token/ensureAllowance.ts";
export {
  type GetTokenBalanceParameters,
  type GetTokenBalanceReturnType,
  getTokenBalance,
} from "./actions/token/getTokenBalance.ts";
export {
  type GetTokenInfoParameters,
  type GetTokenInfoReturnType,
  getTokenInfo,
} from "./actions/token/getTokenInfo.ts";
export {
  type DelegateParameters,
  type DelegateReturnType,
  delegate,
} from "./actions/votes/delegate.ts";
export {
  type GetCheckpointParameters,
  type GetCheckpointReturnType,
  getCheckpoint,
} from "./actions/votes/getCheckpoint.ts";
export {
  type GetClockParameters,
  type GetClockReturnType,
  getClock,
} from "./actions/votes/getClock.ts";
export {
  type GetDelegateParameters,
  type GetDelegateReturnType,
  getDelegate,
} from "./actions/votes/getDelegate.ts";
export {
  type GetDelegationChangeableAtParameters,
  type GetDelegationChangeableAtReturnType,
  getDelegationChangeableAt,
} from "./actions/votes/getDelegationChangeableAt.ts";
export {
  type GetDelegationPeriodParameters,
  type GetDelegationPeriodReturnType,
  getDelegationPeriod,
} from "./actions/votes/getDelegationPeriod.ts";
export {
  type GetNumCheckpointsParameters,
  type GetNumCheckpointsReturnType,
  getNumCheckpoints,
} from "./actions/votes/getNumCheckpoints.ts";
export {
  type GetNumTotalCheckpointsParameters,
  type GetNumTotalCheckpointsReturnType,
  getNumTotalCheckpoints,
} from "./actions/votes/getNumTotalCheckpoints.ts";
export {
  type GetPastTotalSupplyParameters,
  type GetPastTotalSupplyReturnType,
  getPastTotalSupply,
} from "./actions/votes/getPastTotalSupply.ts";
export {
  type GetPastVotesParameters,
  type GetPastVotesReturnType,
  getPastVotes,
} from "./actions/votes/getPastVotes.ts";
export {
  type GetTotalVotingSupplyParameters,
  type GetTotalVotingSupplyReturnType,
  getTotalVotingSupply,
} from "./actions/votes/getTotalVotingSupply.ts";
export {
  type GetVotesParameters,
  type GetVotesReturnType,
  getVotes,
} from "./actions/votes/getVotes.ts";
export { type Deployment, readDeployment } from "./deployment.ts";
export {
  BaseError,
  type BaseErrorParameters,
  InvalidInputError,
  LogsLimitError,
  PreflightError,
  TransactionRevertedError,
} from "./errors/base.ts";
export {
  ContractRevertError,
  decodeRevertData,
  type ErrorContext,
  findRevertData,
  formatUsd,
  proposalStateName,
  splitWords,
  toIpoolError,
} from "./errors/contract.ts";
export * from "./generated/contracts.ts";
export {
  CLAIM_NUMBER_SHIFT,
  CLAIM_STATUSES,
  type ClaimDeadlines,
  type ClaimStatusName,
  type ClaimTiming,
  claimDeadlines,
  claimNumber,
  claimStatusName,
  MAX_ID_NUMBER,
  POLICY_NUMBER_SHIFT,
  policyIdOfClaim,
  policyNumber,
  RULINGS,
} from "./maths/claims.ts";
export { minOf, mulDiv, type Rounding } from "./maths/mulDiv.ts";
export {
  type PremiumInputs,
  type PremiumQuote,
  type PricingCurve,
  payoutTokens,
  premiumIntegral,
  premiumRate,
  quotePremium,
  tokensToUsd,
  usdToTokens,
  WAD,
} from "./maths/premium.ts";
export {
  type AprParameters,
  accruedTotals,
  EPOCH,
  formatApr,
  HUNDRED_PERCENT,
  nextApr,
  type RewardStream,
  rewardFor,
  streamedReward,
  unvested,
  withdrawable,
  YEAR,
} from "./maths/rewards.ts";
export {
  DEAD_SHARES,
  type PoolTotals,
  sharePrice,
  sharesForAssetsUp,
  sharesMinted,
  toAssetsDown,
  toAssetsUp,
  toSharesDown,
  unstakeMaturity,
  unstakePayout,
  VIRTUAL_ASSETS,
  VIRTUAL_SHARES,
} from "./maths/shares.ts";
export {
  type FormatAmountOptions,
  formatAmount,
  formatDuration,
  formatTimestamp,
  parseAmount,
  parseDuration,
} from "./utils/amount.ts";
export { withGasMargin } from "./utils/gas.ts";
export {
  DEFAULT_LOGS_PAGE_SIZE,
  type GetContractEventsPagedParameters,
  type GetLogsPagedParameters,
  getContractEventsPaged,
  getLogsPaged,
  isLogsLimitError,
  type LogsPageOptions,
} from "./utils/logs.ts";
export {
  execute,
  type PreflightCall,
  preflight,
  preflightWithAllowance,
  type ReadClient,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "./utils/transaction.ts";
