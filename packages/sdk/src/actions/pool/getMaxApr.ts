import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMaxApr}. */
export interface GetMaxAprParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetMaxAprReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "maxApr"
>;

/**
 * The highest APR (`HUNDRED_PERCENT` = 100%).
 *
 * @example
 * ```ts
 * const maxApr = await getMaxApr(client, { pool });
 * ```
 */
export async function getMaxApr(
  client: ReadClient,
  parameters: GetMaxAprParameters,
): Promise<GetMaxAprReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "maxApr",
  });
}
