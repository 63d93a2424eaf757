import { BaseError, splitWords, toIpoolError } from "@insurance-pool/sdk";
import { BaseError as ViemError } from "viem";
import type { BaseContext } from "./context.ts";
import type { Io } from "./io.ts";
import { toJson } from "./output.ts";
import { UsageError } from "./usage.ts";

/**
 * A viem error (a read or a simulation that reverted, an RPC failure) as an SDK error: its revert decoded with the
 * whole system's ABIs (e.g. `quote coverage: stale price (…)`), or viem's short message, never its dump.
 */
function readable(error: unknown, ctx: BaseContext | undefined): unknown {
  if (error instanceof BaseError || !(error instanceof ViemError)) return error;
  const functionName = (error as { functionName?: unknown }).functionName;
  return toIpoolError(error, {
    // quoteCoverage -> "quote coverage", as the commands name what they do
    functionName: typeof functionName === "string" ? splitWords(functionName) : undefined,
    tokenInfo: (ctx as { token?: { symbol: string; decimals: number } } | undefined)?.token,
  });
}

/** Prints a failed command's error: one line and its detail lines on stderr, or a JSON document on stdout. */
export function printError(io: Io, json: boolean, thrown: unknown, ctx?: BaseContext): void {
  const error = readable(thrown, ctx);
  const short =
    error instanceof BaseError
      ? error.shortMessage
      : error instanceof Error
        ? error.message
        : String(error);
  const meta =
    error instanceof BaseError || error instanceof UsageError
      ? error.metaMessages
      : ([] as string[]);
  if (json) {
    const payload: Record<string, unknown> = {
      error: short,
      type: error instanceof Error ? error.name : "Error",
    };
    if (error instanceof BaseError && "errorName" in error)
      payload.errorName = (error as { errorName?: string }).errorName;
    if (error instanceof BaseError && "args" in error)
      payload.args = (error as { args?: unknown }).args;
    io.stdout(`${toJson(payload)}\n`);
    return;
  }
  io.stderr(`error: ${short}\n`);
  for (const line of meta) io.stderr(`  ${line}\n`);
}
