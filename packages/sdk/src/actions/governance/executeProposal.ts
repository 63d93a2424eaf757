import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link executeProposal}. */
export interface ExecuteProposalParameters extends WriteHooks {
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
  /** Native currency sent with the call (wei). */
  value: bigint;
}

/** The proposal id (`result`), with the transaction. */
export type ExecuteProposalReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "payable", "execute">
>;

/**
 * Executes a queued proposal once its Timelock delay passed. Anyone.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await executeProposal(client, { governor, targets, values, calldatas, descriptionHash, value: 0n });
 * ```
 */
export async function executeProposal(
  client: WalletClient,
  parameters: ExecuteProposalParameters,
): Promise<ExecuteProposalReturnType> {
  const { governor, targets, values, calldatas, descriptionHash, value, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "execute",
      args: [targets, values, calldatas, descriptionHash],
      value,
    },
    hooks,
  );
}
