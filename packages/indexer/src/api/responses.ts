import type { Context } from "hono";

/**
 * Replaces the body (and optionally the status and type) of the response a later middleware made,
 * keeping its other headers (CORS) but not its length.
 */
export function replaceBody(
  c: Context,
  body: BodyInit,
  options: { status?: number; contentType?: string } = {},
): void {
  const previous = c.res;
  const headers = new Headers(previous.headers);
  headers.delete("content-length");
  if (options.contentType) headers.set("content-type", options.contentType);
  const next = new Response(body, { status: options.status ?? previous.status, headers });
  // Hono's setter merges the previous response's headers (content-length too): clear it first.
  c.res = undefined as unknown as Response;
  c.res = next;
}
