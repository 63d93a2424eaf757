import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getVotingDelay}. */
export interface GetVotingDelayParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetVotingDelayReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "votingDelay"
>;

/**
 * Seconds between proposing and voting.
 *
 * @example
 * ```ts
 * const delay = await getVotingDelay(client, { governor });
 * ```
 */
export async function getVotingDelay(
  client: ReadClient,
  parameters: GetVotingDelayParameters,
): Promise<GetVotingDelayReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "votingDelay",
  });
}
