import type { Address, ContractFunctionReturnType } from "viem";
import { iPoolVotesAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link delegate}. */
export interface DelegateParameters extends WriteHooks {
  /** The StakingPool address (voting power lives in the pool). */
  pool: Address;
  /** Who receives the caller's votes; the zero address or the caller undelegates. */
  delegatee: Address;
}

/** The transaction and its receipt. */
export type DelegateReturnType = WriteResult<
  ContractFunctionReturnType<typeof iPoolVotesAbi, "nonpayable", "delegate">
>;

/**
 * Delegates the caller's staked shares' votes, present and future, to `delegatee` (one hop, once per week).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await delegate(client, { pool, delegatee: "0x…" });
 * ```
 */
export async function delegate(
  client: WalletClient,
  parameters: DelegateParameters,
): Promise<DelegateReturnType> {
  const { pool, delegatee, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iPoolVotesAbi, functionName: "delegate", args: [delegatee] },
    hooks,
  );
}
