import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getActiveCoverageUsd}. */
export interface GetActiveCoverageUsdParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetActiveCoverageUsdReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "activeCoverageUsd"
>;

/**
 * Total active coverage in USD.
 *
 * @example
 * ```ts
 * const active = await getActiveCoverageUsd(client, { claimsManager });
 * ```
 */
export async function getActiveCoverageUsd(
  client: ReadClient,
  parameters: GetActiveCoverageUsdParameters,
): Promise<GetActiveCoverageUsdReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "activeCoverageUsd",
  });
}
