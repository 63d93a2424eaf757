import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setTreasury}. */
export interface SetTreasuryParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The DAO treasury (zero: all premiums to stakers). */
  treasury: Address;
}

/** The transaction and its receipt. */
export type SetTreasuryReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setTreasury">
>;

/**
 * Sets the treasury. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setTreasury(timelockClient, { claimsManager, treasury });
 * ```
 */
export async function setTreasury(
  client: WalletClient,
  parameters: SetTreasuryParameters,
): Promise<SetTreasuryReturnType> {
  const { claimsManager, treasury, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setTreasury",
      args: [treasury],
    },
    hooks,
  );
}
