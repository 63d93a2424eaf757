/**
 * What a SQL-over-HTTP query may contain, checked on its parse tree before anything runs (Ponder's
 * own allow-list runs afterwards). A query's time is bounded by the planner's estimate (see
 * sqlGuard.ts), but the planner prices a function call or an operator at almost nothing, and some
 * cost seconds per row or grow a value without bound: `power(2::numeric, 400000)` takes 1 s,
 * `replace(x, 'a', x)` nested ten times builds a gigabyte string. So only cheap functions and
 * operators pass, casts keep small sizes, and the query reads only the indexer's own tables.
 */
import type { ApiLimits } from "./limits.ts";
import { RequestRefused } from "./refusal.ts";

/** Functions a query may call: aggregates, window functions, cheap scalar functions. */
const ALLOWED_FUNCTIONS = new Set([
  ...["count", "sum", "avg", "min", "max", "json_agg", "json_object_agg"],
  ...["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile"],
  ...["lag", "lead", "first_value", "last_value", "nth_value"],
  ...["lower", "upper", "length", "trim", "substring", "coalesce"],
  ...["abs", "ceil", "ceiling", "floor", "round", "sign", "mod", "div", "width_bucket"],
  ...["degrees", "radians", "pi", "random", "acos", "asin", "atan", "atan2", "cos", "cot"],
  ...["sin", "tan", "now", "current_timestamp", "current_date", "current_time"],
]);

const COMPARISONS = new Set(["=", "<>", "!=", "<", ">", "<=", ">="]);
const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);
const LIKE = new Set(["~~", "!~~", "~~*", "!~~*"]);
/** A_Expr kinds that compare values (their operator is checked separately for AEXPR_OP*). */
const EXPRESSION_KINDS = new Set([
  "AEXPR_OP",
  "AEXPR_OP_ANY",
  "AEXPR_OP_ALL",
  "AEXPR_DISTINCT",
  "AEXPR_NOT_DISTINCT",
  "AEXPR_NULLIF",
  "AEXPR_IN",
  "AEXPR_LIKE",
  "AEXPR_ILIKE",
  "AEXPR_BETWEEN",
  "AEXPR_NOT_BETWEEN",
  "AEXPR_BETWEEN_SYM",
  "AEXPR_NOT_BETWEEN_SYM",
]);
/** Types a value may be cast to (`x::numeric`), with type modifiers up to MAX_TYPMOD. */
const CAST_TYPES = new Set([
  ...["text", "varchar", "bpchar", "numeric", "int2", "int4", "int8", "float4", "float8"],
  ...["bool", "date", "timestamp", "timestamptz", "json", "jsonb"],
]);
const MAX_TYPMOD = 1_000;

interface PgQuery {
  parse(sql: string): {
    parse_tree: { stmts: { stmt?: Record<string, unknown> }[] };
    error: { message: string } | null;
  };
}

let parser: Promise<PgQuery> | undefined;

/** PostgreSQL's own parser (libpg_query compiled to wasm), the one Ponder validates queries with. */
function pgQuery(): Promise<PgQuery> {
  parser ??= import("pg-query-emscripten").then((module) => module.default() as Promise<PgQuery>);
  return parser;
}

type AstNode = Record<string, unknown>;

/** Every node of a libpg_query JSON tree, as its type name and body. */
function* nodesOf(value: unknown): Generator<{ type: string; body: AstNode }> {
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const keys = Object.keys(value);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined && /^[A-Z]/.test(only)) {
    const body = (value as Record<string, unknown>)[only];
    if (typeof body === "object" && body !== null && !Array.isArray(body)) {
      yield { type: only, body: body as AstNode };
    }
    yield* nodesOf(body);
    return;
  }
  for (const child of Object.values(value)) yield* nodesOf(child);
}

/** The names in a list of `String` nodes (`funcname`, `name`, `names`). */
function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map(
    (item) => ((item as { String?: { sval?: string } }).String?.sval ?? "") as string,
  );
}

