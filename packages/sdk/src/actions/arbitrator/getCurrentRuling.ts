import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getCurrentRuling}. */
export interface GetCurrentRulingParameters {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
}

/** 0 refuse, 1 pay claim, 2 pay settlement. */
export type GetCurrentRulingReturnType = ContractFunctionReturnType<
  typeof iArbitratorAbi,
  "view",
  "currentRuling"
>;

/**
 * The current ruling of a dispute (0 before any).
 *
 * @example
 * ```ts
 * const ruling = await getCurrentRuling(client, { arbitrator, disputeId: 0n });
 * ```
 */
export async function getCurrentRuling(
  client: ReadClient,
  parameters: GetCurrentRulingParameters,
): Promise<GetCurrentRulingReturnType> {
  return readContract(client, {
    address: parameters.arbitrator,
    abi: iArbitratorAbi,
    functionName: "currentRuling",
    args: [parameters.disputeId],
  });
}
