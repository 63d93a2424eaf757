import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getUnstakeWaitPeriod}. */
export interface GetUnstakeWaitPeriodParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetUnstakeWaitPeriodReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "unstakeWaitPeriod"
>;

/**
 * The wait between `scheduleUnstake` and `unstake`, in seconds.
 *
 * @example
 * ```ts
 * const wait = await getUnstakeWaitPeriod(client, { pool });
 * ```
 */
export async function getUnstakeWaitPeriod(
  client: ReadClient,
  parameters: GetUnstakeWaitPeriodParameters,
): Promise<GetUnstakeWaitPeriodReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "unstakeWaitPeriod",
  });
}
