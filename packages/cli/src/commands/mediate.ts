import {
  acceptClaim,
  claimNumber,
  formatUsd,
  proposeSettlement,
  rejectClaim,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim, parseUsd } from "./claimsShared.ts";
import { mediatorRole, requireRole } from "./roles.ts";
import { positionals } from "./shared.ts";

export const acceptCommand: Command = {
  name: "accept",
  role: "mediator",
  writes: true,
  summary: "accept a pending claim: it is paid now from the pool",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "accept <claimId>");
    const { claimId } = await existingClaim(ctx, text);
    const client = await ctx.wallet();
    requireRole(client.account.address, [await mediatorRole(ctx)], "accept claims");
    await ctx.send(`accept claim ${claimNumber(claimId)}`, (hooks) =>
      acceptClaim(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
    );
    return claimSummary(ctx, claimId);
  },
};

export const settleCommand: Command = {
  name: "settle",
  role: "mediator",
  writes: true,
  summary: "propose to settle a pending claim for a lower USD amount",
  usage: "<claimId> <settlementUsd>",
  run: async (ctx, input) => {
    const [text, amountText] = positionals(input, 2, 2, "settle <claimId> <settlementUsd>");
    const { claimId } = await existingClaim(ctx, text);
    const settlementUsd = parseUsd(amountText, "settlement");
    const client = await ctx.wallet();
    requireRole(client.account.address, [await mediatorRole(ctx)], "propose settlements");
    await ctx.send(`propose settlement of ${formatUsd(settlementUsd)}`, (hooks) =>
      proposeSettlement(client, {
        ...hooks,
        claimsManager: claimsManagerOf(ctx),
        claimId,
        settlementUsd,
      }),
    );
    return claimSummary(ctx, claimId);
  },
};

export const rejectCommand: Command = {
  name: "reject",
  role: "mediator",
  writes: true,
  summary: "reject a pending claim (the claimant may still escalate)",
  usage: "<claimId>",
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "reject <claimId>");
    const { claimId } = await existingClaim(ctx, text);
    const client = await ctx.wallet();
    requireRole(client.account.address, [await mediatorRole(ctx)], "reject claims");
    await ctx.send(`reject claim ${claimNumber(claimId)}`, (hooks) =>
      rejectClaim(client, { ...hooks, claimsManager: claimsManagerOf(ctx), claimId }),
    );
    return claimSummary(ctx, claimId);
  },
};
