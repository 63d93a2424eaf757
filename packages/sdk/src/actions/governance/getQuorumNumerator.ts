import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getQuorumNumerator}. */
export interface GetQuorumNumeratorParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetQuorumNumeratorReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "quorumNumerator"
>;

/**
 * The quorum as a percentage of the voting supply (OpenZeppelin's numerator over 100).
 *
 * @example
 * ```ts
 * const percent = await getQuorumNumerator(client, { governor });
 * ```
 */
export async function getQuorumNumerator(
  client: ReadClient,
  parameters: GetQuorumNumeratorParameters,
): Promise<GetQuorumNumeratorReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "quorumNumerator",
  });
}
