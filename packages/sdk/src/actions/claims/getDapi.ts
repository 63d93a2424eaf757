import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDapi}. */
export interface GetDapiParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The dAPI's id. */
  dapiId: bigint;
}

/** The value read. */
export type GetDapiReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "dapi"
>;

/**
 * A covered dAPI: name, chain, cap share, active coverage.
 *
 * @example
 * ```ts
 * const { name, capShare } = await getDapi(client, { claimsManager, dapiId: 1n });
 * ```
 */
export async function getDapi(
  client: ReadClient,
  parameters: GetDapiParameters,
): Promise<GetDapiReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "dapi",
    args: [parameters.dapiId],
  });
}
