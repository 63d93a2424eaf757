import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPolicyCount}. */
export interface GetPolicyCountParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetPolicyCountReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "policyCount"
>;

/**
 * How many policies exist (ids 1..count).
 *
 * @example
 * ```ts
 * const count = await getPolicyCount(client, { claimsManager });
 * ```
 */
export async function getPolicyCount(
  client: ReadClient,
  parameters: GetPolicyCountParameters,
): Promise<GetPolicyCountReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "policyCount",
  });
}
