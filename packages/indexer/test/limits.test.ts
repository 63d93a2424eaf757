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
import { graphqlGuard } from "../src/api/graphqlGuard.ts";
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

  it("passes a response of exactly the byte cap and refuses one byte more", async () => {
    assert.equal((await post(app(100), { query: "{ a }" })).status, 200);
    const refused = await post(app(101), { query: "{ a }" });
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /larger than 100 bytes/);
  });
});

describe("SQL guard", () => {
  const limits = { ...API_LIMITS, sqlMaxRows: 3, sqlMaxCost: 100, maxResponseBytes: 10_000 };
  /** A stub reader whose plan has the given cost, and a stub client() returning `rows` rows. */
  const app = (options: { cost?: number; rows?: number; live?: string[] }) => {
    const seen: string[] = [];
    const reader: GuardedReader = {
      run: async () => ({ rows: [] }),
      explain: async () => ({ cost: options.cost ?? 1, rows: 1, width: 10 }),
    };
    const hono = new Hono();
    hono.use("/sql/*", sqlGuard({ reader, tables: TABLES, limits }));
    hono.get("/sql/db", (c) => {
      seen.push((superjson.parse(c.req.query("sql") ?? "") as { sql: string }).sql);
      return c.json({ rows: Array.from({ length: options.rows ?? 0 }, (_, id) => ({ id })) });
    });
    hono.get("/sql/live", () => {
      const events = (options.live ?? []).map((data) => `data: ${data}\n\n`).join("");
      return new Response(events, { headers: { "content-type": "text/event-stream" } });
    });
    return { hono, seen };
  };
  const query = (sql: string, path = "db") =>
    `/sql/${path}?sql=${encodeURIComponent(superjson.stringify({ sql, params: [] }))}`;

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
    assert.equal(
      (await app({ cost: 100 }).hono.request(query("select * from staker"))).status,
      200,
    );
    const refused = await app({ cost: 100.5 }).hono.request(query("select * from staker"));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /estimated cost 101 is above 100/);
  });

  it("passes a result of exactly the row cap and refuses one row more (never cut)", async () => {
    assert.equal((await app({ rows: 3 }).hono.request(query("select * from staker"))).status, 200);
    const refused = await app({ rows: 4 }).hono.request(query("select * from staker"));
    assert.equal(refused.status, 413);
    assert.match(await refused.text(), /more than 3 rows/);
  });

  it("refuses a policy breach before planning, and a query that is not @ponder/client's", async () => {
    const refused = await app({}).hono.request(query("select power(shares, 2) from staker"));
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /power\(\) is not served/);
    assert.equal((await app({}).hono.request("/sql/db?sql=nonsense")).status, 400);
    assert.equal((await app({}).hono.request("/sql/db")).status, 400);
  });

  it("ends a live query whose result grows past the cap with an error event", async () => {
    const rows = (n: number) => JSON.stringify({ rows: Array.from({ length: n }, () => ({})) });
    const { hono } = app({ live: [rows(3), rows(4), rows(1)] });
    const text = await (await hono.request(query("select * from staker", "live"))).text();
    assert.equal(
      text,
      `data: ${rows(3)}\n\nevent: error\ndata: SQL over HTTP: the result has more than 3 rows; narrow it (where, limit)\n\n`,
    );
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
