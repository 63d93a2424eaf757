import type { Address, Hex } from "viem";
import { readContract } from "viem/actions";
import { iIncidentRegistryAbi } from "../../generated/contracts.ts";
import type { IncidentRecord } from "../../incidents/state.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getIncidents}. */
export interface GetIncidentsParameters {
  /** The IncidentRegistry address (`deployment.contracts.incidentRegistry`). */
  incidentRegistry: Address;
  /** The dAPI's `bytes32` name (`dapiNameOf("ETH/USD")`). */
  dapiName: Hex;
}

/** A recorded incident with its id. */
export interface IncidentWithId {
  incidentId: bigint;
  incident: IncidentRecord;
}

/** The dAPI's incidents, oldest first, and whether one is open now (no coverage is sold then). */
export interface GetIncidentsReturnType {
  incidents: IncidentWithId[];
  open: boolean;
  /** The dAPI's current definition version (0: the registry does not judge it). */
  definitionVersion: bigint;
}

/**
 * Reads every incident recorded for a dAPI (ids 1..`incidentCount`), whether one is open, and the definition
 * version that judges it now.
 *
 * @example
 * ```ts
 * const { incidents, open } = await getIncidents(client, { incidentRegistry, dapiName: dapiNameOf("ETH/USD") });
 * ```
 */
export async function getIncidents(
  client: ReadClient,
  parameters: GetIncidentsParameters,
): Promise<GetIncidentsReturnType> {
  const { incidentRegistry, dapiName } = parameters;
  const contract = { address: incidentRegistry, abi: iIncidentRegistryAbi } as const;
  const [count, open, definitionVersion] = await Promise.all([
    readContract(client, { ...contract, functionName: "incidentCount", args: [dapiName] }),
    readContract(client, { ...contract, functionName: "hasOpenIncident", args: [dapiName] }),
    readContract(client, { ...contract, functionName: "definitionVersion", args: [dapiName] }),
  ]);
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
  const incidents = await Promise.all(
    ids.map(async (incidentId) => ({
      incidentId,
      incident: await readContract(client, {
        ...contract,
        functionName: "incident",
        args: [dapiName, incidentId],
      }),
    })),
  );
  return { incidents, open, definitionVersion };
}
