import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setMaxApr}. */
export interface SetMaxAprParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** `HUNDRED_PERCENT` (1e8) = 100%. */
  maxApr: bigint;
}

/** The transaction and its receipt. */
export type SetMaxAprReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setMaxApr">
>;

/**
 * Sets the highest APR. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setMaxApr(timelockClient, { pool, maxApr: 75_000_000n });
 * ```
 */
export async function setMaxApr(
  client: WalletClient,
  parameters: SetMaxAprParameters,
): Promise<SetMaxAprReturnType> {
  const { pool, maxApr, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "setMaxApr", args: [maxApr] },
    hooks,
  );
}
