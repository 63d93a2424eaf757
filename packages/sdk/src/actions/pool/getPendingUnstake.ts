import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPendingUnstake}. */
export interface GetPendingUnstakeParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The pending unstake (all zero when none). */
export type GetPendingUnstakeReturnType = { shares: bigint; amount: bigint; maturesAt: bigint };

/**
 * The pending unstake of `user`.
 *
 * @example
 * ```ts
 * const { shares, amount, maturesAt } = await getPendingUnstake(client, { pool, user });
 * ```
 */
export async function getPendingUnstake(
  client: ReadClient,
  parameters: GetPendingUnstakeParameters,
): Promise<GetPendingUnstakeReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "pendingUnstakeOf",
    args: [parameters.user],
  });
}
