import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getStakeTarget}. */
export interface GetStakeTargetParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetStakeTargetReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "stakeTarget"
>;

/**
 * The share of the token supply the APR steers toward.
 *
 * @example
 * ```ts
 * const target = await getStakeTarget(client, { pool });
 * ```
 */
export async function getStakeTarget(
  client: ReadClient,
  parameters: GetStakeTargetParameters,
): Promise<GetStakeTargetReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "stakeTarget",
  });
}
