import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { readContract } from "viem/actions";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAppealCost}. */
export interface GetAppealCostParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
  /** The arbitrator's extra data. */
  extraData: Hex;
}

/** The value read. */
export type GetAppealCostReturnType = ContractFunctionReturnType<
  typeof iArbitratorAbi,
  "view",
  "appealCost"
>;

/**
 * The fee to appeal a dispute, in wei.
 *
 * @example
 * ```ts
 * const cost = await getAppealCost(client, { arbitrator, disputeId: 0n, extraData: "0x" });
 * ```
 */
export async function getAppealCost(
  client: ReadClient,
  parameters: GetAppealCostParameters,
): Promise<GetAppealCostReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: iArbitratorAbi,
    functionName: "appealCost",
    args: [parameters.disputeId, parameters.extraData],
  });
}
