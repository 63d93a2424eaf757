import {
  claimBond,
  createClaim,
  ensureAllowance,
  formatTimestamp,
  formatUsd,
  getClaimantBond,
  getClaimantBondRate,
  getPolicy,
  getWaitingPeriod,
  InvalidInputError,
  iClaimsManagerAbi,
  incidentCover,
  parseTime,
  policyNumber,
  preflightWithAllowance,
} from "@insurance-pool/sdk";
import { getBlock } from "viem/actions";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, parseUsd, resolvePolicyId } from "./claimsShared.ts";
import { requireRole } from "./roles.ts";
import { positionals, stringOption } from "./shared.ts";

export const claimCommand: Command = {
  name: "claim",
  role: "dAPI user",
  writes: true,
  summary: "file a claim on your policy with evidence (deposits the claimant bond)",
  usage: "<policyId> <amountUsd>",
  options: {
    evidence: {
      type: "string",
      value: "<uri>",
      description: "the evidence, e.g. ipfs://… (required)",
    },
    incident: {
      type: "string",
      value: "<time>",
      description:
        'when the incident started: "now" (default), "6h ago", unix seconds or an ISO date; it must be at least the waiting period after the policy started',
    },
  },
  description:
    "The claim reserves its amount against the policy until it is final (open claims never ask for more than the remaining coverage). The bond is the floor plus a rate per USD claimed; it comes back when the claim is paid or the dispute is closed as stalled, and goes to stakers when the claim is refused or times out.\nExample: ipool claim 1 5k --evidence ipfs://bafy… --incident '2h ago' --account policyholder",
  run: async (ctx, input) => {
    const [policyText, amountText] = positionals(
      input,
      2,
      2,
      "claim <policyId> <amountUsd> --evidence <uri>",
    );
    const policyId = await resolvePolicyId(ctx, policyText);
    const amountUsd = parseUsd(amountText, "claim amount");
    const evidenceURI = stringOption(input, "evidence");
    if (!evidenceURI) throw new InvalidInputError("missing --evidence <uri>");
    const claimsManager = claimsManagerOf(ctx);
    const client = await ctx.wallet();
    const policy = await getPolicy(ctx.client, { claimsManager, policyId });
    if (policy.claimant === "0x0000000000000000000000000000000000000000") {
      throw new InvalidInputError(`no policy has id ${policyText?.trim()}`);
    }
    requireRole(
      client.account.address,
      [{ role: "the claimant", address: policy.claimant }],
      `claim on policy ${policyNumber(policyId)}`,
    );
    const now = (await getBlock(ctx.client)).timestamp;
    const incidentAt = parseTime(stringOption(input, "incident") ?? "now", now);
    const waitingPeriod = await getWaitingPeriod(ctx.client, { claimsManager });
    const cover = incidentCover(incidentAt, policy, waitingPeriod, now);
    if (!cover.covered) {
      throw new InvalidInputError(
        incidentAt > now
          ? `the incident cannot start in the future (${formatTimestamp(incidentAt)})`
          : `policy ${policyText?.trim()} covers incidents from ${formatTimestamp(cover.coverFrom)} (its start plus the ${Number(waitingPeriod) / 3600} h waiting period); the incident started ${formatTimestamp(incidentAt)}`,
      );
    }
    const [floor, rate] = await Promise.all([
      getClaimantBond(ctx.client, { claimsManager }),
      getClaimantBondRate(ctx.client, { claimsManager }),
    ]);
    const bond = claimBond(amountUsd, {
      floor,
      rate,
      tokenUnit: 10n ** BigInt(ctx.token.decimals),
    });
    await preflightWithAllowance(client, {
      token: ctx.token.address,
      spender: claimsManager,
      amount: bond,
      call: {
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "createClaim",
        args: [policyId, amountUsd, incidentAt, evidenceURI],
      },
      tokenInfo: ctx.token,
      account: client.account.address,
      functionName: "claim",
    });
    if (bond > 0n) {
      await ctx.send("approve bond", (hooks) =>
        ensureAllowance(client, {
          ...hooks,
          token: ctx.token.address,
          spender: claimsManager,
          amount: bond,
        }),
      );
    }
    const { result: claimId } = await ctx.send(`claim ${formatUsd(amountUsd)}`, (hooks) =>
      createClaim(client, {
        ...hooks,
        claimsManager,
        policyId,
        amountUsd,
        incidentAt,
        evidenceURI,
      }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: summary.data };
  },
};
