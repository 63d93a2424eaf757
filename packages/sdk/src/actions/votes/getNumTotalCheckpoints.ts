import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getNumTotalCheckpoints}. */
export interface GetNumTotalCheckpointsParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
}

/** The value read. */
export type GetNumTotalCheckpointsReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "numTotalCheckpoints"
>;

/**
 * Number of checkpoints in the total voting supply history.
 *
 * @example
 * ```ts
 * const count = await getNumTotalCheckpoints(client, { pool });
 * ```
 */
export async function getNumTotalCheckpoints(
  client: ReadClient,
  parameters: GetNumTotalCheckpointsParameters,
): Promise<GetNumTotalCheckpointsReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "numTotalCheckpoints",
  });
}
