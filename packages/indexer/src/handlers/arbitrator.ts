/**
 * The ERC-792 arbitrator (the devnet's LocalArbitrator, or Kleros): rulings given, appeal windows
 * and appeals of the claims manager's disputes. Disputes are created by ClaimEscalated and closed by
 * the claims manager's Ruling (claims.ts); disputes of other arbitrables are ignored.
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import type { Address } from "viem";
import { disputeKey } from "../disputes.ts";
import { type Db, recordParameter, type Where, where } from "./common.ts";

const { appeal, claimEvent, dispute } = schema;

/** The claims-manager dispute `disputeId` of the arbitrator at `arbitrator`, if it is one. */
async function findDispute(db: Db, arbitrator: Address, disputeId: bigint) {
  const row = await db.find(dispute, { id: disputeKey(arbitrator, disputeId) });
  return row ? { ...row } : null;
}

async function claimStep(
  db: Db,
  claimId: bigint,
  at: Where,
  step: { kind: string; actor: Address; ruling?: number; deadline?: bigint; tokens?: bigint },
) {
  const claimRow = await db.find(schema.claim, { id: claimId });
  await db.insert(claimEvent).values({
    id: at.id,
    claimId,
    kind: step.kind,
    actor: step.actor,
    status: claimRow?.status ?? "Disputed",
    amountUsd: null,
    tokens: step.tokens ?? null,
    deadline: step.deadline ?? null,
    ruling: step.ruling ?? null,
    uri: null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
}

/** Counts an appeal of `row` (the standard AppealDecision); returns the round. */
async function countAppeal(
  db: Db,
  row: { id: string; claimId: bigint; appealCount: number },
  at: Where,
) {
  const round = row.appealCount + 1;
  await db.update(dispute, { id: row.id }).set({ status: "appealed", appealCount: round });
  await db
    .insert(appeal)
    .values({
      id: `${row.id}-${round}`,
      disputeKey: row.id,
      claimId: row.claimId,
      round,
      appellant: null,
      fee: null,
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      txHash: at.txHash,
    })
    .onConflictDoNothing();
  return round;
}

ponder.on("Arbitrator:RulingGiven", async ({ event, context }) => {
  const at = where(event);
  const { disputeId, ruling, appealPeriodEnd } = event.args;
  const row = await findDispute(context.db, event.log.address, disputeId);
  if (!row) return;
  const value = Number(ruling);
  await context.db
    .update(dispute, { id: row.id })
    .set({ status: "appealable", ruling: value, appealPeriodEnd });
  await claimStep(context.db, row.claimId, at, {
    kind: "rulingGiven",
    actor: event.transaction.from,
    ruling: value,
    deadline: appealPeriodEnd,
  });
});

ponder.on("Arbitrator:AppealPossible", async ({ event, context }) => {
  const row = await findDispute(context.db, event.log.address, event.args._disputeID);
  if (row && row.status !== "appealable") {
    await context.db.update(dispute, { id: row.id }).set({ status: "appealable" });
  }
});

ponder.on("Arbitrator:AppealDecision", async ({ event, context }) => {
  const at = where(event);
  const row = await findDispute(context.db, event.log.address, event.args._disputeID);
  if (!row) return;
  await countAppeal(context.db, row, at);
  await claimStep(context.db, row.claimId, at, { kind: "appealed", actor: event.transaction.from });
});

ponder.on("Arbitrator:Appealed", async ({ event, context }) => {
  const { disputeId, appellant, appeals, fee } = event.args;
  const key = disputeKey(event.log.address, disputeId);
  const id = `${key}-${appeals}`;
  if (await context.db.find(appeal, { id })) {
    await context.db.update(appeal, { id }).set({ appellant, fee });
  }
});

// The LocalArbitrator's settings (Kleros emits neither).
for (const name of ["FeesSet", "AppealPeriodDurationSet"] as const) {
  ponder.on(`Arbitrator:${name}`, async ({ event, context }) => {
    await recordParameter(context.db, name, event, where(event));
  });
}
