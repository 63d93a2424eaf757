import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCapacityUsd}. */
export interface GetCapacityUsdParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetCapacityUsdReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "capacityUsd"
>;

/**
 * The pool's capacity in USD: totalStake * collateralizationRatio * price.
 *
 * @example
 * ```ts
 * const capacity = await getCapacityUsd(client, { claimsManager });
 * ```
 */
export async function getCapacityUsd(
  client: ReadClient,
  parameters: GetCapacityUsdParameters,
): Promise<GetCapacityUsdReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "capacityUsd",
  });
}
