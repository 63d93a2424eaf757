import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setMaxPriceAge}. */
export interface SetMaxPriceAgeParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Seconds. */
  maxPriceAge: bigint;
}

/** The transaction and its receipt. */
export type SetMaxPriceAgeReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setMaxPriceAge">
>;

/**
 * Sets how old the pool token's price may be. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setMaxPriceAge(timelockClient, { claimsManager, maxPriceAge: 86_400n });
 * ```
 */
export async function setMaxPriceAge(
  client: WalletClient,
  parameters: SetMaxPriceAgeParameters,
): Promise<SetMaxPriceAgeReturnType> {
  const { claimsManager, maxPriceAge, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setMaxPriceAge",
      args: [maxPriceAge],
    },
    hooks,
  );
}
