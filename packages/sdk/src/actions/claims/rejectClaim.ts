import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
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
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "rejectClaim",
      args: [claimId],
    },
    hooks,
    "reject claim",
  );
}
