import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getVotes}. */
export interface GetVotesParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The voter. */
  account: Address;
}

/** The value read. */
export type GetVotesReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "getVotes"
>;

/**
 * Current voting power of `account`, in shares: own staked shares (unless delegated) plus shares delegated to it.
 *
 * @example
 * ```ts
 * const votes = await getVotes(client, { pool, account });
 * ```
 */
export async function getVotes(
  client: ReadClient,
  parameters: GetVotesParameters,
): Promise<GetVotesReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "getVotes",
    args: [parameters.account],
  });
}
