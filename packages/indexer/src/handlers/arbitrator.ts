/**
 * The ERC-792 arbitrator: appeal windows and appeals of the claims manager's disputes.
 * (Disputes are created by ClaimEscalated and ruled by the claims manager's Ruling, in claims.ts.)
 */
import { ponder } from "ponder:registry";
import schema from "ponder:schema";
import type { Address } from "viem";
import { disputeKey } from "../disputes.ts";
import { type Db, type Where, where } from "./common.ts";

const { appeal, claimEvent, dispute } = schema;

/** The claims-manager dispute `disputeId` of the arbitrator at `arbitrator`, if it is one. */
async function findDispute(db: Db, arbitrator: Address, disputeId: bigint) {
  const row = await db.find(dispute, { id: disputeKey(arbitrator, disputeId) });
  return row ? { ...row } : null;
}

async function claimStep(db: Db, claimId: bigint, at: Where, kind: string, actor: Address) {
  const claimRow = await db.find(schema.claim, { id: claimId });
  await db.insert(claimEvent).values({
    id: at.id,
    claimId,
    kind,
    actor,
    status: claimRow?.status ?? "Disputed",
    amountUsd: null,
    tokens: null,
    deadline: null,
    ruling: null,
    uri: null,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
}

ponder.on("Arbitrator:AppealPossible", async ({ event, context }) => {
  const at = where(event);
  const row = await findDispute(context.db, event.log.address, event.args._disputeID);
  if (!row) return;
  await context.db.update(dispute, { id: row.id }).set({ status: "appealable" });
  await claimStep(context.db, row.claimId, at, "appealPossible", event.log.address);
});

ponder.on("Arbitrator:AppealDecision", async ({ event, context }) => {
  const at = where(event);
  const row = await findDispute(context.db, event.log.address, event.args._disputeID);
  if (!row) return;
  const round = row.appealCount + 1;
  await context.db
    .update(dispute, { id: row.id })
    .set({ status: "appealed", appealCount: round, ruling: null });
  await context.db.insert(appeal).values({
    id: at.id,
    disputeKey: row.id,
    claimId: row.claimId,
    round,
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
  await claimStep(context.db, row.claimId, at, "appealed", event.transaction.from);
});
