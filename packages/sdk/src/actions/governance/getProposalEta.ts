import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalEta}. */
export interface GetProposalEtaParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** The value read. */
export type GetProposalEtaReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalEta"
>;

/**
 * When a queued proposal may be executed (0 if not queued).
 *
 * @example
 * ```ts
 * const eta = await getProposalEta(client, { governor, proposalId });
 * ```
 */
export async function getProposalEta(
  client: ReadClient,
  parameters: GetProposalEtaParameters,
): Promise<GetProposalEtaReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalEta",
    args: [parameters.proposalId],
  });
}
