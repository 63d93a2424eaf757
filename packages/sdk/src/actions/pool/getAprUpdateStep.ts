import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAprUpdateStep}. */
export interface GetAprUpdateStepParameters {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The value read. */
export type GetAprUpdateStepReturnType = ContractFunctionReturnType<
  typeof iStakingPoolAbi,
  "view",
  "aprUpdateStep"
>;

/**
 * How far the APR moves each epoch.
 *
 * @example
 * ```ts
 * const step = await getAprUpdateStep(client, { pool });
 * ```
 */
export async function getAprUpdateStep(
  client: ReadClient,
  parameters: GetAprUpdateStepParameters,
): Promise<GetAprUpdateStepReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iStakingPoolAbi,
    functionName: "aprUpdateStep",
  });
}
