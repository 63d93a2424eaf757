import {
  createClaim,
  ensureAllowance,
  formatUsd,
  getClaimantBond,
  getPolicy,
  InvalidInputError,
  iClaimsManagerAbi,
  preflightWithAllowance,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, parseUsd, resolvePolicyId } from "./claimsShared.ts";
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
  },
  description: "Example: ipool claim 1 5k --evidence ipfs://bafy… --account policyholder",
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
    const bond = await getClaimantBond(ctx.client, { claimsManager });
    await preflightWithAllowance(client, {
      token: ctx.token.address,
      spender: claimsManager,
      amount: bond,
      call: {
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "createClaim",
        args: [policyId, amountUsd, evidenceURI],
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
      createClaim(client, { ...hooks, claimsManager, policyId, amountUsd, evidenceURI }),
    );
    const summary = await claimSummary(ctx, claimId);
    return { lines: summary.lines, data: summary.data };
  },
};
