import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimIdOfDispute}. */
export interface GetClaimIdOfDisputeParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The arbitrator. */
  arbitrator: Address;
  /** Its dispute id. */
  disputeId: bigint;
}

/** The value read. */
export type GetClaimIdOfDisputeReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "claimIdOfDispute"
>;

/**
 * The claim behind a dispute (0 if none).
 *
 * @example
 * ```ts
 * const claimId = await getClaimIdOfDispute(client, { claimsManager, arbitrator, disputeId: 0n });
 * ```
 */
export async function getClaimIdOfDispute(
  client: ReadClient,
  parameters: GetClaimIdOfDisputeParameters,
): Promise<GetClaimIdOfDisputeReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "claimIdOfDispute",
    args: [parameters.arbitrator, parameters.disputeId],
  });
}
