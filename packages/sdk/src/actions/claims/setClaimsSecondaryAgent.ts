import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setClaimsSecondaryAgent}. */
export interface SetClaimsSecondaryAgentParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The new secondary agent (e.g. a new DAO Timelock). */
  secondaryAgent: Address;
}

/** The transaction and its receipt. */
export type SetClaimsSecondaryAgentReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setSecondaryAgent">
>;

/**
 * Moves the claims manager's secondary agent role. Only the primary agent (usually through a proposal).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setClaimsSecondaryAgent(timelockClient, { claimsManager, secondaryAgent });
 * ```
 */
export async function setClaimsSecondaryAgent(
  client: WalletClient,
  parameters: SetClaimsSecondaryAgentParameters,
): Promise<SetClaimsSecondaryAgentReturnType> {
  const { claimsManager, secondaryAgent, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setSecondaryAgent",
      args: [secondaryAgent],
    },
    hooks,
  );
}
