import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPrimaryAgent}. */
export interface GetPrimaryAgentParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetPrimaryAgentReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "primaryAgent"
>;

/**
 * The primary agent (the DAO's primary Timelock).
 *
 * @example
 * ```ts
 * const agent = await getPrimaryAgent(client, { pool });
 * ```
 */
export async function getPrimaryAgent(
  client: ReadClient,
  parameters: GetPrimaryAgentParameters,
): Promise<GetPrimaryAgentReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "primaryAgent",
  });
}
