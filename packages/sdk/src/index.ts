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
export { type Deployment, readDeployment } from "./deployment.ts";
export {
  BaseError,
  type BaseErrorParameters,
  InvalidInputError,
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
  toIpoolError,
} from "./errors/contract.ts";
export * from "./generated/contracts.ts";
export {
  CLAIM_STATUSES,
  type ClaimDeadlines,
  type ClaimStatusName,
  type ClaimTiming,
  claimDeadlines,
  claimStatusName,
  RULINGS,
} from "./maths/claims.ts";
export { minOf, mulDiv, type Rounding } from "./maths/mulDiv.ts";
export {
  type PremiumInputs,
  type PremiumQuote,
  type PricingCurve,
  payoutTokens,
  premiumRate,
  quotePremium,
  tokensToUsd,
  usdToTokens,
  WAD,
} from "./maths/premium.ts";
export {
  type AprParameters,
  EPOCH,
  formatApr,
  HUNDRED_PERCENT,
  nextApr,
  rewardFor,
  unvested,
  withdrawable,
  YEAR,
} from "./maths/rewards.ts";
export {
  type PoolTotals,
  sharePrice,
  sharesForAssetsUp,
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
export {
  execute,
  preflight,
  type ReadClient,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "./utils/transaction.ts";
export {
  appeal,
  type AppealParameters,
  type AppealReturnType,
} from "./actions/arbitrator/appeal.ts";
export {
  getAppealCost,
  type GetAppealCostParameters,
  type GetAppealCostReturnType,
} from "./actions/arbitrator/getAppealCost.ts";
export {
  getAppealPeriod,
  type GetAppealPeriodParameters,
  type GetAppealPeriodReturnType,
} from "./actions/arbitrator/getAppealPeriod.ts";
export {
  getArbitrationCost,
  type GetArbitrationCostParameters,
  type GetArbitrationCostReturnType,
} from "./actions/arbitrator/getArbitrationCost.ts";
export {
  getCurrentRuling,
  type GetCurrentRulingParameters,
  type GetCurrentRulingReturnType,
} from "./actions/arbitrator/getCurrentRuling.ts";
export {
  getDisputeStatus,
  type GetDisputeStatusParameters,
  type GetDisputeStatusReturnType,
} from "./actions/arbitrator/getDisputeStatus.ts";
export {
  acceptClaim,
  type AcceptClaimParameters,
  type AcceptClaimReturnType,
} from "./actions/claims/acceptClaim.ts";
export {
  acceptSettlement,
  type AcceptSettlementParameters,
  type AcceptSettlementReturnType,
} from "./actions/claims/acceptSettlement.ts";
export {
  buyCoverage,
  type BuyCoverageParameters,
  type BuyCoverageReturnType,
} from "./actions/claims/buyCoverage.ts";
export {
  createClaim,
  type CreateClaimParameters,
  type CreateClaimReturnType,
} from "./actions/claims/createClaim.ts";
export {
  createPolicy,
  type CreatePolicyParameters,
  type CreatePolicyReturnType,
} from "./actions/claims/createPolicy.ts";
export {
  distributeRewards,
  type DistributeRewardsParameters,
  type DistributeRewardsReturnType,
} from "./actions/claims/distributeRewards.ts";
export {
  downgradePolicy,
  type DowngradePolicyParameters,
  type DowngradePolicyReturnType,
} from "./actions/claims/downgradePolicy.ts";
export {
  escalateClaim,
  type EscalateClaimParameters,
  type EscalateClaimReturnType,
} from "./actions/claims/escalateClaim.ts";
export {
  executeRuling,
  type ExecuteRulingParameters,
  type ExecuteRulingReturnType,
} from "./actions/claims/executeRuling.ts";
export {
  getActiveCoverageUsd,
  type GetActiveCoverageUsdParameters,
  type GetActiveCoverageUsdReturnType,
} from "./actions/claims/getActiveCoverageUsd.ts";
export {
  getArbitrator,
  type GetArbitratorParameters,
  type GetArbitratorReturnType,
} from "./actions/claims/getArbitrator.ts";
export {
  getArbitratorExtraData,
  type GetArbitratorExtraDataParameters,
  type GetArbitratorExtraDataReturnType,
} from "./actions/claims/getArbitratorExtraData.ts";
export {
  getAvailablePayoutQuota,
  type GetAvailablePayoutQuotaParameters,
  type GetAvailablePayoutQuotaReturnType,
} from "./actions/claims/getAvailablePayoutQuota.ts";
export {
  getCapacityUsd,
  type GetCapacityUsdParameters,
  type GetCapacityUsdReturnType,
} from "./actions/claims/getCapacityUsd.ts";
export {
  getClaim,
  type GetClaimParameters,
  type GetClaimReturnType,
} from "./actions/claims/getClaim.ts";
export {
  getClaimCount,
  type GetClaimCountParameters,
  type GetClaimCountReturnType,
} from "./actions/claims/getClaimCount.ts";
export {
  getClaimIdOfDispute,
  type GetClaimIdOfDisputeParameters,
  type GetClaimIdOfDisputeReturnType,
} from "./actions/claims/getClaimIdOfDispute.ts";
export {
  getClaimantBond,
  type GetClaimantBondParameters,
  type GetClaimantBondReturnType,
} from "./actions/claims/getClaimantBond.ts";
export {
  getClaimsOf,
  type GetClaimsOfParameters,
  type GetClaimsOfReturnType,
} from "./actions/claims/getClaimsOf.ts";
export {
  getClaimsPool,
  type GetClaimsPoolParameters,
  type GetClaimsPoolReturnType,
} from "./actions/claims/getClaimsPool.ts";
export {
  getCollateralizationRatio,
  type GetCollateralizationRatioParameters,
  type GetCollateralizationRatioReturnType,
} from "./actions/claims/getCollateralizationRatio.ts";
export {
  getDapi,
  type GetDapiParameters,
  type GetDapiReturnType,
} from "./actions/claims/getDapi.ts";
export {
  getDapiCount,
  type GetDapiCountParameters,
  type GetDapiCountReturnType,
} from "./actions/claims/getDapiCount.ts";
export {
  getDapiIdOf,
  type GetDapiIdOfParameters,
  type GetDapiIdOfReturnType,
} from "./actions/claims/getDapiIdOf.ts";
export {
  getIsPolicyAgent,
  type GetIsPolicyAgentParameters,
  type GetIsPolicyAgentReturnType,
} from "./actions/claims/getIsPolicyAgent.ts";
export {
  getMaxPriceAge,
  type GetMaxPriceAgeParameters,
  type GetMaxPriceAgeReturnType,
} from "./actions/claims/getMaxPriceAge.ts";
export {
  getMediator,
  type GetMediatorParameters,
  type GetMediatorReturnType,
} from "./actions/claims/getMediator.ts";
export {
  getMetaEvidenceId,
  type GetMetaEvidenceIdParameters,
  type GetMetaEvidenceIdReturnType,
} from "./actions/claims/getMetaEvidenceId.ts";
export {
  getPayoutQuotaShare,
  type GetPayoutQuotaShareParameters,
  type GetPayoutQuotaShareReturnType,
} from "./actions/claims/getPayoutQuotaShare.ts";
export {
  getPendingRewards,
  type GetPendingRewardsParameters,
  type GetPendingRewardsReturnType,
} from "./actions/claims/getPendingRewards.ts";
export {
  getPoliciesOf,
  type GetPoliciesOfParameters,
  type GetPoliciesOfReturnType,
} from "./actions/claims/getPoliciesOf.ts";
export {
  getPolicy,
  type GetPolicyParameters,
  type GetPolicyReturnType,
} from "./actions/claims/getPolicy.ts";
export {
  getPolicyCount,
  type GetPolicyCountParameters,
  type GetPolicyCountReturnType,
} from "./actions/claims/getPolicyCount.ts";
export {
  getPriceFeed,
  type GetPriceFeedParameters,
  type GetPriceFeedReturnType,
} from "./actions/claims/getPriceFeed.ts";
export {
  getPricingCurve,
  type GetPricingCurveParameters,
  type GetPricingCurveReturnType,
} from "./actions/claims/getPricingCurve.ts";
export {
  getTokenPrice,
  type GetTokenPriceParameters,
  type GetTokenPriceReturnType,
} from "./actions/claims/getTokenPrice.ts";
export {
  getTreasury,
  type GetTreasuryParameters,
  type GetTreasuryReturnType,
} from "./actions/claims/getTreasury.ts";
export {
  getTreasuryShare,
  type GetTreasuryShareParameters,
  type GetTreasuryShareReturnType,
} from "./actions/claims/getTreasuryShare.ts";
export {
  proposeSettlement,
  type ProposeSettlementParameters,
  type ProposeSettlementReturnType,
} from "./actions/claims/proposeSettlement.ts";
export {
  quoteCoverage,
  type QuoteCoverageParameters,
  type QuoteCoverageReturnType,
} from "./actions/claims/quoteCoverage.ts";
export {
  rejectClaim,
  type RejectClaimParameters,
  type RejectClaimReturnType,
} from "./actions/claims/rejectClaim.ts";
export {
  setArbitrator,
  type SetArbitratorParameters,
  type SetArbitratorReturnType,
} from "./actions/claims/setArbitrator.ts";
export {
  setClaimantBond,
  type SetClaimantBondParameters,
  type SetClaimantBondReturnType,
} from "./actions/claims/setClaimantBond.ts";
export {
  setCollateralizationRatio,
  type SetCollateralizationRatioParameters,
  type SetCollateralizationRatioReturnType,
} from "./actions/claims/setCollateralizationRatio.ts";
export {
  setDapiCap,
  type SetDapiCapParameters,
  type SetDapiCapReturnType,
} from "./actions/claims/setDapiCap.ts";
export {
  setMaxPriceAge,
  type SetMaxPriceAgeParameters,
  type SetMaxPriceAgeReturnType,
} from "./actions/claims/setMaxPriceAge.ts";
export {
  setMediator,
  type SetMediatorParameters,
  type SetMediatorReturnType,
} from "./actions/claims/setMediator.ts";
export {
  setPayoutQuota,
  type SetPayoutQuotaParameters,
  type SetPayoutQuotaReturnType,
} from "./actions/claims/setPayoutQuota.ts";
export {
  setPolicyAgent,
  type SetPolicyAgentParameters,
  type SetPolicyAgentReturnType,
} from "./actions/claims/setPolicyAgent.ts";
export {
  setPricingCurve,
  type SetPricingCurveParameters,
  type SetPricingCurveReturnType,
} from "./actions/claims/setPricingCurve.ts";
export {
  setTreasury,
  type SetTreasuryParameters,
  type SetTreasuryReturnType,
} from "./actions/claims/setTreasury.ts";
export {
  setTreasuryShare,
  type SetTreasuryShareParameters,
  type SetTreasuryShareReturnType,
} from "./actions/claims/setTreasuryShare.ts";
export {
  submitEvidence,
  type SubmitEvidenceParameters,
  type SubmitEvidenceReturnType,
} from "./actions/claims/submitEvidence.ts";
export {
  timeOutClaim,
  type TimeOutClaimParameters,
  type TimeOutClaimReturnType,
} from "./actions/claims/timeOutClaim.ts";
export {
  upgradePolicy,
  type UpgradePolicyParameters,
  type UpgradePolicyReturnType,
} from "./actions/claims/upgradePolicy.ts";
export {
  addRewards,
  type AddRewardsParameters,
  type AddRewardsReturnType,
} from "./actions/pool/addRewards.ts";
export {
  convertToAssets,
  type ConvertToAssetsParameters,
  type ConvertToAssetsReturnType,
} from "./actions/pool/convertToAssets.ts";
export {
  convertToShares,
  type ConvertToSharesParameters,
  type ConvertToSharesReturnType,
} from "./actions/pool/convertToShares.ts";
export {
  deposit,
  type DepositParameters,
  type DepositReturnType,
} from "./actions/pool/deposit.ts";
export {
  depositAndStake,
  type DepositAndStakeParameters,
  type DepositAndStakeReturnType,
} from "./actions/pool/depositAndStake.ts";
export {
  getIsClaimsManager,
  type GetIsClaimsManagerParameters,
  type GetIsClaimsManagerReturnType,
} from "./actions/pool/getIsClaimsManager.ts";
export {
  getPendingUnstake,
  type GetPendingUnstakeParameters,
  type GetPendingUnstakeReturnType,
} from "./actions/pool/getPendingUnstake.ts";
export {
  getPoolStatus,
  type GetPoolStatusParameters,
  type GetPoolStatusReturnType,
} from "./actions/pool/getPoolStatus.ts";
export {
  getPoolToken,
  type GetPoolTokenParameters,
  type GetPoolTokenReturnType,
} from "./actions/pool/getPoolToken.ts";
export {
  getShares,
  type GetSharesParameters,
  type GetSharesReturnType,
} from "./actions/pool/getShares.ts";
export {
  getStake,
  type GetStakeParameters,
  type GetStakeReturnType,
} from "./actions/pool/getStake.ts";
export {
  getStakerStatus,
  type GetStakerStatusParameters,
  type GetStakerStatusReturnType,
} from "./actions/pool/getStakerStatus.ts";
export {
  getTotalShares,
  type GetTotalSharesParameters,
  type GetTotalSharesReturnType,
} from "./actions/pool/getTotalShares.ts";
export {
  getTotalStake,
  type GetTotalStakeParameters,
  type GetTotalStakeReturnType,
} from "./actions/pool/getTotalStake.ts";
export {
  getUnstakeWaitPeriod,
  type GetUnstakeWaitPeriodParameters,
  type GetUnstakeWaitPeriodReturnType,
} from "./actions/pool/getUnstakeWaitPeriod.ts";
export {
  getUnstaked,
  type GetUnstakedParameters,
  type GetUnstakedReturnType,
} from "./actions/pool/getUnstaked.ts";
export {
  getWithdrawable,
  type GetWithdrawableParameters,
  type GetWithdrawableReturnType,
} from "./actions/pool/getWithdrawable.ts";
export {
  payOutClaim,
  type PayOutClaimParameters,
  type PayOutClaimReturnType,
} from "./actions/pool/payOutClaim.ts";
export {
  scheduleUnstake,
  type ScheduleUnstakeParameters,
  type ScheduleUnstakeReturnType,
} from "./actions/pool/scheduleUnstake.ts";
export {
  setClaimsManager,
  type SetClaimsManagerParameters,
  type SetClaimsManagerReturnType,
} from "./actions/pool/setClaimsManager.ts";
export {
  setUnstakeWaitPeriod,
  type SetUnstakeWaitPeriodParameters,
  type SetUnstakeWaitPeriodReturnType,
} from "./actions/pool/setUnstakeWaitPeriod.ts";
export {
  stake,
  type StakeParameters,
  type StakeReturnType,
} from "./actions/pool/stake.ts";
export {
  unstake,
  type UnstakeParameters,
  type UnstakeReturnType,
} from "./actions/pool/unstake.ts";
export {
  unstakeAndWithdraw,
  type UnstakeAndWithdrawParameters,
  type UnstakeAndWithdrawReturnType,
} from "./actions/pool/unstakeAndWithdraw.ts";
export {
  withdraw,
  type WithdrawParameters,
  type WithdrawReturnType,
} from "./actions/pool/withdraw.ts";
export {
  approve,
  type ApproveParameters,
  type ApproveReturnType,
} from "./actions/token/approve.ts";
export {
  ensureAllowance,
  type EnsureAllowanceParameters,
  type EnsureAllowanceReturnType,
} from "./actions/token/ensureAllowance.ts";
export {
  getTokenBalance,
  type GetTokenBalanceParameters,
  type GetTokenBalanceReturnType,
} from "./actions/token/getTokenBalance.ts";
export {
  getTokenInfo,
  type GetTokenInfoParameters,
  type GetTokenInfoReturnType,
} from "./actions/token/getTokenInfo.ts";
export {
  delegate,
  type DelegateParameters,
  type DelegateReturnType,
} from "./actions/votes/delegate.ts";
export {
  getCheckpoint,
  type GetCheckpointParameters,
  type GetCheckpointReturnType,
} from "./actions/votes/getCheckpoint.ts";
export {
  getClock,
  type GetClockParameters,
  type GetClockReturnType,
} from "./actions/votes/getClock.ts";
export {
  getDelegate,
  type GetDelegateParameters,
  type GetDelegateReturnType,
} from "./actions/votes/getDelegate.ts";
export {
  getDelegationChangeableAt,
  type GetDelegationChangeableAtParameters,
  type GetDelegationChangeableAtReturnType,
} from "./actions/votes/getDelegationChangeableAt.ts";
export {
  getNumCheckpoints,
  type GetNumCheckpointsParameters,
  type GetNumCheckpointsReturnType,
} from "./actions/votes/getNumCheckpoints.ts";
export {
  getNumTotalCheckpoints,
  type GetNumTotalCheckpointsParameters,
  type GetNumTotalCheckpointsReturnType,
} from "./actions/votes/getNumTotalCheckpoints.ts";
export {
  getPastTotalSupply,
  type GetPastTotalSupplyParameters,
  type GetPastTotalSupplyReturnType,
} from "./actions/votes/getPastTotalSupply.ts";
export {
  getPastVotes,
  type GetPastVotesParameters,
  type GetPastVotesReturnType,
} from "./actions/votes/getPastVotes.ts";
export {
  getTotalVotingSupply,
  type GetTotalVotingSupplyParameters,
  type GetTotalVotingSupplyReturnType,
} from "./actions/votes/getTotalVotingSupply.ts";
export {
  getVotes,
  type GetVotesParameters,
  type GetVotesReturnType,
} from "./actions/votes/getVotes.ts";
