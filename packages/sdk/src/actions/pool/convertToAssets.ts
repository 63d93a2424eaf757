import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link convertToAssets}. */
export interface ConvertToAssetsParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Shares. */
  shares: bigint;
}

/** The value read. */
export type ConvertToAssetsReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "convertToAssets"
>;

/**
 * Converts shares to tokens at the current price, rounded down. See `toAssets` for the same maths offline.
 *
 * @example
 * ```ts
 * const amount = await convertToAssets(client, { pool, shares: 10n ** 18n });
 * ```
 */
export async function convertToAssets(
  client: ReadClient,
  parameters: ConvertToAssetsParameters,
): Promise<ConvertToAssetsReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "convertToAssets",
    args: [parameters.shares],
  });
}
