/** Options shared by every SDK error. */
export interface BaseErrorParameters {
  /** The underlying error (an RPC error, a viem error, ...). */
  cause?: unknown;
  /** Extra lines shown under the message (values, hints). */
  metaMessages?: string[];
  /** Free-form detail, usually the message of the cause. */
  details?: string;
}

/**
 * The root of every error the SDK throws. `shortMessage` is one readable sentence; `message` adds the
 * meta lines and details below it, in the style of viem's errors.
 *
 * @example
 * ```ts
 * try { await stake(client, { pool, amount }) }
 * catch (error) { if (error instanceof BaseError) console.error(error.shortMessage) }
 * ```
 */
export class BaseError extends Error {
  override name = "IpoolError";
  readonly shortMessage: string;
  readonly metaMessages: string[];
  readonly details: string | undefined;

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const lines = [shortMessage];
    if (parameters.metaMessages?.length) lines.push("", ...parameters.metaMessages);
    if (parameters.details) lines.push("", `Details: ${parameters.details}`);
    super(lines.join("\n"), parameters.cause === undefined ? {} : { cause: parameters.cause });
    this.shortMessage = shortMessage;
    this.metaMessages = parameters.metaMessages ?? [];
    this.details = parameters.details;
  }

  /** Walks the `cause` chain and returns the first error `fn` accepts. */
  walk(fn: (error: unknown) => boolean): unknown {
    let current: unknown = this;
    while (current) {
      if (fn(current)) return current;
      current = current instanceof Error ? current.cause : undefined;
    }
    return undefined;
  }
}

/** A user input was rejected before anything was sent (bad amount, bad address, unknown policy, ...). */
export class InvalidInputError extends BaseError {
  override name = "InvalidInputError";
}

/** A pre-flight check failed: the transaction would revert, so it was not sent. */
export class PreflightError extends BaseError {
  override name = "PreflightError";
}

/** A sent transaction was mined but reverted. */
export class TransactionRevertedError extends BaseError {
  override name = "TransactionRevertedError";
  readonly hash: `0x${string}`;
  constructor(hash: `0x${string}`, parameters: BaseErrorParameters = {}) {
    super(`transaction ${hash} reverted`, parameters);
    this.hash = hash;
  }
}

/**
 * The RPC provider refused the logs of a single block (its cap on results or response size is below
 * what that block holds), so paging cannot get under its limit. `cause` is the provider's error.
 */
export class LogsLimitError extends BaseError {
  override name = "LogsLimitError";
  /** The block whose logs the provider refused. */
  readonly blockNumber: bigint;
  constructor(blockNumber: bigint, parameters: BaseErrorParameters = {}) {
    super(
      `the RPC provider refused the logs of block ${blockNumber} even alone: its eth_getLogs limit is below what that block holds`,
      {
        ...parameters,
        metaMessages: parameters.metaMessages ?? [
          "Use an RPC provider (or plan) with a higher eth_getLogs result or response-size limit.",
        ],
      },
    );
    this.blockNumber = blockNumber;
  }
}
