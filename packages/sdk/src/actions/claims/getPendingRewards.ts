import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPendingRewards}. */
export interface GetPendingRewardsParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** `[stakerAmount, treasuryAmount]` in tokens. */
export type GetPendingRewardsReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "pendingRewards"
>;

/**
 * Premiums and forfeited bonds waiting for `distributeRewards`.
 *
 * @example
 * ```ts
 * const [stakers, treasury] = await getPendingRewards(client, { claimsManager });
 * ```
 */
export async function getPendingRewards(
  client: ReadClient,
  parameters: GetPendingRewardsParameters,
): Promise<GetPendingRewardsReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "pendingRewards",
  });
}
