import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link createClaim}. */
export interface CreateClaimParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The policy claimed on. */
  policyId: bigint;
  /** USD with 18 decimals, at most the remaining coverage. */
  amountUsd: bigint;
  /** The evidence (e.g. an IPFS URI). */
  evidenceURI: string;
}

/** The new claim id (`result`), with the transaction. */
export type CreateClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "createClaim">
>;

/**
 * The claimant files a claim within the policy's claims period; the claimant bond (pool tokens) is
 * pulled, so approve the ClaimsManager for `claimantBond` first.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: claimId } = await createClaim(client, { claimsManager, policyId, amountUsd: parseAmount("5k", 18), evidenceURI: "ipfs://…" });
 * ```
 */
export async function createClaim(
  client: WalletClient,
  parameters: CreateClaimParameters,
): Promise<CreateClaimReturnType> {
  const { claimsManager, policyId, amountUsd, evidenceURI, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "createClaim",
      args: [policyId, amountUsd, evidenceURI],
    },
    hooks,
    "claim",
  );
}
