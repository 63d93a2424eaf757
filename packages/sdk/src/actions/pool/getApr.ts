import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getApr}. */
export interface GetAprParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetAprReturnType = ContractFunctionReturnType<typeof iStakingPoolAbi, "view", "apr">;

/**
 * The APR of the epoch being streamed (`HUNDRED_PERCENT` = 1e8 = 100%; see `formatApr`).
 *
 * @example
 * ```ts
 * const apr = await getApr(client, { pool });
 * ```
 */
export async function getApr(
  client: ReadClient,
  parameters: GetAprParameters,
): Promise<GetAprReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "apr",
  });
}
