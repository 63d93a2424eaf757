/**
 * Policies granted or changed outside a purchase: a policy agent's `create-policy` and `upgrade-policy`, and the
 * claimant's `downgrade-policy`. Coverage is in USD; periods are durations from now (create) or added to /
 * taken off the policy's end (upgrade / downgrade).
 */
import {
  createPolicy,
  downgradePolicy,
  formatTimestamp,
  formatUsd,
  getPolicy,
  InvalidInputError,
  parseDuration,
  policyNumber,
  upgradePolicy,
} from "@insurance-pool/sdk";
import { getBlock } from "viem/actions";
import type { Command, CommandInput } from "../command.ts";
import type { Context } from "../context.ts";
import { asUsageError, UsageError } from "../usage.ts";
import { claimsManagerOf, parseUsd, resolveDapi, resolvePolicyId } from "./claimsShared.ts";
import { requirePolicyAgent, requireRole } from "./roles.ts";
import { stringOption } from "./shared.ts";

function duration(text: string, option: string): bigint {
  try {
    return parseDuration(text);
  } catch (error) {
    throw asUsageError(error, option);
  }
}

/** A policy that exists, by number or id. */
async function existingPolicy(ctx: Context, text: string | undefined) {
  const policyId = await resolvePolicyId(ctx, text);
  const policy = await getPolicy(ctx.client, { claimsManager: claimsManagerOf(ctx), policyId });
  if (/^0x0{40}$/.test(policy.claimant))
    throw new InvalidInputError(`no policy has id ${text?.trim()}`);
  return { policyId, policy };
}

/** The policy's terms after a change, as lines and data. */
async function policyLines(ctx: Context, policyId: bigint, verb: string) {
  const policy = await getPolicy(ctx.client, { claimsManager: claimsManagerOf(ctx), policyId });
  return {
    lines: [
      `policy ${policyNumber(policyId)} ${verb}: ${formatUsd(policy.coverageUsd)} for ${policy.claimant}, claims from ${formatTimestamp(policy.claimsAllowedFrom)} until ${formatTimestamp(policy.claimsAllowedUntil)}`,
    ],
    data: { policyId, policyNumber: policyNumber(policyId), policy },
  };
}

/** New coverage and end of a policy from `--coverage` and a duration option (`sign` +1 extends, -1 shortens). */
function newTerms(
  input: CommandInput,
  current: { coverageUsd: bigint; claimsAllowedUntil: number | bigint },
  durationOption: string,
  sign: 1n | -1n,
) {
  const coverageText = stringOption(input, "coverage");
  const durationText = stringOption(input, durationOption);
  if (coverageText === undefined && durationText === undefined) {
    throw new UsageError(`give --coverage <usd> and/or --${durationOption} <duration>`);
  }
  const coverageUsd =
    coverageText === undefined ? current.coverageUsd : parseUsd(coverageText, "--coverage");
  const until = BigInt(current.claimsAllowedUntil);
  const claimsAllowedUntil =
    durationText === undefined
      ? until
      : until + sign * duration(durationText, `--${durationOption}`);
  return { coverageUsd, claimsAllowedUntil };
}

const uriOption = {
  uri: { type: "string", value: "<uri>", description: "the policy document (default: none)" },
} as const;

export const createPolicyCommand: Command = {
  name: "create-policy",
  role: "policy agent",
  writes: true,
  summary: "grant a policy without a premium (policy agents; capacity checks apply)",
  usage: "<claimant> <coverageUsd>",
  options: {
    dapi: {
      type: "string",
      value: "<name|id>",
      description: "the covered dAPI (optional when only one is covered)",
    },
    period: {
      type: "string",
      value: "<duration>",
      description: "claims allowed from now for this long (default 30d)",
    },
    ...uriOption,
  },
  description:
    "Example: ipool create-policy policyholder 5k --dapi ETH/USD --period 90d --account policyAgent",
  run: async (ctx, input) => {
    const [claimantText, coverageText] = input.positionals;
    const claimant = ctx.address(claimantText, "claimant");
    const coverageUsd = parseUsd(coverageText, "coverage");
    const period = duration(stringOption(input, "period") ?? "30d", "--period");
    if (period === 0n) throw new UsageError("--period must be above zero");
    const dapiId = await resolveDapi(ctx, stringOption(input, "dapi"));
    const client = await ctx.wallet();
    await requirePolicyAgent(ctx, client.account.address, "create policies");
    const now = (await getBlock(ctx.client, { blockTag: "latest" })).timestamp;
    const { result: policyId } = await ctx.send(
      `create policy of ${formatUsd(coverageUsd)}`,
      (hooks) =>
        createPolicy(client, {
          ...hooks,
          claimsManager: claimsManagerOf(ctx),
          claimant,
          dapiId,
          coverageUsd,
          claimsAllowedFrom: now,
          claimsAllowedUntil: now + period,
          policyURI: stringOption(input, "uri") ?? "",
        }),
    );
    if (ctx.plan) return { lines: [], data: {} };
    return policyLines(ctx, policyId, "created");
  },
};

export const upgradePolicyCommand: Command = {
  name: "upgrade-policy",
  role: "policy agent",
  writes: true,
  summary: "raise a policy's coverage and/or extend it (policy agents; never lowers either)",
  usage: "<policyId>",
  options: {
    coverage: {
      type: "string",
      value: "<usd>",
      description: "the new coverage in USD (default: unchanged)",
    },
    extend: {
      type: "string",
      value: "<duration>",
      description: "add this to the claims period's end",
    },
    ...uriOption,
  },
  description: "Example: ipool upgrade-policy 1 --coverage 8k --extend 30d --account policyAgent",
  run: async (ctx, input) => {
    const { policyId, policy } = await existingPolicy(ctx, input.positionals[0]);
    const terms = newTerms(input, policy, "extend", 1n);
    const client = await ctx.wallet();
    await requirePolicyAgent(ctx, client.account.address, "upgrade policies");
    await ctx.send(`upgrade policy ${policyNumber(policyId)}`, (hooks) =>
      upgradePolicy(client, {
        ...hooks,
        claimsManager: claimsManagerOf(ctx),
        policyId,
        ...terms,
        policyURI: stringOption(input, "uri") ?? "",
      }),
    );
    return policyLines(ctx, policyId, "upgraded");
  },
};

export const downgradePolicyCommand: Command = {
  name: "downgrade-policy",
  role: "dAPI user",
  writes: true,
  summary:
    "lower your policy's coverage and/or shorten it (no refund; not below what was paid, not before now)",
  usage: "<policyId>",
  options: {
    coverage: {
      type: "string",
      value: "<usd>",
      description: "the new coverage in USD (default: unchanged)",
    },
    shorten: {
      type: "string",
      value: "<duration>",
      description: "take this off the claims period's end",
    },
    ...uriOption,
  },
  description: "Example: ipool downgrade-policy 1 --coverage 2k --account policyholder",
  run: async (ctx, input) => {
    const { policyId, policy } = await existingPolicy(ctx, input.positionals[0]);
    const terms = newTerms(input, policy, "shorten", -1n);
    const client = await ctx.wallet();
    requireRole(
      client.account.address,
      [{ role: "the claimant", address: policy.claimant }],
      `downgrade policy ${policyNumber(policyId)}`,
    );
    await ctx.send(`downgrade policy ${policyNumber(policyId)}`, (hooks) =>
      downgradePolicy(client, {
        ...hooks,
        claimsManager: claimsManagerOf(ctx),
        policyId,
        ...terms,
        policyURI: stringOption(input, "uri") ?? "",
      }),
    );
    return policyLines(ctx, policyId, "downgraded");
  },
};
