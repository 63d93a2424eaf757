/**
 * The API's request limits (issue 17), each at its limit and one past it, without Ponder: the SQL
 * policy on PostgreSQL's parser, the GraphQL row estimate, the guards as Hono middleware in front of
 * stub handlers, the concurrency limit, the chain guard's check, and the guarded reader on a real
 * PGlite with a shadowing temp table.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { Hono } from "hono";
import superjson from "superjson";
import { checkFinalizedBlock } from "../src/api/chainGuard.ts";
import { concurrencyLimit } from "../src/api/concurrency.ts";
import { estimateGraphqlRows } from "../src/api/graphqlCost.ts";
import { graphqlGuard, MAX_REQUEST_BYTES } from "../src/api/graphqlGuard.ts";
import { API_LIMITS } from "../src/api/limits.ts";
import { createGuardedReader, type GuardedReader } from "../src/api/reader.ts";
import { RequestRefused } from "../src/api/refusal.ts";
import { capRows, sqlGuard } from "../src/api/sqlGuard.ts";
import { checkSqlPolicy } from "../src/api/sqlPolicy.ts";

const TABLES = new Set(["staker", "pool_event"]);

const refusedWith = async (promise: Promise<unknown>, pattern: RegExp) => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof RequestRefused, String(error));
    assert.match(error.message, pattern);
    return true;
  });
};

describe("SQL policy", () => {
  const check = (sql: string) => checkSqlPolicy(sql, TABLES, API_LIMITS);

  it("serves what @ponder/client sends: selects, joins, aggregates, CTEs, parameters", async () => {
    await check(
      'select "id", "shares" from "staker" where "shares" > $1 and "id" like $2 order by "id" limit $3',
    );
    await check(
      'select s.id, count(e.id), sum(e.amount) from "staker" s left join "pool_event" e on e."user" = s.id group by s.id',
    );
    await check(
      "with top as (select id from staker order by shares desc limit 5) select * from top",
    );
    await check("select round(avg(shares)), coalesce(max(shares), 0)::numeric(78, 0) from staker");
  });

  it("refuses writes, several statements, other tables and schemas", async () => {
    await refusedWith(check("delete from staker"), /only SELECT/);
    await refusedWith(check("select 1; select 2"), /exactly one statement/);
    await refusedWith(check("select * from pg_class"), /unknown table "pg_class"/);
    await refusedWith(check("select * from ipool.staker"), /without a schema/);
    await refusedWith(check("select from from"), /does not parse/);
  });

  it("refuses functions and operators whose work the planner does not price", async () => {
    await refusedWith(check("select power(shares, 400000) from staker"), /power\(\) is not served/);
    await refusedWith(check("select shares ^ 400000 from staker"), /operator \^/);
    await refusedWith(check("select replace(id, 'a', id) from staker"), /replace\(\)/);
    await refusedWith(check("select id || id from staker"), /operator \|\|/);
    await refusedWith(check("select * from staker where id ~ 'a+'"), /operator ~/);
    await refusedWith(check("select * from staker where id similar to 'a'"), /SIMILAR/);
    await refusedWith(check("select round(shares, 16000) from staker"), /one argument/);
    await refusedWith(check("select id::regclass from staker"), /casts to regclass/);
  });

  it("allows type modifiers up to 1,000 (char(1000)), not 1,001", async () => {
    await check("select id::char(1000) from staker");
    await refusedWith(check("select id::char(1001) from staker"), /type modifier 1001/);
  });

  it(`allows ${API_LIMITS.sqlMaxColumns} columns per SELECT, not one more`, async () => {
    const columns = (n: number) => Array.from({ length: n }, () => "id").join(", ");
    await check(`select ${columns(API_LIMITS.sqlMaxColumns)} from staker`);
    await refusedWith(
      check(`select ${columns(API_LIMITS.sqlMaxColumns + 1)} from staker`),
      /65 columns, at most 64/,
    );
  });

  it(`allows ${API_LIMITS.sqlMaxArithmetic} arithmetic operators, not one more`, async () => {
    const product = (n: number) => `shares${" * shares".repeat(n)}`;
    await check(`select ${product(API_LIMITS.sqlMaxArithmetic)} from staker`);
    await refusedWith(
      check(`select ${product(API_LIMITS.sqlMaxArithmetic + 1)} from staker`),
      /17 arithmetic operators, at most 16/,
    );
  });

  it(`allows string constants of ${API_LIMITS.sqlMaxStringConstant} characters, not one more`, async () => {
    const text = (n: number) => `'${"a".repeat(n)}'`;
    await check(`select * from staker where id = ${text(API_LIMITS.sqlMaxStringConstant)}`);
    await refusedWith(
      check(`select * from staker where id = ${text(API_LIMITS.sqlMaxStringConstant + 1)}`),
      /longer than 1024/,
    );
  });
});

describe("GraphQL row estimate", () => {
  it("counts Ponder's default limit of 50, single rows and totalCount", () => {
    assert.equal(estimateGraphqlRows({ query: "{ stakers { items { id } } }" }), 50);
    assert.equal(estimateGraphqlRows({ query: '{ staker(id: "0x1") { id } }' }), 1);
    assert.equal(estimateGraphqlRows({ query: "{ stakers { totalCount } }" }), 1);
    // 10 stakers, each with its 50 (default) events and one staker row per event
    assert.equal(
      estimateGraphqlRows({
        query: "{ stakers(limit: 10) { items { events { items { staker { id } } } } } }",
      }),
      10 + 10 * 50 + 10 * 50,
    );
  });

  it("counts a limit of 1,000 as given and more as Ponder's maximum, 1,000", () => {
    assert.equal(
      estimateGraphqlRows({ query: "{ stakers(limit: 1000) { items { id } } }" }),
      1_000,
    );
    assert.equal(
      estimateGraphqlRows({ query: "{ stakers(limit: 1001) { items { id } } }" }),
      1_000,
    );
  });

  it("multiplies nested lists: the issue's four-level query asks for 10^12 rows", () => {
    const query = `{ stakers(limit: 1000) { items { events(limit: 1000) { items { staker {
      events(limit: 1000) { items { staker { events(limit: 1000) { items { id } } } } } } } } } } }`;
    assert.equal(estimateGraphqlRows({ query }), 1_002_002_001_000);
  });

  it("reads limits from variables and their defaults, and follows fragments", () => {
    const query = `query Q($n: Int = 20, $m: Int) { stakers(limit: $n) { items { ...E } } }
      fragment E on staker { events(limit: $m) { items { ... on poolEvent { id } } } }`;
    assert.equal(estimateGraphqlRows({ query, variables: { m: 5 } }), 20 + 20 * 5);
    assert.equal(estimateGraphqlRows({ query, variables: { n: 2, m: 3 } }), 2 + 2 * 3);
    assert.throws(() => estimateGraphqlRows({ query: "{ a { ...Missing } }" }), /Missing/);
    assert.throws(
      () => estimateGraphqlRows({ query: "{ a { ...A } } fragment A on X { b { ...A } }" }),
      /fragment A spreads itself/,
    );
    assert.throws(() => estimateGraphqlRows({ query: "{ stakers(" }), RequestRefused);
  });
});

describe("GraphQL guard", () => {
  const limits = { graphqlMaxRows: 10_000, maxResponseBytes: 100 };
  const app = (responseBytes = 10) => {
    const hono = new Hono();
    hono.use("/graphql", graphqlGuard(limits));
    hono.post("/graphql", (c) => c.text("x".repeat(responseBytes)));
    return hono;
  };
  const post = (hono: Hono, body: unknown, type = "application/json") =>
    hono.request("/graphql", {
      method: "POST",
      headers: { "content-type": type },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  // ten lists of 1,000 rows: 10,000 rows; an eleventh list of one row: 10,001
  const lists = (n: number) =>
    Array.from({ length: n }, (_, i) => `l${i}: poolEvents(limit: 1000) { items { id } }`).join(
      " ",
    );

  it("passes a request of exactly 10,000 estimated rows and refuses 10,001", async () => {
    const passed = await post(app(), { query: `{ ${lists(10)} }` });
    assert.equal(passed.status, 200);
    const refused = await post(app(), {
      query: `{ ${lists(10)} one: poolEvents(limit: 1) { items { id } } }`,
    });
    assert.equal(refused.status, 400);
    const body = (await refused.json()) as { errors: { message: string }[] };
    assert.match(body.errors[0]?.message ?? "", /may read 10,001 rows, above 10,000/);
  });

  it("refuses what it cannot estimate: other content types, batches, broken JSON", async () => {
    assert.equal(
      (await post(app(), "{ stakers { totalCount } }", "application/graphql")).status,
      415,
    );
    assert.equal((await post(app(), [{ query: "{ a }" }])).status, 400);
    assert.equal((await post(app(), "{")).status, 400);
  });

  it(`reads a request body of ${MAX_REQUEST_BYTES} bytes and refuses one byte more`, async () => {
    const body = (bytes: number) => {
      const frame = JSON.stringify({ query: "{ a }", variables: { pad: "" } });
      return JSON.stringify({
        query: "{ a }",
        variables: { pad: "x".repeat(bytes - frame.length) },
      });
    };
    assert.equal(Buffer.byteLength(body(MAX_REQUEST_BYTES)), MAX_REQUEST_BYTES);
    assert.equal((await post(app(), body(MAX_REQUEST_BYTES))).status, 200);
    assert.equal((await post(app(), body(MAX_REQUEST_BYTES + 1))).status, 413);
  });

  it("passes a response of exactly the byte cap and refuses one byte more", async () => {
    assert.equal((await post(app(100), { query: "{ a }" })).status, 200);
    const refused = await post(app(101), { query: "{ a }" });
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /larger than 100 bytes/);
  });
});

describe("SQL guard", () => {
  const limits = {
    ...API_LIMITS,
    sqlMaxRows: 3,
    sqlMaxCost: 100,
    maxResponseBytes: 1_000,
    sqlMaxLiveQueries: 1,
    sqlMaxLiveRows: 2,
    sqlMaxLiveCost: 10,
  };
  /**
   * The guard in front of stub handlers: the reader plans `plan`; /sql/db answers `rows` rows (or
   * `body`); /sql/live sends `live` events, then ends (or stays open with `open`).
   */
  const app = (
    options: {
      plan?: { cost?: number; rows?: number; width?: number };
      rows?: number;
      body?: string;
      live?: string[];
      open?: boolean;
    } = {},
  ) => {
    const seen: string[] = [];
    const reader: GuardedReader = {
      run: async () => ({ rows: [] }),
      explain: async () => ({ cost: 1, rows: 1, width: 10, ...options.plan }),
    };
    const hono = new Hono();
    hono.use("/sql/*", sqlGuard({ reader, tables: TABLES, limits }));
    hono.get("/sql/db", (c) => {
      seen.push((superjson.parse(c.req.query("sql") ?? "") as { sql: string }).sql);
      if (options.body !== undefined) return c.text(options.body);
      return c.json({ rows: Array.from({ length: options.rows ?? 0 }, (_, id) => ({ id })) });
    });
    hono.get("/sql/live", () => {
      const events = (options.live ?? []).map((data) => `data: ${data}\n\n`).join("");
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(events));
          if (!options.open) controller.close();
        },
      });
      return new Response(stream, { headers: { "content-type": "text/event-stream" } });
    });
    return { hono, seen };
  };
  const query = (sql: string, path = "db") =>
    `/sql/${path}?sql=${encodeURIComponent(superjson.stringify({ sql, params: [] }))}`;
  const status = async (options: Parameters<typeof app>[0], path = "db") =>
    (await app(options).hono.request(query("select * from staker", path))).status;

  it("hands client() the query wrapped to one row past the cap", async () => {
    const { hono, seen } = app({ rows: 1 });
    const response = await hono.request(query("select * from staker -- trailing comment"));
    assert.equal(response.status, 200);
    assert.deepEqual(seen, [capRows("select * from staker -- trailing comment", 3)]);
    assert.equal(
      seen[0],
      "select * from (\nselect * from staker -- trailing comment\n) as capped limit 4",
    );
  });

  it("passes an estimated cost of exactly the cap and refuses one unit more", async () => {
    assert.equal(await status({ plan: { cost: 100 } }), 200);
    const refused = await app({ plan: { cost: 101 } }).hono.request(query("select * from staker"));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /estimated cost 101 is above 100/);
  });

  it("passes an estimated size (rows x width) of exactly the byte cap, not one byte more", async () => {
    assert.equal(await status({ plan: { rows: 1_000, width: 1 } }), 200);
    assert.equal(await status({ plan: { rows: 1_001, width: 1 } }), 413);
  });

  it("passes a result of exactly the row cap and refuses one row more (never cut)", async () => {
    assert.equal(await status({ rows: 3 }), 200);
    const refused = await app({ rows: 4 }).hono.request(query("select * from staker"));
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /more than 3 rows/);
  });

  it("passes a result of exactly the byte cap and refuses one byte more", async () => {
    const body = (bytes: number) => {
      const frame = JSON.stringify({ rows: [{ x: "" }] });
      return JSON.stringify({ rows: [{ x: "x".repeat(bytes - frame.length) }] });
    };
    assert.equal(Buffer.byteLength(body(1_000)), 1_000);
    assert.equal(await status({ body: body(1_000) }), 200);
    assert.equal(await status({ body: body(1_001) }), 413);
  });

  it("refuses a policy breach before planning, and a query that is not @ponder/client's", async () => {
    const refused = await app().hono.request(query("select power(shares, 2) from staker"));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /power\(\) is not served/);
    assert.equal((await app().hono.request("/sql/db?sql=nonsense")).status, 400);
    assert.equal((await app().hono.request("/sql/db")).status, 400);
  });

  it("ends a live query whose result grows past its cap (2 rows) with an error event", async () => {
    const rows = (n: number) => JSON.stringify({ rows: Array.from({ length: n }, () => ({})) });
    const { hono, seen } = app({ live: [rows(2), rows(3), rows(1)] });
    const text = await (await hono.request(query("select * from staker", "live"))).text();
    assert.equal(
      text,
      `data: ${rows(2)}\n\nevent: error\ndata: SQL over HTTP: the result has more than 2 rows; narrow it (where, limit)\n\n`,
    );
    assert.deepEqual(seen, [], "live queries go to client()'s live handler");
  });

  it("plans a live query against its own cost cap: 10 passes, 11 is refused", async () => {
    assert.equal(await status({ plan: { cost: 10 }, live: [] }, "live"), 200);
    assert.equal(await status({ plan: { cost: 11 }, live: [] }, "live"), 400);
  });

  it("keeps 1 live query open with a cap of 1, refuses a second, and counts a closed one out", async () => {
    const { hono } = app({ live: ['{"rows":[]}'], open: true });
    const first = await hono.request(query("select * from staker", "live"));
    assert.equal(first.status, 200);
    const second = await hono.request(query("select * from staker", "live"));
    assert.equal(second.status, 503);
    assert.match(await second.text(), /1 live queries are open/);
    await first.body?.cancel();
    assert.equal((await hono.request(query("select * from staker", "live"))).status, 200);
  });
});

