import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMetaEvidenceId}. */
export interface GetMetaEvidenceIdParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetMetaEvidenceIdReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "metaEvidenceId"
>;

/**
 * The meta-evidence new disputes refer to.
 *
 * @example
 * ```ts
 * const id = await getMetaEvidenceId(client, { claimsManager });
 * ```
 */
export async function getMetaEvidenceId(
  client: ReadClient,
  parameters: GetMetaEvidenceIdParameters,
): Promise<GetMetaEvidenceIdReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "metaEvidenceId",
  });
}
