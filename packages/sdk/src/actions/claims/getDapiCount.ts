import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDapiCount}. */
export interface GetDapiCountParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetDapiCountReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "dapiCount"
>;

/**
 * How many dAPIs are registered (ids 1..count).
 *
 * @example
 * ```ts
 * const count = await getDapiCount(client, { claimsManager });
 * ```
 */
export async function getDapiCount(
  client: ReadClient,
  parameters: GetDapiCountParameters,
): Promise<GetDapiCountReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "dapiCount",
  });
}
