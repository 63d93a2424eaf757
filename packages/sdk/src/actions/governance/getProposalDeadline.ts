import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalDeadline}. */
export interface GetProposalDeadlineParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** The value read. */
export type GetProposalDeadlineReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalDeadline"
>;

/**
 * When voting ends (unix seconds).
 *
 * @example
 * ```ts
 * const deadline = await getProposalDeadline(client, { governor, proposalId });
 * ```
 */
export async function getProposalDeadline(
  client: ReadClient,
  parameters: GetProposalDeadlineParameters,
): Promise<GetProposalDeadlineReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalDeadline",
    args: [parameters.proposalId],
  });
}
