/**
 * What the API needs to know about the running Ponder app: its backend, the database schema its
 * tables live in, and their names.
 */

import { getTableName, isTable } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

declare global {
  // Set by Ponder before it loads the API (ponder/src/database, ponder/src/build).
  var PONDER_DATABASE: { driver: { dialect: "pglite" | "postgres" } } | undefined;
  var PONDER_NAMESPACE_BUILD: { schema: string } | undefined;
  var PONDER_COMMON:
    | {
        logger: { error(entry: { msg: string }): void };
        apiShutdown: { add(callback: () => unknown): void };
      }
    | undefined;
}

export interface PonderRuntime {
  dialect: "pglite" | "postgres";
  /** Database schema of the app's tables (`--schema`). */
  schema: string;
  /** Names of the app's tables (`ponder.schema.ts`). */
  tables: string[];
}

export function ponderRuntime(appSchema: Record<string, unknown>): PonderRuntime {
  const tables = Object.values(appSchema).filter((value): value is PgTable => isTable(value));
  const schema =
    tables.map((table) => getTableConfig(table).schema).find((name) => name !== undefined) ??
    globalThis.PONDER_NAMESPACE_BUILD?.schema;
  const dialect = globalThis.PONDER_DATABASE?.driver.dialect;
  if (!schema || !dialect) throw new Error("indexer API: loaded outside a running Ponder app");
  return { dialect, schema, tables: tables.map(getTableName) };
}
