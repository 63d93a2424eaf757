import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAppealPeriodDuration}. */
export interface GetAppealPeriodDurationParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
}

/** The value read. */
export type GetAppealPeriodDurationReturnType = ContractFunctionReturnType<
  typeof localArbitratorAbi,
  "view",
  "appealPeriodDuration"
>;

/**
 * How long each LocalArbitrator ruling can be appealed.
 *
 * @example
 * ```ts
 * const duration = await getAppealPeriodDuration(client, { arbitrator });
 * ```
 */
export async function getAppealPeriodDuration(
  client: ReadClient,
  parameters: GetAppealPeriodDurationParameters,
): Promise<GetAppealPeriodDurationReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: localArbitratorAbi,
    functionName: "appealPeriodDuration",
  });
}
