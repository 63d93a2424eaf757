import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link withdraw}. */
export interface WithdrawParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Who receives the tokens. */
  recipient: Address;
  /** Token amount in base units; at most `withdrawableOf(caller)`. */
  amount: bigint;
}

/** The transaction and its receipt. */
export type WithdrawReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "withdraw">
>;

/**
 * Withdraws unstaked, unlocked, vested tokens to `recipient`.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await withdraw(client, { pool, recipient: client.account.address, amount: 10n ** 18n });
 * ```
 */
export async function withdraw(
  client: WalletClient,
  parameters: WithdrawParameters,
): Promise<WithdrawReturnType> {
  const { pool, recipient, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "withdraw", args: [recipient, amount] },
    hooks,
  );
}
