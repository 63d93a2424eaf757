import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createPublicClient, http } from "viem";
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
import { deferred } from "./deferred.ts";
import { FeedPusher } from "./pusher.ts";
import {
  type ChainOptions,
  findSaved,
  forgetSaved,
  recordSaved,
  resumedTime,
  resumeKey,
  type SavedDevnet,
  savedPaths,
} from "./resume.ts";
import { type SeedSummary, seedDevnet } from "./seed.ts";
import { loadWaitForIndexedBlock } from "./services.ts";
import { startServices } from "./startServices.ts";
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
  /**
   * Continue the devnet saved by the last start with the same deployment directory (resume.ts), when its
   * contracts, deploy and seed code and options are today's; otherwise start clean (the log says why).
   */
  resume?: boolean;
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
  /** Set when this devnet continues a saved one: when that one was saved and whether it was seeded. */
  resumed: { savedAt: string; seeded: boolean } | undefined;
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

/** How long anvil may take to write the chain's state when it stops before it is killed. */
const ANVIL_SAVE_TIMEOUT_MS = 60_000;

async function startAnvilNear(port: number, args: string[]): Promise<AnvilInstance> {
  // anvil writes the chain's state when it stops (resume.ts): a long chain takes a while.
  const options = {
    codeSizeLimit: DEVNET_CODE_SIZE_LIMIT,
    args,
    stopTimeoutMs: ANVIL_SAVE_TIMEOUT_MS,
  };
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
    // The dashboard and the indexer first, then the rest in reverse order of starting.
    for (const stop of [services.stop, ...stops.splice(0).reverse()]) {
      await stop().catch((error: unknown) => log(`while stopping: ${String(error)}`));
    }
  };
  // The indexer and the dashboard start now, beside anvil and the deployment (startServices.ts):
  // ponder's process waits for the deployment file, the dashboard for the demo data.
  const written = deferred();
  const seeded = deferred();
  const services = startServices({
    deploymentPath,
    deploymentWritten: written.promise,
    seeded: seeded.promise,
    indexerPort: options.indexerPort === false ? false : (options.indexerPort ?? 42069),
    dashboardPort: options.dashboardPort === false ? false : (options.dashboardPort ?? 5173),
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    log,
  });
  const chainOptions: ChainOptions = {
    arbitrator: options.arbitrator ?? "local",
    arbitratorV2: options.arbitratorV2,
    noSeed: Boolean(options.noSeed),
  };
  const key = resumeKey(chainOptions);
  const saving = savedPaths(deploymentPath);
  try {
    let saved: SavedDevnet | undefined;
    if (options.resume) {
      const found = findSaved(deploymentPath, key);
      if ("saved" in found) saved = found.saved;
      else log(`not resuming: ${found.reason}; starting a new devnet`);
    }
    // Every devnet saves its chain when it stops (anvil writes the state on SIGTERM); a new one first forgets
    // the saved one, so a chain stopped before it was ready is never resumed.
    if (!saved) forgetSaved(deploymentPath);
    mkdirSync(dirname(saving.state), { recursive: true });
    const port = options.port ?? 8545;
    const dump = ["--dump-state", saving.state];
    let anvil: AnvilInstance | undefined;
    if (saved) {
      const loaded = await startAnvilNear(port, ["--load-state", saving.state, ...dump]).catch(
        (error: unknown) => {
          log(
            `not resuming: anvil could not load ${saving.state} (${String(error).split("\n")[0]})`,
          );
          return undefined;
        },
      );
      if (loaded && !(await holdsSavedChain(loaded.rpcUrl, saved))) {
        log("not resuming: the saved chain state is not the saved devnet's");
        await loaded.stop();
      } else anvil = loaded;
      if (!anvil) {
        log("starting a new devnet");
        forgetSaved(deploymentPath);
        saved = undefined;
      }
    }
    anvil ??= await startAnvilNear(port, dump);
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

    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    // Runs before anvil stops (stops run in reverse): the record keeps the chain's clock offset.
    let record: Omit<SavedDevnet, "format"> | undefined = saved;
    stops.push(async () => {
      if (!record) return;
      const now = await ctx.publicClient.getBlock({ blockTag: "pending" }).catch(() => undefined);
      if (!now) return;
      const clockOffset = Number(now.timestamp) - Math.floor(Date.now() / 1000);
      record = { ...record, clockOffset, savedAt: new Date().toISOString() };
      recordSaved(deploymentPath, record);
    });

    let deployment: Deployment;
    let seed: SeedSummary | undefined;
    if (saved) {
      deployment = { ...saved.deployment, rpcUrl: anvil.rpcUrl };
      const last = await ctx.publicClient.getBlock();
      await ctx.publicClient.request({
        method: "anvil_setTime" as never,
        params: [resumedTime(saved, Number(last.timestamp))] as never,
      });
      log(`resumed the devnet saved at ${saved.savedAt} (block ${last.number})`);
      writeDeployment(deploymentPath, deployment);
      written.resolve();
    } else {
      const started = Date.now();
      deployment = await deployDevnet(ctx, {
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
      writeDeployment(deploymentPath, deployment);
      written.resolve();

      seed = options.noSeed ? undefined : await seedDevnet(deployment);
      if (seed) log(`seeded: ${seed.lines.length} demo actions`);
      // ponder treats a chain's last 30 blocks as unfinalized and indexes them one block at a time; 30
      // empty blocks (in the same second) make the deployment and the demo data final: indexed in bulk.
      await ctx.publicClient.request({
        method: "anvil_mine" as never,
        params: ["0x1e", "0x0"] as never,
      });
    }
    const seededBlock = Number(await ctx.publicClient.getBlockNumber());
    seeded.resolve();

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

    const { indexerUrl, dashboardUrl, skipped } = await services.ready;
    if (indexerUrl) {
      // Ready means the demo data is indexed: the indexer caught up with the seed's last block.
      await (await loadWaitForIndexedBlock())(indexerUrl, seededBlock);
    }
    if (!record) {
      // Ready: from now on this devnet is the one `--resume` continues.
      const start = await ctx.publicClient.getBlock({ blockNumber: BigInt(deployment.startBlock) });
      record = {
        key,
        complete: true,
        deployment,
        startBlockHash: start.hash,
        seeded: seed !== undefined,
        clockOffset: 0,
        savedAt: new Date().toISOString(),
      };
      recordSaved(deploymentPath, record);
    }

    return {
      deployment,
      deploymentPath,
      rpcUrl: anvil.rpcUrl,
      anvil,
      seed,
      resumed: saved ? { savedAt: saved.savedAt, seeded: saved.seeded } : undefined,
      indexerUrl,
      dashboardUrl,
      skipped,
      stop: stopAll,
      failure,
    };
  } catch (error) {
    written.reject(error);
    seeded.reject(error);
    await stopAll();
    throw error;
  }
}

function writeDeployment(path: string, deployment: Deployment): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(deployment, null, 2)}\n`);
}

/** Whether the chain anvil loaded is the saved devnet's: its deployment's start block is there, unchanged. */
async function holdsSavedChain(rpcUrl: string, saved: SavedDevnet): Promise<boolean> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const block = await client
    .getBlock({ blockNumber: BigInt(saved.deployment.startBlock) })
    .catch(() => undefined);
  return block?.hash === saved.startBlockHash;
}
