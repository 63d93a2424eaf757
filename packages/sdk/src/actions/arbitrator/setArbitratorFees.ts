import type { Address, ContractFunctionReturnType } from "viem";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setArbitratorFees}. */
export interface SetArbitratorFeesParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** Wei per dispute. */
  arbitrationFee: bigint;
  /** Wei per appeal. */
  appealFee: bigint;
}

/** The transaction and its receipt. */
export type SetArbitratorFeesReturnType = WriteResult<
  ContractFunctionReturnType<typeof localArbitratorAbi, "nonpayable", "setFees">
>;

/**
 * Sets the LocalArbitrator's fees (owner).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setArbitratorFees(courtClient, { arbitrator, arbitrationFee, appealFee });
 * ```
 */
export async function setArbitratorFees(
  client: WalletClient,
  parameters: SetArbitratorFeesParameters,
): Promise<SetArbitratorFeesReturnType> {
  const { arbitrator, arbitrationFee, appealFee, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: localArbitratorAbi,
      functionName: "setFees",
      args: [arbitrationFee, appealFee],
    },
    hooks,
  );
}
