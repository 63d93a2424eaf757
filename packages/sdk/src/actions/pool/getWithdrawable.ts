import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getWithdrawable}. */
export interface GetWithdrawableParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetWithdrawableReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "withdrawableOf"
>;

/**
 * What `user` could withdraw now (unstaked minus locked rewards and unvested tokens).
 *
 * @example
 * ```ts
 * const withdrawable = await getWithdrawable(client, { pool, user });
 * ```
 */
export async function getWithdrawable(
  client: ReadClient,
  parameters: GetWithdrawableParameters,
): Promise<GetWithdrawableReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "withdrawableOf",
    args: [parameters.user],
  });
}
