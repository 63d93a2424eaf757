import {
  claimDeadlines,
  claimNumber,
  claimStatusName,
  formatUsd,
  getClaimPayments,
  getClaimsOf,
  policyNumber,
} from "@insurance-pool/sdk";
import { getBlock } from "viem/actions";
import type { Command } from "../command.ts";
import {
  claimantResponsePeriod,
  claimSummary,
  claimsManagerOf,
  existingClaim,
  timeOutState,
} from "./claimsShared.ts";
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
    const claimsManager = claimsManagerOf(ctx);
    const fromBlock = BigInt(ctx.deployment.startBlock);
    const [claims, payments] = await Promise.all([
      getClaimsOf(ctx.client, { claimsManager, ...(claimant ? { claimant } : {}), fromBlock }),
      getClaimPayments(ctx.client, { claimsManager, fromBlock }),
    ]);
    const lines = claims.length ? [] : ["no claims"];
    const now = (await getBlock(ctx.client, { blockTag: "latest" })).timestamp;
    const period = await claimantResponsePeriod(ctx);
    const rows = claims.map((entry) => {
      const deadlines = claimDeadlines(entry.claim, { claimantResponsePeriod: period });
      return {
        ...entry,
        claimNumber: claimNumber(entry.claimId),
        policyNumber: policyNumber(entry.claim.policyId),
        statusName: claimStatusName(entry.claim.status),
        paidTokens: payments.get(entry.claimId)?.paidTokens ?? 0n,
        ...timeOutState(deadlines.timeOutFrom, now),
      };
    });
    for (const row of rows) {
      lines.push(
        `  claim ${row.claimNumber}: ${row.statusName}, ${formatUsd(row.claim.amountUsd)} on policy ${row.policyNumber} by ${row.claimant}${row.paidTokens > 0n ? `, paid ${ctx.show(row.paidTokens)}` : ""}${row.canTimeOut ? ` (past every deadline: ipool time-out ${row.claimNumber})` : ""}`,
      );
    }
    return { lines, data: { claims: rows } };
  },
};
