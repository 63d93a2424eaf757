import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getNumCheckpoints}. */
export interface GetNumCheckpointsParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The voter. */
  account: Address;
}

/** The value read. */
export type GetNumCheckpointsReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "numCheckpoints"
>;

/**
 * Number of checkpoints in `account`'s voting power history.
 *
 * @example
 * ```ts
 * const count = await getNumCheckpoints(client, { pool, account });
 * ```
 */
export async function getNumCheckpoints(
  client: ReadClient,
  parameters: GetNumCheckpointsParameters,
): Promise<GetNumCheckpointsReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "numCheckpoints",
    args: [parameters.account],
  });
}
