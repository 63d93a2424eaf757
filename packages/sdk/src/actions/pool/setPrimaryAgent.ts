import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = { ...hooks, functionName: "setPrimaryAgent", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: pool,
        abi: iStakingPoolAbi,
        functionName: "setPrimaryAgent",
        args: [primaryAgent],
      }),
    context,
  );
  return execute(client, request, result, context);
}
