import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getVesting}. */
export interface GetVestingParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetVestingReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "vestingOf"
>;

/**
 * The vesting schedule of `user` (all zero when none).
 *
 * @example
 * ```ts
 * const schedule = await getVesting(client, { pool, user });
 * ```
 */
export async function getVesting(
  client: ReadClient,
  parameters: GetVestingParameters,
): Promise<GetVestingReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "vestingOf",
    args: [parameters.user],
  });
}
