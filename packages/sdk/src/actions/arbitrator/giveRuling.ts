import type { Address, ContractFunctionReturnType } from "viem";
import { localArbitratorAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link giveRuling}. */
export interface GiveRulingParameters extends WriteHooks {
  /** The ERC-792 arbitrator (`deployment.contracts.arbitrator`). */
  arbitrator: Address;
  /** A waiting dispute. */
  disputeId: bigint;
  /** 0 refuse, 1 pay the claim, 2 pay the settlement. */
  ruling: bigint;
}

/** The transaction and its receipt. */
export type GiveRulingReturnType = WriteResult<
  ContractFunctionReturnType<typeof localArbitratorAbi, "nonpayable", "giveRuling">
>;

/**
 * The LocalArbitrator's owner (the devnet's court) rules on a waiting dispute; the ruling can then be
 * appealed during the appeal period.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await giveRuling(courtClient, { arbitrator, disputeId: 0n, ruling: 1n });
 * ```
 */
export async function giveRuling(
  client: WalletClient,
  parameters: GiveRulingParameters,
): Promise<GiveRulingReturnType> {
  const { arbitrator, disputeId, ruling, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: arbitrator,
      abi: localArbitratorAbi,
      functionName: "giveRuling",
      args: [disputeId, ruling],
    },
    hooks,
    "rule",
  );
}
