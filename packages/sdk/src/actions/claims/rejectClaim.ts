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

/** Parameters of {@link rejectClaim}. */
export interface RejectClaimParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The pending claim. */
  claimId: bigint;
}

/** The transaction and its receipt. */
export type RejectClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "rejectClaim">
>;

/**
 * The mediator rejects a pending claim; the claimant may still escalate it.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await rejectClaim(mediatorClient, { claimsManager, claimId });
 * ```
 */
export async function rejectClaim(
  client: WalletClient,
  parameters: RejectClaimParameters,
): Promise<RejectClaimReturnType> {
  const { claimsManager, claimId, ...hooks } = parameters;
  const context = { ...hooks, functionName: "reject claim", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "rejectClaim",
        args: [claimId],
      }),
    context,
  );
  return execute(client, request, result, context);
}
