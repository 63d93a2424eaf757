/**
 * JSON-RPC over node:http(s), the requests made in the same tick sent as one batch. viem's http transport uses
 * `fetch`, whose first use loads undici and web streams (~60 ms of every `ipool` run); the CLI makes a few dozen
 * requests to one URL, which node's own client does at no start-up cost.
 */
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { HttpRequestError, RpcRequestError } from "viem";

interface Pending {
  body: { jsonrpc: "2.0"; id: number; method: string; params: unknown };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A node:http JSON-RPC client of `url` (options: per-request timeout, retries of failed connections). */
export interface RpcHttpOptions {
  timeoutMs: number;
  /** Attempts after a failed connection or a timeout (not after an answer, even an error one). */
  retryCount?: number;
  retryDelayMs?: number;
  /** Most requests per batch. */
  batchSize?: number;
}

/** Posts `payload` to `url`, resolving with the parsed JSON answer. */
function post(url: URL, payload: string, timeoutMs: number, agent: HttpAgent): Promise<unknown> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 500) >= 400 && !text.startsWith("{") && !text.startsWith("[")) {
            reject(
              new HttpRequestError({
                url: url.href,
                status: res.statusCode,
                body: JSON.parse(payload),
                details: text,
              }),
            );
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(
              new HttpRequestError({
                url: url.href,
                status: res.statusCode,
                details: text.slice(0, 200),
              }),
            );
          }
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on("error", (error) =>
      reject(
        new HttpRequestError({
          url: url.href,
          body: JSON.parse(payload),
          details: error.message,
          cause: error,
        }),
      ),
    );
    req.end(payload);
  });
}

/**
 * A `request({ method, params })` function for viem's `custom` transport: JSON-RPC errors become viem's
 * `RpcRequestError` (so reverts decode as with viem's http transport), failed connections `HttpRequestError`.
 */
export function rpcHttp(
  urlText: string,
  options: RpcHttpOptions,
): (args: { method: string; params?: unknown }) => Promise<unknown> {
  const url = new URL(urlText);
  const agent =
    url.protocol === "https:"
      ? new HttpsAgent({ keepAlive: true })
      : new HttpAgent({ keepAlive: true });
  const { timeoutMs, retryCount = 2, retryDelayMs = 200, batchSize = 100 } = options;
  let queue: Pending[] = [];
  let nextId = 1;

  const attempt = async (payload: string): Promise<unknown> => {
    for (let tries = 0; ; tries++) {
      try {
        return await post(url, payload, timeoutMs, agent);
      } catch (error) {
        if (tries >= retryCount) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs).unref?.());
      }
    }
  };

  const settle = (
    item: Pending,
    answer: { result?: unknown; error?: { code: number; message: string; data?: unknown } },
  ) => {
    if (answer.error)
      item.reject(new RpcRequestError({ body: item.body, error: answer.error, url: url.href }));
    else item.resolve(answer.result);
  };

  const flush = async (items: Pending[]) => {
    try {
      if (items.length === 1) {
        const [item] = items as [Pending];
        settle(item, (await attempt(JSON.stringify(item.body))) as never);
        return;
      }
      const answers = (await attempt(JSON.stringify(items.map((item) => item.body)))) as unknown;
      if (!Array.isArray(answers)) {
        // A node that refuses batches answers with one error object: say it for each request.
        for (const item of items) settle(item, answers as never);
        return;
      }
      const byId = new Map(answers.map((answer: { id: number }) => [answer.id, answer]));
      for (const item of items) {
        const answer = byId.get(item.body.id);
        if (answer) settle(item, answer as never);
        else
          item.reject(
            new HttpRequestError({
              url: url.href,
              details: `no answer to request ${item.body.id} in the batch`,
            }),
          );
      }
    } catch (error) {
      for (const item of items) item.reject(error);
    }
  };

  return ({ method, params }) =>
    new Promise((resolve, reject) => {
      if (queue.length === 0) {
        setImmediate(() => {
          const items = queue;
          queue = [];
          for (let start = 0; start < items.length; start += batchSize) {
            void flush(items.slice(start, start + batchSize));
          }
        });
      }
      queue.push({
        body: { jsonrpc: "2.0", id: nextId++, method, params: params ?? [] },
        resolve,
        reject,
      });
    });
}
