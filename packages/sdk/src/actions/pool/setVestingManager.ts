import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = { ...hooks, functionName: "setVestingManager", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: pool,
        abi: iStakingPoolAbi,
        functionName: "setVestingManager",
        args: [vestingManager],
      }),
    context,
  );
  return execute(client, request, result, context);
}
