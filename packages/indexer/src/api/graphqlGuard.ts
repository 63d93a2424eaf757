/**
 * Bounds a GraphQL request before Ponder runs it: a JSON POST (`{"query", "variables",
 * "operationName"}`, no batches) whose estimated rows ({@link estimateGraphqlRows}) stay under the
 * cap; and after it ran, a response body under the byte cap. GET is Ponder's GraphiQL page.
 */
import type { Context, MiddlewareHandler } from "hono";
import { estimateGraphqlRows, type GraphqlRequest } from "./graphqlCost.ts";
import type { ApiLimits } from "./limits.ts";
import { formatCount, RequestRefused } from "./refusal.ts";
import { replaceBody } from "./responses.ts";

/** Largest request body read (a query is at most Ponder's 1,000 tokens; variables are small). */
export const MAX_REQUEST_BYTES = 256 * 1024;

const errorResponse = (c: Context, error: RequestRefused) =>
  c.json({ errors: [{ message: error.message }] }, error.status);

export function graphqlGuard(
  limits: Pick<ApiLimits, "graphqlMaxRows" | "maxResponseBytes">,
): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    try {
      const type = c.req.header("content-type") ?? "";
      if (!type.includes("application/json")) {
        throw new RequestRefused(415, 'GraphQL: POST the request as "application/json"');
      }
      // A declared length over the cap is refused unread; an undeclared one is read, then checked.
      if (Number(c.req.header("content-length") ?? 0) > MAX_REQUEST_BYTES) {
        throw new RequestRefused(
          413,
          `GraphQL: the request is over ${formatCount(MAX_REQUEST_BYTES)} bytes`,
        );
      }
      const text = await c.req.raw.clone().text();
      if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) {
        throw new RequestRefused(
          413,
          `GraphQL: the request is over ${formatCount(MAX_REQUEST_BYTES)} bytes`,
        );
      }
      let request: unknown;
      try {
        request = JSON.parse(text);
      } catch {
        throw new RequestRefused(400, "GraphQL: the request body is not JSON");
      }
      if (typeof request !== "object" || request === null || Array.isArray(request)) {
        throw new RequestRefused(400, 'GraphQL: send one {"query": "..."} object (no batches)');
      }
      const rows = estimateGraphqlRows(request as GraphqlRequest);
      if (rows > limits.graphqlMaxRows) {
        throw new RequestRefused(
          400,
          `GraphQL: the query may read ${formatCount(rows)} rows, above ${formatCount(limits.graphqlMaxRows)} (each list's limit, 50 by default, times the lists around it); lower the limits or nest fewer lists`,
        );
      }
    } catch (error) {
      if (error instanceof RequestRefused) return errorResponse(c, error);
      throw error;
    }
    await next();
    const body = await c.res.text();
    if (Buffer.byteLength(body) > limits.maxResponseBytes) {
      const message = `GraphQL: the response is larger than ${formatCount(limits.maxResponseBytes)} bytes; ask for fewer rows or fields`;
      replaceBody(c, JSON.stringify({ errors: [{ message }] }), {
        status: 413,
        contentType: "application/json",
      });
      return;
    }
    replaceBody(c, body);
  };
}
