import type { Address } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link unstakeAndWithdraw}. */
export interface UnstakeAndWithdrawParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Who receives the tokens. */
  recipient: Address;
}

/** The amount withdrawn (`result`), with the transaction. */
export type UnstakeAndWithdrawReturnType = WriteResult<bigint>;

/**
 * Executes the caller's matured unstake and withdraws everything withdrawable to `recipient`.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await unstakeAndWithdraw(client, { pool, recipient: client.account.address });
 * ```
 */
export async function unstakeAndWithdraw(
  client: WalletClient,
  parameters: UnstakeAndWithdrawParameters,
): Promise<UnstakeAndWithdrawReturnType> {
  const { pool, recipient, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "unstakeAndWithdraw", args: [recipient] },
    hooks,
  );
}
