import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link quoteCoverage}. */
export interface QuoteCoverageParameters {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The dAPI's id. */
  dapiId: bigint;
  /** Coverage in USD with 18 decimals. */
  coverageUsd: bigint;
  /** Seconds of coverage from now. */
  period: bigint;
}

/** `[premium, availableUsd]`: the premium in tokens and the coverage still available on the dAPI. */
export type QuoteCoverageReturnType = ContractFunctionReturnType<
  typeof iClaimsManagerAbi,
  "view",
  "quoteCoverage"
>;

/**
 * The premium `buyCoverage` would charge now and the coverage available. See `quotePremium` for the same
 * maths offline.
 *
 * @example
 * ```ts
 * const [premium, availableUsd] = await quoteCoverage(client, { claimsManager, dapiId: 1n, coverageUsd, period });
 * ```
 */
export async function quoteCoverage(
  client: ReadClient,
  parameters: QuoteCoverageParameters,
): Promise<QuoteCoverageReturnType> {
  return readContract(client, {
    address: parameters.claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "quoteCoverage",
    args: [parameters.dapiId, parameters.coverageUsd, parameters.period],
  });
}
