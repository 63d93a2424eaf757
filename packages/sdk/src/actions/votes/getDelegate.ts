import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getDelegate}. */
export interface GetDelegateParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** The staker. */
  account: Address;
}

/** The delegate, or `account` itself when it does not delegate. */
export type GetDelegateReturnType = Address;

/**
 * Who holds `account`'s own votes.
 *
 * @example
 * ```ts
 * const holder = await getDelegate(client, { pool, account });
 * ```
 */
export async function getDelegate(
  client: ReadClient,
  parameters: GetDelegateParameters,
): Promise<GetDelegateReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "delegates",
    args: [parameters.account],
  });
}
