/**
 * Starts the devnet's indexer and dashboard side by side with the deployment rather than after it:
 * ponder's process at once (it waits behind its start gate for the deployment file, while its own
 * start-up, 3-13 s on 2 cores, overlaps anvil and the deployment), the dashboard once the demo data
 * is seeded, pointed at the indexer's port chosen in advance. A dead indexer is
 * restarted on its port (supervisor.ts). Nothing here rejects: a service that cannot start is listed
 * in `skipped`, and the dashboard then reads history from the chain.
 */
import { freePortNear } from "./ports.ts";
import {
  loadStartDashboard,
  loadStartIndexer,
  type Service,
  type StartDashboard,
  type StartIndexer,
} from "./services.ts";
import { superviseIndexer } from "./supervisor.ts";

export interface ServicesOptions {
  deploymentPath: string;
  /** Resolves once the deployment file is written; rejects when the deployment failed. */
  deploymentWritten: Promise<void>;
  /**
   * Resolves once the demo data is seeded (default: with `deploymentWritten`). The dashboard waits for it:
   * its first build runs Vite in this process and would hold the event loop the seeding's transactions need.
   */
  seeded?: Promise<void>;
  /** Indexer port (or the next free one); `false` = no indexer. */
  indexerPort: number | false;
  /** Dashboard port (or the next free one); `false` = no dashboard. */
  dashboardPort: number | false;
  databaseUrl?: string;
  log: (line: string) => void;
  /** Where the services come from: packages/indexer and packages/dashboard (tests pass stand-ins). */
  loaders?: {
    indexer: () => Promise<StartIndexer | undefined>;
    dashboard: () => Promise<StartDashboard | undefined>;
  };
}

export interface StartedServices {
  indexerUrl: string | undefined;
  dashboardUrl: string | undefined;
  /** Services that were asked for but could not be found or started, with the reason. */
  skipped: string[];
}

export interface Services {
  /** Resolves once every service is up or skipped. */
  ready: Promise<StartedServices>;
  /** Waits for the start-up to settle, then stops the dashboard and the indexer. */
  stop: () => Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function startServices(options: ServicesOptions): Services {
  const loaders = options.loaders ?? { indexer: loadStartIndexer, dashboard: loadStartDashboard };
  const stops: (() => Promise<void>)[] = [];
  const skipped: string[] = [];

  const indexer = async (port: number): Promise<string | undefined> => {
    const startIndexer = await loaders.indexer();
    if (!startIndexer) {
      skipped.push("indexer: packages/indexer/src/start.ts not found");
      return undefined;
    }
    const start = (at: number, restart: boolean) =>
      startIndexer({
        deploymentPath: options.deploymentPath,
        port: at,
        ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
        // A restart follows an exit: the lock of the dead process can go at once.
        releaseLock: restart,
        onWipe: (reason) => options.log(`indexer: indexing from the first block (${reason})`),
        // The first start goes ahead of the deployment; a restart finds it written.
        ...(restart ? {} : { deploymentReady: options.deploymentWritten }),
      });
    try {
      const first = await start(port, false);
      const supervised = superviseIndexer({
        first,
        restart: (at) => start(at, true),
        log: options.log,
      });
      stops.push(supervised.stop);
      options.log(`indexer at ${first.url}`);
      return first.url;
    } catch (error) {
      skipped.push(`indexer: ${message(error)}`);
      return undefined;
    }
  };

  const dashboard = async (
    port: number,
    indexerUrl: string | null,
  ): Promise<Service | undefined> => {
    const startDashboard = await loaders.dashboard();
    if (!startDashboard) {
      skipped.push("dashboard: packages/dashboard/start.ts not found");
      return undefined;
    }
    try {
      await (options.seeded ?? options.deploymentWritten);
      return await startDashboard({ deploymentPath: options.deploymentPath, indexerUrl, port });
    } catch (error) {
      skipped.push(`dashboard: ${message(error)}`);
      return undefined;
    }
  };

  const ready = (async (): Promise<StartedServices> => {
    const indexerPort =
      options.indexerPort === false ? undefined : await freePortNear(options.indexerPort);
    const dashboardPort =
      options.dashboardPort === false ? undefined : await freePortNear(options.dashboardPort);
    const plannedIndexerUrl = indexerPort === undefined ? null : `http://127.0.0.1:${indexerPort}`;
    const [indexerUrl, firstDashboard] = await Promise.all([
      indexerPort === undefined ? undefined : indexer(indexerPort),
      dashboardPort === undefined ? undefined : dashboard(dashboardPort, plannedIndexerUrl),
    ]);
    let served = firstDashboard;
    if (served && (indexerUrl ?? null) !== plannedIndexerUrl) {
      // The indexer is elsewhere than planned (ponder took the next port) or not running at all.
      await served.stop();
      served = await dashboard(dashboardPort as number, indexerUrl ?? null);
    }
    if (served) {
      stops.push(served.stop);
      options.log(`dashboard at ${served.url}`);
    }
    return { indexerUrl, dashboardUrl: served?.url, skipped };
  })();

  return {
    ready,
    stop: async () => {
      await ready;
      for (const stop of stops.splice(0).reverse()) {
        await stop().catch((error: unknown) => options.log(`while stopping: ${message(error)}`));
      }
    },
  };
}
