import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getShares}. */
export interface GetSharesParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetSharesReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "sharesOf"
>;

/**
 * Staked shares of `user` (not counting a pending unstake).
 *
 * @example
 * ```ts
 * const shares = await getShares(client, { pool, user });
 * ```
 */
export async function getShares(
  client: ReadClient,
  parameters: GetSharesParameters,
): Promise<GetSharesReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "sharesOf",
    args: [parameters.user],
  });
}
