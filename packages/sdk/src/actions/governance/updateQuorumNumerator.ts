import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = {
    ...hooks,
    functionName: "updateQuorumNumerator",
    account: client.account.address,
  };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: governor,
        abi: poolGovernorAbi,
        functionName: "updateQuorumNumerator",
        args: [newQuorumNumerator],
      }),
    context,
  );
  return execute(client, request, result, context);
}
