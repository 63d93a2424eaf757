import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getArbitratorExtraData}. */
export interface GetArbitratorExtraDataParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetArbitratorExtraDataReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "arbitratorExtraData"
>;

/**
 * The arbitrator's extra data.
 *
 * @example
 * ```ts
 * const extraData = await getArbitratorExtraData(client, { claimsManager });
 * ```
 */
export async function getArbitratorExtraData(
  client: ReadClient,
  parameters: GetArbitratorExtraDataParameters,
): Promise<GetArbitratorExtraDataReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "arbitratorExtraData",
  });
}
