import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link convertToShares}. */
export interface ConvertToSharesParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Token amount in base units. */
  amount: bigint;
}

/** The value read. */
export type ConvertToSharesReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "convertToShares"
>;

/**
 * Converts tokens to shares at the current price, rounded down. See `toShares` for the same maths offline.
 *
 * @example
 * ```ts
 * const shares = await convertToShares(client, { pool, amount: 10n ** 18n });
 * ```
 */
export async function convertToShares(
  client: ReadClient,
  parameters: ConvertToSharesParameters,
): Promise<ConvertToSharesReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "convertToShares",
    args: [parameters.amount],
  });
}
