/**
 * A malformed command line found while parsing a command's arguments (an amount that is not a number, a
 * negative number, an unknown choice): `ipool` exits 2, as for commander's own usage errors. Input that is
 * well formed but refused by the chain's state (more than your balance, a claim that does not exist) is
 * an `InvalidInputError` and exits 1.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly metaMessages: string[];

  constructor(message: string, options: { metaMessages?: string[] } = {}) {
    super(message);
    this.metaMessages = options.metaMessages ?? [];
  }
}

/** Refuses a negative number in one line (`amount "-5" is negative: ...`), before any other parsing. */
export function refuseNegative(text: string, what: string, hint = "give a positive number"): void {
  if (/^\s*-\s*[\d.]/.test(text))
    throw new UsageError(`${what} "${text.trim()}" is negative: ${hint}`);
}

/** An SDK parse error (`"abc" is not an amount`) as a usage error naming the argument. */
export function asUsageError(error: unknown, what: string): UsageError {
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  const meta = (error as { metaMessages?: string[] }).metaMessages ?? [];
  return new UsageError(`${what}: ${message}`, { metaMessages: meta });
}
