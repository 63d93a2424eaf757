import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setSecondaryAgent}. */
export interface SetSecondaryAgentParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The new secondary agent. */
  secondaryAgent: Address;
}

/** The transaction and its receipt. */
export type SetSecondaryAgentReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setSecondaryAgent">
>;

/**
 * Hands the secondary agent's powers over. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setSecondaryAgent(timelockClient, { pool, secondaryAgent });
 * ```
 */
export async function setSecondaryAgent(
  client: WalletClient,
  parameters: SetSecondaryAgentParameters,
): Promise<SetSecondaryAgentReturnType> {
  const { pool, secondaryAgent, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "setSecondaryAgent",
      args: [secondaryAgent],
    },
    hooks,
  );
}
