import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setMinApr}. */
export interface SetMinAprParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** `HUNDRED_PERCENT` (1e8) = 100%. */
  minApr: bigint;
}

/** The transaction and its receipt. */
export type SetMinAprReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setMinApr">
>;

/**
 * Sets the lowest APR. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setMinApr(timelockClient, { pool, minApr: 2_500_000n });
 * ```
 */
export async function setMinApr(
  client: WalletClient,
  parameters: SetMinAprParameters,
): Promise<SetMinAprReturnType> {
  const { pool, minApr, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "setMinApr", args: [minApr] },
    hooks,
  );
}
