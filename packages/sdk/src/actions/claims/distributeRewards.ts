import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link distributeRewards}. */
export interface DistributeRewardsParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The transaction and its receipt. */
export type DistributeRewardsReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "distributeRewards">
>;

/**
 * Sends pending premiums and forfeited bonds to the pool (and the treasury's share to the treasury). Anyone.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await distributeRewards(client, { claimsManager });
 * ```
 */
export async function distributeRewards(
  client: WalletClient,
  parameters: DistributeRewardsParameters,
): Promise<DistributeRewardsReturnType> {
  const { claimsManager, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: claimsManager, abi: iClaimsManagerAbi, functionName: "distributeRewards", args: [] },
    hooks,
    "distribute rewards",
  );
}
