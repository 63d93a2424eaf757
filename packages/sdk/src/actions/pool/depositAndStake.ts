import type { Address } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link depositAndStake}. */
export interface DepositAndStakeParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Token amount in base units, pulled from the caller and staked. */
  amount: bigint;
}

/** The shares minted (`result`), with the transaction. */
export type DepositAndStakeReturnType = WriteResult<bigint>;

/**
 * Deposits and stakes in one transaction (approve the pool first).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: shares } = await depositAndStake(client, { pool, amount: parseAmount("1k", 18) });
 * ```
 */
export async function depositAndStake(
  client: WalletClient,
  parameters: DepositAndStakeParameters,
): Promise<DepositAndStakeReturnType> {
  const { pool, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "depositAndStake", args: [amount] },
    hooks,
  );
}
