import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaim}. */
export interface GetClaimParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The claim. */
  claimId: bigint;
}

/** The value read. */
export type GetClaimReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "claim"
>;

/**
 * A claim: policy, status, deadline, amounts, bond, dispute.
 *
 * @example
 * ```ts
 * const claim = await getClaim(client, { claimsManager, claimId });
 * ```
 */
export async function getClaim(
  client: ReadClient,
  parameters: GetClaimParameters,
): Promise<GetClaimReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "claim",
    args: [parameters.claimId],
  });
}
