import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { createPublicClient, http } from "viem";
import { api3ServerV1Abi } from "../../sdk/src/deploy/api3Artifacts.ts";
import { artifact, claimsManagerAbi } from "../../sdk/src/deploy/artifacts.ts";
import { readDeployment } from "../../sdk/src/deployment.ts";
import { runDevnet } from "../src/devnet.ts";
import { commandLine, descendantPids, isRunning } from "../src/processes.ts";
import { formatSummary } from "../src/summary.ts";

// Generous bounds: about 30 s on an idle 2-core machine, much more when the whole suite runs beside it.
const START_BOUND_MS = 180_000;
const STOP_BOUND_MS = 30_000;
const RESTART_BOUND_MS = 120_000;

test("npm start's devnet starts, deploys, seeds, serves and stops leaving no process", {
  timeout: START_BOUND_MS + RESTART_BOUND_MS + STOP_BOUND_MS + 10_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ipool-devnet-"));
  const deploymentPath = join(dir, "deployment.json");
  const before = new Set(descendantPids());
  const started = Date.now();
  const logs: string[] = [];
  const devnet = await runDevnet({
    port: 0,
    indexerPort: 0,
    dashboardPort: 0,
    deploymentPath,
    blockTime: 1,
    pushIntervalMs: 1_000,
    log: (line) => logs.push(line),
  });
  let children: number[] = [];
  try {
    const startMs = Date.now() - started;
    assert.ok(startMs < START_BOUND_MS, `started in ${startMs} ms`);
    children = descendantPids().filter((pid) => !before.has(pid));
    assert.ok(children.includes(devnet.anvil.pid), "anvil is a child of this process");

    // The deployment file is written and complete.
    assert.ok(existsSync(deploymentPath));
    const deployment = readDeployment(deploymentPath);
    assert.equal(deployment.rpcUrl, devnet.rpcUrl);
    assert.equal(JSON.parse(readFileSync(deploymentPath, "utf8")).chainId, 31337);
    for (const name of [
      "claimsManager",
      "arbitrator",
      "api3ServerV1",
      "primaryGovernor",
      "secondaryTimelock",
    ] as const) {
      assert.match(deployment.contracts[name] ?? "", /^0x[0-9a-fA-F]{40}$/, name);
    }
    assert.deepEqual(
      deployment.dapis.map((dapi) => dapi.name),
      ["ETH/USD", "BTC/USD"],
    );

    // It answers RPC, with the seeded state.
    const client = createPublicClient({ transport: http(devnet.rpcUrl) });
    assert.equal(await client.getChainId(), 31337);
    const poolAbi = artifact("StakingPool").abi;
    const totalStake = (await client.readContract({
      address: deployment.contracts.stakingPool,
      abi: poolAbi,
      functionName: "totalStake",
    })) as bigint;
    assert.ok(totalStake >= 900_000n * 10n ** 18n, `total stake ${totalStake}`);
    const claim = (await client.readContract({
      address: deployment.contracts.claimsManager as `0x${string}`,
      abi: claimsManagerAbi(),
      functionName: "claim",
      args: [devnet.seed?.claimId],
    })) as { status: number };
    assert.equal(claim.status, 1, "the seeded claim awaits the mediator (Pending)");

    // What npm start prints: the commands name this (non-default) deployment file; amounts are formatted.
    const summary = formatSummary(devnet, { blockTime: 1, pushIntervalMs: 1_000 });
    const file = relative(process.cwd(), deploymentPath);
    assert.ok(summary.includes(`npx ipool claims --all --deployment ${file}\n`), summary);
    assert.ok(summary.includes(`--account mediator --deployment ${file} `), summary);
    assert.match(summary, /premium [\d,]+(\.\d{1,4})? API3\)/);

    // The pusher keeps the dAPIs fresh: the Beacon's timestamp moves.
    const feed = deployment.devnet?.feeds.find((f) => f.name === "ETH/USD");
    assert.ok(feed);
    const readBeacon = async () =>
      (await client.readContract({
        address: deployment.contracts.api3ServerV1 as `0x${string}`,
        abi: api3ServerV1Abi,
        functionName: "dataFeeds",
        args: [feed.beaconId],
      })) as readonly [bigint, number];
    const [, first] = await readBeacon();
    let latest = first;
    for (let i = 0; i < 40 && latest === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [, latest] = await readBeacon();
    }
    assert.ok(latest > first, "a newer signed value was pushed");

    // The indexer and the dashboard answer when their packages exist.
    for (const url of [devnet.indexerUrl, devnet.dashboardUrl]) {
      if (!url) continue;
      const response = await fetch(url);
      assert.ok(response.status < 500, `${url} answered ${response.status}`);
    }
    if (devnet.skipped.length) console.log(`skipped: ${devnet.skipped.join("; ")}`);

    // The devnet supervises the indexer: killed, it is started again at the same URL.
    if (devnet.indexerUrl) {
      const ponder = descendantPids().find((pid) => commandLine(pid).includes("ponder.js"));
      assert.ok(ponder, "the indexer (ponder) runs as a child process");
      process.kill(ponder, "SIGKILL");
      const killed = Date.now();
      while (!logs.some((line) => line.startsWith("indexer restarted at"))) {
        assert.ok(Date.now() - killed < RESTART_BOUND_MS, `no restart: ${logs.join("; ")}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      console.log(`indexer restarted ${Date.now() - killed} ms after it was killed`);
      assert.ok(logs.includes("indexer exited (signal SIGKILL); restarting it"), logs.join("; "));
      assert.ok(logs.includes(`indexer restarted at ${devnet.indexerUrl}`), logs.join("; "));
      assert.equal((await fetch(`${devnet.indexerUrl}/ready`)).status, 200);
    }
  } finally {
    const stopping = Date.now();
    await devnet.stop();
    const stopMs = Date.now() - stopping;
    assert.ok(stopMs < STOP_BOUND_MS, `stopped in ${stopMs} ms`);
    rmSync(dir, { recursive: true, force: true });
  }
  // Nothing it started is left: not anvil, not the indexer's or the dashboard's processes.
  const left = descendantPids().filter((pid) => !before.has(pid));
  assert.deepEqual(left, [], `processes left behind: ${left.join(", ")}`);
  for (const pid of children) assert.equal(isRunning(pid), false, `pid ${pid} still runs`);
});
