/**
 * Reads for SQL over HTTP: each runs in its own read-only transaction that names the indexer's
 * schema first in the search path.
 *
 * Why the search path matters on PGlite: indexing and the API share one PGlite session. When Ponder
 * (0.16) flushes more than 20 updated rows of a table, it copies them into
 * `CREATE TEMP TABLE IF NOT EXISTS "<table>"`, updates the real table from it and truncates it, but
 * never drops it; `pg_temp` comes first in the default search path, so from then on an unqualified
 * `from "staker"` (what `@ponder/client` sends) read that empty temp table. Ponder's flush needs
 * `pg_temp` first (its UPDATE ... FROM and COPY name the temp table without a schema), so the
 * session's path cannot change: `SET LOCAL` changes it for the API's transaction only, and PGlite
 * runs a transaction exclusively, so no indexing statement runs under it. PostgreSQL gives every
 * connection its own temp tables, and the API reads through its own pool: the same path is set
 * there for symmetry, with a statement timeout.
 */
import type { ApiLimits } from "./limits.ts";

/** Rows as `@ponder/client` expects them (objects keyed by column name) and the fields. */
export interface ReadResult {
  rows: Record<string, unknown>[];
  fields?: unknown[];
}

/** The planner's view of a query. */
export interface Plan {
  /** Estimated total cost (PostgreSQL cost units). */
  cost: number;
  /** Estimated rows. */
  rows: number;
  /** Estimated average row width, bytes. */
  width: number;
}

/** A read on one connection or transaction (PGlite's `tx.query`, node-postgres' `client.query`). */
type Query = (sql: string, params?: unknown[], options?: object) => Promise<ReadResult>;
/** PGlite (`db.$client` on PGlite): transactions run exclusively. */
type PgliteClient = { transaction<T>(body: (tx: { query: Query }) => Promise<T>): Promise<T> };
/** node-postgres' pool (`db.$client` on PostgreSQL: Ponder's read-only pool). */
type PostgresPool = { connect(): Promise<{ query: Query; release(error?: Error): void }> };

export interface GuardedReader {
  /** Runs one statement and returns its rows. */
  run(sql: string, params: unknown[]): Promise<ReadResult>;
  /** `EXPLAIN (FORMAT JSON)` of one statement, in the same settings as {@link run}. */
  explain(sql: string, params: unknown[]): Promise<Plan>;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * PGlite's value parsers as drizzle configures them for Ponder's client(): dates, times and
 * intervals (and their arrays) stay strings.
 */
const PGLITE_PARSERS = Object.fromEntries(
  [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, (v: string) => v]),
);

/**
 * Reads through the database driver itself (Ponder's query builder would retry a failing query
 * nine times with back-off, and a user's bad query fails by design).
 */
export function createGuardedReader(options: {
  /** `db.$client` of the `db` Ponder gives the API. */
  client: unknown;
  dialect: "pglite" | "postgres";
  schema: string;
  /** The app's tables (to refresh PGlite's planner statistics). */
  tables: readonly string[];
  limits: Pick<ApiLimits, "postgresStatementTimeoutMs" | "analyzeEveryMs">;
  now?: () => number;
}): GuardedReader {
  const { dialect, schema, limits } = options;
  const now = options.now ?? Date.now;
  let analyzedAt = Number.NEGATIVE_INFINITY;

  const settings = [
    "SET TRANSACTION READ ONLY",
    `SET LOCAL search_path = ${quote(schema)}, pg_temp`,
    ...(dialect === "pglite"
      ? // PGlite starts with sequential scans disabled, which prices every scan at 10^10.
        ["SET LOCAL enable_seqscan = on"]
      : [`SET LOCAL statement_timeout = ${Math.round(limits.postgresStatementTimeoutMs)}`]),
  ];

  const inTransaction = async <T>(body: (query: Query) => Promise<T>): Promise<T> => {
    if (dialect === "pglite") {
      return (options.client as PgliteClient).transaction(async (tx) => {
        const query: Query = (sql, params = []) =>
          tx.query(sql, params, { parsers: PGLITE_PARSERS });
        for (const statement of settings) await query(statement);
        return body(query);
      });
    }
    const connection = await (options.client as PostgresPool).connect();
    try {
      await connection.query("BEGIN");
      for (const statement of settings) await connection.query(statement);
      const result = await body((sql, params = []) => connection.query(sql, params));
      await connection.query("COMMIT");
      connection.release();
      return result;
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => {});
      connection.release();
      throw error;
    }
  };

  /**
   * PGlite has no autovacuum: without statistics the planner misjudges a join on a column of few
   * distinct values by 40x. ANALYZE of the app's tables takes milliseconds.
   */
  const refreshStatistics = async () => {
    if (dialect !== "pglite" || now() - analyzedAt < limits.analyzeEveryMs) return;
    analyzedAt = now();
    const list = options.tables.map((t) => `${quote(schema)}.${quote(t)}`).join(", ");
    await (options.client as PgliteClient).transaction((tx) => tx.query(`ANALYZE ${list}`));
  };

  return {
    run: (sql, params) => inTransaction((query) => query(sql, params)),
    explain: async (sql, params) => {
      await refreshStatistics();
      return inTransaction(async (query) => {
        const result = await query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
        const cell = Object.values(result.rows[0] ?? {})[0];
        const json = typeof cell === "string" ? JSON.parse(cell) : cell;
        const plan = (json as { Plan: Record<string, number> }[])[0]?.Plan;
        if (!plan) throw new Error("EXPLAIN returned no plan");
        return {
          cost: Number(plan["Total Cost"]),
          rows: Number(plan["Plan Rows"]),
          width: Number(plan["Plan Width"]),
        };
      });
    },
  };
}

/**
 * A stand-in for `db` given to Ponder's `client()` middleware on PGlite: client() runs each query
 * through `db._.session.prepareQuery(query).execute()` there, which now goes through `reader`.
 * (On PostgreSQL client() reads through Ponder's own read-only pool and ignores `db`.)
 */
export function readerBackedDatabase<T extends object>(db: T, reader: GuardedReader): T {
  const session = (db as unknown as { _: { session: { dialect: unknown } } })._.session;
  const proxy = {
    _: {
      session: {
        dialect: session.dialect,
        prepareQuery: (query: { sql: string; params: unknown[] }) => ({
          execute: () => reader.run(query.sql, query.params),
        }),
      },
    },
  };
  return proxy as unknown as T;
}
