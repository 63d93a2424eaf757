import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTotalShares}. */
export interface GetTotalSharesParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetTotalSharesReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "totalShares"
>;

/**
 * All shares, including shares pending unstake.
 *
 * @example
 * ```ts
 * const totalShares = await getTotalShares(client, { pool });
 * ```
 */
export async function getTotalShares(
  client: ReadClient,
  parameters: GetTotalSharesParameters,
): Promise<GetTotalSharesReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "totalShares",
  });
}
