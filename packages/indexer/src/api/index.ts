/**
 * The indexer's HTTP API (ponder serves it with CORS open, next to its own /health, /ready, /status):
 * - POST /graphql  GraphQL over every table (GET opens GraphiQL)
 * - /sql/*         SQL over HTTP for `@ponder/client` (live queries included)
 * - GET /stats/pool           the pool's current row
 * - GET /stats/pool-history   pool totals over time, bucketed for charts (?points=N, default 200)
 */
import { db } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { asc, client, graphql, replaceBigInts } from "ponder";
import { bucketHistory } from "./history.ts";

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
  const points = Math.min(Math.max(Number(c.req.query("points") ?? 200) || 200, 2), 2_000);
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

export default app;
