/**
 * The contracts the indexer watches, by the name ponder.config.ts gives them, with the ABI whose
 * events the handlers (src/handlers) index.
 */
import {
  claimsManagerAbi,
  localArbitratorAbi,
  poolGovernorAbi,
  stakingPoolAbi,
} from "../../sdk/src/generated/contracts.ts";

export const INDEXED_ABIS = {
  StakingPool: stakingPoolAbi,
  ClaimsManager: claimsManagerAbi,
  // The LocalArbitrator's ABI holds ERC-792's events (all Kleros emits) and its own.
  Arbitrator: localArbitratorAbi,
  Governor: poolGovernorAbi,
} as const;

/**
 * Events of those ABIs the indexer does not index, and why. Every other event has a handler
 * (test/events.test.ts checks both).
 */
export const UNINDEXED_EVENTS: Record<string, string> = {
  "Arbitrator:DisputeCreation": "the claims manager's ClaimEscalated and Dispute carry the dispute",
  "Arbitrator:RulingExecuted": "the claims manager's Ruling carries the final ruling",
  "Arbitrator:FeesWithdrawn": "the LocalArbitrator's owner collecting fees: nothing of the pool",
  "Arbitrator:OwnershipTransferred": "the LocalArbitrator's owner: nothing of the pool",
  "Governor:EIP712DomainChanged": "signature domain bookkeeping: nothing to show",
};
