/**
 * Optional services of the devnet, loaded only if their packages exist: the indexer
 * (packages/indexer/launcher/start.ts) and the dashboard (packages/dashboard/start.ts).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A running service. */
export interface Service {
  url: string;
  stop: () => Promise<void>;
}

/** How a supervised child process ended (the indexer's `exited`). */
export interface ServiceExit {
  code: number | null;
  signal?: string | null;
  /** True when stop() asked for it. */
  requested: boolean;
  reason?: string;
}

/** The indexer: a child process the devnet watches and restarts. */
export interface IndexerService extends Service {
  port: number;
  pid: number;
  exited: Promise<ServiceExit>;
}

export type StartIndexer = (options: {
  deploymentPath: string;
  port: number;
  databaseUrl?: string;
  releaseLock?: boolean;
  /** Told why the indexed state was wiped, when it was (a new chain, another deployment). */
  onWipe?: (reason: string) => void;
  /** Resolves once the deployment file is written: ponder's process starts before. */
  deploymentReady?: Promise<unknown>;
}) => Promise<IndexerService>;

type WaitForIndexedBlock = (url: string, block: number, timeoutMs?: number) => Promise<void>;

export type StartDashboard = (options: {
  deploymentPath: string;
  indexerUrl: string | null;
  port: number;
}) => Promise<Service>;

async function load<T>(relative: string, exportName: string): Promise<T | undefined> {
  const url = new URL(relative, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return undefined;
  const module = (await import(url.href)) as Record<string, unknown>;
  const start = module[exportName];
  return typeof start === "function" ? (start as T) : undefined;
}

/** `startIndexer` from packages/indexer, or undefined when it is not there. */
export function loadStartIndexer(): Promise<StartIndexer | undefined> {
  return load<StartIndexer>("../../indexer/launcher/start.ts", "startIndexer");
}

/** `waitForIndexedBlock` from packages/indexer (present whenever `startIndexer` is). */
export async function loadWaitForIndexedBlock(): Promise<WaitForIndexedBlock> {
  const wait = await load<WaitForIndexedBlock>(
    "../../indexer/launcher/start.ts",
    "waitForIndexedBlock",
  );
  if (!wait) throw new Error("packages/indexer/launcher/start.ts exports no waitForIndexedBlock");
  return wait;
}

/** `startDashboard` from packages/dashboard, or undefined when it is not there. */
export function loadStartDashboard(): Promise<StartDashboard | undefined> {
  return load<StartDashboard>("../../dashboard/start.ts", "startDashboard");
}
