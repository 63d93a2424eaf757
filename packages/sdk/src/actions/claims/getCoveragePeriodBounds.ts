import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCoveragePeriodBounds}. */
export interface GetCoveragePeriodBoundsParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** `[minPeriod, maxPeriod]` in seconds. */
export type GetCoveragePeriodBoundsReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "pure",
  "coveragePeriodBounds"
>;

/**
 * The shortest coverage period `buyCoverage` sells and the longest any policy may run ahead.
 *
 * @example
 * ```ts
 * const [minPeriod, maxPeriod] = await getCoveragePeriodBounds(client, { claimsManager });
 * ```
 */
export async function getCoveragePeriodBounds(
  client: ReadClient,
  parameters: GetCoveragePeriodBoundsParameters,
): Promise<GetCoveragePeriodBoundsReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "coveragePeriodBounds",
  });
}
