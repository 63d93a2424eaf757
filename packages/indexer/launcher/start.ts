/**
 * Runs the indexer (`ponder start`) as a child process for a deployment file, and stops it.
 *
 * Restarts resume where the previous run stopped (ponder's crash recovery; no duplicates). A fresh
 * chain must not inherit rows of an old one: before starting, the deployment's fingerprint (chain id,
 * contracts, start block and the hash of the start block) is compared with the one recorded by the
 * previous run in `<dataDir>/indexed-deployment.json`; when it differs the indexed state is wiped
 * (PGlite: its directory; PostgreSQL: the app schema, plus `ponder_sync` when the chain's history
 * changed under the same chain id, as with a fresh anvil). When ponder refuses the schema because
 * the indexer's code changed ("previously used by a different Ponder app"), the state is wiped and
 * ponder is started once more. When the chain no longer holds the last finalized block the previous
 * run indexed (a reorganization deeper than finality, see chainGuardState.ts), the state is wiped too.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { readDeployment } from "../../sdk/src/deployment.ts";
import { FINALIZED_BLOCK_FILE, readFinalizedBlock } from "../src/chainGuardState.ts";
import { repoRoot } from "../src/deployment.ts";
import { ensurePgliteTemplate, freshPgliteDir } from "./pgliteTemplate.ts";
import { type IndexerExit, type PonderProcess, spawnPonder } from "./ponderProcess.ts";
import { closeStartGate, openStartGate } from "./startGate.ts";

export type { IndexerExit } from "./ponderProcess.ts";

/** Options of {@link startIndexer}. */
export interface StartIndexerOptions {
  /** The deployment file to index. */
  deploymentPath: string;
  /** HTTP port; `0` or omitted picks a free one. */
  port?: number;
  /** Host to bind, `127.0.0.1` by default. */
  hostname?: string;
  /** PostgreSQL connection string; omitted = `$DATABASE_URL`, else embedded PGlite. */
  databaseUrl?: string;
  /** Where PGlite data and the fingerprint live; default `<deployment dir>/indexer`. */
  dataDir?: string;
  /** Database schema of the app tables, `ipool` by default. */
  schema?: string;
  /** RPC URL to read from; default the deployment's `rpcUrl`. */
  rpcUrl?: string;
  /** Wipe the indexed state before starting (a fresh chain). */
  fresh?: boolean;
  /** How long to wait for `/ready` (historical sync done), 180 s by default. */
  timeoutMs?: number;
  /** Receives each log line of ponder (JSON). By default logs go to `<dataDir>/ponder.log` only. */
  onLog?: (line: string) => void;
  /** Why the indexed state was wiped before this start, if it was (a fresh chain, a deep reorg). */
  onWipe?: (reason: string) => void;
  /**
   * The ponder that last ran on this data is known to have exited (a supervisor restarting it after
   * a crash): release the schema lock it may have kept, rather than wait ~25 s for it to expire.
   */
  releaseLock?: boolean;
  /**
   * Resolves once the deployment file exists (the devnet, while it deploys): ponder's process starts
   * at once and waits behind its start gate (startGate.ts) until then; a rejection stops it. When
   * omitted the deployment must exist already.
   */
  deploymentReady?: Promise<unknown>;
}

/** A running indexer. */
export interface IndexerInstance {
  /** Base URL of the HTTP API (`/graphql`, `/sql`, `/stats/...`, `/ready`). */
  url: string;
  port: number;
  pid: number;
  /** Stops ponder gracefully (it releases its database lock) and resolves when it has exited. */
  stop: () => Promise<void>;
  /**
   * Resolves when ponder has exited, stopped or not: a supervisor restarts it on `requested: false`.
   * An indexer that finds its data built on blocks a deep reorganization replaced stops by itself
   * (`reason` starts with "Reorg deeper than finality", exit code 65); the next start resyncs.
   */
  exited: Promise<IndexerExit>;
}

/** What identifies the indexed chain and deployment. */
interface Fingerprint {
  chainId: number;
  startBlock: number;
  startBlockHash: string;
  contracts: Record<string, string | undefined>;
  database: string;
  schema: string;
}

