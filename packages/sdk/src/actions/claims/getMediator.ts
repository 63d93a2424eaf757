import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getMediator}. */
export interface GetMediatorParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetMediatorReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "mediator"
>;

/**
 * The mediator.
 *
 * @example
 * ```ts
 * const mediator = await getMediator(client, { claimsManager });
 * ```
 */
export async function getMediator(
  client: ReadClient,
  parameters: GetMediatorParameters,
): Promise<GetMediatorReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "mediator",
  });
}
