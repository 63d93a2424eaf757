import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalThresholdFraction}. */
export interface GetProposalThresholdFractionParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetProposalThresholdFractionReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalThresholdFraction"
>;

/**
 * The threshold as basis points of the total voting supply.
 *
 * @example
 * ```ts
 * const bps = await getProposalThresholdFraction(client, { governor });
 * ```
 */
export async function getProposalThresholdFraction(
  client: ReadClient,
  parameters: GetProposalThresholdFractionParameters,
): Promise<GetProposalThresholdFractionReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalThresholdFraction",
  });
}
