import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setStakeTarget}. */
export interface SetStakeTargetParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Share of the token supply (`HUNDRED_PERCENT` = 100%). */
  stakeTarget: bigint;
}

/** The transaction and its receipt. */
export type SetStakeTargetReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setStakeTarget">
>;

/**
 * Sets the stake target the APR steers toward. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setStakeTarget(timelockClient, { pool, stakeTarget: 50_000_000n });
 * ```
 */
export async function setStakeTarget(
  client: WalletClient,
  parameters: SetStakeTargetParameters,
): Promise<SetStakeTargetReturnType> {
  const { pool, stakeTarget, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "setStakeTarget", args: [stakeTarget] },
    hooks,
  );
}
