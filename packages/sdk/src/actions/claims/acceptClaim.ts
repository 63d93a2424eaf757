import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link acceptClaim}. */
export interface AcceptClaimParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The pending claim. */
  claimId: bigint;
}

/** The transaction and its receipt. */
export type AcceptClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "acceptClaim">
>;

/**
 * The mediator accepts a pending claim: it is paid now (within the mediator's quota), the bond returned.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await acceptClaim(mediatorClient, { claimsManager, claimId });
 * ```
 */
export async function acceptClaim(
  client: WalletClient,
  parameters: AcceptClaimParameters,
): Promise<AcceptClaimReturnType> {
  const { claimsManager, claimId, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "acceptClaim",
      args: [claimId],
    },
    hooks,
    "accept claim",
  );
}
