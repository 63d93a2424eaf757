import {
  claimDeadlines,
  claimNumber,
  claimStatusName,
  closeStalledDispute,
  formatTimestamp,
  getArbitrator,
  getIncidentRegistry,
  getMediator,
  getOwedClaims,
  InvalidInputError,
  noteDisputeActivity,
  payTranche,
} from "@insurance-pool/sdk";
import type { Address } from "viem";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import {
  claimantResponsePeriod,
  claimSummary,
  claimsManagerOf,
  existingClaim,
} from "./claimsShared.ts";
import { positionals } from "./shared.ts";

/** The payers that may owe tranches: the mediator and the arbitrator (current ones), or the one named. */
async function payersOf(ctx: Context, who: string | undefined): Promise<Address[]> {
  if (who !== undefined) return [ctx.address(who, "payer")];
  const claimsManager = claimsManagerOf(ctx);
  // The incident registry pays parametric claims (its own quota).
  const [mediator, arbitrator, registry] = await Promise.all([
    getMediator(ctx.client, { claimsManager }),
    getArbitrator(ctx.client, { claimsManager }),
    getIncidentRegistry(ctx.client, { claimsManager }),
  ]);
  return [mediator, arbitrator as Address, registry].filter(
    (a) => a !== "0x0000000000000000000000000000000000000000",
  );
}

export const owedCommand: Command = {
  name: "owed",
  role: "views",
  summary:
    "final payouts still owed, per payer, oldest first (paid in tranches within weekly quotas)",
  usage: "[payer]",
  description:
    "A claim's payout is fixed in tokens when it becomes final. What the payer's quota (a share of the stake per rolling week) or the pool's payout cap does not allow at once is owed and paid in tranches, first in first out per payer; anyone may call for the next one with `ipool pay-tranche`.",
  run: async (ctx, input) => {
    const [who] = positionals(input, 0, 1, "owed [payer]");
    const claimsManager = claimsManagerOf(ctx);
    const lines: string[] = [];
    const data: Record<string, unknown>[] = [];
    for (const payer of await payersOf(ctx, who)) {
      const [claimIds, owed] = await getOwedClaims(ctx.client, { claimsManager, payer });
      data.push({
        payer,
        claims: claimIds.map((id, i) => ({ claimId: id, claim: claimNumber(id), owed: owed[i] })),
      });
      if (claimIds.length === 0) continue;
      lines.push(
        `${payer} owes:`,
        ...table(
          claimIds.map(
            (id, i) => [`claim ${claimNumber(id)}`, ctx.show(owed[i] ?? 0n)] as [string, string],
          ),
        ),
      );
    }
    return { lines: lines.length ? lines : ["nothing is owed"], data: { owed: data } };
  },
};

export const payTrancheCommand: Command = {
  name: "pay-tranche",
  role: "anyone",
  writes: true,
  summary: "pay the next tranche a payer owes (its oldest owed claim, as far as its quota allows)",
  usage: "[payer]",
  description:
    "Without a payer, pays for the first payer (mediator, then arbitrator, then the incident registry for parametric claims) that owes something. Refused with the time room returns when the payer's quota and the pool's cap are used up.",
  run: async (ctx, input) => {
    const [who] = positionals(input, 0, 1, "pay-tranche [payer]");
    const claimsManager = claimsManagerOf(ctx);
    let payer: Address | undefined;
    for (const candidate of await payersOf(ctx, who)) {
      const [claimIds] = await getOwedClaims(ctx.client, { claimsManager, payer: candidate });
      if (claimIds.length > 0) {
        payer = candidate;
        break;
      }
    }
    if (!payer) throw new InvalidInputError(who ? `${who} owes nothing` : "nothing is owed");
    const client = await ctx.wallet();
    const { result } = await ctx.send("pay tranche", (hooks) =>
      payTranche(client, { ...hooks, claimsManager, payer }),
    );
    const [claimId, paid] = result as readonly [bigint, bigint];
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: [`paid ${ctx.show(paid)} of claim ${claimNumber(claimId)}`, ...summary.lines],
      data: { payer, paid, ...summary.data },
    };
  },
};

export const closeDisputeCommand: Command = {
  name: "close-dispute",
  role: "anyone",
  writes: true,
  summary:
    "close a dispute whose arbitrator stayed silent past its deadline (bond back to the claimant)",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "close-dispute <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    const { closeStalledFrom } = claimDeadlines(claim, {
      claimantResponsePeriod: await claimantResponsePeriod(ctx),
    });
    if (closeStalledFrom === undefined) {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}: only a dispute can be closed as stalled`,
      );
    }
    const client = await ctx.wallet();
    await ctx.send(`close the dispute of claim ${claimNumber(claimId)}`, (hooks) =>
      closeStalledDispute(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
    );
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: summary.lines,
      data: { closeStalledFrom: formatTimestamp(closeStalledFrom), ...summary.data },
    };
  },
};

export const noteActivityCommand: Command = {
  name: "note-activity",
  role: "anyone",
  writes: true,
  summary:
    "record that a dispute's arbitrator ruled (appealable or solved): moves the stall deadline",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "note-activity <claimId>");
    const { claimId } = await existingClaim(ctx, text);
    const client = await ctx.wallet();
    await ctx.send(`note the activity of claim ${claimNumber(claimId)}'s arbitrator`, (hooks) =>
      noteDisputeActivity(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: summary.data };
  },
};
