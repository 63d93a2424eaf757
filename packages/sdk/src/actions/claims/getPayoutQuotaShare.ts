import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPayoutQuotaShare}. */
export interface GetPayoutQuotaShareParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The mediator or arbitrator. */
  payer: Address;
}

/** The value read. */
export type GetPayoutQuotaShareReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "payoutQuotaShare"
>;

/**
 * A payer's quota as a share of the total stake per window (WAD).
 *
 * @example
 * ```ts
 * const share = await getPayoutQuotaShare(client, { claimsManager, payer });
 * ```
 */
export async function getPayoutQuotaShare(
  client: ReadClient,
  parameters: GetPayoutQuotaShareParameters,
): Promise<GetPayoutQuotaShareReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "payoutQuotaShare",
    args: [parameters.payer],
  });
}