describe("concurrency limit", () => {
  it("serves 2 requests at once with a limit of 2 and answers a third 503", async () => {
    let release = () => {};
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const hono = new Hono();
    hono.use("*", concurrencyLimit(2));
    hono.get("/", async (c) => {
      await gate;
      return c.text("ok");
    });
    const first = hono.request("/");
    const second = hono.request("/");
    const third = await hono.request("/");
    assert.equal(third.status, 503);
    assert.equal(third.headers.get("retry-after"), "1");
    release();
    assert.deepEqual([(await first).status, (await second).status], [200, 200]);
    assert.equal((await hono.request("/")).status, 200);
  });
});

describe("chain guard check", () => {
  const chain = (hashes: Record<number, string>) => async (n: number) => hashes[n] ?? null;

  it("records Ponder's newer finalized block, and keeps the older one otherwise", async () => {
    const first = await checkFinalizedBlock(undefined, {
      finalizedBlock: async () => 10,
      blockHash: chain({ 10: "0xa" }),
    });
    assert.deepEqual(first, { recorded: { number: 10, hash: "0xa" } });
    const same = await checkFinalizedBlock(first.recorded, {
      finalizedBlock: async () => 10,
      blockHash: chain({ 10: "0xa" }),
    });
    assert.deepEqual(same, { recorded: { number: 10, hash: "0xa" } });
  });

  it("reports a finalized block the chain replaced or no longer has", async () => {
    const replaced = await checkFinalizedBlock(
      { number: 10, hash: "0xa" },
      { finalizedBlock: async () => 40, blockHash: chain({ 10: "0xb", 40: "0xc" }) },
    );
    assert.equal(replaced.mismatch, "finalized block 10 was 0xa, now 0xb");
    const gone = await checkFinalizedBlock(
      { number: 10, hash: "0xa" },
      { finalizedBlock: async () => 10, blockHash: chain({}) },
    );
    assert.equal(gone.mismatch, "finalized block 10 was 0xa, no longer on the chain");
  });
});

