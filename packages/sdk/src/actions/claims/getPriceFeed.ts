import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPriceFeed}. */
export interface GetPriceFeedParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetPriceFeedReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "priceFeed"
>;

/**
 * The dAPI proxy for the pool token's USD price.
 *
 * @example
 * ```ts
 * const feed = await getPriceFeed(client, { claimsManager });
 * ```
 */
export async function getPriceFeed(
  client: ReadClient,
  parameters: GetPriceFeedParameters,
): Promise<GetPriceFeedReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "priceFeed",
  });
}
