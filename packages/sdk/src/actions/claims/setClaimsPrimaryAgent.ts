import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setClaimsPrimaryAgent}. */
export interface SetClaimsPrimaryAgentParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The new primary agent (e.g. a new DAO Timelock). */
  primaryAgent: Address;
}

/** The transaction and its receipt. */
export type SetClaimsPrimaryAgentReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setPrimaryAgent">
>;

/**
 * Moves the claims manager's primary agent role. Only the primary agent (usually through a proposal).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setClaimsPrimaryAgent(timelockClient, { claimsManager, primaryAgent });
 * ```
 */
export async function setClaimsPrimaryAgent(
  client: WalletClient,
  parameters: SetClaimsPrimaryAgentParameters,
): Promise<SetClaimsPrimaryAgentReturnType> {
  const { claimsManager, primaryAgent, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setPrimaryAgent",
      args: [primaryAgent],
    },
    hooks,
  );
}
