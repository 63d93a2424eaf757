import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  claimBounties,
  formatTimestamp,
  getEarnedBounties,
  getIncident,
  getIncidentDefinitionVersion,
  getIncidents,
  type IncidentRecord,
  InvalidInputError,
  incidentKindName,
  incidentState,
  parseAmount,
  reportDeviation,
  reportStale,
  type SignedValue,
  signDevnetReferenceValues,
} from "@insurance-pool/sdk";
import { type Address, getAddress, type Hex, isAddress, isHex, stringToHex } from "viem";
import { getBlock } from "viem/actions";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { UsageError } from "../usage.ts";
import { positionals, stringOption } from "./shared.ts";

/** The deployment's IncidentRegistry, or a clear error. */
function registryOf(ctx: Context): Address {
  const address = ctx.deployment.contracts.incidentRegistry;
  if (!address) throw new InvalidInputError("this deployment has no IncidentRegistry");
  return address;
}

/** The `bytes32` name of a dAPI given as text (`ETH/USD`). */
function dapiNameOf(text: string): Hex {
  if (text.length === 0 || text.length > 32) {
    throw new UsageError(`dAPI "${text}" is not a dAPI name (1 to 32 characters, e.g. ETH/USD)`);
  }
  return stringToHex(text, { size: 32 });
}

/** The deployment's covered dAPI names. */
const coveredNames = (ctx: Context) => ctx.deployment.dapis.map((dapi) => dapi.name);

/** Refuses a dAPI the registry has no definition for, listing those it judges. */
async function judgedDapi(ctx: Context, text: string): Promise<Hex> {
  const dapiName = dapiNameOf(text);
  const version = await getIncidentDefinitionVersion(ctx.client, {
    incidentRegistry: registryOf(ctx),
    dapiName,
  });
  if (version === 0n) {
    throw new InvalidInputError(`the IncidentRegistry does not judge ${text}`, {
      metaMessages: [`dAPIs of this deployment: ${coveredNames(ctx).join(", ") || "none"}`],
    });
  }
  return dapiName;
}

/** One line about an incident for people. */
function describe(id: bigint, incident: IncidentRecord, now: bigint): string {
  const state = incidentState(incident, now);
  const parts = [
    `incident ${id}: ${incidentKindName(incident.kind)}, ${state}`,
    `started ${formatTimestamp(incident.startedAt)}`,
    `last proven ${formatTimestamp(incident.lastProvenAt)}`,
  ];
  if (incident.payableAt !== 0) {
    parts.push(
      `${state === "payable" ? "payable since" : "payable from"} ${formatTimestamp(incident.payableAt)}`,
    );
  }
  if (incident.kind === 1) parts.push(`deviation ${(incident.deviationBps / 100).toFixed(2)}%`);
  return parts.join(", ");
}

