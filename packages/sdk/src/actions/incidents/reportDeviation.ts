import type { Address, Hex } from "viem";
import { iIncidentRegistryAbi } from "../../generated/contracts.ts";
import { type SignedValue, sortByAirnode } from "../../incidents/signedValue.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link reportDeviation}. */
export interface ReportDeviationParameters extends WriteHooks {
  /** The IncidentRegistry address (`deployment.contracts.incidentRegistry`). */
  incidentRegistry: Address;
  /** The dAPI's `bytes32` name (`dapiNameOf("ETH/USD")`). */
  dapiName: Hex;
  /** At least a quorum of the dAPI's reference values, signed after the feed's last update (any order). */
  signedValues: readonly SignedValue[];
}

/** The transaction, its receipt, and the incident started, confirmed or extended. */
export type ReportDeviationReturnType = WriteResult<bigint>;

/**
 * Proves that the dAPI deviates now from the median of `signedValues` (sorted by airnode here) and records it:
 * starts an unconfirmed deviation incident, confirms it (at least the confirmation gap later) or extends it.
 * Earns the reporter the bounty. Simulates first: a healthy feed, bad or stale signatures, unknown references
 * or too few of them throw a decoded `ContractRevertError` (e.g. `FeedNotDeviating`) and send nothing.
 *
 * @example
 * ```ts
 * const { result: incidentId } = await reportDeviation(client, { incidentRegistry, dapiName, signedValues });
 * ```
 */
export async function reportDeviation(
  client: WalletClient,
  parameters: ReportDeviationParameters,
): Promise<ReportDeviationReturnType> {
  const { incidentRegistry, dapiName, signedValues, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: incidentRegistry,
      abi: iIncidentRegistryAbi,
      functionName: "reportDeviation",
      args: [dapiName, sortByAirnode(signedValues)],
    },
    hooks,
    "report a deviation",
  );
}
