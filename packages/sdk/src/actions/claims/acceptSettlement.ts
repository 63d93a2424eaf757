import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link acceptSettlement}. */
export interface AcceptSettlementParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The claim with a settlement proposal. */
  claimId: bigint;
  /** Slippage guard: the least tokens to receive. */
  minimumPayoutTokens: bigint;
}

/** The transaction and its receipt. */
export type AcceptSettlementReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "acceptSettlement">
>;

/**
 * The claimant accepts the mediator's settlement: paid now, bond returned.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await acceptSettlement(client, { claimsManager, claimId, minimumPayoutTokens: 0n });
 * ```
 */
export async function acceptSettlement(
  client: WalletClient,
  parameters: AcceptSettlementParameters,
): Promise<AcceptSettlementReturnType> {
  const { claimsManager, claimId, minimumPayoutTokens, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "acceptSettlement",
      args: [claimId, minimumPayoutTokens],
    },
    hooks,
    "accept settlement",
  );
}
