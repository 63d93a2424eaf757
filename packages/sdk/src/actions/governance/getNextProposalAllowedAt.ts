import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getNextProposalAllowedAt}. */
export interface GetNextProposalAllowedAtParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposer. */
  proposer: Address;
}

/** The value read. */
export type GetNextProposalAllowedAtReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "nextProposalAllowedAt"
>;

/**
 * When `proposer` may propose again (one proposal per epoch).
 *
 * @example
 * ```ts
 * const at = await getNextProposalAllowedAt(client, { governor, proposer });
 * ```
 */
export async function getNextProposalAllowedAt(
  client: ReadClient,
  parameters: GetNextProposalAllowedAtParameters,
): Promise<GetNextProposalAllowedAtReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "nextProposalAllowedAt",
    args: [parameters.proposer],
  });
}
