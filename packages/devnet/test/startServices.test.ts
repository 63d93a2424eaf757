/**
 * startServices with stand-in indexer and dashboard: the indexer starts before the deployment exists
 * (it is handed the promise), the dashboard only once the demo data is seeded, pointed at the indexer's planned
 * URL, and started again without one when the indexer fails; a failed deployment stops both.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deferred } from "../src/deferred.ts";
import type { IndexerService, StartDashboard, StartIndexer } from "../src/services.ts";
import { type ServicesOptions, startServices } from "../src/startServices.ts";

/** Stand-ins that record what happened, in order. */
function standIns(options: { indexerFails?: boolean } = {}) {
  const events: string[] = [];
  const startIndexer: StartIndexer = async ({ port, deploymentReady }) => {
    events.push("indexer starting");
    await deploymentReady;
    if (options.indexerFails) throw new Error("ponder exited (code 1) before ready");
    events.push("indexer ready");
    const service: IndexerService = {
      url: `http://127.0.0.1:${port}`,
      port,
      pid: 1,
      exited: new Promise(() => {}),
      stop: async () => {
        events.push("indexer stopped");
      },
    };
    return service;
  };
  const startDashboard: StartDashboard = async ({ indexerUrl, port }) => {
    events.push(`dashboard started, indexer ${indexerUrl}`);
    return {
      url: `http://127.0.0.1:${port}/`,
      stop: async () => {
        events.push("dashboard stopped");
      },
    };
  };
  return {
    events,
    loaders: { indexer: async () => startIndexer, dashboard: async () => startDashboard },
  };
}

const settle = () => new Promise((done) => setTimeout(done, 50));

/** startServices on any free ports, with stand-in loaders, behind the given deployment (and seed) steps. */
function startStandIns(
  loaders: ServicesOptions["loaders"],
  deploymentWritten: Promise<void>,
  seeded?: Promise<void>,
) {
  return startServices({
    deploymentPath: "/nowhere/deployment.json",
    deploymentWritten,
    ...(seeded ? { seeded } : {}),
    indexerPort: 0,
    dashboardPort: 0,
    log: () => {},
    loaders,
  });
}

describe("startServices", () => {
  it("starts the indexer before the deployment is written, the dashboard once seeded", async () => {
    const { events, loaders } = standIns();
    const deploy = deferred();
    const seed = deferred();
    const services = startStandIns(loaders, deploy.promise, seed.promise);
    await settle();
    assert.deepEqual(events, ["indexer starting"], "only the indexer runs before the deployment");
    deploy.resolve();
    await settle();
    assert.deepEqual(events, ["indexer starting", "indexer ready"], "no dashboard before the seed");
    seed.resolve();
    const started = await services.ready;
    assert.deepEqual(started.skipped, []);
    assert.match(started.indexerUrl ?? "", /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(
      events.includes(`dashboard started, indexer ${started.indexerUrl}`),
      `the dashboard proxies to the indexer: ${events.join("; ")}`,
    );
    await services.stop();
    assert.deepEqual(events.slice(-2), ["dashboard stopped", "indexer stopped"]);
  });

  it("restarts the dashboard without an indexer when the indexer fails", async () => {
    const { events, loaders } = standIns({ indexerFails: true });
    const deploy = deferred();
    const services = startStandIns(loaders, deploy.promise);
    deploy.resolve();
    const started = await services.ready;
    assert.equal(started.indexerUrl, undefined);
    assert.match(started.skipped.join("\n"), /indexer: ponder exited \(code 1\) before ready/);
    assert.equal(events.at(-1), "dashboard started, indexer null");
    assert.ok(events.includes("dashboard stopped"), "the first dashboard was stopped");
    await services.stop();
  });

  it("starts nothing more when the deployment fails, and says why", async () => {
    const { events, loaders } = standIns();
    const deploy = deferred();
    const services = startStandIns(loaders, deploy.promise);
    deploy.reject(new Error("deployment reverted"));
    const started = await services.ready;
    assert.equal(started.indexerUrl, undefined);
    assert.equal(started.dashboardUrl, undefined);
    assert.deepEqual(started.skipped.sort(), [
      "dashboard: deployment reverted",
      "indexer: deployment reverted",
    ]);
    assert.ok(!events.some((event) => event.startsWith("dashboard started")));
    await services.stop();
  });
});
