import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = { ...hooks, functionName: "distribute rewards", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "distributeRewards",
        args: [],
      }),
    context,
  );
  return execute(client, request, result, context);
}
