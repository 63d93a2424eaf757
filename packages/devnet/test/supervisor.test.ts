/** The devnet's indexer supervisor with stand-in indexers: what it restarts, when it gives up. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IndexerService, ServiceExit } from "../src/services.ts";
import { superviseIndexer } from "../src/supervisor.ts";

/** A stand-in indexer on `port` that `die()` ends as a crash would. */
function fakeIndexer(port: number) {
  let end: (exit: ServiceExit) => void = () => {};
  const exited = new Promise<ServiceExit>((done) => {
    end = done;
  });
  const service: IndexerService = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: port,
    exited,
    stop: async () => end({ code: 0, requested: true }),
  };
  return { service, die: () => end({ code: null, signal: "SIGKILL", requested: false }) };
}

/** A supervisor whose restarts hand out fresh stand-ins, with a clock the test moves. */
function supervised(options: { maxRestarts: number; windowMs: number }) {
  const instances = [fakeIndexer(4000)];
  const lines: string[] = [];
  let now = 0;
  const supervisor = superviseIndexer({
    first: (instances[0] as ReturnType<typeof fakeIndexer>).service,
    restart: async (port) => {
      const next = fakeIndexer(port);
      instances.push(next);
      return next.service;
    },
    log: (line) => lines.push(line),
    ...options,
    now: () => now,
  });
  const settle = () => new Promise((done) => setTimeout(done, 10));
  /** Kills the current instance at time `at` and lets the supervisor react. */
  const killAt = async (at: number) => {
    now = at;
    instances.at(-1)?.die();
    await settle();
  };
  return { supervisor, instances, lines, killAt };
}

describe("indexer supervisor", () => {
  it("restarts a dead indexer on its port and says why", async () => {
    const { supervisor, instances, lines, killAt } = supervised({
      maxRestarts: 5,
      windowMs: 1_000,
    });
    await killAt(0);
    assert.equal(instances.length, 2);
    assert.deepEqual(lines, [
      "indexer exited (signal SIGKILL); restarting it",
      "indexer restarted at http://127.0.0.1:4000",
    ]);
    assert.equal(supervisor.current(), instances[1]?.service);
    await supervisor.stop();
    assert.equal(instances.length, 2, "a requested stop is not restarted");
  });

  it("restarts 2 exits within the window with a limit of 2, and gives up on the third", async () => {
    const { instances, lines, killAt } = supervised({ maxRestarts: 2, windowMs: 1_000 });
    await killAt(0);
    await killAt(10);
    assert.equal(instances.length, 3);
    await killAt(20);
    assert.equal(instances.length, 3);
    assert.equal(
      lines.at(-1),
      "indexer exited (signal SIGKILL); it exited 3 times within 1 s, not restarting it again",
    );
  });

  it("forgets a restart exactly one window later, not one millisecond before", async () => {
    const early = supervised({ maxRestarts: 1, windowMs: 1_000 });
    await early.killAt(0);
    await early.killAt(999);
    assert.equal(early.instances.length, 2, "999 ms later: the restart still counts");
    const late = supervised({ maxRestarts: 1, windowMs: 1_000 });
    await late.killAt(0);
    await late.killAt(1_000);
    assert.equal(late.instances.length, 3, "1,000 ms later: it no longer counts");
  });
});
