/**
 * One `ponder start` child process: spawned so that it dies with this process, its log lines
 * captured, stopped gracefully, and its exit reported.
 *
 * Stopping sends SIGINT, not SIGTERM: Ponder builds the app with Vite, whose server exits the
 * process on SIGTERM at once (`process.exit()` in its SIGTERM listener), before Ponder's own handler
 * has released the schema lock (`_ponder_meta.is_locked`); the next start then waited ~25 s for the
 * lock to expire ("Schema is locked by a different Ponder app"). On SIGINT only Ponder's handler
 * runs: it releases the lock and exits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEEP_REORG_MESSAGE } from "../src/chainGuardState.ts";
import { indexerRoot, repoRoot } from "../src/deployment.ts";

/** How a ponder process ended. */
export interface IndexerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when stop() asked for it. */
  requested: boolean;
  /** Why it stopped, when known: a deep reorg, or ponder's last error line. */
  reason?: string;
}

export interface PonderProcess {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<IndexerExit>;
  /** SIGINT, then SIGKILL after 15 s; resolves once exited. */
  stop: () => Promise<IndexerExit>;
  /** The port ponder reported listening on (it moves to the next one when taken). */
  port: () => number;
  /** The last log lines, readable. */
  describe: () => string;
}

/** Ponder's own message when the chain no longer connects to its finalized block. */
const PONDER_UNRECOVERABLE_REORG = "Encountered unrecoverable reorg";

/**
 * `command` so that the kernel sends `signal` to it when this process dies, even by SIGKILL
 * (prctl PR_SET_DEATHSIG through util-linux's `setpriv`, present on Debian and most Linux systems);
 * unchanged where `setpriv` is missing.
 */
export function boundToParent(
  command: string,
  args: string[],
  signal: "INT" | "TERM" | "KILL",
): [string, string[]] {
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((path) => existsSync(path));
  return setpriv ? [setpriv, ["--pdeathsig", signal, "--", command, ...args]] : [command, args];
}

/** ponder's CLI entry, from the indexer's or the repository's node_modules. */
function ponderBin(): string {
  for (const base of [indexerRoot, repoRoot]) {
    const bin = join(base, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");
    if (existsSync(bin)) return bin;
  }
  throw new Error(`indexer: ponder is not installed (run npm install in ${repoRoot})`);
}

export function parseLog(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A log line, readable: its message and its error's message. */
function readable(line: string): string {
  const parsed = parseLog(line);
  if (!parsed) return line;
  const error = parsed.error as { message?: string } | undefined;
  return [parsed.msg, error?.message].filter(Boolean).join(": ");
}

export function spawnPonder(options: {
  schema: string;
  port: number;
  hostname: string;
  env: NodeJS.ProcessEnv;
  logPath: string;
  onLog?: (line: string) => void;
}): PonderProcess {
  const args = [
    // Stops ponder gracefully when this process is gone (where setpriv is missing).
    "--import",
    pathToFileURL(join(indexerRoot, "bin", "watchdog.mjs")).href,
    ponderBin(),
    "--root",
    indexerRoot,
    "--log-format",
    "json",
    "start",
    "--schema",
    options.schema,
    "--port",
    String(options.port),
    "--hostname",
    options.hostname,
  ];
  const [command, commandArgs] = boundToParent(process.execPath, args, "INT");
  const child = spawn(command, commandArgs, {
    cwd: indexerRoot,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });

  let requested = false;
  let reason: string | undefined;
  let port = options.port;
  const tail: string[] = [];
  writeFileSync(options.logPath, "");
  const onLine = (line: string) => {
    if (!line.trim()) return;
    writeFileSync(options.logPath, `${line}\n`, { flag: "a" });
    options.onLog?.(line);
    tail.push(line);
    if (tail.length > 40) tail.shift();
    const parsed = parseLog(line);
    const msg = typeof parsed?.msg === "string" ? parsed.msg : "";
    if (msg === "Created HTTP server" && typeof parsed?.port === "number") port = parsed.port;
    if (msg.startsWith(DEEP_REORG_MESSAGE)) reason = msg;
    if (msg === PONDER_UNRECOVERABLE_REORG && !reason) {
      // Ponder found no common ancestor above its finalized block and cannot go on (its API would
      // serve the orphaned blocks' rows as healthy): say so in the log, and stop it.
      reason = `${DEEP_REORG_MESSAGE}: the chain no longer contains ponder's finalized block ${String(parsed?.finalized_block ?? "")}. The indexed data comes from blocks the chain replaced; the indexer stops (start it again to resync from scratch).`;
      onLine(JSON.stringify({ level: 50, time: Date.now(), msg: reason }));
      child.kill("SIGINT");
    }
  };
  pipeLines(child, onLine);

  const exited = new Promise<IndexerExit>((done) => {
    const report = (code: number | null, signal: NodeJS.Signals | null) => {
      process.off("exit", killOnExit);
      const lastError = [...tail].reverse().find((line) => {
        const level = parseLog(line)?.level;
        return typeof level === "number" && level >= 50;
      });
      const why = reason ?? (lastError ? readable(lastError) : undefined);
      done({ code, signal, requested, ...(why ? { reason: why } : {}) });
    };
    if (child.exitCode !== null || child.signalCode !== null) {
      report(child.exitCode, child.signalCode);
    } else child.once("exit", report);
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    requested = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };

  return {
    child,
    exited,
    stop,
    port: () => port,
    describe: () => tail.map(readable).join("\n"),
  };
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    stream?.on("end", () => {
      if (buffer) onLine(buffer);
    });
  }
}
