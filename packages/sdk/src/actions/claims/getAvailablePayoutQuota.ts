import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAvailablePayoutQuota}. */
export interface GetAvailablePayoutQuotaParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The mediator or arbitrator. */
  payer: Address;
}

/** The value read. */
export type GetAvailablePayoutQuotaReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "availablePayoutQuota"
>;

/**
 * Tokens a payer may still pay now.
 *
 * @example
 * ```ts
 * const available = await getAvailablePayoutQuota(client, { claimsManager, payer });
 * ```
 */
export async function getAvailablePayoutQuota(
  client: ReadClient,
  parameters: GetAvailablePayoutQuotaParameters,
): Promise<GetAvailablePayoutQuotaReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "availablePayoutQuota",
    args: [parameters.payer],
  });
}
