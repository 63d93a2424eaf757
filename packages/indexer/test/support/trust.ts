/**
 * The checks of issue 17 that run on both backends (PGlite in indexer.test.ts, PostgreSQL in
 * postgres.test.ts): SQL over HTTP agrees with GraphQL and the chain after one block updates many
 * rows, and hostile requests are refused while the indexer stays healthy and keeps indexing.
 */
import assert from "node:assert/strict";
import { createClient } from "@ponder/client";
import superjson from "superjson";
import { type Address, createPublicClient, http, parseEther } from "viem";
import type { Deployment } from "../../../sdk/src/deployment.ts";
import { stakingPoolAbi } from "../../../sdk/src/generated/contracts.ts";
import { waitForIndexedBlock } from "../../launcher/start.ts";
import * as schema from "../../ponder.schema.ts";
import { depositAndStakeCalls, mineInOneBlock } from "./chain.ts";
import { watchHealth } from "./health.ts";

/**
 * POSTs once more when the first attempt met a connection the server had just closed (a keep-alive
 * socket reused after the server's idle timeout: undici's "other side closed"); other errors throw,
 * with their cause.
 */
async function post(url: string, body: string): Promise<Response> {
  const send = () =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  try {
    return await send();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === "UND_ERR_SOCKET") return send();
    throw new Error(`${url}: ${String(error)} (${cause?.code ?? ""} ${cause?.message ?? ""})`);
  }
}

/** Runs a GraphQL query and returns its data (asserts there are no errors). */
export async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await post(`${url}/graphql`, JSON.stringify({ query }));
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

/**
 * One block in which every one of `stakers` (more than 20, all already indexed) deposits and stakes
 * again, then: the rows of `@ponder/client` equal GraphQL's, and each staker's shares the chain's.
 */
export async function assertSqlAgreesAfterManyUpdates(
  url: string,
  rpcUrl: string,
  deployment: Deployment,
  stakers: Address[],
) {
  assert.ok(stakers.length > 20, "more than 20 updated rows in one flush");
  const block = await mineInOneBlock(
    rpcUrl,
    depositAndStakeCalls(deployment, stakers, parseEther("2")),
  );
  await waitForIndexedBlock(url, Number(block), 30_000);
  const { stakers: page } = await graphql<{
    stakers: { totalCount: number; items: { id: string; shares: string }[] };
  }>(url, '{ stakers(limit: 1000, orderBy: "id") { totalCount items { id shares } } }');
  const client = createClient(`${url}/sql`, { schema });
  const rows = await client.db
    .select({ id: schema.staker.id, shares: schema.staker.shares })
    .from(schema.staker)
    .orderBy(schema.staker.id);
  assert.equal(rows.length, page.totalCount, "SQL over HTTP counts the stakers GraphQL counts");
  assert.deepEqual(
    rows.map((r) => ({ id: r.id, shares: String(r.shares) })),
    page.items,
  );
  const chain = createPublicClient({ transport: http(rpcUrl) });
  for (const address of stakers) {
    const onChain = await chain.readContract({
      address: deployment.contracts.stakingPool,
      abi: stakingPoolAbi,
      functionName: "sharesOf",
      args: [address],
    });
    const row = rows.find((r) => r.id === address.toLowerCase());
    assert.equal(row?.shares, onChain, `shares of ${address}`);
  }
}

/** The cross join, as `@ponder/client` sends it (GET /sql/db?sql=<superjson>). */
const CROSS_JOIN =
  "select a.id, b.id, a.tx_hash, b.tx_hash from pool_event a, pool_event b limit 500000";
/** The 174-character GraphQL query: 10^12 rows. */
const NESTED = `{ stakers(limit: 1000) { items { events(limit: 1000) { items { staker {
  events(limit: 1000) { items { staker { events(limit: 1000) { items { id } } } } } } } } } } }`;

/**
 * Sends both hostile requests while polling /health, then makes a new event (`newEvent` returns
 * its block) and waits for it to be indexed. Asserts the refusals, their messages and bounds.
 */
export async function assertHostileRequestsRefused(url: string, newEvent: () => Promise<bigint>) {
  const { poolEvents } = await graphql<{ poolEvents: { totalCount: number } }>(
    url,
    "{ poolEvents { totalCount } }",
  );
  assert.ok(poolEvents.totalCount >= 3_000, `${poolEvents.totalCount} pool events`);
  const health = watchHealth(url);
  const started = Date.now();
  const sqlQuery = encodeURIComponent(superjson.stringify({ sql: CROSS_JOIN, params: [] }));
  const refused = await fetch(`${url}/sql/db?sql=${sqlQuery}`, {
    signal: AbortSignal.timeout(30_000),
  });
  assert.equal(refused.status, 413);
  assert.match(await refused.text(), /the result has more than 10,000 rows/);
  const nested = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: NESTED }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await nested.json()) as { errors?: { message: string }[] };
  assert.equal(nested.status, 400);
  assert.match(body.errors?.[0]?.message ?? "", /may read 1,002,002,001,000 rows, above 10,000/);
  const refusedMs = Date.now() - started;
  const indexing = Date.now();
  await waitForIndexedBlock(url, Number(await newEvent()), 10_000);
  const indexedMs = Date.now() - indexing;
  const { worstMs, failures } = await health.stop();
  console.log(
    `hostile requests refused in ${refusedMs} ms; new event indexed in ${indexedMs} ms; worst /health ${worstMs} ms`,
  );
  assert.ok(refusedMs < 10_000, `refused in ${refusedMs} ms`);
  assert.deepEqual(failures, [], "/health answered 200 every time");
  assert.ok(worstMs < 3_000, `/health took ${worstMs} ms at worst`);
}
