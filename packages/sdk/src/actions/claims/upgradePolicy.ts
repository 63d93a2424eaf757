import type { Address, ContractFunctionReturnType } from "viem";
import { simulateContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  execute,
  preflight,
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
  const context = { ...hooks, functionName: "upgrade policy", account: client.account.address };
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "upgradePolicy",
        args: [policyId, coverageUsd, claimsAllowedUntil, policyURI],
      }),
    context,
  );
  return execute(client, request, result, context);
}
