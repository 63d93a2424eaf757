import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link createPolicy}. */
export interface CreatePolicyParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** Who may claim. */
  claimant: Address;
  /** The covered dAPI's id. */
  dapiId: bigint;
  /** Coverage in USD with 18 decimals. */
  coverageUsd: bigint;
  /** Unix time from which claims are allowed. */
  claimsAllowedFrom: bigint;
  /** Unix time until which claims are allowed. */
  claimsAllowedUntil: bigint;
  /** The policy document. */
  policyURI: string;
}

/** The new policy id (`result`), with the transaction. */
export type CreatePolicyReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "createPolicy">
>;

/**
 * A policy agent grants coverage without a premium (capacity checks apply).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: policyId } = await createPolicy(agentClient, { claimsManager, claimant, dapiId: 1n, coverageUsd, claimsAllowedFrom, claimsAllowedUntil, policyURI });
 * ```
 */
export async function createPolicy(
  client: WalletClient,
  parameters: CreatePolicyParameters,
): Promise<CreatePolicyReturnType> {
  const {
    claimsManager,
    claimant,
    dapiId,
    coverageUsd,
    claimsAllowedFrom,
    claimsAllowedUntil,
    policyURI,
    ...hooks
  } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "createPolicy",
      args: [claimant, dapiId, coverageUsd, claimsAllowedFrom, claimsAllowedUntil, policyURI],
    },
    hooks,
    "create policy",
  );
}
