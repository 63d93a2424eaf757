import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link downgradePolicy}. */
export interface DowngradePolicyParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The policy. */
  policyId: bigint;
  /** New coverage (not higher, not below what was paid). */
  coverageUsd: bigint;
  /** New end (not later, not before now). */
  claimsAllowedUntil: bigint;
  /** The policy document. */
  policyURI: string;
}

/** The transaction and its receipt. */
export type DowngradePolicyReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "downgradePolicy">
>;

/**
 * The claimant lowers and/or shortens its policy (premiums are not refunded).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await downgradePolicy(client, { claimsManager, policyId, coverageUsd, claimsAllowedUntil, policyURI });
 * ```
 */
export async function downgradePolicy(
  client: WalletClient,
  parameters: DowngradePolicyParameters,
): Promise<DowngradePolicyReturnType> {
  const { claimsManager, policyId, coverageUsd, claimsAllowedUntil, policyURI, ...hooks } =
    parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "downgradePolicy",
      args: [policyId, coverageUsd, claimsAllowedUntil, policyURI],
    },
    hooks,
    "downgrade policy",
  );
}
