import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getVestingManager}. */
export interface GetVestingManagerParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetVestingManagerReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "vestingManager"
>;

/**
 * Who may deposit with vesting.
 *
 * @example
 * ```ts
 * const manager = await getVestingManager(client, { pool });
 * ```
 */
export async function getVestingManager(
  client: ReadClient,
  parameters: GetVestingManagerParameters,
): Promise<GetVestingManagerReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "vestingManager",
  });
}
