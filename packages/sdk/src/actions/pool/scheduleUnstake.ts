import type { Address } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link scheduleUnstake}. */
export interface ScheduleUnstakeParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Shares to take off the caller's staked balance. */
  shares: bigint;
}

/** The token amount scheduled (`result`, an upper bound on what `unstake` pays), with the transaction. */
export type ScheduleUnstakeReturnType = WriteResult<bigint>;

/**
 * Schedules an unstake of `shares`: they stop earning and voting at once, stay slashable, and can be
 * executed with {@link unstake} after the pool's unstake wait period. One pending unstake per user.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: amount } = await scheduleUnstake(client, { pool, shares: 100n * 10n ** 18n });
 * ```
 */
export async function scheduleUnstake(
  client: WalletClient,
  parameters: ScheduleUnstakeParameters,
): Promise<ScheduleUnstakeReturnType> {
  const { pool, shares, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "scheduleUnstake", args: [shares] },
    hooks,
  );
}
