import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import {
  type DevnetArbitrator,
  type DevnetArbitratorV2Fee,
  deployDevnet,
} from "../../sdk/src/deploy/devnet.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import {
  type AnvilInstance,
  DEVNET_CODE_SIZE_LIMIT,
  oversizedContracts,
  startAnvil,
} from "./anvil.ts";
import { FeedPusher } from "./pusher.ts";
import { type SeedSummary, seedDevnet } from "./seed.ts";
import { loadStartDashboard, loadStartIndexer, type Service } from "./services.ts";
import { superviseIndexer } from "./supervisor.ts";
import { IncidentWatcher } from "./watcher.ts";

/** Options of {@link runDevnet} (the flags of `npm start`). */
export interface DevnetOptions {
  /** anvil's port; if taken, the next free one. Default 8545; 0 = any free port. */
  port?: number;
  /** Seconds per block once deployed and seeded (interval mining); 0 = automine. Default 1. */
  blockTime?: number;
  /** Where the deployment file goes. Default `.devnet/deployment.json`. */
  deploymentPath?: string;
  /** Indexer port (default 42069); `false` = do not start the indexer. */
  indexerPort?: number | false;
  /** Dashboard port (default 5173); `false` = do not start the dashboard. */
  dashboardPort?: number | false;
  /** PostgreSQL URL for the indexer (default: its embedded database). */
  databaseUrl?: string;
  /** Milliseconds between signed-data pushes. Default 5,000. */
  pushIntervalMs?: number;
  /** Milliseconds between the incident watcher's checks (default 10,000). */
  watchIntervalMs?: number;
  /** Skip the demo data (stakers, policy, claim). */
  noSeed?: boolean;
  /** The ERC-792 arbitrator: our `local` LocalArbitrator (default) or Kleros' own CentralizedArbitratorWithAppeal. */
  arbitrator?: DevnetArbitrator;
  /** Send new disputes to LocalArbitratorV2 (Kleros v2) instead, with fees in `eth` or the devnet WETH (`token`). */
  arbitratorV2?: DevnetArbitratorV2Fee;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** A running devnet. */
export interface Devnet {
  deployment: Deployment;
  deploymentPath: string;
  rpcUrl: string;
  anvil: AnvilInstance;
  seed: SeedSummary | undefined;
  indexerUrl: string | undefined;
  dashboardUrl: string | undefined;
  /** Services that were requested but could not be found or started, with the reason. */
  skipped: string[];
  /** Stops everything it started (dashboard, indexer, incident watcher, pusher, anvil), in that order. */
  stop: () => Promise<void>;
  /**
   * Resolves, with the reason, if the devnet stopped by itself: anvil exited without being asked
   * (the chain is gone; a dead indexer is restarted instead).
   */
  failure: Promise<string>;
}

/** `port` if nothing listens on it, else the next free one of the 10 after it, else any free port. */
export async function freePortNear(port: number): Promise<number> {
  const tryListen = (candidate: number) =>
    new Promise<number | undefined>((resolvePort) => {
      const server = createServer();
      server.once("error", () => resolvePort(undefined));
      server.listen(candidate, "127.0.0.1", () => {
        const address = server.address();
        server.close(() =>
          resolvePort(typeof address === "object" && address ? address.port : undefined),
        );
      });
    });
  if (port !== 0) {
    for (let candidate = port; candidate < port + 10; candidate++) {
      const free = await tryListen(candidate);
      if (free !== undefined) return free;
    }
  }
  return (await tryListen(0)) ?? 0;
}

async function startAnvilNear(port: number): Promise<AnvilInstance> {
  const options = { codeSizeLimit: DEVNET_CODE_SIZE_LIMIT };
  if (port === 0) return startAnvil(options);
  for (let candidate = port; candidate < port + 10; candidate++) {
    try {
      return await startAnvil({ ...options, port: candidate, timeoutMs: 5_000 });
    } catch {
      // taken: try the next port
    }
  }
  return startAnvil(options);
}

/**
 * Starts the whole devnet: anvil, the deployment (token, pool, DAO, claims manager, local arbitrator, the
 * real Api3ServerV1 with dAPIs), demo data, the signed-data pusher, the indexer and the dashboard.
 */
export async function runDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const log = options.log ?? (() => {});
  const deploymentPath = resolve(options.deploymentPath ?? ".devnet/deployment.json");
  const stops: (() => Promise<void>)[] = [];
  let stopping = false;
  let fail: (reason: string) => void = () => {};
  const failure = new Promise<string>((resolve) => {
    fail = resolve;
  });
  const stopAll = async () => {
    stopping = true;
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    }
  };
  try {
    const anvil = await startAnvilNear(options.port ?? 8545);
    stops.push(anvil.stop);
    log(`anvil listening at ${anvil.rpcUrl}`);
    void anvil.exited.then(async (exit) => {
      if (exit.requested || stopping) return;
      const how = exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
      const reason = `anvil exited unexpectedly (${how}): the chain is gone, stopping the devnet`;
      log(reason);
      // The pusher's and the incident watcher's calls to the dead chain end only after their
      // retries: what runs as processes stops first (dashboard, indexer), the loops get 5 s.
      await Promise.race([stopAll(), new Promise((done) => setTimeout(done, 5_000))]);
      fail(reason);
    });

    const started = Date.now();
    const deployer = devnetAccount("deployer");
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: deployer });
    const deployment = await deployDevnet(ctx, {
      rpcUrl: anvil.rpcUrl,
      arbitrator: options.arbitrator ?? "local",
      ...(options.arbitratorV2 ? { arbitratorV2: options.arbitratorV2 } : {}),
    });
    log(`deployed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const { name, size } of await oversizedContracts(anvil.rpcUrl, deployment.contracts)) {
      log(
        `warning: ${name} is ${size} bytes of code, over EIP-170's 24,576: real chains would refuse it`,
      );
    }

    const seed = options.noSeed ? undefined : await seedDevnet(deployment);
    if (seed) log(`seeded: ${seed.lines.length} demo actions`);

    const blockTime = options.blockTime ?? 1;
    if (blockTime > 0) {
      await ctx.publicClient.request({
        method: "evm_setAutomine" as never,
        params: [false] as never,
      });
      await ctx.publicClient.request({
        method: "evm_setIntervalMining" as never,
        params: [blockTime] as never,
      });
    }

    mkdirSync(dirname(deploymentPath), { recursive: true });
    writeFileSync(deploymentPath, `${JSON.stringify(deployment, null, 2)}\n`);
    const controlPath = resolve(dirname(deploymentPath), "feeds.json");
    rmSync(controlPath, { force: true });

    const devnet = deployment.devnet;
    if (devnet && deployment.contracts.api3ServerV1) {
      const pusherCtx = await createTxContext({
        rpcUrl: anvil.rpcUrl,
        account: devnetAccount("pusher"),
        pollingInterval: 200,
      });
      const pusher = new FeedPusher({
        ctx: pusherCtx,
        api3ServerV1: deployment.contracts.api3ServerV1,
        airnode: devnetAccount("airnode"),
        feeds: devnet.feeds.map((feed) => ({
          name: feed.name,
          templateId: feed.templateId,
          baseValue: BigInt(feed.baseValue),
        })),
        controlPath,
        intervalMs: options.pushIntervalMs ?? 5_000,
        onError: (error) =>
          log(`pusher: ${error instanceof Error ? error.message : String(error)}`),
      });
      pusher.start();
      stops.push(() => pusher.stop());

      const watcher = new IncidentWatcher({
        ctx: await createTxContext({
          rpcUrl: anvil.rpcUrl,
          account: devnetAccount("watcher"),
          pollingInterval: 200,
        }),
        deployment,
        intervalMs: options.watchIntervalMs ?? 10_000,
        onReport: ({ dapi, kind, incidentId }) =>
          log(`watcher: proved ${dapi} ${kind} on-chain (incident ${incidentId})`),
        onError: (error) =>
          log(`watcher: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`),
      });
      watcher.start();
      stops.push(() => watcher.stop());
    }

    const skipped: string[] = [];
    let indexerUrl: string | undefined;
    if (options.indexerPort !== false) {
      const startIndexer = await loadStartIndexer();
      if (!startIndexer) skipped.push("indexer: packages/indexer/src/start.ts not found");
      else {
        try {
          const start = (port: number, restart: boolean) =>
            startIndexer({
              deploymentPath,
              port,
              ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
              // A restart follows an exit: the lock of the dead process can go at once.
              releaseLock: restart,
            });
          const indexer = await start(await freePortNear(options.indexerPort ?? 42069), false);
          // A dead indexer is restarted on its port (the dashboard keeps its URL).
          const supervised = superviseIndexer({
            first: indexer,
            restart: (port) => start(port, true),
            log,
          });
          stops.push(supervised.stop);
          indexerUrl = indexer.url;
          log(`indexer at ${indexer.url}`);
        } catch (error) {
          skipped.push(`indexer: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    let dashboardUrl: string | undefined;
    if (options.dashboardPort !== false) {
      const startDashboard = await loadStartDashboard();
      if (!startDashboard) skipped.push("dashboard: packages/dashboard/start.ts not found");
      else {
        try {
          const dashboard: Service = await startDashboard({
            deploymentPath,
            indexerUrl: indexerUrl ?? null,
            port: await freePortNear(options.dashboardPort ?? 5173),
          });
          stops.push(dashboard.stop);
          dashboardUrl = dashboard.url;
          log(`dashboard at ${dashboard.url}`);
        } catch (error) {
          skipped.push(`dashboard: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }

    return {
      deployment,
      deploymentPath,
      rpcUrl: anvil.rpcUrl,
      anvil,
      seed,
      indexerUrl,
      dashboardUrl,
      skipped,
      stop: stopAll,
      failure,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
