import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalNeedsQueuing}. */
export interface GetProposalNeedsQueuingParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** The value read. */
export type GetProposalNeedsQueuingReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalNeedsQueuing"
>;

/**
 * Whether the proposal goes through the timelock (always, for the DAO's agents).
 *
 * @example
 * ```ts
 * const needsQueue = await getProposalNeedsQueuing(client, { governor, proposalId });
 * ```
 */
export async function getProposalNeedsQueuing(
  client: ReadClient,
  parameters: GetProposalNeedsQueuingParameters,
): Promise<GetProposalNeedsQueuingReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalNeedsQueuing",
    args: [parameters.proposalId],
  });
}
