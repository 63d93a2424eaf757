import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPolicy}. */
export interface GetPolicyParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The policy. */
  policyId: bigint;
}

/** The value read. */
export type GetPolicyReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "policy"
>;

/**
 * A policy: claimant, period, dAPI, coverage and what was paid.
 *
 * @example
 * ```ts
 * const policy = await getPolicy(client, { claimsManager, policyId });
 * ```
 */
export async function getPolicy(
  client: ReadClient,
  parameters: GetPolicyParameters,
): Promise<GetPolicyReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "policy",
    args: [parameters.policyId],
  });
}
