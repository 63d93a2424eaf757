import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link upgradePolicy}. */
export interface UpgradePolicyParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The policy. */
  policyId: bigint;
  /** New coverage (not lower). */
  coverageUsd: bigint;
  /** New end (not earlier). */
  claimsAllowedUntil: bigint;
  /** The policy document. */
  policyURI: string;
}

/** The transaction and its receipt. */
export type UpgradePolicyReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "upgradePolicy">
>;

/**
 * A policy agent raises the coverage and/or extends an unexpired policy.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await upgradePolicy(agentClient, { claimsManager, policyId, coverageUsd, claimsAllowedUntil, policyURI });
 * ```
 */
export async function upgradePolicy(
  client: WalletClient,
  parameters: UpgradePolicyParameters,
): Promise<UpgradePolicyReturnType> {
  const { claimsManager, policyId, coverageUsd, claimsAllowedUntil, policyURI, ...hooks } =
    parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "upgradePolicy",
      args: [policyId, coverageUsd, claimsAllowedUntil, policyURI],
    },
    hooks,
    "upgrade policy",
  );
}
