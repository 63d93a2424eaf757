import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getLockedRewards}. */
export interface GetLockedRewardsParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetLockedRewardsReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "lockedRewardsOf"
>;

/**
 * Rewards of `user` still locked (earned in the current epoch or the 51 before), in tokens, rounded up.
 *
 * @example
 * ```ts
 * const locked = await getLockedRewards(client, { pool, user });
 * ```
 */
export async function getLockedRewards(
  client: ReadClient,
  parameters: GetLockedRewardsParameters,
): Promise<GetLockedRewardsReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "lockedRewardsOf",
    args: [parameters.user],
  });
}
