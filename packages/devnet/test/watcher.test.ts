import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseEther } from "viem";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import { dapiNameOf } from "../../sdk/src/deploy/system.ts";
import { getIncident } from "../../sdk/src/generated/actions.ts";
import { type DevnetFixture, startDevnetFixture } from "../../sdk/src/testing/devnetFixture.ts";
import { IncidentWatcher } from "../src/watcher.ts";

let fx: DevnetFixture;
let watcher: IncidentWatcher;
const advance = async (seconds: number) => {
  await fx.deployer.publicClient.request({
    method: "evm_increaseTime",
    params: [seconds],
  } as never);
  await fx.deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
};
const summary = (reports: Awaited<ReturnType<IncidentWatcher["checkOnce"]>>) =>
  reports.map(({ dapi, kind, incidentId }) => `${dapi} ${kind} ${incidentId}`).sort();

before(async () => {
  fx = await startDevnetFixture();
  await fx.refreshFeeds();
  watcher = new IncidentWatcher({
    ctx: await createTxContext({ rpcUrl: fx.anvil.rpcUrl, account: devnetAccount("watcher") }),
    deployment: fx.deployment,
  });
});
after(async () => {
  await watcher?.stop();
  await fx?.stop();
});

test("the watcher sends nothing while the feeds are healthy", async () => {
  assert.deepEqual(await watcher.checkOnce(), []);
});

test("the watcher proves a deviation, and confirms it a minute later, not before", async () => {
  await fx.refreshFeeds({ "ETH/USD": parseEther("3300") }); // 10% above the references' 3,000
  assert.deepEqual(summary(await watcher.checkOnce()), ["ETH/USD deviation 1"]);
  assert.deepEqual(await watcher.checkOnce(), [], "too soon to confirm");
  await advance(60);
  await fx.refreshFeeds({ "ETH/USD": parseEther("3300") });
  assert.deepEqual(summary(await watcher.checkOnce()), ["ETH/USD deviation 1"]);
  const incidentRegistry = fx.deployment.contracts.incidentRegistry;
  assert.ok(incidentRegistry);
  const incident = await getIncident(fx.deployer.publicClient, {
    incidentRegistry,
    dapiName: dapiNameOf("ETH/USD"),
    incidentId: 1n,
  });
  assert.notEqual(incident.payableAt, 0, "confirmed");
});

test("the watcher proves every stale feed past its heartbeat and grace", async () => {
  await fx.refreshFeeds(); // ETH/USD back at its base value
  await advance(25 * 3600 + 1);
  assert.deepEqual(summary(await watcher.checkOnce()), ["BTC/USD stale 1", "ETH/USD stale 2"]);
});