/** `--signed-data <file>`: a JSON array of API3 signed values (`value` and `timestamp` as decimal strings). */
function readSignedData(ctx: Context, path: string): SignedValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(resolve(ctx.io.cwd, path), "utf8"));
  } catch (error) {
    throw new InvalidInputError(
      `--signed-data ${path}: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new InvalidInputError(`--signed-data ${path}: expected a non-empty JSON array`);
  }
  return parsed.map((entry, i) => {
    const item = entry as Record<string, unknown>;
    const where = `--signed-data ${path} [${i}]`;
    if (typeof item.airnode !== "string" || !isAddress(item.airnode, { strict: false }))
      throw new InvalidInputError(`${where}: airnode is not an address`);
    if (
      typeof item.templateId !== "string" ||
      !isHex(item.templateId) ||
      item.templateId.length !== 66
    )
      throw new InvalidInputError(`${where}: templateId is not 32 bytes of hex`);
    if (typeof item.signature !== "string" || !isHex(item.signature))
      throw new InvalidInputError(`${where}: signature is not hex`);
    const integer = (value: unknown, field: string) => {
      if (!/^-?\d+$/.test(String(value)))
        throw new InvalidInputError(`${where}: ${field} is not a whole number`);
      return BigInt(String(value));
    };
    return {
      airnode: getAddress(item.airnode),
      templateId: item.templateId as Hex,
      timestamp: integer(item.timestamp, "timestamp"),
      value: integer(item.value, "value"),
      signature: item.signature as Hex,
    };
  });
}

export const reportIncidentCommand: Command = {
  name: "report-incident",
  role: "anyone",
  writes: true,
  summary: "prove on-chain that a dAPI is stale or deviates from its references; earns the bounty",
  usage: "<dapi>",
  description: [
    "--stale: the dAPI's feed is older than its heartbeat + grace (the registry reads it itself).",
    "--deviation: the feed differs from the median of its reference Airnodes' signed data by more than the",
    "threshold. The references' signed values come from --signed-data <file> (a JSON array of",
    "{airnode, templateId, timestamp, value, signature}); on the devnet, the local reference Airnodes sign",
    "--reference-value (default: the feed's base value). A deviation counts once a second report, at least the",
    "confirmation gap later, shows it too; it pays after the challenge window.",
    "",
    "Examples:",
    "  ipool report-incident ETH/USD --stale",
    "  ipool report-incident ETH/USD --deviation --reference-value 3000",
  ].join("\n"),
  options: {
    stale: { type: "boolean", description: "the feed is stale" },
    deviation: { type: "boolean", description: "the feed deviates from its references" },
    "signed-data": {
      type: "string",
      value: "<file>",
      description: "--deviation: the references' signed values (JSON)",
    },
    "reference-value": {
      type: "string",
      value: "<price>",
      description: "--deviation on the devnet: the value its reference Airnodes sign",
    },
  },
  run: async (ctx, input) => {
    const [text = ""] = positionals(input, 1, 1, "report-incident <dapi> (--stale | --deviation)");
    const stale = Boolean(input.values.stale);
    const deviation = Boolean(input.values.deviation);
    if (stale === deviation) throw new UsageError("give exactly one of --stale and --deviation");
    const signedDataPath = stringOption(input, "signed-data");
    const referenceValue = stringOption(input, "reference-value");
    if (stale && (signedDataPath !== undefined || referenceValue !== undefined)) {
      throw new UsageError("--signed-data and --reference-value go with --deviation");
    }
    if (signedDataPath !== undefined && referenceValue !== undefined) {
      throw new UsageError("give --signed-data or --reference-value, not both");
    }
    const incidentRegistry = registryOf(ctx);
    const dapiName = await judgedDapi(ctx, text);
    const signedValues = deviation
      ? signedDataPath !== undefined
        ? readSignedData(ctx, signedDataPath)
        : await signDevnetReferenceValues(ctx.client, {
            deployment: ctx.deployment,
            dapi: text,
            ...(referenceValue === undefined ? {} : { value: parseAmount(referenceValue, 18) }),
          })
      : [];
    const client = await ctx.wallet();
    const reporter = client.account.address;
    const earnedBefore = await getEarnedBounties(ctx.client, { incidentRegistry, reporter });
    const { result: incidentId } = await ctx.send(
      `report ${text} ${stale ? "stale" : "deviating"}`,
      (hooks) =>
        stale
          ? reportStale(client, { ...hooks, incidentRegistry, dapiName })
          : reportDeviation(client, { ...hooks, incidentRegistry, dapiName, signedValues }),
    );
    if (ctx.plan) {
      return { lines: [`would record incident ${incidentId} of ${text}`], data: { incidentId } };
    }
    const [incident, earnedAfter, block] = await Promise.all([
      getIncident(ctx.client, { incidentRegistry, dapiName, incidentId }),
      getEarnedBounties(ctx.client, { incidentRegistry, reporter }),
      getBlock(ctx.client, { blockTag: "latest" }),
    ]);
    const earned = earnedAfter - earnedBefore;
    return {
      lines: [
        `${text} ${describe(incidentId, incident, block.timestamp)}`,
        `bounty earned: ${ctx.show(earned)} (${ctx.show(earnedAfter)} to claim with ipool claim-bounties)`,
      ],
      data: {
        dapi: text,
        incidentId,
        state: incidentState(incident, block.timestamp),
        incident,
        bountyEarned: earned,
        bountiesToClaim: earnedAfter,
      },
    };
  },
};

export const incidentsCommand: Command = {
  name: "incidents",
  role: "views",
  summary:
    "each covered dAPI's incidents proven on-chain (stale, deviation) and whether one is open",
  usage: "[dapi]",
  run: async (ctx, input) => {
    const [only] = positionals(input, 0, 1, "incidents [dapi]");
    const incidentRegistry = registryOf(ctx);
    const names = only === undefined ? coveredNames(ctx) : [only];
    const block = await getBlock(ctx.client, { blockTag: "latest" });
    const lines: string[] = [];
    const dapis: Record<string, unknown>[] = [];
    for (const name of names) {
      const dapiName = only === undefined ? dapiNameOf(name) : await judgedDapi(ctx, name);
      const { incidents, open, definitionVersion } = await getIncidents(ctx.client, {
        incidentRegistry,
        dapiName,
      });
      if (definitionVersion === 0n) {
        lines.push(`${name}: not judged by the registry`);
      } else {
        lines.push(
          `${name}: ${incidents.length} incident${incidents.length === 1 ? "" : "s"}${open ? ", one OPEN (no coverage is sold)" : ""} (definition v${definitionVersion})`,
          ...incidents.map(
            ({ incidentId, incident }) => `  ${describe(incidentId, incident, block.timestamp)}`,
          ),
        );
      }
      dapis.push({
        name,
        open,
        definitionVersion,
        incidents: incidents.map(({ incidentId, incident }) => ({
          incidentId,
          state: incidentState(incident, block.timestamp),
          ...incident,
        })),
      });
    }
    if (names.length === 0) lines.push("this deployment covers no dAPI");
    return { lines, data: { dapis } };
  },
};

export const claimBountiesCommand: Command = {
  name: "claim-bounties",
  role: "anyone",
  writes: true,
  summary: "withdraw the incident bounties your reports earned",
  usage: "[to]",
  run: async (ctx, input) => {
    const [toText] = positionals(input, 0, 1, "claim-bounties [to]");
    const incidentRegistry = registryOf(ctx);
    const client = await ctx.wallet();
    const to = toText === undefined ? client.account.address : ctx.address(toText, "to");
    const earned = await getEarnedBounties(ctx.client, {
      incidentRegistry,
      reporter: client.account.address,
    });
    if (earned === 0n) throw new InvalidInputError("you have no incident bounties to claim");
    await ctx.send(`claim ${ctx.show(earned)} of bounties`, (hooks) =>
      claimBounties(client, { ...hooks, incidentRegistry, to }),
    );
    return {
      lines: [`sent ${ctx.show(earned)} of incident bounties to ${to}`],
      data: { amount: earned, to },
    };
  },
};
