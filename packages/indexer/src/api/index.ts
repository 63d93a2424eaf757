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
import { maxOf } from "../math.ts";
import { coverageHistory } from "./coverage.ts";
import { bucketHistory } from "./history.ts";

/** `?points=` within [2, 2000], `fallback` when absent or not a number. */
const pointsOf = (value: string | undefined, fallback: number) =>
  Math.min(Math.max(Number(value ?? fallback) || fallback, 2), 2_000);

const app = new Hono();

app.use("/sql/*", client({ db, schema }));
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
