/**
 * What the dashboard's browser tests and benchmark need: anvil, the devnet system deployed and seeded,
 * the indexer (when its package is there), the dashboard server, and Chromium driven by playwright-core.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { type Abi, encodeFunctionData, maxUint256, parseEther } from "viem";
import { type AnvilInstance, startAnvil } from "../../devnet/src/anvil.ts";
import { pushBeaconValue } from "../../sdk/src/deploy/api3.ts";
import { artifact } from "../../sdk/src/deploy/artifacts.ts";
import { createTxContext, sendAndWait, type TxContext } from "../../sdk/src/deploy/context.ts";
import { deployDevnet } from "../../sdk/src/deploy/devnet.ts";
import { type DevnetRole, devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { buildDashboard, type Dashboard, startDashboard } from "../start.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Stack {
  anvil: AnvilInstance;
  deployment: Deployment;
  deploymentPath: string;
  indexerUrl: string | null;
  /** Resolves once the indexer has synced (at once without an indexer; never rejects). */
  indexerReady: Promise<void>;
  dashboard: Dashboard;
  timings: Record<string, number>;
  /** Moves the chain's clock forward by `seconds`, mines, and pushes fresh values to every dAPI. */
  warp(seconds: number): Promise<void>;
  stop(): Promise<void>;
}

/** Bob's exit, scheduled by the seed: it matures after the unstake wait, in time to meet the tests' claims. */
export const SEEDED_UNSTAKE = parseEther("10000");

interface IndexerHandle {
  url: string;
  stop(): Promise<void>;
}

type StartIndexer = (options: { deploymentPath: string; port?: number }) => Promise<IndexerHandle>;

async function loadStartIndexer(): Promise<StartIndexer | undefined> {
  try {
    const module = (await import("../../indexer/launcher/start.ts")) as {
      startIndexer?: StartIndexer;
    };
    return module.startIndexer;
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts anvil (free port, automine), deploys and seeds the devnet system, optionally starts the
 * indexer, and serves the dashboard. `stop()` ends everything it started.
 */
export async function startStack(
  options: { indexer?: boolean; seed?: boolean } = {},
): Promise<Stack> {
  const timings: Record<string, number> = {};
  const mark = (name: string, started: number) => {
    timings[name] = Math.round(performance.now() - started);
  };
  const dir = mkdtempSync(join(tmpdir(), "ipool-dashboard-"));
  const deploymentPath = join(dir, "deployment.json");
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    let t = performance.now();
    const anvil = await startAnvil({});
    stops.push(() => anvil.stop());
    mark("anvil", t);

    t = performance.now();
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    const deployment = await deployDevnet(ctx, { rpcUrl: anvil.rpcUrl });
    writeFileSync(deploymentPath, JSON.stringify(deployment, null, 2));
    mark("deploy", t);
    if (options.seed !== false) {
      t = performance.now();
      await seed(deployment);
      mark("seed", t);
    }

    // The indexer syncs in the background, on a port chosen here, while the dashboard already serves:
    // the dashboard reads history from the chain until the indexer reports ready (as in production).
    const indexerStart = options.indexer ? await loadStartIndexer() : undefined;
    let indexerUrl: string | null = null;
    let indexerReady: Promise<void> = Promise.resolve();
    if (indexerStart) {
      const port = await freePort();
      indexerUrl = `http://127.0.0.1:${port}`;
      const started = performance.now();
      const handle = indexerStart({ deploymentPath, port }).then((indexer) => {
        mark("indexer", started);
        return indexer;
      });
      indexerReady = handle.then(
        () => undefined,
        (error: unknown) => {
          timings.indexerFailed = 1;
          console.error(`indexer did not start: ${String(error)}`);
        },
      );
      stops.push(async () => (await handle.catch(() => undefined))?.stop());
    }
    t = performance.now();
    timings.dashboardBuild = Math.round(await buildDashboard());
    const served = await startDashboard({ deploymentPath, indexerUrl, port: 0 });
    stops.push(() => served.stop());
    return {
      anvil,
      deployment,
      deploymentPath,
      indexerUrl,
      indexerReady,
      dashboard: served,
      timings,
      warp: (seconds) => warp(ctx, deployment, seconds),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Moves anvil's clock, mines a block, and pushes fresh values to the devnet's dAPIs (at their base values), so
 * that prices stay readable and the covered dAPIs stay fresh after the jump.
 */
async function warp(ctx: TxContext, deployment: Deployment, seconds: number): Promise<void> {
  await ctx.publicClient.request({ method: "evm_increaseTime", params: [seconds] } as never);
  await ctx.publicClient.request({ method: "evm_mine", params: [] } as never);
  const server = deployment.contracts.api3ServerV1;
  if (!server) throw new Error("the deployment has no Api3ServerV1");
  for (const feed of deployment.devnet?.feeds ?? []) {
    await pushBeaconValue(
      ctx,
      server,
      devnetAccount("airnode"),
      feed.templateId,
      BigInt(feed.baseValue),
    );
  }
}

/**
 * What the tests need and no more: test tokens for alice, bob and the policyholder, bob's stake so the pool has
 * capacity, and bob's scheduled exit of {@link SEEDED_UNSTAKE} shares (it meets the tests' claims). Alice and the
 * policyholder approve through the dashboard itself.
 */
async function seed(deployment: Deployment): Promise<void> {
  const { token, stakingPool } = deployment.contracts;
  const send = async (
    role: DevnetRole,
    to: `0x${string}`,
    abi: Abi,
    functionName: string,
    args: unknown[],
  ) => {
    const ctx = await createTxContext({ rpcUrl: deployment.rpcUrl, account: devnetAccount(role) });
    await sendAndWait(ctx, `${role}: ${functionName}`, {
      to,
      data: encodeFunctionData({ abi, functionName, args }),
    });
  };
  const tokenAbi = artifact("TestToken").abi;
  const poolAbi = artifact("StakingPool").abi;
  for (const [role, amount] of [
    ["alice", "1000000"],
    ["bob", "500000"],
    ["policyholder", "100000"],
  ] as const) {
    await send("deployer", token, tokenAbi, "mint", [
      devnetAccount(role).address,
      parseEther(amount),
    ]);
  }
  await send("bob", token, tokenAbi, "approve", [stakingPool, maxUint256]);
  await send("bob", stakingPool, poolAbi, "depositAndStake", [parseEther("400000")]);
  await send("bob", stakingPool, poolAbi, "scheduleUnstake", [SEEDED_UNSTAKE]);
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and records console errors of its pages. */
export async function launchBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "ipool-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  const errors: string[] = [];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
