import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDisputeCount}. */
export interface GetDisputeCountParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
}

/** The value read. */
export type GetDisputeCountReturnType = ContractFunctionReturnType<
  typeof localArbitratorAbi,
  "view",
  "disputeCount"
>;

/**
 * The number of disputes of the LocalArbitrator.
 *
 * @example
 * ```ts
 * const count = await getDisputeCount(client, { arbitrator });
 * ```
 */
export async function getDisputeCount(
  client: ReadClient,
  parameters: GetDisputeCountParameters,
): Promise<GetDisputeCountReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: localArbitratorAbi,
    functionName: "disputeCount",
  });
}
