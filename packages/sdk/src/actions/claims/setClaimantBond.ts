import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setClaimantBond}. */
export interface SetClaimantBondParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Tokens a claimant deposits per claim. */
  bond: bigint;
}

/** The transaction and its receipt. */
export type SetClaimantBondReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setClaimantBond">
>;

/**
 * Sets the claimant bond. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setClaimantBond(timelockClient, { claimsManager, bond });
 * ```
 */
export async function setClaimantBond(
  client: WalletClient,
  parameters: SetClaimantBondParameters,
): Promise<SetClaimantBondReturnType> {
  const { claimsManager, bond, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setClaimantBond",
      args: [bond],
    },
    hooks,
  );
}
