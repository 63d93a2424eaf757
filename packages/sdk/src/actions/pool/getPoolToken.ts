import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPoolToken}. */
export interface GetPoolTokenParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The token's address. */
export type GetPoolTokenReturnType = Address;

/**
 * The pool token.
 *
 * @example
 * ```ts
 * const token = await getPoolToken(client, { pool });
 * ```
 */
export async function getPoolToken(
  client: ReadClient,
  parameters: GetPoolTokenParameters,
): Promise<GetPoolTokenReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "token",
  });
}
