import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAppealPeriod}. */
export interface GetAppealPeriodParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
}

/** `[start, end]` unix times, `[0, 0]` when not appealable. */
export type GetAppealPeriodReturnType = ContractFunctionReturnType<
  typeof iArbitratorAbi,
  "view",
  "appealPeriod"
>;

/**
 * When the current ruling can be appealed.
 *
 * @example
 * ```ts
 * const [start, end] = await getAppealPeriod(client, { arbitrator, disputeId: 0n });
 * ```
 */
export async function getAppealPeriod(
  client: ReadClient,
  parameters: GetAppealPeriodParameters,
): Promise<GetAppealPeriodReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: iArbitratorAbi,
    functionName: "appealPeriod",
    args: [parameters.disputeId],
  });
}
