import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link timeOutClaim}. */
export interface TimeOutClaimParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** A claim whose deadlines all passed. */
  claimId: bigint;
}

/** The transaction and its receipt. */
export type TimeOutClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "timeOutClaim">
>;

/**
 * Closes a claim whose every deadline passed; its bond goes to stakers (anyone).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await timeOutClaim(client, { claimsManager, claimId });
 * ```
 */
export async function timeOutClaim(
  client: WalletClient,
  parameters: TimeOutClaimParameters,
): Promise<TimeOutClaimReturnType> {
  const { claimsManager, claimId, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "timeOutClaim",
      args: [claimId],
    },
    hooks,
    "time out claim",
  );
}
