import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPastTotalSupply}. */
export interface GetPastTotalSupplyParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** A unix time strictly before now. */
  timepoint: bigint;
}

/** The value read. */
export type GetPastTotalSupplyReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "getPastTotalSupply"
>;

/**
 * Total voting supply at `timepoint` (shares pending unstake excluded).
 *
 * @example
 * ```ts
 * const total = await getPastTotalSupply(client, { pool, timepoint: now - 1n });
 * ```
 */
export async function getPastTotalSupply(
  client: ReadClient,
  parameters: GetPastTotalSupplyParameters,
): Promise<GetPastTotalSupplyReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "getPastTotalSupply",
    args: [parameters.timepoint],
  });
}
