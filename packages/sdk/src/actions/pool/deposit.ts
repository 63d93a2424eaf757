import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link deposit}. */
export interface DepositParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Token amount in base units, pulled from the caller (approve the pool first). */
  amount: bigint;
}

/** The transaction and its receipt. */
export type DepositReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "deposit">
>;

/**
 * Deposits pool tokens into the caller's unstaked balance. The pool must be allowed to pull `amount`
 * (see `approveToken`).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await deposit(client, { pool: deployment.contracts.stakingPool, amount: parseAmount("1.5k", 18) });
 * ```
 */
export async function deposit(
  client: WalletClient,
  parameters: DepositParameters,
): Promise<DepositReturnType> {
  const { pool, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "deposit", args: [amount] },
    hooks,
  );
}
