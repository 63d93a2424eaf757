/**
 * How many rows a GraphQL request asks Ponder for, estimated from the query alone before it runs.
 * Ponder's own limits (depth 100, 1,000 tokens, 30 aliases, `limit` <= 1,000 per list) let 174
 * characters nest `stakers(limit: 1000) { items { events(limit: 1000) ...` four levels deep: 10^12
 * rows, which ran the indexer out of memory. The estimate multiplies each list's `limit` by the
 * lists around it.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { RequestRefused } from "./refusal.ts";

/** Ponder's default `limit` of a list (plural fields and one-to-many relations). */
export const DEFAULT_LIST_LIMIT = 50;
/** The fields of a page (a list field's result). */
const PAGE_FIELDS = new Set(["items", "totalCount", "pageInfo"]);
/** Selections that read no rows (cursors of the page, introspection). */
const PAGE_FIELDS_WITHOUT_ROWS = new Set(["pageInfo", "__schema", "__type"]);
/** Ponder refuses a larger `limit`. */
const MAX_LIST_LIMIT = 1_000;

/** A GraphQL request as POSTed (`application/json`). */
export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const refuse = (message: string) => new RequestRefused(400, `GraphQL: ${message}`);

/**
 * Estimated rows the request reads: a list field (one whose selection has `items`) reads `limit`
 * rows (50 when omitted) for every row of the lists around it; every other field that has a
 * selection (one related row, or a single row by id) and every `totalCount` adds one per row around
 * it. Throws {@link RequestRefused} when the query does not parse or names an unknown fragment.
 */
export function estimateGraphqlRows(request: GraphqlRequest): number {
  if (typeof request.query !== "string") throw refuse('send {"query": "..."} as JSON');
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : String(error));
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation =
    typeof request.operationName === "string"
      ? operations.find((o) => o.name?.value === request.operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation) throw refuse("name the operation to run (operationName)");
  const variables =
    typeof request.variables === "object" && request.variables !== null
      ? (request.variables as Record<string, unknown>)
      : {};
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue]),
  );

  const limitOf = (field: FieldNode): number => {
    const argument = field.arguments?.find((a) => a.name.value === "limit");
    const value = argument ? numberOf(argument.value, variables, defaults) : undefined;
    const limit = typeof value === "number" && Number.isFinite(value) ? value : DEFAULT_LIST_LIMIT;
    return Math.min(Math.max(limit, 0), MAX_LIST_LIMIT);
  };

  /**
   * Rows read by `selection` for each of `multiplicity` parent rows; `spreading` holds the fragments
   * being expanded (a fragment that spreads itself is invalid GraphQL, but this runs before Ponder
   * validates the query).
   */
  const rowsOf = (
    selection: SelectionSetNode,
    multiplicity: number,
    spreading: ReadonlySet<string>,
  ): number => {
    let rows = 0;
    for (const node of selection.selections) {
      if (node.kind === Kind.FRAGMENT_SPREAD) {
        const name = node.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw refuse(`unknown fragment ${name}`);
        if (spreading.has(name)) throw refuse(`fragment ${name} spreads itself`);
        rows += rowsOf(fragment.selectionSet, multiplicity, new Set([...spreading, name]));
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        rows += rowsOf(node.selectionSet, multiplicity, spreading);
      } else if (node.name.value === "totalCount") {
        rows += multiplicity; // one count per page
      } else if (node.selectionSet && !PAGE_FIELDS_WITHOUT_ROWS.has(node.name.value)) {
        const selections = node.selectionSet.selections;
        const isPage = selections.some(
          (s) => s.kind === Kind.FIELD && PAGE_FIELDS.has(s.name.value),
        );
        if (isPage) {
          const items = selections.find(
            (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "items",
          );
          if (items?.selectionSet) {
            const listed = multiplicity * limitOf(node);
            rows += listed + rowsOf(items.selectionSet, listed, spreading);
          }
          rows += rowsOf(withoutItems(node.selectionSet), multiplicity, spreading);
        } else {
          rows += multiplicity + rowsOf(node.selectionSet, multiplicity, spreading);
        }
      }
    }
    return rows;
  };
  return rowsOf(operation.selectionSet, 1, new Set());
}

function withoutItems(selection: SelectionSetNode): SelectionSetNode {
  return {
    ...selection,
    selections: selection.selections.filter(
      (s) => !(s.kind === Kind.FIELD && s.name.value === "items"),
    ),
  };
}

/** The number a GraphQL value stands for (a literal or a variable), else undefined. */
function numberOf(
  value: ValueNode,
  variables: Record<string, unknown>,
  defaults: Map<string, ValueNode | undefined>,
): unknown {
  if (value.kind === Kind.INT || value.kind === Kind.FLOAT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const name = value.name.value;
    if (name in variables) return variables[name];
    const fallback = defaults.get(name);
    return fallback ? numberOf(fallback, variables, defaults) : undefined;
  }
  return undefined;
}
