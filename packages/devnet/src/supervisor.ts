/**
 * Keeps the devnet's indexer running: when its process exits without having been asked to (killed,
 * crashed, or stopped by its own guard after a reorg deeper than finality), the supervisor says why
 * and starts it again on the same port (a restart resumes where the indexer stopped, or resyncs when
 * the chain replaced what it had indexed). After `maxRestarts` exits within `windowMs` it gives up
 * and says so, rather than restarting in a loop.
 */
import type { IndexerService, ServiceExit } from "./services.ts";

export interface SupervisedIndexer {
  /** The running instance (a new one after each restart). */
  current: () => IndexerService | undefined;
  /** Stops supervising and stops the indexer. */
  stop: () => Promise<void>;
}

export function superviseIndexer(options: {
  first: IndexerService;
  /** Starts a new instance on `port`. */
  restart: (port: number) => Promise<IndexerService>;
  log: (line: string) => void;
  maxRestarts?: number;
  windowMs?: number;
  now?: () => number;
}): SupervisedIndexer {
  const maxRestarts = options.maxRestarts ?? 5;
  const windowMs = options.windowMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;
  const restarts: number[] = [];
  let current: IndexerService | undefined = options.first;
  let stopped = false;
  let restarting: Promise<void> | undefined;
  const window = windowMs >= 60_000 ? `${windowMs / 60_000} minutes` : `${windowMs / 1_000} s`;

  const describe = (exit: ServiceExit) =>
    [exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`, exit.reason]
      .filter((part) => part !== undefined)
      .join(": ");

  const watch = (instance: IndexerService) => {
    void instance.exited.then((exit) => {
      if (stopped || exit.requested || instance !== current) return;
      current = undefined;
      const recent = restarts.filter((at) => now() - at < windowMs);
      if (recent.length >= maxRestarts) {
        options.log(
          `indexer exited (${describe(exit)}); it exited ${recent.length + 1} times within ${window}, not restarting it again`,
        );
        return;
      }
      restarts.splice(0, restarts.length, ...recent, now());
      options.log(`indexer exited (${describe(exit)}); restarting it`);
      restarting = options
        .restart(instance.port)
        .then((next) => {
          if (stopped) return next.stop();
          current = next;
          options.log(`indexer restarted at ${next.url}`);
          watch(next);
        })
        .catch((error: unknown) => {
          options.log(
            `indexer could not restart: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
    });
  };
  watch(options.first);

  return {
    current: () => current,
    stop: async () => {
      stopped = true;
      await restarting;
      await current?.stop();
    },
  };
}
