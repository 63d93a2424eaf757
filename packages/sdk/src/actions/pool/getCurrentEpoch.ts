import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCurrentEpoch}. */
export interface GetCurrentEpochParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetCurrentEpochReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "currentEpoch"
>;

/**
 * The current epoch: `block.timestamp / 1 weeks`.
 *
 * @example
 * ```ts
 * const epoch = await getCurrentEpoch(client, { pool });
 * ```
 */
export async function getCurrentEpoch(
  client: ReadClient,
  parameters: GetCurrentEpochParameters,
): Promise<GetCurrentEpochReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "currentEpoch",
  });
}
