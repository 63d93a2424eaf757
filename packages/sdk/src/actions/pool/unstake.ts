import type { Address } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link unstake}. */
export interface UnstakeParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Whose matured unstake to execute (anyone may execute anyone's). */
  user: Address;
}

/** The amount credited to the user's unstaked balance (`result`), with the transaction. */
export type UnstakeReturnType = WriteResult<bigint>;

/**
 * Executes the matured pending unstake of `user`: credits `min(scheduled amount, value of its shares now)`.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: credited } = await unstake(client, { pool, user: client.account.address });
 * ```
 */
export async function unstake(
  client: WalletClient,
  parameters: UnstakeParameters,
): Promise<UnstakeReturnType> {
  const { pool, user, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "unstake", args: [user] },
    hooks,
  );
}
