import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMaxPriceAge}. */
export interface GetMaxPriceAgeParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetMaxPriceAgeReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "maxPriceAge"
>;

/**
 * How old the pool token's price may be, in seconds.
 *
 * @example
 * ```ts
 * const age = await getMaxPriceAge(client, { claimsManager });
 * ```
 */
export async function getMaxPriceAge(
  client: ReadClient,
  parameters: GetMaxPriceAgeParameters,
): Promise<GetMaxPriceAgeReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "maxPriceAge",
  });
}
