import type { Address } from "viem";
import { getBlockNumber, readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import { parametricPremium } from "../../maths/premium.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link quoteParametricCoverage}. */
export interface QuoteParametricCoverageParameters {
  claimsManager: Address;
  dapiId: bigint;
  coverageUsd: bigint;
  /** Seconds from now. */
  period: bigint;
}

/** What parametric coverage costs now, and its terms. */
export interface ParametricQuote {
  /** Tokens `buyParametricCoverage` would charge now: the quote times `riskFactor`, rounded up. */
  premium: bigint;
  /** The ordinary premium (`quoteCoverage`). */
  quote: bigint;
  /** The coverage still available on the dAPI, USD. */
  availableUsd: bigint;
  /** The premium multiplier, WAD. */
  riskFactor: bigint;
  /** The most all parametric claims on one incident may pay, USD. */
  incidentCapUsd: bigint;
}

/**
 * Quotes parametric coverage by the same path as ordinary coverage (`quoteCoverage`) with the governed risk factor
 * (`parametricTerms`), read at one block.
 */
export async function quoteParametricCoverage(
  client: ReadClient,
  { claimsManager, dapiId, coverageUsd, period }: QuoteParametricCoverageParameters,
): Promise<ParametricQuote> {
  const blockNumber = await getBlockNumber(client);
  const [[quote, availableUsd], [riskFactor, incidentCapUsd]] = await Promise.all([
    readContract(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "quoteCoverage",
      args: [dapiId, coverageUsd, period],
      blockNumber,
    }),
    readContract(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "parametricTerms",
      blockNumber,
    }),
  ]);
  return {
    premium: parametricPremium(quote, riskFactor),
    quote,
    availableUsd,
    riskFactor,
    incidentCapUsd,
  };
}
