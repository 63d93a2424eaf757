import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimsPool}. */
export interface GetClaimsPoolParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetClaimsPoolReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "pool"
>;

/**
 * The staking pool backing the coverage.
 *
 * @example
 * ```ts
 * const pool = await getClaimsPool(client, { claimsManager });
 * ```
 */
export async function getClaimsPool(
  client: ReadClient,
  parameters: GetClaimsPoolParameters,
): Promise<GetClaimsPoolReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "pool",
  });
}
