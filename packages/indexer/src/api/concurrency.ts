import type { MiddlewareHandler } from "hono";
import { formatCount } from "./refusal.ts";

/**
 * At most `max` requests through this middleware at once (one counter for every route it guards);
 * the next one is answered 503 at once, with `Retry-After: 1`, rather than queued.
 */
export function concurrencyLimit(max: number): MiddlewareHandler {
  let inFlight = 0;
  return async (c, next) => {
    if (inFlight >= max) {
      c.header("Retry-After", "1");
      const message = `busy: ${formatCount(inFlight)} requests in progress (at most ${max}); retry`;
      // `error` for the /stats and SQL clients, `errors` for GraphQL clients.
      return c.json({ error: message, errors: [{ message }] }, 503);
    }
    inFlight++;
    try {
      await next();
    } finally {
      inFlight--;
    }
  };
}
