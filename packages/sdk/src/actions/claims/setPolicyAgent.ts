import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setPolicyAgent}. */
export interface SetPolicyAgentParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The policy agent. */
  agent: Address;
  /** Whether it may create and upgrade policies. */
  authorized: boolean;
}

/** The transaction and its receipt. */
export type SetPolicyAgentReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setPolicyAgent">
>;

/**
 * Authorizes or removes a policy agent. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setPolicyAgent(timelockClient, { claimsManager, agent, authorized: true });
 * ```
 */
export async function setPolicyAgent(
  client: WalletClient,
  parameters: SetPolicyAgentParameters,
): Promise<SetPolicyAgentReturnType> {
  const { claimsManager, agent, authorized, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setPolicyAgent",
      args: [agent, authorized],
    },
    hooks,
  );
}
