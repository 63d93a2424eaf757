import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getShareEra}. */
export interface GetShareEraParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetShareEraReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "shareEra"
>;

/**
 * The current share era (+1 at each total wipe-out).
 *
 * @example
 * ```ts
 * const era = await getShareEra(client, { pool });
 * ```
 */
export async function getShareEra(
  client: ReadClient,
  parameters: GetShareEraParameters,
): Promise<GetShareEraReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "shareEra",
  });
}
