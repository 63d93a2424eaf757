import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getVotingPeriod}. */
export interface GetVotingPeriodParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetVotingPeriodReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "votingPeriod"
>;

/**
 * Seconds of voting.
 *
 * @example
 * ```ts
 * const period = await getVotingPeriod(client, { governor });
 * ```
 */
export async function getVotingPeriod(
  client: ReadClient,
  parameters: GetVotingPeriodParameters,
): Promise<GetVotingPeriodReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "votingPeriod",
  });
}
