import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPricingCurve}. */
export interface GetPricingCurveParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** `[baseRate, slope1, kink, slope2]` (WAD). */
export type GetPricingCurveReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "pricingCurve"
>;

/**
 * The premium curve.
 *
 * @example
 * ```ts
 * const [baseRate, slope1, kink, slope2] = await getPricingCurve(client, { claimsManager });
 * ```
 */
export async function getPricingCurve(
  client: ReadClient,
  parameters: GetPricingCurveParameters,
): Promise<GetPricingCurveReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "pricingCurve",
  });
}
