import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTokenPrice}. */
export interface GetTokenPriceParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetTokenPriceReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "tokenPrice"
>;

/**
 * The pool token's validated USD price (18 decimals); reverts when stale or not positive.
 *
 * @example
 * ```ts
 * const price = await getTokenPrice(client, { claimsManager });
 * ```
 */
export async function getTokenPrice(
  client: ReadClient,
  parameters: GetTokenPriceParameters,
): Promise<GetTokenPriceReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "tokenPrice",
  });
}
