import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { HttpRequestError, RpcRequestError } from "viem";
import { rpcHttp } from "./rpcHttp.ts";

describe("rpcHttp", () => {
  const posts: unknown[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      const body = JSON.parse(text);
      posts.push(body);
      const answer = (call: { id: number; method: string }) =>
        call.method === "eth_call"
          ? {
              jsonrpc: "2.0",
              id: call.id,
              error: { code: 3, message: "execution reverted", data: "0x12345678" },
            }
          : { jsonrpc: "2.0", id: call.id, result: `${call.method}:${call.id}` };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(Array.isArray(body) ? body.map(answer).reverse() : answer(body)));
    });
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it("sends the requests of one tick as one batch and matches the answers by id", async () => {
    const request = rpcHttp(url, { timeoutMs: 2_000 });
    posts.length = 0;
    const results = await Promise.all([
      request({ method: "eth_chainId" }),
      request({ method: "eth_blockNumber" }),
      request({ method: "eth_gasPrice" }),
    ]);
    assert.deepEqual(results, ["eth_chainId:1", "eth_blockNumber:2", "eth_gasPrice:3"]);
    assert.equal(posts.length, 1, "one HTTP request");
    assert.equal((posts[0] as unknown[]).length, 3);
    assert.equal(await request({ method: "eth_chainId" }), "eth_chainId:4");
    assert.equal(posts.length, 2, "a lone request goes alone");
  });

  it("turns a JSON-RPC error into viem's RpcRequestError with its revert data", async () => {
    const request = rpcHttp(url, { timeoutMs: 2_000 });
    const error = await request({ method: "eth_call", params: [] }).catch((e: unknown) => e);
    assert.ok(error instanceof RpcRequestError);
    assert.equal((error as RpcRequestError).code, 3);
    assert.equal((error as RpcRequestError & { data?: unknown }).data, "0x12345678");
  });

  it("fails a refused connection after its retries with HttpRequestError", async () => {
    const request = rpcHttp("http://127.0.0.1:9", {
      timeoutMs: 1_000,
      retryCount: 1,
      retryDelayMs: 10,
    });
    const error = await request({ method: "eth_chainId" }).catch((e: unknown) => e);
    assert.ok(error instanceof HttpRequestError);
    assert.match((error as HttpRequestError).details, /ECONNREFUSED/);
  });
});
