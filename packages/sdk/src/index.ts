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
export { type AbiError, type AbiEvent, allErrorsAbi, allEventsAbi } from "./abis.ts";
export {
  type AppealRoute,
  type GetAppealRouteParameters,
  getAppealRoute,
} from "./actions/claims/getAppealRoute.ts";
export {
  type GetClaimEvidenceURIParameters,
  getClaimEvidenceURI,
} from "./actions/claims/getClaimEvidenceURI.ts";
export {
  type ClaimPayment,
  type GetClaimPaymentsParameters,
  type GetClaimPaymentsReturnType,
  getClaimPayments,
} from "./actions/claims/getClaimPayments.ts";
export type { ClaimWithId } from "./actions/claims/getClaimsOf.ts";
export {
  type GetClaimsOfParameters,
  type GetClaimsOfReturnType,
  getClaimsOf,
} from "./actions/claims/getClaimsOf.ts";
export {
  type DisputeState,
  type GetDisputeStateParameters,
  type GetDisputeStateReturnType,
  getDisputeState,
} from "./actions/claims/getDisputeState.ts";
export type { PolicyWithId } from "./actions/claims/getPoliciesOf.ts";
export {
  type GetPoliciesOfParameters,
  type GetPoliciesOfReturnType,
  getPoliciesOf,
} from "./actions/claims/getPoliciesOf.ts";
export {
  type GetStressStateParameters,
  type GetStressStateReturnType,
  getStressState,
  type StressDapi,
} from "./actions/claims/getStressState.ts";
export {
  type ParametricQuote,
  type QuoteParametricCoverageParameters,
  quoteParametricCoverage,
} from "./actions/claims/quoteParametricCoverage.ts";
export {
  checkDapiGovernance,
  type DapiNameCall,
  type DapiTarget,
  type DataFeedSpec,
  dapiGovernanceAbi,
  getDapiTarget,
  parseDataFeed,
  setDapiNameCall,
} from "./actions/governance/dapiName.ts";
export type { Proposal } from "./actions/governance/getProposals.ts";
export {
  type GetProposalsParameters,
  type GetProposalsReturnType,
  getProposals,
} from "./actions/governance/getProposals.ts";
export {
  type GetIncidentsParameters,
  type GetIncidentsReturnType,
  getIncidents,
  type IncidentWithId,
} from "./actions/incidents/getIncidents.ts";
export {
  type ReportDeviationParameters,
  type ReportDeviationReturnType,
  reportDeviation,
} from "./actions/incidents/reportDeviation.ts";
export {
  type GetPoolStatusParameters,
  type GetPoolStatusReturnType,
  getPoolStatus,
} from "./actions/pool/getPoolStatus.ts";
export {
  type GetStakerStatusParameters,
  type GetStakerStatusReturnType,
  getStakerStatus,
} from "./actions/pool/getStakerStatus.ts";
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
/** One typed action per contract function, generated from the ABIs and NatSpec (`npm run build:abis`). */
export * from "./generated/actions.ts";
export * from "./generated/contracts.ts";
export {
  DEVNET_SIGN_AHEAD,
  type SignDevnetReferenceValuesParameters,
  signDevnetReferenceValues,
} from "./incidents/devnetReferences.ts";
export { type SignedValue, signReferenceValue, sortByAirnode } from "./incidents/signedValue.ts";
export {
  type IncidentRecord,
  type IncidentState,
  incidentKindName,
  incidentState,
} from "./incidents/state.ts";
export {
  type BondParameters,
  CLAIM_NUMBER_SHIFT,
  CLAIM_STATUSES,
  type ClaimDeadlines,
  type ClaimStatusName,
  type ClaimTiming,
  claimBond,
  claimDeadlines,
  claimNumber,
  claimStatusName,
  incidentCover,
  MAX_ID_NUMBER,
  POLICY_NUMBER_SHIFT,
  policyIdOfClaim,
  policyNumber,
  RULINGS,
} from "./maths/claims.ts";
export { minOf, mulDiv, type Rounding } from "./maths/mulDiv.ts";
export {
  capacityPriceOf,
  type PremiumInputs,
  type PremiumQuote,
  type PricingCurve,
  parametricPremium,
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
  type QueuedRewards,
  type RewardStream,
  rewardFor,
  streamedReward,
  unvested,
  withdrawable,
  YEAR,
} from "./maths/rewards.ts";
export {
  DEAD_SHARES,
  frozenExitReleased,
  minFirstStakeFor,
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
  BPS,
  breakingPriceDrop,
  DEFAULT_MAX_WEEKS,
  droppedPrice,
  PAYOUT_WINDOW,
  type StressClaim,
  type StressOptions,
  type StressPolicy,
  type StressResult,
  type StressStaker,
  type StressStakerLoss,
  type StressState,
  type StressWeek,
  stakerLoss,
  stressedDapis,
  stressScenario,
  worstScenarios,
} from "./maths/stress.ts";
export {
  type FormatAmountOptions,
  formatAmount,
  formatDuration,
  formatMoment,
  formatTimestamp,
  parseAmount,
  parseDuration,
  parseTime,
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
  type PreparedWrite,
  preflight,
  preflightWithAllowance,
  type ReadClient,
  simulateAndSend,
  type TransactionSettings,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "./utils/transaction.ts";
