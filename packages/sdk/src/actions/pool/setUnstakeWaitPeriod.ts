import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setUnstakeWaitPeriod}. */
export interface SetUnstakeWaitPeriodParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Seconds, within [1 week, 52 weeks]. */
  unstakeWaitPeriod: bigint;
}

/** The transaction and its receipt. */
export type SetUnstakeWaitPeriodReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setUnstakeWaitPeriod">
>;

/**
 * Sets the unstake wait period. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setUnstakeWaitPeriod(timelockClient, { pool, unstakeWaitPeriod: 14n * 86_400n });
 * ```
 */
export async function setUnstakeWaitPeriod(
  client: WalletClient,
  parameters: SetUnstakeWaitPeriodParameters,
): Promise<SetUnstakeWaitPeriodReturnType> {
  const { pool, unstakeWaitPeriod, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "setUnstakeWaitPeriod",
      args: [unstakeWaitPeriod],
    },
    hooks,
  );
}
