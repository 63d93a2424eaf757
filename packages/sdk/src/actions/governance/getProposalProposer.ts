import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalProposer}. */
export interface GetProposalProposerParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** The value read. */
export type GetProposalProposerReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalProposer"
>;

/**
 * Who proposed it.
 *
 * @example
 * ```ts
 * const proposer = await getProposalProposer(client, { governor, proposalId });
 * ```
 */
export async function getProposalProposer(
  client: ReadClient,
  parameters: GetProposalProposerParameters,
): Promise<GetProposalProposerReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalProposer",
    args: [parameters.proposalId],
  });
}
