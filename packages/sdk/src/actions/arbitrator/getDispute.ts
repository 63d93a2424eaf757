import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDispute}. */
export interface GetDisputeParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
}

/** The value read. */
export type GetDisputeReturnType = ContractFunctionReturnType<
  typeof localArbitratorAbi,
  "view",
  "dispute"
>;

/**
 * A LocalArbitrator dispute in full: arbitrable, appeal period, status, appeals, choices, ruling.
 *
 * @example
 * ```ts
 * const dispute = await getDispute(client, { arbitrator, disputeId: 0n });
 * ```
 */
export async function getDispute(
  client: ReadClient,
  parameters: GetDisputeParameters,
): Promise<GetDisputeReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: localArbitratorAbi,
    functionName: "dispute",
    args: [parameters.disputeId],
  });
}
