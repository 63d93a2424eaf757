/**
 * Resolves a Kleros v2 dispute template the way Kleros' SDK (`@kleros/kleros-sdk`, `getDispute`) does: starting
 * from the context `{arbitrableAddress, arbitrableChainID, externalDisputeID}`, run each data mapping in order (its
 * strings rendered with Mustache against the context so far), add what it `seek`s to the context under the
 * `populate` names, then render the template with Mustache and parse it as JSON. Supports the mapping types our
 * template uses: `abi/call`, `abi/event` and `json`. Used by the tests (the template resolves against a real claim)
 * and by the dashboard's dispute view.
 */
import Mustache from "mustache";
import { type AbiEvent, type AbiFunction, type Address, parseAbiItem } from "viem";
import { createEventFilter, getFilterLogs, readContract, uninstallFilter } from "viem/actions";
import { InvalidInputError } from "../errors/base.ts";
import type { ReadClient } from "../utils/transaction.ts";
import { type DisputeDetails, validateDisputeDetails } from "./validate.ts";

/** One data mapping of a Kleros v2 dispute template. */
export type DataMapping =
  | {
      type: "abi/call";
      abi: string;
      address: string;
      args: unknown[];
      seek: string[];
      populate: string[];
    }
  | {
      type: "abi/event";
      abi: string;
      address: string;
      eventFilter: { fromBlock?: string; toBlock?: string; args?: Record<string, unknown> };
      seek: string[];
      populate: string[];
    }
  | { type: "json"; value: unknown; seek: string[]; populate: string[] };

/** What Kleros' court knows about a dispute before the mappings run. */
export interface DisputeContext {
  arbitrableAddress: Address;
  arbitrableChainID: string;
  /** The arbitrable's own id of the dispute (the ClaimsManager's claim id). */
  externalDisputeID: string;
  [key: string]: unknown;
}

function render(value: unknown, context: Record<string, unknown>): unknown {
  if (typeof value === "string") return Mustache.render(value, context);
  if (Array.isArray(value)) return value.map((item) => render(item, context));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v, context)]));
  }
  return value;
}

/** Kleros' `createResultObject`: dotted paths into `source`; a scalar source (or key "0") is taken whole. */
function seekValues(source: unknown, seek: string[], populate: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  seek.forEach((key, i) => {
    let found: unknown = source;
    if (key.includes(".")) {
      for (const part of key.split(".")) {
        found = (found as Record<string, unknown> | undefined)?.[part];
        if (found === undefined) break;
      }
    } else if (typeof source === "object" && source !== null && key !== "0") {
      found = (source as Record<string, unknown>)[key];
    }
    const name = populate[i];
    if (found !== undefined && name) result[name] = found;
  });
  return result;
}

async function runMapping(
  client: ReadClient,
  mapping: DataMapping,
): Promise<Record<string, unknown>> {
  switch (mapping.type) {
    case "abi/call": {
      const item = parseAbiItem(mapping.abi) as AbiFunction;
      const data = await readContract(client, {
        address: mapping.address as Address,
        abi: [item],
        functionName: item.name,
        args: mapping.args,
      });
      return seekValues(data, mapping.seek, mapping.populate);
    }
    case "abi/event": {
      const event = parseAbiItem(mapping.abi) as AbiEvent;
      const { fromBlock, toBlock, args } = mapping.eventFilter;
      // As Kleros' SDK does: an eth_newFilter with the rendered (string) arguments, then its logs. (viem's getLogs
      // would drop every log here: it compares the decoded bigint topics with the string arguments.)
      const filter = await createEventFilter(client, {
        address: mapping.address as Address,
        event,
        args: args as never,
        fromBlock: fromBlock ? BigInt(fromBlock) : undefined,
        toBlock: toBlock ? BigInt(toBlock) : undefined,
      });
      const logs = await getFilterLogs(client, { filter });
      await uninstallFilter(client, { filter });
      const first = logs[0] as { args?: unknown } | undefined;
      if (!first) throw new InvalidInputError(`data mapping "${mapping.abi}": no matching event`);
      return seekValues(first.args, mapping.seek, mapping.populate);
    }
    case "json":
      return seekValues(mapping.value, mapping.seek, mapping.populate);
    default:
      throw new InvalidInputError(
        `unsupported data mapping type "${(mapping as { type: string }).type}"`,
      );
  }
}

/** Parameters of {@link resolveDisputeTemplate}. */
export interface ResolveDisputeTemplateParameters {
  /** The template (Kleros dispute details JSON with Mustache placeholders). */
  template: string;
  /** The data mappings, a JSON array (as registered). */
  mappings: string;
  context: DisputeContext;
}

/** The populated dispute, and every value the mappings found. */
export interface ResolveDisputeTemplateReturnType {
  details: DisputeDetails;
  data: Record<string, unknown>;
}

/**
 * Runs a Kleros v2 template's data mappings against the chain and returns the populated, validated dispute details.
 * Throws `InvalidDisputeTextError` when the result is not what Kleros' SDK accepts.
 *
 * @example
 * ```ts
 * const { details } = await resolveDisputeTemplate(client, {
 *   template: disputeTemplateV2(), mappings: disputeTemplateV2Mappings(startBlock),
 *   context: { arbitrableAddress: claimsManager, arbitrableChainID: "31337", externalDisputeID: claimId.toString() },
 * });
 * ```
 */
export async function resolveDisputeTemplate(
  client: ReadClient,
  parameters: ResolveDisputeTemplateParameters,
): Promise<ResolveDisputeTemplateReturnType> {
  const mappings = JSON.parse(parameters.mappings) as DataMapping[];
  const data: Record<string, unknown> = { ...parameters.context };
  for (const mapping of mappings) {
    Object.assign(data, await runMapping(client, render(mapping, data) as DataMapping));
  }
  const details = validateDisputeDetails(JSON.parse(Mustache.render(parameters.template, data)));
  return { details, data };
}
