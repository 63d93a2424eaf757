import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimantBond}. */
export interface GetClaimantBondParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetClaimantBondReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "claimantBond"
>;

/**
 * Tokens a claimant deposits per claim.
 *
 * @example
 * ```ts
 * const bond = await getClaimantBond(client, { claimsManager });
 * ```
 */
export async function getClaimantBond(
  client: ReadClient,
  parameters: GetClaimantBondParameters,
): Promise<GetClaimantBondReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "claimantBond",
  });
}
