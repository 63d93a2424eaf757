import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getUnstaked}. */
export interface GetUnstakedParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetUnstakedReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "unstakedOf"
>;

/**
 * Deposited and not staked tokens of `user` (including locked and unvested ones).
 *
 * @example
 * ```ts
 * const unstaked = await getUnstaked(client, { pool, user });
 * ```
 */
export async function getUnstaked(
  client: ReadClient,
  parameters: GetUnstakedParameters,
): Promise<GetUnstakedReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "unstakedOf",
    args: [parameters.user],
  });
}
