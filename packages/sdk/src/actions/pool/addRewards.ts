import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link addRewards}. */
export interface AddRewardsParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Token amount in base units, pulled from the caller. */
  amount: bigint;
}

/** The transaction and its receipt. */
export type AddRewardsReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "addRewards">
>;

/**
 * Adds tokens to the stakers' reward stream (anyone may; approve the pool first).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await addRewards(client, { pool, amount: parseAmount("100", 18) });
 * ```
 */
export async function addRewards(
  client: WalletClient,
  parameters: AddRewardsParameters,
): Promise<AddRewardsReturnType> {
  const { pool, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "addRewards", args: [amount] },
    hooks,
  );
}
