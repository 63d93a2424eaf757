import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimCount}. */
export interface GetClaimCountParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetClaimCountReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "claimCount"
>;

/**
 * How many claims exist (ids 1..count).
 *
 * @example
 * ```ts
 * const count = await getClaimCount(client, { claimsManager });
 * ```
 */
export async function getClaimCount(
  client: ReadClient,
  parameters: GetClaimCountParameters,
): Promise<GetClaimCountReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "claimCount",
  });
}
