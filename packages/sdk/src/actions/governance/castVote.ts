import type { Address, ContractFunctionReturnType } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link castVote}. */
export interface CastVoteParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The active proposal. */
  proposalId: bigint;
  /** 0 against, 1 for, 2 abstain. */
  support: number;
}

/** The vote's weight (`result`), with the transaction. */
export type CastVoteReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "castVote">
>;

/**
 * Votes on an active proposal with the voting power at its snapshot.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await castVote(client, { governor, proposalId, support: 1 });
 * ```
 */
export async function castVote(
  client: WalletClient,
  parameters: CastVoteParameters,
): Promise<CastVoteReturnType> {
  const { governor, proposalId, support, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "castVote",
      args: [proposalId, support],
    },
    hooks,
    "vote",
  );
}
