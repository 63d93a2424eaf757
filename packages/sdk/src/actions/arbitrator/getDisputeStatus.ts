import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDisputeStatus}. */
export interface GetDisputeStatusParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
}

/** 0 Waiting, 1 Appealable, 2 Solved. */
export type GetDisputeStatusReturnType = ContractFunctionReturnType<
  typeof iArbitratorAbi,
  "view",
  "disputeStatus"
>;

/**
 * Where a dispute stands.
 *
 * @example
 * ```ts
 * const status = await getDisputeStatus(client, { arbitrator, disputeId: 0n });
 * ```
 */
export async function getDisputeStatus(
  client: ReadClient,
  parameters: GetDisputeStatusParameters,
): Promise<GetDisputeStatusReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: iArbitratorAbi,
    functionName: "disputeStatus",
    args: [parameters.disputeId],
  });
}
