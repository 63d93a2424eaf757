import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setArbitrator}. */
export interface SetArbitratorParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The ERC-792 arbitrator. */
  arbitrator: Address;
  /** The arbitrator's extra data (court, jurors). */
  extraData: Hex;
  /** The new meta-evidence. */
  metaEvidenceURI: string;
}

/** The transaction and its receipt. */
export type SetArbitratorReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setArbitrator">
>;

/**
 * Sets the arbitrator for new disputes. Only the primary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setArbitrator(timelockClient, { claimsManager, arbitrator, extraData: "0x", metaEvidenceURI });
 * ```
 */
export async function setArbitrator(
  client: WalletClient,
  parameters: SetArbitratorParameters,
): Promise<SetArbitratorReturnType> {
  const { claimsManager, arbitrator, extraData, metaEvidenceURI, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setArbitrator",
      args: [arbitrator, extraData, metaEvidenceURI],
    },
    hooks,
  );
}
