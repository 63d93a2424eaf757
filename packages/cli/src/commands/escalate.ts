import {
  claimNumber,
  ensureAllowance,
  escalateClaim,
  formatAmount,
  getArbitrationCost,
  getArbitrator,
  getArbitratorExtraData,
  getArbitratorV2Config,
  getClaimEvidenceURI,
  getTokenInfo,
  InvalidInputError,
  iArbitratorV2Abi,
} from "@insurance-pool/sdk";
import { type Address, type Hex, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { claimantRole, requireRole } from "./roles.ts";
import { positionals } from "./shared.ts";

/** What an escalation pays: `value` in ETH, or `tokenAmount` of `feeToken` (Kleros v2 with a fee token). */
interface EscalationFee {
  value: bigint;
  feeToken?: Address;
  tokenAmount: bigint;
  label: string;
}

/**
 * The fee of an escalation to the current arbitrator: ERC-792's `arbitrationCost(extraData)` in ETH, or, for a Kleros
 * v2 arbitrator, the same in ETH or `arbitrationCost(extraData, feeToken)` in its fee token, refused before sending
 * when it is above the governed `maxFee` (the contract would revert with `ArbitrationFeeAboveMaximum`).
 */
async function escalationFee(
  ctx: Context,
  claimsManager: Address,
  arbitrator: Address,
  extraData: Hex,
): Promise<EscalationFee> {
  const v2 = await getArbitratorV2Config(ctx.client, { claimsManager });
  if (v2.evidenceModule === zeroAddress) {
    const value = await getArbitrationCost(ctx.client, { arbitrator, extraData });
    return { value, tokenAmount: 0n, label: formatAmount(value, 18, { symbol: "ETH" }) };
  }
  const inToken = v2.feeToken !== zeroAddress;
  const cost = inToken
    ? await readContract(ctx.client, {
        address: arbitrator,
        abi: iArbitratorV2Abi,
        functionName: "arbitrationCost",
        args: [extraData, v2.feeToken],
      })
    : await getArbitrationCost(ctx.client, { arbitrator, extraData });
  const info = inToken
    ? await getTokenInfo(ctx.client, { token: v2.feeToken })
    : { symbol: "ETH", decimals: 18 };
  const format = (amount: bigint) => formatAmount(amount, info.decimals, { symbol: info.symbol });
  if (cost > v2.maxFee) {
    throw new InvalidInputError(
      `the Kleros v2 arbitrator asks ${format(cost)}, above the claims manager's maximum fee ${format(v2.maxFee)}`,
      { metaMessages: ["The DAO sets the maximum with setArbitratorV2; nothing was sent."] },
    );
  }
  return inToken
    ? { value: 0n, feeToken: v2.feeToken, tokenAmount: cost, label: `${format(cost)}, Kleros v2` }
    : { value: cost, tokenAmount: 0n, label: `${format(cost)}, Kleros v2` };
}

export const escalateCommand: Command = {
  name: "escalate",
  role: "dAPI user",
  writes: true,
  summary:
    "escalate your claim to the arbitrator, paying its arbitration fee (ETH, or Kleros v2's fee token)",
  usage: "<claimId>",
  description: [
    "Pays the arbitrator's arbitrationCost: in ETH for an ERC-792 arbitrator; for a Kleros v2 arbitrator",
    "(setArbitratorV2) in ETH or in its fee token, which ipool approves to the claims manager first (exactly the",
    "cost), refused before sending above the DAO's maximum fee. The claim's evidence (the URI it was filed with,",
    "read from its Evidence event) is announced again to the arbitrator that takes the dispute.",
  ].join("\n"),
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "escalate <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    const claimsManager = claimsManagerOf(ctx);
    const client = await ctx.wallet();
    requireRole(
      client.account.address,
      [await claimantRole(ctx, claim.policyId)],
      `escalate claim ${claimNumber(claimId)}`,
    );
    const [arbitrator, extraData, evidenceURI] = await Promise.all([
      getArbitrator(ctx.client, { claimsManager }),
      getArbitratorExtraData(ctx.client, { claimsManager }),
      getClaimEvidenceURI(ctx.client, {
        claimsManager,
        claimId,
        fromBlock: BigInt(ctx.deployment.startBlock),
      }),
    ]);
    const fee = await escalationFee(ctx, claimsManager, arbitrator, extraData);
    if (fee.feeToken !== undefined && fee.tokenAmount > 0n) {
      const feeToken = fee.feeToken;
      await ctx.send("approve arbitration fee", (hooks) =>
        ensureAllowance(client, {
          ...hooks,
          token: feeToken,
          spender: claimsManager,
          amount: fee.tokenAmount,
        }),
      );
    }
    const { result: disputeId } = await ctx.send(
      `escalate claim ${claimNumber(claimId)} (fee ${fee.label})`,
      (hooks) =>
        escalateClaim(client, {
          ...hooks,
          claimsManager,
          claimId,
          evidenceURI: evidenceURI ?? "",
          value: fee.value,
        }),
    );
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: [`dispute ${disputeId} opened at ${arbitrator}`, ...summary.lines],
      data: {
        disputeId,
        arbitrator,
        fee: fee.feeToken ? fee.tokenAmount : fee.value,
        ...(fee.feeToken ? { feeToken: fee.feeToken } : {}),
        ...summary.data,
      },
    };
  },
};
