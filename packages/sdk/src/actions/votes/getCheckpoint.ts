import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCheckpoint}. */
export interface GetCheckpointParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The voter. */
  account: Address;
  /** 0 = oldest. */
  index: bigint;
}

/** `[timepoint, votes]`: from `timepoint` on, the voting power was `votes`. */
export type GetCheckpointReturnType = readonly [number, bigint];

/**
 * One checkpoint of `account`'s voting power history.
 *
 * @example
 * ```ts
 * const [timepoint, votes] = await getCheckpoint(client, { pool, account, index: 0n });
 * ```
 */
export async function getCheckpoint(
  client: ReadClient,
  parameters: GetCheckpointParameters,
): Promise<GetCheckpointReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "checkpoints",
    args: [parameters.account, parameters.index],
  });
}
