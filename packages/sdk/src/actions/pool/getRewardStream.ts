import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getRewardStream}. */
export interface GetRewardStreamParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** `[remaining, lastUpdate, epoch, end]`. */
export type GetRewardStreamReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "rewardStream"
>;

/**
 * The reward stream: `remaining` tokens released linearly from `lastUpdate` until `end`.
 *
 * @example
 * ```ts
 * const [remaining, lastUpdate, epoch, end] = await getRewardStream(client, { pool });
 * ```
 */
export async function getRewardStream(
  client: ReadClient,
  parameters: GetRewardStreamParameters,
): Promise<GetRewardStreamReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "rewardStream",
  });
}
