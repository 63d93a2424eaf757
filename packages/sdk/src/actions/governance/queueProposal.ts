import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link queueProposal}. */
export interface QueueProposalParameters extends WriteHooks {
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
export type QueueProposalReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "queue">
>;

/**
 * Queues a succeeded proposal in the Timelock. Anyone.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await queueProposal(client, { governor, targets, values, calldatas, descriptionHash: keccak256(toBytes(description)) });
 * ```
 */
export async function queueProposal(
  client: WalletClient,
  parameters: QueueProposalParameters,
): Promise<QueueProposalReturnType> {
  const { governor, targets, values, calldatas, descriptionHash, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "queue",
      args: [targets, values, calldatas, descriptionHash],
    },
    hooks,
  );
}
