import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTotalStake}. */
export interface GetTotalStakeParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetTotalStakeReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "totalStake"
>;

/**
 * Tokens backing all shares, including shares pending unstake.
 *
 * @example
 * ```ts
 * const totalStake = await getTotalStake(client, { pool });
 * ```
 */
export async function getTotalStake(
  client: ReadClient,
  parameters: GetTotalStakeParameters,
): Promise<GetTotalStakeReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "totalStake",
  });
}
