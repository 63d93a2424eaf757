import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link cancelProposal}. */
export interface CancelProposalParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** As proposed. */
  targets: readonly Address[];
  /** As proposed. */
  values: readonly bigint[];
  /** As proposed. */
  calldatas: readonly Hex[];
  /** `keccak256` of the description. */
  descriptionHash: Hex;
}

/** The proposal id (`result`), with the transaction. */
export type CancelProposalReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "cancel">
>;

/**
 * The proposer cancels its proposal while it is pending.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await cancelProposal(client, { governor, targets, values, calldatas, descriptionHash });
 * ```
 */
export async function cancelProposal(
  client: WalletClient,
  parameters: CancelProposalParameters,
): Promise<CancelProposalReturnType> {
  const { governor, targets, values, calldatas, descriptionHash, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "cancel",
      args: [targets, values, calldatas, descriptionHash],
    },
    hooks,
  );
}
