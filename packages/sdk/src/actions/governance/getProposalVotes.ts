import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalVotes}. */
export interface GetProposalVotesParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** `[against, for, abstain]` in shares. */
export type GetProposalVotesReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalVotes"
>;

/**
 * The votes cast on a proposal.
 *
 * @example
 * ```ts
 * const [against, forVotes, abstain] = await getProposalVotes(client, { governor, proposalId });
 * ```
 */
export async function getProposalVotes(
  client: ReadClient,
  parameters: GetProposalVotesParameters,
): Promise<GetProposalVotesReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalVotes",
    args: [parameters.proposalId],
  });
}
