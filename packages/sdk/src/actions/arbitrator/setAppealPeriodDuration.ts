import type { Address, ContractFunctionReturnType } from "viem";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setAppealPeriodDuration}. */
export interface SetAppealPeriodDurationParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** Seconds. */
  duration: bigint;
}

/** The transaction and its receipt. */
export type SetAppealPeriodDurationReturnType = WriteResult<
  ContractFunctionReturnType<typeof localArbitratorAbi, "nonpayable", "setAppealPeriodDuration">
>;

/**
 * Sets how long each LocalArbitrator ruling can be appealed (owner).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setAppealPeriodDuration(courtClient, { arbitrator, duration: 3_600n });
 * ```
 */
export async function setAppealPeriodDuration(
  client: WalletClient,
  parameters: SetAppealPeriodDurationParameters,
): Promise<SetAppealPeriodDurationReturnType> {
  const { arbitrator, duration, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: localArbitratorAbi,
      functionName: "setAppealPeriodDuration",
      args: [duration],
    },
    hooks,
  );
}
