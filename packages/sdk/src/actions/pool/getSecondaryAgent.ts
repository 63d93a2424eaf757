import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getSecondaryAgent}. */
export interface GetSecondaryAgentParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetSecondaryAgentReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "secondaryAgent"
>;

/**
 * The secondary agent (the DAO's secondary Timelock).
 *
 * @example
 * ```ts
 * const agent = await getSecondaryAgent(client, { pool });
 * ```
 */
export async function getSecondaryAgent(
  client: ReadClient,
  parameters: GetSecondaryAgentParameters,
): Promise<GetSecondaryAgentReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "secondaryAgent",
  });
}
