import type { Address, ContractFunctionReturnType } from "viem";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link withdrawArbitratorFees}. */
export interface WithdrawArbitratorFeesParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** Who receives the collected fees. */
  recipient: Address;
}

/** The transaction and its receipt. */
export type WithdrawArbitratorFeesReturnType = WriteResult<
  ContractFunctionReturnType<typeof localArbitratorAbi, "nonpayable", "withdrawFees">
>;

/**
 * Sends the LocalArbitrator's collected fees (owner).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await withdrawArbitratorFees(courtClient, { arbitrator, recipient });
 * ```
 */
export async function withdrawArbitratorFees(
  client: WalletClient,
  parameters: WithdrawArbitratorFeesParameters,
): Promise<WithdrawArbitratorFeesReturnType> {
  const { arbitrator, recipient, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: localArbitratorAbi,
      functionName: "withdrawFees",
      args: [recipient],
    },
    hooks,
  );
}
