import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMinApr}. */
export interface GetMinAprParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetMinAprReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "minApr"
>;

/**
 * The lowest APR (`HUNDRED_PERCENT` = 100%).
 *
 * @example
 * ```ts
 * const minApr = await getMinApr(client, { pool });
 * ```
 */
export async function getMinApr(
  client: ReadClient,
  parameters: GetMinAprParameters,
): Promise<GetMinAprReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "minApr",
  });
}
