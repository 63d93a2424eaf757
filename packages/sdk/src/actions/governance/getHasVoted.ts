import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getHasVoted}. */
export interface GetHasVotedParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
  /** The voter. */
  account: Address;
}

/** The value read. */
export type GetHasVotedReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "hasVoted"
>;

/**
 * Whether `account` voted on the proposal.
 *
 * @example
 * ```ts
 * const voted = await getHasVoted(client, { governor, proposalId, account });
 * ```
 */
export async function getHasVoted(
  client: ReadClient,
  parameters: GetHasVotedParameters,
): Promise<GetHasVotedReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "hasVoted",
    args: [parameters.proposalId, parameters.account],
  });
}
