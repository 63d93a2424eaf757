import type { Address } from "viem";
import { readContract } from "viem/actions";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClock}. */
export interface GetClockParameters {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
}

/** The current timepoint (unix seconds). */
export type GetClockReturnType = number;

/**
 * The votes' ERC-6372 clock (block timestamp).
 *
 * @example
 * ```ts
 * const now = await getClock(client, { pool });
 * ```
 */
export async function getClock(
  client: ReadClient,
  parameters: GetClockParameters,
): Promise<GetClockReturnType> {
  return readContract(client, {
    address: parameters.pool,
    abi: iPoolVotesAbi,
    functionName: "clock",
  });
}
