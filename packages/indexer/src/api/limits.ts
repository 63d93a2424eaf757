/**
 * What one request to the indexer's API may cost. PGlite runs inside the indexer's process, on its
 * one thread, and cannot interrupt a statement (it has no working `statement_timeout`): a request
 * is therefore bounded before it runs (its shape, the planner's estimate, a row cap) rather than
 * stopped while it runs. packages/indexer/README.md lists these limits with measured timings.
 */
export const API_LIMITS = {
  /** Rows one SQL-over-HTTP result may hold; a larger result is refused, not cut. */
  sqlMaxRows: 10_000,
  /**
   * The planner's estimated cost (PostgreSQL cost units, `EXPLAIN`) above which a SQL-over-HTTP
   * query is refused before it runs: about 0.2-0.7 s of PGlite work at the limit.
   */
  sqlMaxCost: 10_000,
  /** Columns one SELECT may list. */
  sqlMaxColumns: 64,
  /** Arithmetic operators (+ - * / %) one query may use (a chain of products grows numbers). */
  sqlMaxArithmetic: 16,
  /** Characters of one string constant. */
  sqlMaxStringConstant: 1_024,
  /**
   * Open live queries (`/sql/live`). Each one runs again after every indexed block that changed its
   * tables, so their caps below bound the work added to each block: 10 x ~0.1 s at most.
   */
  sqlMaxLiveQueries: 10,
  /** Rows of one live query's result. */
  sqlMaxLiveRows: 1_000,
  /** Estimated cost of one live query (about 0.1 s of PGlite work at the limit). */
  sqlMaxLiveCost: 1_000,
  /**
   * Rows one GraphQL request may ask for, estimated before it runs: each list's `limit` (50 when
   * omitted) times the lists around it, plus one per single-row field and per `totalCount`.
   */
  graphqlMaxRows: 10_000,
  /** Bytes of one response body (GraphQL or SQL over HTTP). */
  maxResponseBytes: 16 * 1024 * 1024,
  /** Requests to /graphql, /sql and /stats served at the same time; more get 503 at once. */
  maxConcurrentRequests: 8,
  /** PostgreSQL only: statement timeout of the API's own reads (PGlite has none). */
  postgresStatementTimeoutMs: 10_000,
  /** PGlite only: planner statistics of the tables are refreshed at most this often. */
  analyzeEveryMs: 60_000,
} as const;

export type ApiLimits = { -readonly [K in keyof typeof API_LIMITS]: number };
