import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getArbitrator}. */
export interface GetArbitratorParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetArbitratorReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "arbitrator"
>;

/**
 * The arbitrator for new disputes.
 *
 * @example
 * ```ts
 * const arbitrator = await getArbitrator(client, { claimsManager });
 * ```
 */
export async function getArbitrator(
  client: ReadClient,
  parameters: GetArbitratorParameters,
): Promise<GetArbitratorReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "arbitrator",
  });
}
