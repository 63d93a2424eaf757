import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link escalateClaim}. */
export interface EscalateClaimParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The claim to escalate. */
  claimId: bigint;
  /** Native currency sent with the call (wei). */
  value: bigint;
}

/** The arbitrator's dispute id (`result`), with the transaction. */
export type EscalateClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "payable", "escalateClaim">
>;

/**
 * The claimant escalates a claim to the arbitrator, paying its arbitration cost in ether as `value`
 * (see `getArbitrationCost`; any excess is returned).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: disputeId } = await escalateClaim(client, { claimsManager, claimId, value: cost });
 * ```
 */
export async function escalateClaim(
  client: WalletClient,
  parameters: EscalateClaimParameters,
): Promise<EscalateClaimReturnType> {
  const { claimsManager, claimId, value, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "escalateClaim",
      args: [claimId],
      value,
    },
    hooks,
    "escalate",
  );
}
