import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDelegationChangeableAt}. */
export interface GetDelegationChangeableAtParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The staker. */
  account: Address;
}

/** Unix time (0 if it never delegated). */
export type GetDelegationChangeableAtReturnType = ContractFunctionReturnType<
  typeof iPoolVotesAbi,
  "view",
  "delegationChangeableAt"
>;

/**
 * When `account` may next change its delegation.
 *
 * @example
 * ```ts
 * const at = await getDelegationChangeableAt(client, { pool, account });
 * ```
 */
export async function getDelegationChangeableAt(
  client: ReadClient,
  parameters: GetDelegationChangeableAtParameters,
): Promise<GetDelegationChangeableAtReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "delegationChangeableAt",
    args: [parameters.account],
  });
}
