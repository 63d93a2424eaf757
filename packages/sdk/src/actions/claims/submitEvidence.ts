import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link submitEvidence}. */
export interface SubmitEvidenceParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** An open claim. */
  claimId: bigint;
  /** The evidence (e.g. an IPFS URI). */
  evidenceURI: string;
}

/** The transaction and its receipt. */
export type SubmitEvidenceReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "submitEvidence">
>;

/**
 * The claimant or the mediator adds evidence to an open claim (ERC-1497 `Evidence` event).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await submitEvidence(client, { claimsManager, claimId, evidenceURI: "ipfs://…" });
 * ```
 */
export async function submitEvidence(
  client: WalletClient,
  parameters: SubmitEvidenceParameters,
): Promise<SubmitEvidenceReturnType> {
  const { claimsManager, claimId, evidenceURI, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "submitEvidence",
      args: [claimId, evidenceURI],
    },
    hooks,
    "submit evidence",
  );
}
