import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parseEther } from "viem";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import {
  DEFAULT_DAPI_GRACE,
  DEFAULT_DAPI_HEARTBEAT,
  dapiNameOf,
} from "../../sdk/src/deploy/system.ts";
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
/** Mines a block at `timestamp`. */
const mineAt = async (timestamp: bigint) => {
  await fx.deployer.publicClient.request({
    method: "evm_mine",
    params: [Number(timestamp)],
  } as never);
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

test("the watcher proves every stale feed past its heartbeat and grace, not at it", async () => {
  // ETH/USD back at its base value, both feeds signed at one time a little ahead of the chain (a push may otherwise
  // sign a second after the feed's last data, ahead of the block): time is then set from the data, not advanced.
  const { timestamp } = await fx.deployer.publicClient.getBlock();
  const signedAt = await fx.refreshFeeds({}, timestamp + 10n);
  const staleFrom = signedAt + BigInt(DEFAULT_DAPI_HEARTBEAT + DEFAULT_DAPI_GRACE);
  await mineAt(staleFrom);
  assert.deepEqual(
    await watcher.checkOnce(),
    [],
    "at heartbeat + grace the newest feed is not stale yet",
  );
  await mineAt(staleFrom + 1n);
  assert.deepEqual(summary(await watcher.checkOnce()), ["BTC/USD stale 1", "ETH/USD stale 2"]);
});
