import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setPayoutQuota}. */
export interface SetPayoutQuotaParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The mediator or arbitrator. */
  payer: Address;
  /** Share of the total stake per window (1e18 = 100%). */
  share: bigint;
}

/** The transaction and its receipt. */
export type SetPayoutQuotaReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setPayoutQuota">
>;

/**
 * Sets a payer's rolling payout quota. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setPayoutQuota(timelockClient, { claimsManager, payer, share: 10n ** 17n });
 * ```
 */
export async function setPayoutQuota(
  client: WalletClient,
  parameters: SetPayoutQuotaParameters,
): Promise<SetPayoutQuotaReturnType> {
  const { claimsManager, payer, share, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setPayoutQuota",
      args: [payer, share],
    },
    hooks,
  );
}
