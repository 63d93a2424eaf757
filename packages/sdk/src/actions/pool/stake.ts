import type { Address } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link stake}. */
export interface StakeParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Token amount in base units, taken from the caller's unstaked balance. */
  amount: bigint;
}

/** The shares minted (`result`), rounded down, with the transaction. */
export type StakeReturnType = WriteResult<bigint>;

/**
 * Stakes tokens from the caller's unstaked balance for pool shares.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: shares } = await stake(client, { pool, amount: parseAmount("500", 18) });
 * ```
 */
export async function stake(
  client: WalletClient,
  parameters: StakeParameters,
): Promise<StakeReturnType> {
  const { pool, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "stake", args: [amount] },
    hooks,
  );
}
