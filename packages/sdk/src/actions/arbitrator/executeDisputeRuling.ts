import type { Address, ContractFunctionReturnType } from "viem";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link executeDisputeRuling}. */
export interface ExecuteDisputeRulingParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** A ruled dispute whose appeal period is over. */
  disputeId: bigint;
}

/** The transaction and its receipt. */
export type ExecuteDisputeRulingReturnType = WriteResult<
  ContractFunctionReturnType<typeof localArbitratorAbi, "nonpayable", "executeRuling">
>;

/**
 * Delivers a LocalArbitrator ruling to the ClaimsManager once its appeal period is over (anyone).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await executeDisputeRuling(client, { arbitrator, disputeId: 0n });
 * ```
 */
export async function executeDisputeRuling(
  client: WalletClient,
  parameters: ExecuteDisputeRulingParameters,
): Promise<ExecuteDisputeRulingReturnType> {
  const { arbitrator, disputeId, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: localArbitratorAbi,
      functionName: "executeRuling",
      args: [disputeId],
    },
    hooks,
    "execute ruling",
  );
}
