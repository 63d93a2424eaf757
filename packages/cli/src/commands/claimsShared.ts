import {
  CLAIM_STATUSES,
  claimDeadlines,
  claimNumber,
  claimStatusName,
  formatTimestamp,
  formatUsd,
  getClaim,
  getClaimPayments,
  getContractEventsPaged,
  getDapi,
  getDapiCount,
  getPolicy,
  getResponsePeriods,
  InvalidInputError,
  iClaimsManagerAbi,
  MAX_ID_NUMBER,
  parseAmount,
  policyNumber,
  RULINGS,
} from "@insurance-pool/sdk";
import { type Address, hexToString, stringToHex } from "viem";
import { getBlock } from "viem/actions";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { disputeRows } from "./disputeView.ts";
import { parseId } from "./shared.ts";

/** The claimant's response period, read from the ClaimsManager (`responsePeriods()`). */
export async function claimantResponsePeriod(ctx: Context): Promise<bigint> {
  const [, claimantPeriod] = await getResponsePeriods(ctx.client, {
    claimsManager: claimsManagerOf(ctx),
  });
  return claimantPeriod;
}

/** The ClaimsManager of the deployment, or a clear error. */
export function claimsManagerOf(ctx: Context): Address {
  const address = ctx.deployment.contracts.claimsManager;
  if (!address) throw new InvalidInputError("this deployment has no ClaimsManager");
  return address;
}

/** Parses a USD amount (`10k`, `2500.50`), above zero. */
export function parseUsd(text: string | undefined, what: string): bigint {
  if (text === undefined) throw new InvalidInputError(`missing ${what}`);
  const value = parseAmount(text.replace(/^\$/, "").replace(/\s*usd$/i, ""), 18);
  if (value === 0n) throw new InvalidInputError(`${what} must be above zero`);
  return value;
}

/** A dAPI name from its bytes32 form. */
export function dapiName(name: `0x${string}`): string {
  return hexToString(name, { size: 32 }).replace(/\0+$/, "");
}

/** Resolves `--dapi` given as an id or as a name (e.g. `ETH/USD`) among the registered dAPIs. */
export async function resolveDapi(ctx: Context, text: string | undefined): Promise<bigint> {
  const claimsManager = claimsManagerOf(ctx);
  const count = await getDapiCount(ctx.client, { claimsManager });
  if (text === undefined) {
    if (count === 1n) return 1n;
    throw new InvalidInputError("missing --dapi <name|id>", {
      metaMessages: await dapiList(ctx, count),
    });
  }
  if (/^\d+$/.test(text)) {
    const id = BigInt(text);
    if (id === 0n || id > count) {
      throw new InvalidInputError(`no dAPI has id ${id}`, {
        metaMessages: await dapiList(ctx, count),
      });
    }
    return id;
  }
  if (text.length > 32) throw new InvalidInputError(`dAPI name "${text}" is longer than 32 bytes`);
  const wanted = stringToHex(text, { size: 32 });
  for (let id = 1n; id <= count; id++) {
    const dapi = await getDapi(ctx.client, { claimsManager, dapiId: id });
    if (dapi.name === wanted) return id;
  }
  throw new InvalidInputError(`no covered dAPI is named "${text}"`, {
    metaMessages: await dapiList(ctx, count),
  });
}

async function dapiList(ctx: Context, count: bigint): Promise<string[]> {
  const claimsManager = claimsManagerOf(ctx);
  const names: string[] = [];
  for (let id = 1n; id <= count; id++) {
    const dapi = await getDapi(ctx.client, { claimsManager, dapiId: id });
    names.push(`${id}: ${dapiName(dapi.name)} (chain ${dapi.chainId})`);
  }
  return names.length ? ["Covered dAPIs:", ...names] : ["No dAPI is covered yet."];
}

/**
 * Resolves a policy given by its number (`1`, as `policies` and `buy` show it) or by its full id. A number
 * that no policy has is returned as it is (the caller reports it).
 */
export async function resolvePolicyId(ctx: Context, text: string | undefined): Promise<bigint> {
  const value = parseId(text, "policy id");
  if (value > MAX_ID_NUMBER) return value;
  const policies = await getContractEventsPaged(ctx.client, {
    address: claimsManagerOf(ctx),
    abi: iClaimsManagerAbi,
    eventName: "PolicyCreated",
    fromBlock: BigInt(ctx.deployment.startBlock),
    strict: true,
  });
  return policies.find((e) => policyNumber(e.args.policyId) === value)?.args.policyId ?? value;
}

/** Resolves a claim given by its number (`1`, as the CLI shows it) or by its full id (see `resolvePolicyId`). */
export async function resolveClaimId(ctx: Context, text: string | undefined): Promise<bigint> {
  const value = parseId(text, "claim id");
  if (value > MAX_ID_NUMBER) return value;
  const claims = await getContractEventsPaged(ctx.client, {
    address: claimsManagerOf(ctx),
    abi: iClaimsManagerAbi,
    eventName: "ClaimCreated",
    fromBlock: BigInt(ctx.deployment.startBlock),
    strict: true,
  });
  return claims.find((e) => claimNumber(e.args.claimId) === value)?.args.claimId ?? value;
}

