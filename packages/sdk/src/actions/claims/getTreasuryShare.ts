import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTreasuryShare}. */
export interface GetTreasuryShareParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetTreasuryShareReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "treasuryShare"
>;

/**
 * Share of premiums to the treasury (WAD).
 *
 * @example
 * ```ts
 * const share = await getTreasuryShare(client, { claimsManager });
 * ```
 */
export async function getTreasuryShare(
  client: ReadClient,
  parameters: GetTreasuryShareParameters,
): Promise<GetTreasuryShareReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "treasuryShare",
  });
}
