import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMaxClaimantBond}. */
export interface GetMaxClaimantBondParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetMaxClaimantBondReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "maxClaimantBond"
>;

/**
 * Upper bound of the claimant bond.
 *
 * @example
 * ```ts
 * const max = await getMaxClaimantBond(client, { claimsManager });
 * ```
 */
export async function getMaxClaimantBond(
  client: ReadClient,
  parameters: GetMaxClaimantBondParameters,
): Promise<GetMaxClaimantBondReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "maxClaimantBond",
  });
}
