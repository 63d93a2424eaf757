import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setTreasuryShare}. */
export interface SetTreasuryShareParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Share of premiums to the treasury (WAD). */
  share: bigint;
}

/** The transaction and its receipt. */
export type SetTreasuryShareReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setTreasuryShare">
>;

/**
 * Sets the treasury's share of premiums. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setTreasuryShare(timelockClient, { claimsManager, share: 10n ** 17n });
 * ```
 */
export async function setTreasuryShare(
  client: WalletClient,
  parameters: SetTreasuryShareParameters,
): Promise<SetTreasuryShareReturnType> {
  const { claimsManager, share, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setTreasuryShare",
      args: [share],
    },
    hooks,
  );
}
