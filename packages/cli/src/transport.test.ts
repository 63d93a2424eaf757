import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RpcDeadError, type RpcHealth, watchRpc } from "./transport.ts";

const URL = "http://127.0.0.1:1";

describe("watchRpc", () => {
  it("says the RPC stopped answering when the work fails on a refused request, not the failed call", async () => {
    const health: RpcHealth = {
      lastAnswer: Date.now(),
      lastFailure: new Error("HTTP request failed.\nfetch failed"),
    };
    await assert.rejects(
      watchRpc(
        async () => {
          throw new Error("the call failed: HTTP request failed.");
        },
        health,
        URL,
      ),
      (error: unknown) =>
        error instanceof RpcDeadError &&
        error.shortMessage === `the RPC at ${URL} stopped answering` &&
        error.details === "HTTP request failed.",
    );
  });

  it("passes the work's own error on while the RPC answers", async () => {
    const health: RpcHealth = { lastAnswer: Date.now(), lastFailure: undefined };
    const revert = new Error("reverted: InsufficientShares");
    await assert.rejects(
      watchRpc(
        async () => {
          throw revert;
        },
        health,
        URL,
      ),
      (error: unknown) => error === revert,
    );
  });

  it("ends a wait that never resolves once the RPC has failed for the deadline", async () => {
    const health: RpcHealth = {
      lastAnswer: Date.now() - 1_000,
      lastFailure: new Error("fetch failed"),
    };
    const started = Date.now();
    const keepAlive = setTimeout(() => {}, 2_000); // the watchdog's timer does not hold the process
    await assert.rejects(
      watchRpc(() => new Promise<never>(() => {}), health, URL, 500),
      (error: unknown) =>
        error instanceof RpcDeadError &&
        /stopped answering \(no answer for 0\.5 s\)/.test(error.shortMessage),
    );
    clearTimeout(keepAlive);
    assert.ok(Date.now() - started < 1_000);
  });
});