/** Parses a claim number or id and checks the claim exists. */
export async function existingClaim(ctx: Context, text: string | undefined) {
  const claimId = await resolveClaimId(ctx, text);
  const claim = await getClaim(ctx.client, { claimsManager: claimsManagerOf(ctx), claimId });
  if (claim.status === 0) throw new InvalidInputError(`no claim has id ${text?.trim()}`);
  return { claimId, claim };
}

/** Whether a claim is past every deadline (anyone may `time-out` it) at `now`. */
export function timeOutState(
  timeOutFrom: bigint | undefined,
  now: bigint,
): { timeOutFrom: bigint | undefined; canTimeOut: boolean } {
  return { timeOutFrom, canTimeOut: timeOutFrom !== undefined && now >= timeOutFrom };
}

/** A claim's state, deadlines and amounts, as lines and data. */
export async function claimSummary(
  ctx: Context,
  claimId: bigint,
): Promise<{ lines: string[]; data: Record<string, unknown> }> {
  const claimsManager = claimsManagerOf(ctx);
  const claim = await getClaim(ctx.client, { claimsManager, claimId });
  const policy = await getPolicy(ctx.client, { claimsManager, policyId: claim.policyId });
  const deadlines = claimDeadlines(claim, {
    claimantResponsePeriod: await claimantResponsePeriod(ctx),
  });
  const now = (await getBlock(ctx.client, { blockTag: "latest" })).timestamp;
  const timeOut = timeOutState(deadlines.timeOutFrom, now);
  const rows: [string, string][] = [
    [
      "status",
      `${claimStatusName(claim.status)}${timeOut.canTimeOut ? ", past every deadline" : ""}`,
    ],
    ["policy", `${policyNumber(claim.policyId)} (claimant ${policy.claimant})`],
    ["amount", formatUsd(claim.amountUsd)],
    ["bond", ctx.show(claim.bond)],
  ];
  if (claim.settlementUsd > 0n) rows.push(["settlement", formatUsd(claim.settlementUsd)]);
  if (deadlines.mediatorUntil)
    rows.push(["mediator answers by", formatTimestamp(deadlines.mediatorUntil)]);
  if (deadlines.acceptSettlementUntil) {
    rows.push(["accept settlement by", formatTimestamp(deadlines.acceptSettlementUntil)]);
  }
  if (deadlines.escalateUntil) {
    rows.push([
      "escalate",
      `${deadlines.escalateFrom ? `from ${formatTimestamp(deadlines.escalateFrom)} ` : ""}until ${formatTimestamp(deadlines.escalateUntil)}`,
    ]);
  }
  if (claim.arbitrator !== "0x0000000000000000000000000000000000000000" && claim.status >= 4) {
    rows.push(["dispute", `${claim.disputeId} at ${claim.arbitrator}`]);
  }
  if (
    claim.status > CLAIM_STATUSES.indexOf("RulingPending") &&
    claim.status !== CLAIM_STATUSES.indexOf("DisputeClosed") &&
    claim.arbitrator !== "0x0000000000000000000000000000000000000000"
  ) {
    rows.push(["ruling", `${claim.ruling} (${RULINGS[claim.ruling] ?? "?"})`]);
  }
  const payments = await getClaimPayments(ctx.client, {
    claimsManager,
    fromBlock: BigInt(ctx.deployment.startBlock),
  });
  const arbitration = await disputeRows(ctx, claimId, claim, payments.get(claimId), now);
  rows.push(...arbitration.rows);
  if (timeOut.canTimeOut) {
    rows.push(["time out", `anyone can close it now: ipool time-out ${claimNumber(claimId)}`]);
  } else if (deadlines.timeOutFrom !== undefined) {
    rows.push(["can be timed out from", formatTimestamp(deadlines.timeOutFrom)]);
  }
  if (deadlines.closeStalledFrom) {
    rows.push([
      "stalled",
      `if the arbitrator still shows no ruling, anyone may close the dispute from ${formatTimestamp(deadlines.closeStalledFrom)} (bond back): ipool close-dispute ${claimNumber(claimId)}`,
    ]);
  }
  if (claim.owedTokens > 0n) {
    // A final payout larger than the payer's quota (or the pool's cap) is paid in tranches, first in first out.
    rows.push([
      "still owed",
      `${ctx.show(claim.owedTokens)}, paid in tranches within the payer's weekly quota: ipool pay-tranche`,
    ]);
  }
  return {
    lines: [`claim ${claimNumber(claimId)}:`, ...table(rows)],
    data: {
      claimId,
      claimNumber: claimNumber(claimId),
      policyNumber: policyNumber(claim.policyId),
      statusName: claimStatusName(claim.status),
      ...timeOut,
      ...arbitration.data,
      claim: { ...claim, statusName: claimStatusName(claim.status) },
      policy,
      deadlines,
    },
  };
}
