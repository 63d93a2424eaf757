import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link propose}. */
export interface ProposeParameters extends WriteHooks {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** Contracts to call. */
  targets: readonly Address[];
  /** Ether sent with each call. */
  values: readonly bigint[];
  /** Encoded calls (see `encodeFunctionData`). */
  calldatas: readonly Hex[];
  /** The proposal's text; its hash identifies the proposal. */
  description: string;
}

/** The proposal id (`result`), with the transaction. */
export type ProposeReturnType = WriteResult<
  ContractFunctionReturnType<typeof poolGovernorAbi, "nonpayable", "propose">
>;

/**
 * Proposes calls to be executed by the governor's Timelock. Needs the proposal threshold of voting power
 * (0.1% of the supply at `clock() - 1`) and at most one proposal per proposer per epoch.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: proposalId } = await propose(client, {
 *   governor, targets: [pool], values: [0n],
 *   calldatas: [encodeFunctionData({ abi: iStakingPoolAbi, functionName: "setUnstakeWaitPeriod", args: [1_209_600n] })],
 *   description: "Two-week unstake wait",
 * });
 * ```
 */
export async function propose(
  client: WalletClient,
  parameters: ProposeParameters,
): Promise<ProposeReturnType> {
  const { governor, targets, values, calldatas, description, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: governor,
      abi: poolGovernorAbi,
      functionName: "propose",
      args: [targets, values, calldatas, description],
    },
    hooks,
  );
}
