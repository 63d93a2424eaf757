/**
 * The CLI's JSON-RPC transport: JSON-RPC over node:http (`rpcHttp.ts`, batched) with a deadline. A request without an answer after
 * `RPC_DEADLINE_MS`, retries included, fails with {@link RpcDeadError}; and since viem's receipt wait swallows
 * the errors of its block polling, `health` records the last answer so that `ctx.send` can end a wait on a
 * dead RPC too (see `watchRpc`).
 */
import { BaseError } from "@insurance-pool/sdk";
import { custom, type Transport } from "viem";
import { RPC_DEADLINE_MS } from "./globals.ts";
import { rpcHttp } from "./rpcHttp.ts";

/** The RPC gave no answer within the deadline (refused connections, timeouts, retries included). */
export class RpcDeadError extends BaseError {
  override name = "RpcDeadError";
}

/** When the RPC last answered, and the last failure since. */
export interface RpcHealth {
  lastAnswer: number;
  lastFailure: Error | undefined;
}

/** An http transport to `url` whose requests fail after `deadlineMs` (retries included). */
export function deadlineTransport(
  url: string,
  deadlineMs = RPC_DEADLINE_MS,
): { transport: Transport; health: RpcHealth } {
  const health: RpcHealth = { lastAnswer: Date.now(), lastFailure: undefined };
  // JSON-RPC batches over node:http: the reads a command starts together (Promise.all) go out as one request.
  const inner = {
    request: rpcHttp(url, { timeoutMs: deadlineMs, retryCount: 2, retryDelayMs: 200 }),
  };
  const transport = custom(
    {
      async request({ method, params }) {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new RpcDeadError(
                  `the RPC at ${url} did not answer ${method} within ${deadlineMs / 1000} s`,
                ),
              ),
            deadlineMs,
          );
          timer.unref?.();
        });
        try {
          const result = await Promise.race([inner.request({ method, params }), deadline]);
          health.lastAnswer = Date.now();
          health.lastFailure = undefined;
          return result;
        } catch (error) {
          const dead =
            error instanceof RpcDeadError ||
            /fetch failed|ECONNREFUSED|ECONNRESET|timed? ?out|socket hang up/i.test(
              `${(error as Error).message} ${String((error as { details?: unknown }).details ?? "")}`,
            );
          if (dead) health.lastFailure = error as Error;
          else health.lastAnswer = Date.now(); // an answer, even an error one
          throw error;
        } finally {
          clearTimeout(timer);
        }
      },
    },
    { retryCount: 0 },
  );
  return { transport, health };
}

/**
 * Resolves `work`, or rejects with {@link RpcDeadError} once the RPC has failed and given no answer for
 * `deadlineMs`, aborting the work's signal (viem's receipt wait swallows its polling errors and would wait
 * its whole timeout on a dead node), or when the work itself fails while the RPC's last request failed.
 */
export async function watchRpc<T>(
  work: (signal: AbortSignal) => Promise<T>,
  health: RpcHealth,
  url: string,
  deadlineMs = RPC_DEADLINE_MS,
): Promise<T> {
  let timer: ReturnType<typeof setInterval> | undefined;
  // Aborting stops the work's receipt polling, which would otherwise go on for viem's 180 s.
  const controller = new AbortController();
  const watchdog = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      if (health.lastFailure && Date.now() - health.lastAnswer >= deadlineMs) {
        controller.abort();
        reject(
          new RpcDeadError(
            `the RPC at ${url} stopped answering (no answer for ${deadlineMs / 1000} s)`,
            {
              details: health.lastFailure.message.split("\n")[0],
            },
          ),
        );
      }
    }, 250);
    timer.unref?.();
  });
  try {
    return await Promise.race([work(controller.signal), watchdog]);
  } catch (error) {
    // The work failed on a request the RPC did not answer (refused, reset) and nothing answered since: a dead
    // RPC, said in those words rather than as the failed call viem wraps it in.
    const failure = health.lastFailure;
    if (!failure || error instanceof RpcDeadError) throw error;
    throw new RpcDeadError(`the RPC at ${url} stopped answering`, {
      details: failure.message.split("\n")[0],
    });
  } finally {
    clearInterval(timer);
  }
}
