/**
 * A disputed claim as `ipool claims N` shows it: the court's current ruling, the appeal period and its cost (for a
 * Kleros v2 arbitrator: funded in its dispute kit), and why the payout is still pending.
 */
import {
  type ClaimPayment,
  claimNumber,
  claimStatusName,
  type DisputeState,
  formatAmount,
  formatMoment,
  getArbitratorExtraData,
  getDisputeState,
  RULINGS,
} from "@insurance-pool/sdk";
import type { Address } from "viem";
import type { Context } from "../context.ts";

/** What {@link disputeRows} needs of a claim. */
interface DisputedClaim {
  status: number;
  ruling: number;
  arbitrator: Address;
  disputeId: bigint;
  owedTokens: bigint;
}

/** Whether the claim's arbitrator is Kleros' CentralizedArbitratorWithAppeal, whose appeal costs twice its quote. */
export function isKlerosCentralized(ctx: Context, arbitrator: Address): boolean {
  return (
    ctx.deployment.arbitratorKind === "kleros-centralized" &&
    arbitrator.toLowerCase() === ctx.deployment.contracts.arbitrator?.toLowerCase()
  );
}

const rulingText = (ruling: bigint | number) => `${ruling} (${RULINGS[Number(ruling)] ?? "?"})`;
const eth = (wei: bigint) => formatAmount(wei, 18, { symbol: "ETH" });

/** The appeal fee the appellant pays (twice the quote on Kleros' centralized arbitrator). */
function appealFee(ctx: Context, arbitrator: Address, state: DisputeState): bigint | undefined {
  if (state.appealCost === undefined) return undefined;
  return isKlerosCentralized(ctx, arbitrator) ? 2n * state.appealCost : state.appealCost;
}

/** The rows and data of a claim's dispute while it is `Disputed` at its arbitrator. */
async function disputedRows(
  ctx: Context,
  claimId: bigint,
  claim: DisputedClaim,
  now: bigint,
): Promise<{ rows: [string, string][]; data: Record<string, unknown> }> {
  const number = claimNumber(claimId);
  const claimsManager = ctx.deployment.contracts.claimsManager as Address;
  const extraData = await getArbitratorExtraData(ctx.client, { claimsManager });
  const state = await getDisputeState(ctx.client, {
    claimsManager,
    arbitrator: claim.arbitrator,
    disputeId: claim.disputeId,
    extraData,
  });
  const fee = appealFee(ctx, claim.arbitrator, state);
  const rows: [string, string][] = [];
  const period = state.appealPeriod;
  const appealOpen = state.ruled && period !== undefined && now < period.end;
  if (!state.ruled) {
    rows.push(["ruling", "none yet: the court has not ruled"]);
    rows.push(["payout", "pending: waiting for the court's ruling"]);
  } else {
    rows.push(["ruling", `${rulingText(state.ruling)}, the court's current ruling`]);
    if (appealOpen && period) {
      const cost = fee === undefined ? "" : `, ${eth(fee)}`;
      rows.push([
        "appeal",
        state.route.via === "disputeKit"
          ? `until ${formatMoment(period.end, now)}: appeals are funded in the dispute kit, not here: ${state.route.call}${cost} per side`
          : `until ${formatMoment(period.end, now)}: ipool appeal ${number}${cost ? ` (fee${cost.slice(1)})` : ""}`,
      ]);
      rows.push([
        "payout",
        `pending: the ruling is final when the appeal period ends (${formatMoment(period.end, now)}); then anyone delivers it: ipool execute-ruling ${number}`,
      ]);
    } else {
      if (period) rows.push(["appeal", `period over ${formatMoment(period.end, now)}`]);
      rows.push([
        "payout",
        `pending: the ruling is final but not delivered yet; anyone delivers it: ipool execute-ruling ${number}`,
      ]);
    }
  }
  return {
    rows,
    data: {
      ruled: state.ruled,
      ruling: state.ruling,
      rulingName: state.ruled ? RULINGS[Number(state.ruling)] : undefined,
      appealVia: state.route.via,
      appealCall: state.route.call,
      appealPeriodEnd: period?.end,
      appealOpen,
      appealFee: fee,
    },
  };
}

/**
 * Rows about the arbitration and the payout of a claim: while disputed, the current ruling, the appeal period and
 * cost and why the payout waits; a recorded ruling not paid yet; what was paid and what is still owed.
 */
export async function disputeRows(
  ctx: Context,
  claimId: bigint,
  claim: DisputedClaim,
  payment: ClaimPayment | undefined,
  now: bigint,
): Promise<{ rows: [string, string][]; data: Record<string, unknown> }> {
  const status = claimStatusName(claim.status);
  const number = claimNumber(claimId);
  const rows: [string, string][] = [];
  let dispute: Record<string, unknown> | undefined;
  if (status === "Disputed") {
    const disputed = await disputedRows(ctx, claimId, claim, now);
    rows.push(...disputed.rows);
    dispute = disputed.data;
  } else if (status === "RulingPending") {
    rows.push(["ruling", rulingText(claim.ruling)]);
    rows.push([
      "payout",
      `pending: the ruling was recorded, but its payout could not be made (no fresh price then); anyone pays it: ipool execute-ruling ${number}`,
    ]);
  }
  if (payment) {
    rows.push([
      "paid",
      `${ctx.show(payment.paidTokens)} of a ${ctx.show(payment.payoutTokens)} payout`,
    ]);
  }
  return {
    rows,
    data: {
      ...(dispute ? { dispute } : {}),
      paidTokens: payment?.paidTokens ?? 0n,
      payoutTokens: payment?.payoutTokens ?? 0n,
    },
  };
}
