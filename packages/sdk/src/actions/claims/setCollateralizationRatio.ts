import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setCollateralizationRatio}. */
export interface SetCollateralizationRatioParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Coverage allowed per token of stake (WAD). */
  ratio: bigint;
}

/** The transaction and its receipt. */
export type SetCollateralizationRatioReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setCollateralizationRatio">
>;

/**
 * Sets the collateralization ratio. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setCollateralizationRatio(timelockClient, { claimsManager, ratio: 10n ** 18n });
 * ```
 */
export async function setCollateralizationRatio(
  client: WalletClient,
  parameters: SetCollateralizationRatioParameters,
): Promise<SetCollateralizationRatioReturnType> {
  const { claimsManager, ratio, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setCollateralizationRatio",
      args: [ratio],
    },
    hooks,
  );
}
