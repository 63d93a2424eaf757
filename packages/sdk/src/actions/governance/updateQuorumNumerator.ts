import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link updateQuorumNumerator}. */
export interface UpdateQuorumNumeratorParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** Percent of the voting supply (bounded). */
  newQuorumNumerator: bigint;
}

/** The transaction and its receipt. */
export type UpdateQuorumNumeratorReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "updateQuorumNumerator">
>;

/**
 * Sets the quorum. Only through governance.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * encodeFunctionData({ abi: poolGovernorAbi, functionName: "updateQuorumNumerator", args: [15n] });
 * ```
 */
export async function updateQuorumNumerator(
  client: WalletClient,
  parameters: UpdateQuorumNumeratorParameters,
): Promise<UpdateQuorumNumeratorReturnType> {
  const { governor, newQuorumNumerator, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "updateQuorumNumerator",
      args: [newQuorumNumerator],
    },
    hooks,
  );
}