const refuse = (message: string) => new RequestRefused(400, `SQL over HTTP: ${message}`);

/**
 * Throws {@link RequestRefused} (400) unless `sql` is one SELECT over `tables` (or its own CTEs)
 * that uses only cheap functions and operators, small casts and constants, and at most
 * `limits.sqlMaxColumns` columns per SELECT.
 */
export async function checkSqlPolicy(
  sql: string,
  tables: ReadonlySet<string>,
  limits: Pick<ApiLimits, "sqlMaxColumns" | "sqlMaxArithmetic" | "sqlMaxStringConstant">,
): Promise<void> {
  const { parse_tree, error } = (await pgQuery()).parse(sql);
  if (error) throw refuse(`the query does not parse: ${error.message}`);
  if (parse_tree.stmts.length !== 1) throw refuse("send exactly one statement");
  const statement = parse_tree.stmts[0]?.stmt;
  if (!statement || !("SelectStmt" in statement)) throw refuse("only SELECT queries are served");

  const all = [...nodesOf(statement)];
  const cteNames = new Set(
    all.filter((n) => n.type === "CommonTableExpr").map((n) => String(n.body.ctename)),
  );
  let arithmetic = 0;
  for (const { type, body } of all) {
    switch (type) {
      case "SelectStmt": {
        const columns = Array.isArray(body.targetList) ? body.targetList.length : 0;
        if (columns > limits.sqlMaxColumns) {
          throw refuse(`a SELECT lists ${columns} columns, at most ${limits.sqlMaxColumns}`);
        }
        break;
      }
      case "RangeVar": {
        if (body.schemaname) throw refuse(`name tables without a schema (${body.schemaname})`);
        const name = String(body.relname);
        if (!tables.has(name) && !cteNames.has(name)) {
          throw refuse(`unknown table "${name}" (the indexer's tables: ${[...tables].join(", ")})`);
        }
        break;
      }
      case "FuncCall": {
        const name = names(body.funcname).join(".");
        if (!ALLOWED_FUNCTIONS.has(name)) throw refuse(`function ${name}() is not served`);
        if (name === "round" && Array.isArray(body.args) && body.args.length > 1) {
          throw refuse("round() takes one argument here");
        }
        break;
      }
      case "A_Expr": {
        const kind = String(body.kind);
        const [operator = ""] = names(body.name);
        if (!EXPRESSION_KINDS.has(kind)) throw refuse(`${kind.slice(6)} is not served`);
        if (kind === "AEXPR_LIKE" || kind === "AEXPR_ILIKE") {
          if (!LIKE.has(operator)) throw refuse(`operator ${operator} is not served`);
        } else if (kind.startsWith("AEXPR_OP")) {
          if (ARITHMETIC.has(operator)) arithmetic++;
          else if (!COMPARISONS.has(operator)) throw refuse(`operator ${operator} is not served`);
        }
        break;
      }
      case "TypeCast": {
        const typeName = (body.typeName ?? {}) as AstNode;
        const type = names(typeName.names).at(-1) ?? "";
        if (!CAST_TYPES.has(type)) throw refuse(`casts to ${type} are not served`);
        if (typeName.arrayBounds) throw refuse("casts to arrays are not served");
        for (const typmod of nodesOf(typeName.typmods)) {
          if (typmod.type !== "A_Const") continue;
          const value = (typmod.body.ival as { ival?: number } | undefined)?.ival ?? 0;
          if (value > MAX_TYPMOD) throw refuse(`type modifier ${value} is above ${MAX_TYPMOD}`);
        }
        break;
      }
      case "A_Const": {
        const text = (body.sval as { sval?: string } | undefined)?.sval ?? "";
        if (text.length > limits.sqlMaxStringConstant) {
          throw refuse(
            `a string constant is longer than ${limits.sqlMaxStringConstant} characters`,
          );
        }
        break;
      }
    }
  }
  if (arithmetic > limits.sqlMaxArithmetic) {
    throw refuse(`${arithmetic} arithmetic operators, at most ${limits.sqlMaxArithmetic}`);
  }
}
