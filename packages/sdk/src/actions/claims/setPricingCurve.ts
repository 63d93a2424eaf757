import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setPricingCurve}. */
export interface SetPricingCurveParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Annual rate at zero utilization (WAD). */
  baseRate: bigint;
  /** Rate added up to the kink (WAD). */
  slope1: bigint;
  /** Utilization of the kink (WAD). */
  kink: bigint;
  /** Rate added from the kink to full utilization (WAD). */
  slope2: bigint;
}

/** The transaction and its receipt. */
export type SetPricingCurveReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setPricingCurve">
>;

/**
 * Sets the premium curve. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setPricingCurve(timelockClient, { claimsManager, baseRate, slope1, kink, slope2 });
 * ```
 */
export async function setPricingCurve(
  client: WalletClient,
  parameters: SetPricingCurveParameters,
): Promise<SetPricingCurveReturnType> {
  const { claimsManager, baseRate, slope1, kink, slope2, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setPricingCurve",
      args: [baseRate, slope1, kink, slope2],
    },
    hooks,
  );
}
