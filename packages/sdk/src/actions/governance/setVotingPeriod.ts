import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setVotingPeriod}. */
export interface SetVotingPeriodParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** Seconds of voting (bounded). */
  newVotingPeriod: number;
}

/** The transaction and its receipt. */
export type SetVotingPeriodReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "setVotingPeriod">
>;

/**
 * Sets the voting period. Only through governance.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * encodeFunctionData({ abi: poolGovernorAbi, functionName: "setVotingPeriod", args: [604_800] });
 * ```
 */
export async function setVotingPeriod(
  client: WalletClient,
  parameters: SetVotingPeriodParameters,
): Promise<SetVotingPeriodReturnType> {
  const { governor, newVotingPeriod, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "setVotingPeriod",
      args: [newVotingPeriod],
    },
    hooks,
  );
}
