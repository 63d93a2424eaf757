import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link castVoteWithReason}. */
export interface CastVoteWithReasonParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The active proposal. */
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain. */
  support: number;
  /** Why (public). */
  reason: string;
}

/** The vote's weight (`result`), with the transaction. */
export type CastVoteWithReasonReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "castVoteWithReason">
>;

/**
 * Votes on an active proposal and publishes a reason.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await castVoteWithReason(client, { governor, proposalId, support: 0, reason: "too fast" });
 * ```
 */
export async function castVoteWithReason(
  client: WalletClient,
  parameters: CastVoteWithReasonParameters,
): Promise<CastVoteWithReasonReturnType> {
  const { governor, proposalId, support, reason, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "castVoteWithReason",
      args: [proposalId, support, reason],
    },
    hooks,
    "vote",
  );
}
