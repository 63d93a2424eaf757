import type { Address, ContractFunctionReturnType } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link buyCoverage}. */
export interface BuyCoverageParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The covered dAPI's id (see `getDapiIdOf`). */
  dapiId: bigint;
  /** Coverage in USD with 18 decimals. */
  coverageUsd: bigint;
  /** Seconds of coverage from now. */
  period: bigint;
  /** Slippage guard: the most premium (tokens) to pay. */
  maxPremium: bigint;
  /** The policy document (e.g. an IPFS URI). */
  policyURI: string;
}

/** `[policyId, premium]` (`result`), with the transaction. */
export type BuyCoverageReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "buyCoverage">
>;

/**
 * Buys coverage on a dAPI for the caller, paying the quoted premium in pool tokens (approve the
 * ClaimsManager first; `quoteCoverage` gives the premium).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * const { result: [policyId, premium] } = await buyCoverage(client, {
 *   claimsManager, dapiId: 1n, coverageUsd: parseAmount("10k", 18), period: 30n * 86_400n,
 *   maxPremium, policyURI: "ipfs://…",
 * });
 * ```
 */
export async function buyCoverage(
  client: WalletClient,
  parameters: BuyCoverageParameters,
): Promise<BuyCoverageReturnType> {
  const { claimsManager, dapiId, coverageUsd, period, maxPremium, policyURI, ...hooks } =
    parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "buyCoverage",
      args: [dapiId, coverageUsd, period, maxPremium, policyURI],
    },
    hooks,
    "buy coverage",
  );
}
