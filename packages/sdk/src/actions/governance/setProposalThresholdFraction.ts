import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setProposalThresholdFraction}. */
export interface SetProposalThresholdFractionParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** Basis points of the voting supply, within [10, 1000]. */
  bps: bigint;
}

/** The transaction and its receipt. */
export type SetProposalThresholdFractionReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "setProposalThresholdFraction">
>;

/**
 * Sets the proposal threshold. Only through governance.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * encodeFunctionData({ abi: poolGovernorAbi, functionName: "setProposalThresholdFraction", args: [20n] });
 * ```
 */
export async function setProposalThresholdFraction(
  client: WalletClient,
  parameters: SetProposalThresholdFractionParameters,
): Promise<SetProposalThresholdFractionReturnType> {
  const { governor, bps, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "setProposalThresholdFraction",
      args: [bps],
    },
    hooks,
  );
}
