import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getQuorum}. */
export interface GetQuorumParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** A past timepoint. */
  timepoint: bigint;
}

/** The value read. */
export type GetQuorumReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "quorum"
>;

/**
 * Votes (for + abstain) needed at `timepoint`.
 *
 * @example
 * ```ts
 * const quorum = await getQuorum(client, { governor, timepoint: snapshot });
 * ```
 */
export async function getQuorum(
  client: ReadClient,
  parameters: GetQuorumParameters,
): Promise<GetQuorumReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "quorum",
    args: [parameters.timepoint],
  });
}
