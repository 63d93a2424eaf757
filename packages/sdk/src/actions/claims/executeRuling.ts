import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link executeRuling}. */
export interface ExecuteRulingParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** A claim whose ruling's payout was deferred. */
  claimId: bigint;
}

/** The transaction and its receipt. */
export type ExecuteRulingReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "executeRuling">
>;

/**
 * Pays out a ruling whose payout was blocked when it arrived (anyone).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await executeRuling(client, { claimsManager, claimId });
 * ```
 */
export async function executeRuling(
  client: WalletClient,
  parameters: ExecuteRulingParameters,
): Promise<ExecuteRulingReturnType> {
  const { claimsManager, claimId, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "executeRuling",
      args: [claimId],
    },
    hooks,
    "execute ruling",
  );
}
