import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalState}. */
export interface GetProposalStateParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** OpenZeppelin's `ProposalState` (see `proposalStateName`). */
export type GetProposalStateReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "state"
>;

/**
 * Where a proposal stands: Pending, Active, Canceled, Defeated, Succeeded, Queued, Expired, Executed.
 *
 * @example
 * ```ts
 * const state = proposalStateName(await getProposalState(client, { governor, proposalId }));
 * ```
 */
export async function getProposalState(
  client: ReadClient,
  parameters: GetProposalStateParameters,
): Promise<GetProposalStateReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "state",
    args: [parameters.proposalId],
  });
}
