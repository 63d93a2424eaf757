import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getResponsePeriods}. */
export interface GetResponsePeriodsParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** `[mediatorPeriod, claimantPeriod]` in seconds. */
export type GetResponsePeriodsReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "pure",
  "responsePeriods"
>;

/**
 * The mediator's and the claimant's response periods (see `claimDeadlines`).
 *
 * @example
 * ```ts
 * const [mediatorPeriod, claimantPeriod] = await getResponsePeriods(client, { claimsManager });
 * ```
 */
export async function getResponsePeriods(
  client: ReadClient,
  parameters: GetResponsePeriodsParameters,
): Promise<GetResponsePeriodsReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "responsePeriods",
  });
}
