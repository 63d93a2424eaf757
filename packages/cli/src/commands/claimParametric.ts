import {
  createParametricClaim,
  formatUsd,
  getParametricVersion,
  getPolicy,
  InvalidInputError,
  policyNumber,
} from "@insurance-pool/sdk";
import { zeroAddress } from "viem";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, resolvePolicyId } from "./claimsShared.ts";
import { requireRole } from "./roles.ts";
import { parseId, positionals } from "./shared.ts";

export const claimParametricCommand: Command = {
  name: "claim-parametric",
  role: "dAPI user",
  writes: true,
  summary:
    "get paid on a parametric policy for an incident the IncidentRegistry recorded (no bond, no mediator)",
  usage: "<policyId> <incidentId>",
  description:
    "The incident (its number among the dAPI's, see `ipool incidents`) must be payable (a stale feed at once, a deviation after its challenge window), not voided, hold under the incident definition the policy was bought under, and start between the policy's start plus the waiting period and its end; claims stay possible until 30 days after the end. It pays everything the policy still covers, within what the per-incident cap has left, now or in tranches.\nExample: ipool claim-parametric 3 1 --account policyholder",
  run: async (ctx, input) => {
    const [policyText, incidentText] = positionals(
      input,
      2,
      2,
      "claim-parametric <policyId> <incidentId>",
    );
    const policyId = await resolvePolicyId(ctx, policyText);
    const incidentId = parseId(incidentText, "incident id");
    const claimsManager = claimsManagerOf(ctx);
    const client = await ctx.wallet();
    const [policy, version] = await Promise.all([
      getPolicy(ctx.client, { claimsManager, policyId }),
      getParametricVersion(ctx.client, { claimsManager, policyId }),
    ]);
    if (policy.claimant === zeroAddress) {
      throw new InvalidInputError(`no policy has id ${policyText?.trim()}`);
    }
    if (version === 0n) {
      throw new InvalidInputError(
        `policy ${policyNumber(policyId)} is not parametric: file an ordinary claim with ipool claim`,
      );
    }
    requireRole(
      client.account.address,
      [{ role: "the claimant", address: policy.claimant }],
      `claim on policy ${policyNumber(policyId)}`,
    );
    const { result } = await ctx.send(
      `parametric claim on policy ${policyNumber(policyId)}, incident ${incidentId}`,
      (hooks) => createParametricClaim(client, { ...hooks, claimsManager, policyId, incidentId }),
    );
    const [claimId, amountUsd] = result;
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: [`paid ${formatUsd(amountUsd)} without a mediator:`, ...summary.lines],
      data: { ...summary.data, incidentId, amountUsd, parametric: true },
    };
  },
};
