import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getStake}. */
export interface GetStakeParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetStakeReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "stakeOf"
>;

/**
 * Value of `user`'s staked shares in tokens, rounded down.
 *
 * @example
 * ```ts
 * const stakeValue = await getStake(client, { pool, user });
 * ```
 */
export async function getStake(
  client: ReadClient,
  parameters: GetStakeParameters,
): Promise<GetStakeReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "stakeOf",
    args: [parameters.user],
  });
}
