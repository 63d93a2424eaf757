import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTimelock}. */
export interface GetTimelockParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
}

/** The value read. */
export type GetTimelockReturnType = ContractFunctionReturnType<
  typeof poolGovernorAbi,
  "view",
  "timelock"
>;

/**
 * The Timelock that executes the governor's proposals (the agent).
 *
 * @example
 * ```ts
 * const timelock = await getTimelock(client, { governor });
 * ```
 */
export async function getTimelock(
  client: ReadClient,
  parameters: GetTimelockParameters,
): Promise<GetTimelockReturnType> {
  return readContract(client, {
    address: parameters.governor,
    abi: poolGovernorAbi,
    functionName: "timelock",
  });
}
