import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getUnvested}. */
export interface GetUnvestedParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The staker. */
  user: Address;
}

/** The value read. */
export type GetUnvestedReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "unvestedOf"
>;

/**
 * Tokens of `user`'s vesting schedule not vested yet, rounded up.
 *
 * @example
 * ```ts
 * const unvested = await getUnvested(client, { pool, user });
 * ```
 */
export async function getUnvested(
  client: ReadClient,
  parameters: GetUnvestedParameters,
): Promise<GetUnvestedReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "unvestedOf",
    args: [parameters.user],
  });
}
