import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDelegationPeriod}. */
export interface GetDelegationPeriodParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
}

/** The value read. */
export type GetDelegationPeriodReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "DELEGATION_PERIOD"
>;

/**
 * The minimum time between two delegation changes of one account (1 week).
 *
 * @example
 * ```ts
 * const period = await getDelegationPeriod(client, { pool });
 * ```
 */
export async function getDelegationPeriod(
  client: ReadClient,
  parameters: GetDelegationPeriodParameters,
): Promise<GetDelegationPeriodReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "DELEGATION_PERIOD",
  });
}
