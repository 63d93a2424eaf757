import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getIsPolicyAgent}. */
export interface GetIsPolicyAgentParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The address to check. */
  agent: Address;
}

/** The value read. */
export type GetIsPolicyAgentReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "isPolicyAgent"
>;

/**
 * Whether `agent` is a policy agent.
 *
 * @example
 * ```ts
 * const ok = await getIsPolicyAgent(client, { claimsManager, agent });
 * ```
 */
export async function getIsPolicyAgent(
  client: ReadClient,
  parameters: GetIsPolicyAgentParameters,
): Promise<GetIsPolicyAgentReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "isPolicyAgent",
    args: [parameters.agent],
  });
}
