import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setVotingDelay}. */
export interface SetVotingDelayParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** Seconds between proposing and voting (bounded). */
  newVotingDelay: number;
}

/** The transaction and its receipt. */
export type SetVotingDelayReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "setVotingDelay">
>;

/**
 * Sets the voting delay. Only through governance (encode it into a proposal).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * encodeFunctionData({ abi: poolGovernorAbi, functionName: "setVotingDelay", args: [86_400] });
 * ```
 */
export async function setVotingDelay(
  client: WalletClient,
  parameters: SetVotingDelayParameters,
): Promise<SetVotingDelayReturnType> {
  const { governor, newVotingDelay, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "setVotingDelay",
      args: [newVotingDelay],
    },
    hooks,
  );
}
