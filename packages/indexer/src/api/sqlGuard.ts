/**
 * Bounds SQL over HTTP (`/sql/db`, `/sql/live`, the protocol of `@ponder/client`) before Ponder's
 * `client()` middleware validates and runs the query:
 * 1. the query must pass {@link checkSqlPolicy} (one SELECT over the app's tables, cheap functions);
 * 2. it is wrapped as `select * from (<query>) as capped limit <max rows + 1>`, so no result holds
 *    more than one row past the cap, and a result past the cap is refused (never cut silently);
 * 3. the planner's estimate of the wrapped query (EXPLAIN, in the reader's settings) must stay under
 *    the cost cap, and its estimated size under the response cap.
 * Live queries run again after every indexed block, so their row and cost caps are lower and only
 * a few may be open.
 * PGlite cannot interrupt a running statement, so these checks are the time bound there.
 */
import type { Context, MiddlewareHandler } from "hono";
import superjson from "superjson";
import type { ApiLimits } from "./limits.ts";
import type { GuardedReader } from "./reader.ts";
import { formatCount, RequestRefused } from "./refusal.ts";
import { replaceBody } from "./responses.ts";
import { checkSqlPolicy } from "./sqlPolicy.ts";

/** A query as `@ponder/client` sends it (superjson in the `sql` search parameter). */
interface ClientQuery {
  sql: string;
  params: unknown[];
  typings?: unknown;
}

type SqlLimits = Pick<
  ApiLimits,
  | "sqlMaxRows"
  | "sqlMaxCost"
  | "sqlMaxColumns"
  | "sqlMaxArithmetic"
  | "sqlMaxStringConstant"
  | "sqlMaxLiveQueries"
  | "sqlMaxLiveRows"
  | "sqlMaxLiveCost"
  | "maxResponseBytes"
>;

/** `sql` wrapped so that it returns at most `maxRows + 1` rows (one more shows it was over). */
export function capRows(sql: string, maxRows: number): string {
  // New lines keep a trailing `-- comment` from swallowing the wrapper.
  return `select * from (\n${sql}\n) as capped limit ${maxRows + 1}`;
}

const tooManyRows = (max: number) =>
  `SQL over HTTP: the result has more than ${formatCount(max)} rows; narrow it (where, limit)`;

function decode(encoded: string | undefined): ClientQuery {
  if (encoded === undefined) throw new RequestRefused(400, 'Missing "sql" query parameter');
  let query: unknown;
  try {
    query = superjson.parse(encoded);
  } catch {
    throw new RequestRefused(400, 'SQL over HTTP: "sql" is not a query of @ponder/client');
  }
  const { sql, params } = (query ?? {}) as Partial<ClientQuery>;
  if (typeof sql !== "string" || !Array.isArray(params)) {
    throw new RequestRefused(400, 'SQL over HTTP: "sql" is not a query of @ponder/client');
  }
  return query as ClientQuery;
}

