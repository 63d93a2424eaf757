import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link accrue}. */
export interface AccrueParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
}

/** The transaction and its receipt. */
export type AccrueReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "accrue">
>;

/**
 * Releases the reward stream up to now and starts the epoch's reward if due. Anyone may call.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await accrue(client, { pool });
 * ```
 */
export async function accrue(
  client: WalletClient,
  parameters: AccrueParameters,
): Promise<AccrueReturnType> {
  const { pool, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "accrue", args: [] },
    hooks,
  );
}
