import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { iArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link appeal}. */
export interface AppealParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** The dispute. */
  disputeId: bigint;
  /** The arbitrator's extra data (`0x` on the devnet). */
  extraData: Hex;
  /** Native currency sent with the call (wei). */
  value: bigint;
}

/** The transaction and its receipt. */
export type AppealReturnType = WriteResult<
  ContractFunctionReturnType<typeof iArbitratorAbi, "payable", "appeal">
>;

/**
 * Appeals the current ruling of a dispute within its appeal period, paying `appealCost` as `value`.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await appeal(client, { arbitrator, disputeId: 0n, extraData: "0x", value: cost });
 * ```
 */
export async function appeal(
  client: WalletClient,
  parameters: AppealParameters,
): Promise<AppealReturnType> {
  const { arbitrator, disputeId, extraData, value, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: iArbitratorAbi,
      functionName: "appeal",
      args: [disputeId, extraData],
      value,
    },
    hooks,
  );
}
