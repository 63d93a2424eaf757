import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setMediator}. */
export interface SetMediatorParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The new mediator. */
  mediator: Address;
}

/** The transaction and its receipt. */
export type SetMediatorReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setMediator">
>;

/**
 * Sets the mediator. Only the primary agent (usually through a proposal).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setMediator(timelockClient, { claimsManager, mediator });
 * ```
 */
export async function setMediator(
  client: WalletClient,
  parameters: SetMediatorParameters,
): Promise<SetMediatorReturnType> {
  const { claimsManager, mediator, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setMediator",
      args: [mediator],
    },
    hooks,
  );
}
