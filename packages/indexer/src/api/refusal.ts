/** A request the API will not serve, with the HTTP status and a message that says what to change. */
export class RequestRefused extends Error {
  override name = "RequestRefused";
  constructor(
    readonly status: 400 | 413 | 415 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Formats a count with thousands separators (10,000). */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}
