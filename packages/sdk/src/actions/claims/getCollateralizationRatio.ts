import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCollateralizationRatio}. */
export interface GetCollateralizationRatioParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
}

/** The value read. */
export type GetCollateralizationRatioReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "collateralizationRatio"
>;

/**
 * Coverage allowed per token of stake (WAD).
 *
 * @example
 * ```ts
 * const ratio = await getCollateralizationRatio(client, { claimsManager });
 * ```
 */
export async function getCollateralizationRatio(
  client: ReadClient,
  parameters: GetCollateralizationRatioParameters,
): Promise<GetCollateralizationRatioReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "collateralizationRatio",
  });
}