describe("guarded reader settings", () => {
  const plan = {
    rows: [{ "QUERY PLAN": [{ Plan: { "Total Cost": 1, "Plan Rows": 1, "Plan Width": 1 } }] }],
  };
  const answer = async (sql: string) => (sql.startsWith("EXPLAIN") ? plan : { rows: [] });

  it(`refreshes PGlite's statistics at most every ${API_LIMITS.analyzeEveryMs} ms`, async () => {
    const statements: string[] = [];
    const pglite = {
      transaction: async <T>(
        body: (tx: { query: (sql: string) => Promise<unknown> }) => Promise<T>,
      ) =>
        body({
          query: (sql: string) => {
            statements.push(sql);
            return answer(sql);
          },
        }),
    };
    let now = 0;
    const reader = createGuardedReader({
      client: pglite,
      dialect: "pglite",
      schema: "app",
      tables: ["staker", "pool_event"],
      limits: API_LIMITS,
      now: () => now,
    });
    const analyzed = () => statements.filter((s) => s.startsWith("ANALYZE")).length;
    await reader.explain("select 1", []);
    assert.equal(analyzed(), 1);
    assert.ok(statements.includes('ANALYZE "app"."staker", "app"."pool_event"'));
    now = API_LIMITS.analyzeEveryMs - 1;
    await reader.explain("select 1", []);
    assert.equal(analyzed(), 1);
    now = API_LIMITS.analyzeEveryMs;
    await reader.explain("select 1", []);
    assert.equal(analyzed(), 2);
    assert.ok(statements.includes('SET LOCAL search_path = "app", pg_temp'));
  });

  it(`reads PostgreSQL read-only, with a ${API_LIMITS.postgresStatementTimeoutMs} ms statement timeout`, async () => {
    const statements: string[] = [];
    let released = 0;
    const pool = {
      connect: async () => ({
        query: (sql: string) => {
          statements.push(sql);
          return answer(sql);
        },
        release: () => {
          released++;
        },
      }),
    };
    const reader = createGuardedReader({
      client: pool,
      dialect: "postgres",
      schema: "app",
      tables: ["staker"],
      limits: API_LIMITS,
    });
    await reader.run("select 1", []);
    assert.deepEqual(statements, [
      "BEGIN",
      "SET TRANSACTION READ ONLY",
      'SET LOCAL search_path = "app", pg_temp',
      `SET LOCAL statement_timeout = ${API_LIMITS.postgresStatementTimeoutMs}`,
      "select 1",
      "COMMIT",
    ]);
    assert.equal(released, 1);
  });
});

