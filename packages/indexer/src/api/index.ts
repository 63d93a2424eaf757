/**
 * The indexer's HTTP API (ponder serves it with CORS open, next to its own /health, /ready, /status):
 * - POST /graphql  GraphQL over every table (GET opens GraphiQL)
 * - /sql/*         SQL over HTTP for `@ponder/client` (live queries included)
 * - GET /stats/pool           the pool's current row
 * - GET /stats/pool-history   pool totals over time, bucketed for charts (?points=N, default 200)
 * - GET /stats/coverage-history  active coverage over time, up to the last indexed block (?points=N)
 * Amounts are decimal strings (bigints); times are unix seconds.
 */
import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { asc, client, graphql, replaceBigInts } from "ponder";
import { DEEP_REORG_EXIT_CODE, DEEP_REORG_MESSAGE } from "../chainGuardState.ts";
import { maxOf } from "../math.ts";
import { startChainGuard } from "./chainGuard.ts";
import { concurrencyLimit } from "./concurrency.ts";
import { coverageHistory } from "./coverage.ts";
import { graphqlGuard } from "./graphqlGuard.ts";
import { bucketHistory } from "./history.ts";
import { API_LIMITS } from "./limits.ts";
import { createGuardedReader, readerBackedDatabase } from "./reader.ts";
import { ponderRuntime } from "./runtime.ts";
import { sqlGuard } from "./sqlGuard.ts";

/** The block number in a Ponder checkpoint (10 digits of timestamp, 16 of chain id, then 16). */
const checkpointBlock = (checkpoint: string) => Number(checkpoint.slice(26, 42));

/** `?points=` within [2, 2000], `fallback` when absent or not a number. */
const pointsOf = (value: string | undefined, fallback: number) =>
  Math.min(Math.max(Number(value ?? fallback) || fallback, 2), 2_000);

const runtime = ponderRuntime(schema);
const reader = createGuardedReader({
  // The driver under the read-only drizzle `db`: PGlite itself, or the read pool of PostgreSQL.
  client: (db as unknown as { $client: unknown }).$client,
  dialect: runtime.dialect,
  schema: runtime.schema,
  tables: runtime.tables,
  limits: API_LIMITS,
});

const app = new Hono();

/** Set once the chain lost blocks the data is built on: nothing is served after that. */
let outOfSync: string | undefined;
app.use("*", async (c, next) => {
  if (!outOfSync) return next();
  return c.json({ error: outOfSync, errors: [{ message: outOfSync }] }, 503);
});

const guard = startChainGuard({
  finalizedBlock: async () => {
    const { rows } = await reader.run('select finalized_checkpoint from "_ponder_checkpoint"', []);
    const blocks = rows.map((row) => checkpointBlock(String(row.finalized_checkpoint)));
    return blocks.length ? Math.min(...blocks) : undefined;
  },
  blockHash: async (number) => {
    const block = await publicClients.chain.request({
      method: "eth_getBlockByNumber",
      params: [`0x${number.toString(16)}`, false],
    });
    return block?.hash ?? null;
  },
  dataDir: process.env.IPOOL_DATA_DIR,
  intervalMs: Number(process.env.IPOOL_REORG_CHECK_MS ?? 1_000),
  onDeepReorg: (mismatch) => {
    outOfSync = `${DEEP_REORG_MESSAGE}: ${mismatch}. The indexed data comes from blocks the chain replaced; the indexer stops (start it again to resync from scratch).`;
    const logger = globalThis.PONDER_COMMON?.logger;
    if (logger) logger.error({ msg: outOfSync });
    else console.error(outOfSync);
    // Ponder's graceful shutdown (SIGINT), then a failing exit code for supervisors.
    process.once("exit", () => {
      process.exitCode = DEEP_REORG_EXIT_CODE;
    });
    process.kill(process.pid, "SIGINT");
  },
});
globalThis.PONDER_COMMON?.apiShutdown.add(() => guard.stop());

// One budget of concurrent requests for everything below (Ponder's /health, /ready and /status
// are served before this app and stay outside it).
const busy = concurrencyLimit(API_LIMITS.maxConcurrentRequests);
for (const path of ["/sql/*", "/graphql", "/stats/*"]) app.use(path, busy);

app.use("/sql/*", sqlGuard({ reader, tables: new Set(runtime.tables), limits: API_LIMITS }));
app.use(
  "/sql/*",
  client({ db: runtime.dialect === "pglite" ? readerBackedDatabase(db, reader) : db, schema }),
);
app.use("/graphql", graphqlGuard(API_LIMITS));
app.use("/graphql", graphql({ db, schema }));

app.get("/stats/pool", async (c) => {
  const rows = await db.select().from(schema.pool).limit(1);
  const row = rows[0];
  if (!row) return c.json({ error: "the pool has no indexed event yet" }, 404);
  return c.json(replaceBigInts(row, (v) => v.toString()));
});

app.get("/stats/pool-history", async (c) => {
  const points = pointsOf(c.req.query("points"), 200);
  const rows = await db
    .select({
      timestamp: schema.poolEvent.timestamp,
      totalStake: schema.poolEvent.totalStake,
      totalShares: schema.poolEvent.totalShares,
      sharePrice: schema.poolEvent.sharePrice,
      kind: schema.poolEvent.kind,
      amount: schema.poolEvent.amount,
    })
    .from(schema.poolEvent)
    .orderBy(asc(schema.poolEvent.id));
  const aprs = await db
    .select({ timestamp: schema.aprUpdate.timestamp, apr: schema.aprUpdate.apr })
    .from(schema.aprUpdate)
    .orderBy(asc(schema.aprUpdate.id));
  return c.json(replaceBigInts(bucketHistory(rows, aprs, points), (v) => v.toString()));
});

app.get("/stats/coverage-history", async (c) => {
  const points = pointsOf(c.req.query("points"), 100);
  const policies = await db
    .select({
      coverageUsd: schema.policy.coverageUsd,
      createdAt: schema.policy.createdAt,
      claimsAllowedUntil: schema.policy.claimsAllowedUntil,
    })
    .from(schema.policy);
  // "Now" is the chain's latest block (the devnet's clock runs ahead of the wall clock).
  const lastPolicy = maxOf(0n, ...policies.map((p) => p.createdAt));
  const head = await publicClients.chain
    .getBlock({ blockTag: "latest" })
    .then((block) => block.timestamp)
    .catch(() => lastPolicy);
  const now = maxOf(head, lastPolicy);
  return c.json(replaceBigInts(coverageHistory(policies, now, points), (v) => v.toString()));
});

export default app;