const FINGERPRINT_FILE = "indexed-deployment.json";
const SCHEMA_IN_USE = "was previously used by a different Ponder app";
const FINALIZED_BACKWARDS = "cannot move backwards";

/**
 * Starts the indexer and resolves once it has synced the history and answers `/ready` with 200.
 * Ponder's process starts first, behind its start gate: its own start-up overlaps the wait for the
 * deployment and the check of the indexed state, which must come before it opens its database.
 */
export async function startIndexer(options: StartIndexerOptions): Promise<IndexerInstance> {
  const deploymentPath = resolve(options.deploymentPath);
  const dataDir = resolve(options.dataDir ?? join(dirname(deploymentPath), "indexer"));
  const schema = options.schema ?? "ipool";
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  mkdirSync(dataDir, { recursive: true });
  const run = { ...options, dataDir, schema, databaseUrl, deploymentPath };
  // A first start on this machine makes the PGlite template now, beside whatever comes before the
  // wipe (the devnet's deployment); the wipe waits for it (failures surface there).
  if (!databaseUrl) ensurePgliteTemplate().catch(() => {});

  let ponder = launchPonder(run, await chosenPort(options.port));
  let fingerprint: Fingerprint;
  try {
    await options.deploymentReady;
    fingerprint = await prepareState(run);
  } catch (error) {
    await ponder.process.stop();
    throw error;
  }
  let instance: IndexerInstance;
  try {
    ponder.openGate();
    instance = await untilReady(ponder, run);
  } catch (error) {
    const message = String(error);
    if (!message.includes(SCHEMA_IN_USE) && !message.includes(FINALIZED_BACKWARDS)) throw error;
    // The code or the chain changed under the same schema: index again from scratch.
    const backwards = message.includes(FINALIZED_BACKWARDS);
    options.onWipe?.(
      backwards
        ? "the chain's finalized block is older than the one indexed"
        : "the indexer's code changed",
    );
    await wipe({ dataDir, databaseUrl, schema, dropSync: backwards });
    ponder = launchPonder(run, await chosenPort(options.port));
    ponder.openGate();
    instance = await untilReady(ponder, run);
  }
  writeFileSync(join(dataDir, FINGERPRINT_FILE), `${JSON.stringify(fingerprint, null, 2)}\n`);
  return instance;
}

interface RunOptions extends StartIndexerOptions {
  dataDir: string;
  schema: string;
  databaseUrl: string | undefined;
}

async function chosenPort(port: number | undefined): Promise<number> {
  return port || (await freePort());
}

/**
 * Compares the deployment's fingerprint with the one of the indexed state and wipes that state when
 * it belongs to another chain or deployment (or a deep reorg replaced its blocks), else releases the
 * lock of a dead ponder if asked to. Resolves the fingerprint to record once ponder is ready.
 */
async function prepareState(options: RunOptions): Promise<Fingerprint> {
  const { dataDir, databaseUrl, schema } = options;
  const deployment = readDeployment(options.deploymentPath);
  const rpcUrl = options.rpcUrl ?? deployment.rpcUrl;
  const fingerprint: Fingerprint = {
    chainId: deployment.chainId,
    startBlock: deployment.startBlock,
    startBlockHash: await blockHash(rpcUrl, deployment.startBlock),
    contracts: { ...deployment.contracts },
    database: databaseUrl ? redact(databaseUrl) : "pglite",
    schema,
  };
  const previous = readFingerprint(dataDir);
  const reorged = await finalizedBlockReplaced(rpcUrl, dataDir);
  const reset =
    options.fresh || !previous || !sameFingerprint(previous, fingerprint) || reorged !== undefined;
  if (reset) {
    rmSync(join(dataDir, FINGERPRINT_FILE), { force: true });
    rmSync(join(dataDir, FINALIZED_BLOCK_FILE), { force: true });
    const historyChanged =
      options.fresh ||
      !previous ||
      reorged !== undefined ||
      (previous.chainId === fingerprint.chainId &&
        previous.startBlockHash !== fingerprint.startBlockHash);
    // The most telling reason first: a new chain also no longer holds the recorded finalized block, but "another
    // chain or deployment" says more than the block it replaced; that message is for a reorg of the same chain.
    options.onWipe?.(
      options.fresh
        ? "asked to start fresh"
        : !previous
          ? "nothing indexed yet"
          : !sameFingerprint(previous, fingerprint)
            ? "another chain or deployment"
            : (reorged ?? "another chain or deployment"),
    );
    await wipe({ dataDir, databaseUrl, schema, dropSync: historyChanged });
  } else if (options.releaseLock) {
    await releaseLock({ dataDir, databaseUrl, schema });
  }
  return fingerprint;
}

