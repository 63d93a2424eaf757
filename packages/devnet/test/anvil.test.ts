import assert from "node:assert/strict";
import { test } from "node:test";
import { startAnvil } from "../src/anvil.ts";

async function rpc(url: string, method: string, params: unknown[] = []): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test("startAnvil answers RPC on a free port and stop() kills it", async () => {
  const [a, b] = await Promise.all([startAnvil(), startAnvil({ chainId: 1337 })]);
  try {
    assert.notEqual(a.port, b.port);
    assert.equal(await rpc(a.rpcUrl, "eth_chainId"), "0x7a69");
    assert.equal(await rpc(b.rpcUrl, "eth_chainId"), "0x539");
    const accounts = (await rpc(a.rpcUrl, "eth_accounts")) as string[];
    assert.equal(accounts.length, 20);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
  assert.equal(isAlive(a.pid), false);
  assert.equal(isAlive(b.pid), false);
  await a.stop();
});

test("startAnvil rejects when the port is taken", async () => {
  const a = await startAnvil();
  try {
    await assert.rejects(startAnvil({ port: a.port, timeoutMs: 5_000 }), /anvil/);
  } finally {
    await a.stop();
  }
});
