import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDapiIdOf}. */
export interface GetDapiIdOfParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The dAPI name as bytes32. */
  dapiName: Hex;
  /** The chain it serves. */
  chainId: bigint;
}

/** The value read. */
export type GetDapiIdOfReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "dapiIdOf"
>;

/**
 * The id of a dAPI (0 if never registered).
 *
 * @example
 * ```ts
 * const dapiId = await getDapiIdOf(client, { claimsManager, dapiName, chainId: 1n });
 * ```
 */
export async function getDapiIdOf(
  client: ReadClient,
  parameters: GetDapiIdOfParameters,
): Promise<GetDapiIdOfReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "dapiIdOf",
    args: [parameters.dapiName, parameters.chainId],
  });
}
