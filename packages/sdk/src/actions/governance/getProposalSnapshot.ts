import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposalSnapshot}. */
export interface GetProposalSnapshotParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** The proposal. */
  proposalId: bigint;
}

/** The value read. */
export type GetProposalSnapshotReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "proposalSnapshot"
>;

/**
 * The timepoint whose voting power counts.
 *
 * @example
 * ```ts
 * const snapshot = await getProposalSnapshot(client, { governor, proposalId });
 * ```
 */
export async function getProposalSnapshot(
  client: ReadClient,
  parameters: GetProposalSnapshotParameters,
): Promise<GetProposalSnapshotReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "proposalSnapshot",
    args: [parameters.proposalId],
  });
}