/** A ponder process started behind its closed start gate. */
interface GatedPonder {
  process: PonderProcess;
  openGate: () => void;
}

function launchPonder(options: RunOptions, port: number): GatedPonder {
  const hostname = options.hostname ?? "127.0.0.1";
  const gate = join(options.dataDir, "start-gate");
  closeStartGate(gate);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PONDER_TELEMETRY_DISABLED: "true",
    IPOOL_DEPLOYMENT: options.deploymentPath,
    IPOOL_PGLITE_DIR: join(options.dataDir, "pglite"),
    IPOOL_DATA_DIR: options.dataDir,
    IPOOL_START_GATE: gate,
  };
  // Without an RPC URL of its own, ponder.config.ts reads the deployment's (known after the gate).
  if (options.rpcUrl) env.IPOOL_RPC_URL = options.rpcUrl;
  else delete env.IPOOL_RPC_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  delete env.DATABASE_PRIVATE_URL;
  const ponder = spawnPonder({
    schema: options.schema,
    port,
    hostname,
    env,
    logPath: join(options.dataDir, "ponder.log"),
    ...(options.onLog ? { onLog: options.onLog } : {}),
  });
  return { process: ponder, openGate: () => openStartGate(gate) };
}

/** Waits for ponder's `/ready`, then for it to index the chain's head at that moment. */
async function untilReady(gated: GatedPonder, options: RunOptions): Promise<IndexerInstance> {
  const ponder = gated.process;
  const { child } = ponder;
  const hostname = options.hostname ?? "127.0.0.1";
  const stop = async () => {
    await ponder.stop();
  };

  const url = () => `http://${hostname === "0.0.0.0" ? "127.0.0.1" : hostname}:${ponder.port()}`;
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `ponder exited (code ${child.exitCode}) before ready:\n${ponder.describe()}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `ponder was not ready within ${options.timeoutMs ?? 180_000} ms:\n${ponder.describe()}`,
        );
      }
      try {
        const response = await fetch(`${url()}/ready`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("ponder has no pid");
  // /ready covers the finalized history; the recent blocks arrive through live indexing.
  try {
    const rpcUrl = options.rpcUrl ?? readDeployment(options.deploymentPath).rpcUrl;
    const head = await blockNumber(rpcUrl);
    await waitForIndexedBlock(url(), head, Math.max(deadline - Date.now(), 5_000));
  } catch (error) {
    await stop();
    throw new Error(`${String(error)}\n${ponder.describe()}`);
  }
  return { url: url(), port: ponder.port(), pid: child.pid, stop, exited: ponder.exited };
}

/** The block the indexer has processed up to (from ponder's `/status`), or 0 before the first one. */
export async function indexedBlock(url: string): Promise<number> {
  const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) return 0;
  const status = (await response.json()) as Record<string, { block?: { number?: number } }>;
  const numbers = Object.values(status).map((chain) => chain.block?.number ?? 0);
  return numbers.length ? Math.min(...numbers) : 0;
}

/** Resolves once the indexer at `url` has processed `block` (throws after `timeoutMs`). */
export async function waitForIndexedBlock(url: string, block: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const indexed = await indexedBlock(url).catch(() => 0);
    if (indexed >= block) return;
    if (Date.now() > deadline) {
      throw new Error(
        `indexer at ${url} reached block ${indexed}, not ${block}, within ${timeoutMs} ms`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function rpc<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { result?: T; error?: { message?: string } };
  if (body.error) throw new Error(`indexer: ${method} failed at ${rpcUrl}: ${body.error.message}`);
  return body.result as T;
}

async function blockNumber(rpcUrl: string): Promise<number> {
  return Number(await rpc<string>(rpcUrl, "eth_blockNumber", []));
}

async function blockHash(rpcUrl: string, block: number): Promise<string> {
  const result = await rpc<{ hash?: string } | null>(rpcUrl, "eth_getBlockByNumber", [
    `0x${block.toString(16)}`,
    false,
  ]);
  if (!result?.hash) {
    throw new Error(`indexer: block ${block} not found at ${rpcUrl} (is the chain running?)`);
  }
  return result.hash;
}

/**
 * Why the data of the previous run cannot stay, if the chain no longer holds the last finalized
 * block it was built on (chainGuardState.ts); undefined when it does, or when none was recorded.
 * startIndexer() wipes the data then.
 */
export async function finalizedBlockReplaced(
  rpcUrl: string,
  dataDir: string,
): Promise<string | undefined> {
  const recorded = readFinalizedBlock(dataDir);
  if (!recorded) return undefined;
  const result = await rpc<{ hash?: string } | null>(rpcUrl, "eth_getBlockByNumber", [
    `0x${recorded.number.toString(16)}`,
    false,
  ]);
  if (result?.hash === recorded.hash) return undefined;
  return `the chain replaced block ${recorded.number} (${recorded.hash}) that the indexed data was built on: resyncing`;
}

function readFingerprint(dataDir: string): Fingerprint | undefined {
  const path = join(dataDir, FINGERPRINT_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Fingerprint;
  } catch {
    return undefined;
  }
}

function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

/** Runs `body` with a node-postgres client connected to `url`. */
async function withPostgres<T>(
  url: string,
  body: (client: { query(sql: string): Promise<unknown> }) => Promise<T>,
): Promise<T> {
  const require = createRequire(join(repoRoot, "package.json"));
  const pg = require("pg") as {
    Client: new (config: {
      connectionString: string;
    }) => {
      connect(): Promise<void>;
      query(sql: string): Promise<unknown>;
      end(): Promise<void>;
    };
  };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/**
 * Deletes the indexed state: PGlite's directory, replaced by an empty one copied from the template
 * (pgliteTemplate.ts: no initdb in ponder), or the app schema (and the sync cache) in Postgres.
 */
async function wipe(options: {
  dataDir: string;
  databaseUrl: string | undefined;
  schema: string;
  dropSync: boolean;
}): Promise<void> {
  if (!options.databaseUrl) {
    await freshPgliteDir(join(options.dataDir, "pglite"));
    return;
  }
  await withPostgres(options.databaseUrl, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS "${options.schema.replaceAll('"', '""')}" CASCADE`);
    if (options.dropSync) await client.query(`DROP SCHEMA IF EXISTS "ponder_sync" CASCADE`);
  });
}

/**
 * Releases the schema lock (`_ponder_meta.is_locked`) of a ponder known to have exited without
 * releasing it (killed): otherwise the next start waits ~25 s for the lock to expire. Nothing to do
 * when nothing was indexed yet.
 */
async function releaseLock(options: {
  dataDir: string;
  databaseUrl: string | undefined;
  schema: string;
}): Promise<void> {
  const unlock = `UPDATE "${options.schema.replaceAll('"', '""')}"."_ponder_meta" SET value = jsonb_set(value, '{is_locked}', to_jsonb(0))`;
  if (options.databaseUrl) {
    await withPostgres(options.databaseUrl, (client) => client.query(unlock)).catch(() => {});
    return;
  }
  const directory = join(options.dataDir, "pglite");
  if (!existsSync(directory)) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(directory);
  try {
    await db.query(unlock);
  } catch {
    // no app schema yet
  } finally {
    await db.close();
  }
}
