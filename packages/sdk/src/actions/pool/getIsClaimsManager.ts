import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getIsClaimsManager}. */
export interface GetIsClaimsManagerParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The address to check. */
  claimsManager: Address;
}

/** Whether it may call `payOutClaim`. */
export type GetIsClaimsManagerReturnType = boolean;

/**
 * Whether `claimsManager` is authorized to pay out claims from the pool.
 *
 * @example
 * ```ts
 * const authorized = await getIsClaimsManager(client, { pool, claimsManager });
 * ```
 */
export async function getIsClaimsManager(
  client: ReadClient,
  parameters: GetIsClaimsManagerParameters,
): Promise<GetIsClaimsManagerReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "isClaimsManager",
    args: [parameters.claimsManager],
  });
}
