import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = { ...hooks, functionName: "setClaimantBond", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "setClaimantBond",
        args: [bond],
      }),
    context,
  );
  return execute(client, request, result, context);
}
