import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPastVotes}. */
export interface GetPastVotesParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The voter. */
  account: Address;
  /** A unix time strictly before now. */
  timepoint: bigint;
}

/** The value read. */
export type GetPastVotesReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "getPastVotes"
>;

/**
 * Voting power of `account` at `timepoint` (reverts for the current second or later).
 *
 * @example
 * ```ts
 * const votes = await getPastVotes(client, { pool, account, timepoint: now - 1n });
 * ```
 */
export async function getPastVotes(
  client: ReadClient,
  parameters: GetPastVotesParameters,
): Promise<GetPastVotesReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "getPastVotes",
    args: [parameters.account, parameters.timepoint],
  });
}
