import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTreasury}. */
export interface GetTreasuryParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetTreasuryReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "treasury"
>;

/**
 * The DAO treasury.
 *
 * @example
 * ```ts
 * const treasury = await getTreasury(client, { claimsManager });
 * ```
 */
export async function getTreasury(
  client: ReadClient,
  parameters: GetTreasuryParameters,
): Promise<GetTreasuryReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "treasury",
  });
}