export function sqlGuard(options: {
  reader: GuardedReader;
  tables: ReadonlySet<string>;
  limits: SqlLimits;
}): MiddlewareHandler {
  const { reader, tables, limits } = options;
  let liveQueries = 0;

  /** Checks the query and returns it capped; throws RequestRefused. */
  const admit = async (
    query: ClientQuery,
    caps: { maxRows: number; maxCost: number },
  ): Promise<ClientQuery> => {
    await checkSqlPolicy(query.sql, tables, limits);
    const sql = capRows(query.sql, caps.maxRows);
    let plan: Awaited<ReturnType<GuardedReader["explain"]>>;
    try {
      plan = await reader.explain(sql, query.params);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new RequestRefused(400, `SQL over HTTP: ${message}`);
    }
    if (plan.cost > caps.maxCost) {
      throw new RequestRefused(
        400,
        `SQL over HTTP: the query's estimated cost ${formatCount(plan.cost)} is above ${formatCount(caps.maxCost)}; narrow it (where on indexed columns, fewer joins, limit)`,
      );
    }
    if (plan.rows * plan.width > limits.maxResponseBytes) {
      throw new RequestRefused(
        413,
        `SQL over HTTP: the result would be about ${formatCount(plan.rows * plan.width)} bytes, above ${formatCount(limits.maxResponseBytes)}; select fewer rows or columns`,
      );
    }
    return { ...query, sql };
  };

  return async (c, next) => {
    const kind = c.req.path.endsWith("/sql/db")
      ? "db"
      : c.req.path.endsWith("/sql/live")
        ? "live"
        : undefined;
    if (!kind) return next();
    try {
      if (kind === "live" && liveQueries >= limits.sqlMaxLiveQueries) {
        throw new RequestRefused(
          503,
          `SQL over HTTP: ${limits.sqlMaxLiveQueries} live queries are open, the most served`,
        );
      }
      const caps =
        kind === "db"
          ? { maxRows: limits.sqlMaxRows, maxCost: limits.sqlMaxCost }
          : { maxRows: limits.sqlMaxLiveRows, maxCost: limits.sqlMaxLiveCost };
      const capped = await admit(decode(c.req.query("sql")), caps);
      const url = new URL(c.req.url);
      url.searchParams.set("sql", superjson.stringify(capped));
      c.req.raw = new Request(url, c.req.raw);
    } catch (error) {
      if (error instanceof RequestRefused) return c.text(error.message, error.status);
      throw error;
    }
    if (kind === "db") {
      await next();
      await refuseOversized(c, limits);
      return;
    }
    liveQueries++;
    let released = false;
    const release = () => {
      if (!released) liveQueries--;
      released = true;
    };
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    const body = c.res.body;
    if (c.res.status !== 200 || !body) {
      release();
      return;
    }
    replaceBody(c, capLiveRows(body, limits.sqlMaxLiveRows, release));
  };
}

/** Replaces a `/sql/db` result over the row or byte cap by a 413 that says so. */
async function refuseOversized(c: Context, limits: SqlLimits) {
  if (c.res.status !== 200) return;
  const text = await c.res.text();
  const refuse = (message: string) =>
    replaceBody(c, message, { status: 413, contentType: "text/plain; charset=UTF-8" });
  if (Buffer.byteLength(text) > limits.maxResponseBytes) {
    refuse(
      `SQL over HTTP: the result is larger than ${formatCount(limits.maxResponseBytes)} bytes; select fewer rows or columns`,
    );
    return;
  }
  const { rows } = JSON.parse(text) as { rows?: unknown[] };
  if ((rows?.length ?? 0) > limits.sqlMaxRows) {
    refuse(tooManyRows(limits.sqlMaxRows));
    return;
  }
  replaceBody(c, text);
}

/**
 * Passes a live query's server-sent events through until one carries more than `maxRows` rows;
 * that one becomes an `error` event with the reason, and the stream ends. `release` runs once when
 * the stream ends either way (closed, cancelled by the client, or cut).
 */
function capLiveRows(
  body: ReadableStream<Uint8Array>,
  maxRows: number,
  release: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let pending = "";
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        release();
        controller.close();
        return;
      }
      pending += decoder.decode(value, { stream: true });
      const events = pending.split("\n\n");
      pending = events.pop() ?? "";
      for (const event of events) {
        const data = event
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).trimStart())
          .join("\n");
        let rows = 0;
        try {
          rows = (JSON.parse(data) as { rows?: unknown[] }).rows?.length ?? 0;
        } catch {
          // not a result (a comment or a keep-alive): pass it on
        }
        if (rows > maxRows) {
          controller.enqueue(encoder.encode(`event: error\ndata: ${tooManyRows(maxRows)}\n\n`));
          release();
          controller.close();
          await reader.cancel();
          return;
        }
        controller.enqueue(encoder.encode(`${event}\n\n`));
      }
    },
    async cancel(reason) {
      release();
      await reader.cancel(reason);
    },
  });
}
