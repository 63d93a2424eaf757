import { claimNumber, submitEvidence } from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { claimantRole, mediatorRole, requireRole } from "./roles.ts";
import { positionals } from "./shared.ts";

export const evidenceCommand: Command = {
  name: "evidence",
  role: "dAPI user",
  writes: true,
  summary: "add evidence to an open claim (claimant or mediator)",
  usage: "<claimId> <uri>",
  run: async (ctx, input) => {
    const [text, evidenceURI] = positionals(input, 2, 2, "evidence <claimId> <uri>");
    const { claimId, claim } = await existingClaim(ctx, text);
    const client = await ctx.wallet();
    requireRole(
      client.account.address,
      [await claimantRole(ctx, claim.policyId), await mediatorRole(ctx)],
      `add evidence to claim ${claimNumber(claimId)}`,
    );
    await ctx.send(`evidence for claim ${claimNumber(claimId)}`, (hooks) =>
      submitEvidence(client, {
        ...hooks,
        claimsManager: claimsManagerOf(ctx),
        claimId,
        evidenceURI: evidenceURI ?? "",
      }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: { evidenceURI, ...summary.data } };
  },
};
