import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTotalVotingSupply}. */
export interface GetTotalVotingSupplyParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
}

/** The value read. */
export type GetTotalVotingSupplyReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "totalVotingSupply"
>;

/**
 * The current total voting supply: all staked shares, excluding shares pending unstake.
 *
 * @example
 * ```ts
 * const total = await getTotalVotingSupply(client, { pool });
 * ```
 */
export async function getTotalVotingSupply(
  client: ReadClient,
  parameters: GetTotalVotingSupplyParameters,
): Promise<GetTotalVotingSupplyReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "totalVotingSupply",
  });
}
