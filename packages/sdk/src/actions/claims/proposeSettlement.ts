import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link proposeSettlement}. */
export interface ProposeSettlementParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The pending claim. */
  claimId: bigint;
  /** USD with 18 decimals, above zero and below the claim. */
  settlementUsd: bigint;
}

/** The transaction and its receipt. */
export type ProposeSettlementReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "proposeSettlement">
>;

/**
 * The mediator proposes to settle a pending claim for less than claimed.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await proposeSettlement(mediatorClient, { claimsManager, claimId, settlementUsd: parseAmount("2k", 18) });
 * ```
 */
export async function proposeSettlement(
  client: WalletClient,
  parameters: ProposeSettlementParameters,
): Promise<ProposeSettlementReturnType> {
  const { claimsManager, claimId, settlementUsd, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "proposeSettlement",
      args: [claimId, settlementUsd],
    },
    hooks,
    "propose settlement",
  );
}
