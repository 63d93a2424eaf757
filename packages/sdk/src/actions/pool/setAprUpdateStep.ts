import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setAprUpdateStep}. */
export interface SetAprUpdateStepParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** `HUNDRED_PERCENT` (1e8) = 100%. */
  aprUpdateStep: bigint;
}

/** The transaction and its receipt. */
export type SetAprUpdateStepReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setAprUpdateStep">
>;

/**
 * Sets how far the APR moves each epoch. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setAprUpdateStep(timelockClient, { pool, aprUpdateStep: 1_000_000n });
 * ```
 */
export async function setAprUpdateStep(
  client: WalletClient,
  parameters: SetAprUpdateStepParameters,
): Promise<SetAprUpdateStepReturnType> {
  const { pool, aprUpdateStep, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "setAprUpdateStep",
      args: [aprUpdateStep],
    },
    hooks,
  );
}
