import {
  claimNumber,
  claimStatusName,
  formatUsd,
  getClaimsOf,
  policyNumber,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { positionals, stringOption } from "./shared.ts";

export const claimsCommand: Command = {
  name: "claims",
  role: "views",
  summary: "one claim in detail (status, deadlines, dispute), or the claims of an account / all",
  usage: "[claimId]",
  options: {
    of: {
      type: "string",
      value: "<address|role>",
      description: "claims of this claimant (default: yours)",
    },
    all: { type: "boolean", description: "every claim" },
  },
  run: async (ctx, input) => {
    const [text] = positionals(input, 0, 1, "claims [claimId] [--of <address>] [--all]");
    if (text !== undefined) return claimSummary(ctx, (await existingClaim(ctx, text)).claimId);
    const of = stringOption(input, "of");
    const claimant = input.values.all
      ? undefined
      : ctx.address(of ?? (ctx.account ? "me" : undefined), "--of (or --all)");
    const claims = await getClaimsOf(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
      ...(claimant ? { claimant } : {}),
      fromBlock: BigInt(ctx.deployment.startBlock),
    });
    const lines = claims.length ? [] : ["no claims"];
    for (const { claimId, claim, claimant: who } of claims) {
      lines.push(
        `  claim ${claimNumber(claimId)}: ${claimStatusName(claim.status)}, ${formatUsd(claim.amountUsd)} on policy ${policyNumber(claim.policyId)} by ${who}`,
      );
    }
    return { lines, data: { claims } };
  },
};
