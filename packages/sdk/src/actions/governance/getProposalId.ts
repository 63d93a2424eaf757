import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalId}. */
export interface GetProposalIdParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** As proposed. */
  targets: readonly Address[];
  /** As proposed. */
  values: readonly bigint[];
  /** As proposed. */
  calldatas: readonly Hex[];
  /** `keccak256` of the description. */
  descriptionHash: Hex;
}

/** The value read. */
export type GetProposalIdReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "getProposalId"
>;

/**
 * The id a proposal has (or would have).
 *
 * @example
 * ```ts
 * const proposalId = await getProposalId(client, { governor, targets, values, calldatas, descriptionHash });
 * ```
 */
export async function getProposalId(
  client: ReadClient,
  parameters: GetProposalIdParameters,
): Promise<GetProposalIdReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "getProposalId",
    args: [parameters.targets, parameters.values, parameters.calldatas, parameters.descriptionHash],
  });
}
