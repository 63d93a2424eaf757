import {
  formatDuration,
  formatTimestamp,
  formatUsd,
  getDapi,
  getPoliciesOf,
  getWaitingPeriod,
  policyNumber,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { table } from "../output.ts";
import { claimsManagerOf, dapiName } from "./claimsShared.ts";
import { positionals } from "./shared.ts";

export const policiesCommand: Command = {
  name: "policies",
  role: "dAPI user",
  summary: "list the policies of an account (yours by default; --all for every policy)",
  usage: "[address|role]",
  options: {
    all: { type: "boolean", description: "every policy" },
  },
  run: async (ctx, input) => {
    const [who] = positionals(input, 0, 1, "policies [address|role] [--all]");
    const claimant = input.values.all
      ? undefined
      : who !== undefined
        ? ctx.address(who, "account")
        : ctx.address(ctx.account ? "me" : undefined, "account (or --all)");
    const policies = await getPoliciesOf(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
      ...(claimant ? { claimant } : {}),
      fromBlock: BigInt(ctx.deployment.startBlock),
    });
    const lines = policies.length ? [] : ["no policies"];
    const waitingPeriod = policies.length
      ? await getWaitingPeriod(ctx.client, { claimsManager: claimsManagerOf(ctx) })
      : 0n;
    const names = new Map<bigint, string>();
    for (const { policy } of policies) {
      const id = BigInt(policy.dapiId);
      if (!names.has(id)) {
        const dapi = await getDapi(ctx.client, { claimsManager: claimsManagerOf(ctx), dapiId: id });
        names.set(id, dapiName(dapi.name));
      }
    }
    for (const { policyId, policy, policyURI, parametricVersion } of policies) {
      lines.push(
        parametricVersion === 0n
          ? `policy ${policyNumber(policyId)}:`
          : `policy ${policyNumber(policyId)} (parametric, incident definition v${parametricVersion}):`,
        ...table([
          ["claimant", policy.claimant],
          ["dAPI", `${policy.dapiId} (${names.get(BigInt(policy.dapiId))})`],
          [
            "coverage",
            `${formatUsd(policy.coverageUsd)} (${formatUsd(policy.coverageUsd - policy.claimedUsd)} remaining for new claims)`,
          ],
          [
            "claims",
            `${formatTimestamp(policy.claimsAllowedFrom)} to ${formatTimestamp(policy.claimsAllowedUntil)}`,
          ],
          [
            "covers",
            `incidents from ${formatTimestamp(BigInt(policy.claimsAllowedFrom) + waitingPeriod)} (after the ${formatDuration(waitingPeriod)} waiting period)`,
          ],
          ...(policyURI ? ([["document", policyURI]] as [string, string][]) : []),
        ]),
      );
    }
    return { lines, data: { policies } };
  },
};
