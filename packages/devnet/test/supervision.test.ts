/**
 * `npm start` supervises its children (issue 17): a dead anvil is reported and the devnet exits
 * non-zero; and a devnet killed with SIGKILL (no chance to stop anything) leaves no process behind,
 * its indexer included, because the kernel signals each child when its parent dies (setpriv
 * --pdeathsig). (devnet.test.ts checks that a killed indexer is restarted.)
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { commandLine, descendantPids, isRunning } from "../src/processes.ts";

const repoRoot = resolve(import.meta.dirname, "..", "..", "..");
const dir = mkdtempSync(join(tmpdir(), "ipool-supervision-"));
/** Every process these tests started (the devnets and what they spawned), for the final clean-up. */
const started = new Set<number>();

after(() => {
  // Only processes these tests started, each recorded from /proc as a descendant of its devnet.
  for (const pid of started) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` (packages/devnet/src/main.ts) with `args`, its output collected. */
function startDevnet(name: string, args: string[]) {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(repoRoot, "packages/devnet/src/main.ts"),
      "--port",
      "0",
      "--no-dashboard",
      "--no-seed",
      "--deployment",
      join(dir, name, "deployment.json"),
      ...args,
    ],
    { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] },
  );
  if (child.pid) started.add(child.pid);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Waits until `condition()` holds, failing with `what` after `ms`. */
async function until(condition: () => boolean, ms: number, what: () => string) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    assert.ok(Date.now() < deadline, what());
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The devnet's descendants (recorded for the clean-up), and the one whose command has `name`. */
function children(devnet: ChildProcess, name: string) {
  const pids = devnet.pid ? descendantPids(devnet.pid) : [];
  for (const pid of pids) started.add(pid);
  return { pids, match: pids.find((pid) => commandLine(pid).includes(name)) };
}

test("reports a dead anvil and exits non-zero, leaving nothing behind", {
  timeout: 120_000,
}, async () => {
  const devnet = startDevnet("anvil-dies", ["--no-indexer", "--block-time", "0"]);
  await until(
    () => devnet.output().includes("Insurance Pool devnet is running"),
    90_000,
    () => `the devnet did not start:\n${devnet.output()}`,
  );
  const { pids, match: anvil } = children(devnet.child, "anvil");
  assert.ok(anvil, "anvil runs as a child of the devnet");
  process.kill(anvil, "SIGKILL");
  const code = await Promise.race([
    devnet.exited,
    new Promise<never>((_, fail) => setTimeout(() => fail(new Error(devnet.output())), 15_000)),
  ]);
  assert.equal(code, 1);
  assert.match(
    devnet.output(),
    /devnet stopped: anvil exited unexpectedly \(signal SIGKILL\): the chain is gone/,
  );
  assert.deepEqual(pids.filter(isRunning), [], "processes left behind");
});

test("killed with SIGKILL, the devnet leaves no process behind (anvil, the indexer)", {
  timeout: 180_000,
}, async () => {
  const devnet = startDevnet("killed", ["--indexer-port", "0", "--block-time", "1"]);
  // As soon as the indexer's process exists: what matters is that it dies with the devnet.
  let recorded: number[] = [];
  await until(
    () => {
      const { pids, match } = children(devnet.child, "ponder.js");
      recorded = pids;
      return match !== undefined && pids.some((pid) => commandLine(pid).includes("anvil"));
    },
    150_000,
    () => `the devnet did not start anvil and the indexer:\n${devnet.output()}`,
  );
  assert.ok(devnet.child.pid);
  process.kill(devnet.child.pid, "SIGKILL");
  const killed = Date.now();
  await until(
    () => recorded.every((pid) => !isRunning(pid)),
    10_000,
    () =>
      `still running ${Date.now() - killed} ms after the devnet was killed: ${recorded
        .filter(isRunning)
        .map((pid) => `${pid} ${commandLine(pid).slice(0, 80)}`)
        .join("; ")}`,
  );
  console.log(`${recorded.length} child processes gone ${Date.now() - killed} ms after SIGKILL`);
});
