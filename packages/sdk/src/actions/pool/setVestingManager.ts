import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setVestingManager}. */
export interface SetVestingManagerParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Who may call `depositWithVesting`. */
  vestingManager: Address;
}

/** The transaction and its receipt. */
export type SetVestingManagerReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setVestingManager">
>;

/**
 * Sets the vesting manager. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setVestingManager(timelockClient, { pool, vestingManager });
 * ```
 */
export async function setVestingManager(
  client: WalletClient,
  parameters: SetVestingManagerParameters,
): Promise<SetVestingManagerReturnType> {
  const { pool, vestingManager, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "setVestingManager",
      args: [vestingManager],
    },
    hooks,
  );
}