describe("guarded reader on PGlite", () => {
  it("reads the app's table, not a temp table of the same name, and plans with real costs", async () => {
    const db = new PGlite();
    try {
      await db.exec(`create schema app; create table app.staker (id text primary key, shares numeric);
        insert into app.staker select 'a' || g, g from generate_series(1, 25) g;
        set search_path to app;
        create temp table staker as select * from app.staker with no data;`);
      // What Ponder's flush leaves behind: an unqualified read sees the empty temp table.
      assert.equal(
        (await db.query<{ n: number }>("select count(*)::int as n from staker")).rows[0]?.n,
        0,
      );
      const reader = createGuardedReader({
        client: db,
        dialect: "pglite",
        schema: "app",
        tables: ["staker"],
        limits: API_LIMITS,
      });
      const { rows } = await reader.run("select count(*)::int as n from staker", []);
      assert.deepEqual(rows, [{ n: 25 }]);
      const plan = await reader.explain("select * from staker", []);
      // PGlite disables sequential scans by default (cost 10^10); the reader turns them on.
      assert.ok(plan.cost < 100, `cost ${plan.cost}`);
      assert.equal(plan.rows, 25, "ANALYZE ran: the planner knows the row count");
      await assert.rejects(reader.run("insert into staker values ('x', 1)", []), /read-only/);
      // The session's own search path is untouched (Ponder's flush relies on pg_temp first).
      assert.equal(
        (await db.query<{ n: number }>("select count(*)::int as n from staker")).rows[0]?.n,
        0,
      );
    } finally {
      await db.close();
    }
  });
});
