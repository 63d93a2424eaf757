import type { Context } from "ponder:registry";
import schema from "ponder:schema";
import type { Address, Hex } from "viem";

/** The store handlers write to. */
export type Db = Context["db"];

/** Where a row comes from: the log's id and its block and transaction. */
export interface Where {
  id: string;
  blockNumber: bigint;
  timestamp: bigint;
  txHash: Hex;
}

/** Extracts {@link Where} from any ponder event. */
export function where(event: {
  id: string;
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}): Where {
  return {
    id: event.id,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  };
}

/**
 * Pairs the pool's PaidOutClaim with the claim paid in the same transaction, whichever of the two
 * logs comes first.
 */
export async function linkPayout(db: Db, at: Where, side: { claimId?: bigint; payoutId?: string }) {
  const link = await db.find(schema.txClaimLink, { id: at.txHash });
  const claimId = side.claimId ?? link?.claimId ?? null;
  const payoutId = side.payoutId ?? link?.payoutId ?? null;
  if (claimId !== null && payoutId !== null) {
    await db.update(schema.payout, { id: payoutId }).set({ claimId });
  }
  await db
    .insert(schema.txClaimLink)
    .values({ id: at.txHash, claimId, payoutId, evidenceURI: null })
    .onConflictDoUpdate({ claimId, payoutId });
}

/** Appends a governed parameter change: the event's name and its arguments as JSON. */
export async function recordParameter(
  db: Db,
  name: string,
  event: { args: object; log: { address: Address } },
  at: Where,
) {
  await db.insert(schema.parameterChange).values({
    id: at.id,
    contract: event.log.address,
    name,
    value: JSON.stringify(event.args, (_, v) => (typeof v === "bigint" ? v.toString() : v)),
    blockNumber: at.blockNumber,
    timestamp: at.timestamp,
    txHash: at.txHash,
  });
}
