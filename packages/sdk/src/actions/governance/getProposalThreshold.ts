import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalThreshold}. */
export interface GetProposalThresholdParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetProposalThresholdReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalThreshold"
>;

/**
 * Voting power needed to propose now, in shares.
 *
 * @example
 * ```ts
 * const threshold = await getProposalThreshold(client, { governor });
 * ```
 */
export async function getProposalThreshold(
  client: ReadClient,
  parameters: GetProposalThresholdParameters,
): Promise<GetProposalThresholdReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalThreshold",
  });
}
