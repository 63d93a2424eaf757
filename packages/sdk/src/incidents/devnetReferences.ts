/**
 * The devnet's reference Airnodes (local keys, `deployment.devnet.references`): what they sign is the truth the
 * IncidentRegistry judges a covered dAPI's deviations against. Used by `ipool report-incident --deviation` and the
 * devnet's watcher; on real chains the references' signed values come from their signed APIs.
 */
import { type Hex, keccak256, stringToHex } from "viem";
import { getBlock, readContract } from "viem/actions";
import { devnetReferenceAccount } from "../deploy/devnetAccounts.ts";
import type { Deployment } from "../deployment.ts";
import { InvalidInputError } from "../errors/base.ts";
import { getIncident, getLatestIncidentIds } from "../generated/actions.ts";
import { iApi3ServerV1ReaderAbi } from "../generated/contracts.ts";
import type { ReadClient } from "../utils/transaction.ts";
import { type SignedValue, signReferenceValue } from "./signedValue.ts";

/**
 * Seconds past the feed's last update (or the dAPI's last signed data, or the latest block, whichever is latest)
 * that the references sign for: the devnet's pusher may update the feed at the latest block's time before a
 * report is mined, and the registry takes data up to 60 s ahead of the block.
 */
export const DEVNET_SIGN_AHEAD = 10n;

/** Parameters of {@link signDevnetReferenceValues}. */
export interface SignDevnetReferenceValuesParameters {
  deployment: Deployment;
  /** The covered dAPI, e.g. `ETH/USD`. */
  dapi: string;
  /** The value they sign (18 decimals); default the feed's base value. */
  value?: bigint;
}

/**
 * Every devnet reference Airnode's signature of `value` for the dAPI, at a time the IncidentRegistry accepts now
 * (see {@link DEVNET_SIGN_AHEAD}). Throws `InvalidInputError` when the deployment has no reference Airnodes for it.
 *
 * @example
 * ```ts
 * const signedValues = await signDevnetReferenceValues(client, { deployment, dapi: "ETH/USD" });
 * await reportDeviation(wallet, { incidentRegistry, dapiName: dapiNameOf("ETH/USD"), signedValues });
 * ```
 */
export async function signDevnetReferenceValues(
  client: ReadClient,
  parameters: SignDevnetReferenceValuesParameters,
): Promise<SignedValue[]> {
  const { deployment, dapi } = parameters;
  const devnet = deployment.devnet;
  const feed = devnet?.feeds.find((candidate) => candidate.name === dapi);
  const server = deployment.contracts.api3ServerV1;
  const incidentRegistry = deployment.contracts.incidentRegistry;
  const templateId = feed?.referenceTemplateId;
  if (!devnet?.references?.length || !feed || !templateId || !server || !incidentRegistry) {
    throw new InvalidInputError(
      `no devnet reference Airnodes sign ${dapi} here: give the references' signed data (--signed-data <file>)`,
    );
  }
  const dapiName: Hex = stringToHex(dapi, { size: 32 });
  const [block, [, updatedAt], [, deviationId]] = await Promise.all([
    getBlock(client, { blockTag: "latest" }),
    readContract(client, {
      address: server,
      abi: iApi3ServerV1ReaderAbi,
      functionName: "readDataFeedWithDapiNameHash",
      args: [keccak256(dapiName)],
    }),
    getLatestIncidentIds(client, { incidentRegistry, dapiName }),
  ]);
  let after = block.timestamp > BigInt(updatedAt) ? block.timestamp : BigInt(updatedAt);
  if (deviationId !== 0n) {
    const last = await getIncident(client, { incidentRegistry, dapiName, incidentId: deviationId });
    if (BigInt(last.lastSignedAt) > after) after = BigInt(last.lastSignedAt);
  }
  const value = parameters.value ?? BigInt(feed.baseValue);
  return Promise.all(
    devnet.references.map(({ index }) =>
      signReferenceValue(devnetReferenceAccount(index), {
        templateId,
        timestamp: after + DEVNET_SIGN_AHEAD,
        value,
      }),
    ),
  );
}
