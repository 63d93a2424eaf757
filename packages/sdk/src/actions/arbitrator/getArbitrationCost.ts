import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { readContract } from "viem/actions";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getArbitrationCost}. */
export interface GetArbitrationCostParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The arbitrator's extra data. */
  extraData: Hex;
}

/** The value read. */
export type GetArbitrationCostReturnType = ContractFunctionReturnType<
  typeof iArbitratorAbi,
  "view",
  "arbitrationCost"
>;

/**
 * The fee to create a dispute, in wei.
 *
 * @example
 * ```ts
 * const cost = await getArbitrationCost(client, { arbitrator, extraData: "0x" });
 * ```
 */
export async function getArbitrationCost(
  client: ReadClient,
  parameters: GetArbitrationCostParameters,
): Promise<GetArbitrationCostReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: iArbitratorAbi,
    functionName: "arbitrationCost",
    args: [parameters.extraData],
  });
}
