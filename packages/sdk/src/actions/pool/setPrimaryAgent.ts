import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setPrimaryAgent}. */
export interface SetPrimaryAgentParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The new primary agent. */
  primaryAgent: Address;
}

/** The transaction and its receipt. */
export type SetPrimaryAgentReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setPrimaryAgent">
>;

/**
 * Hands the primary agent's powers over. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setPrimaryAgent(timelockClient, { pool, primaryAgent });
 * ```
 */
export async function setPrimaryAgent(
  client: WalletClient,
  parameters: SetPrimaryAgentParameters,
): Promise<SetPrimaryAgentReturnType> {
  const { pool, primaryAgent, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "setPrimaryAgent", args: [primaryAgent] },
    hooks,
  );
}
