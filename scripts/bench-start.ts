/**
 * `npm run bench:start`: how long `npm start` takes until the devnet is ready (anvil, deployment, seed data,
 * dAPI pusher, indexer, dashboard; the moment it prints "Insurance Pool devnet is running"), cold and warm.
 * Cold: as after `npm ci` on a fresh clone: a fresh deployment directory (no indexer database), tsx's transpile
 * cache disabled, and the builds a first start makes deleted (the dashboard's `dist/` and the indexer's PGlite
 * template in node_modules/.cache); warm: the same again with all of them kept (a new chain: deploy, seed, index
 * again); resumed: again with `--resume`, which continues the chain the warm start saved and lets the indexer keep
 * its database. Each run's figure and the load average at its start are listed beside the medians. The
 * contracts are not compiled: the devnet deploys from the committed `packages/sdk/src/generated/contracts.ts`.
 * Writes bench/start.md.
 *
 *   npm run bench:start [-- --runs 1]
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { machineLine, median } from "./bench-machine.ts";

const root = join(import.meta.dirname, "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
const machine = machineLine();

/** Starts the devnet as `npm start` does; resolves the seconds until it is ready, after stopping it. */
function start(dir: string, env: Record<string, string>, args: string[] = []): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "packages/devnet/src/main.ts",
        "--deployment",
        join(dir, "deployment.json"),
        ...args,
      ],
      { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let ready: number | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (ready === undefined && output.includes("Insurance Pool devnet is running")) {
        if (args.includes("--resume") && !output.includes("• resumed the devnet saved at")) {
          child.kill("SIGKILL");
          reject(new Error(`--resume started a new devnet:\n${output}`));
          return;
        }
        ready = (Date.now() - started) / 1000;
        child.kill("SIGINT");
      }
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("close", () => {
      clearTimeout(timer);
      if (ready === undefined) reject(new Error(`the devnet never became ready:\n${output}`));
      else resolve(ready);
    });
  });
}

/** What a first start builds and later ones reuse; a fresh clone has none of it. */
const FIRST_START_BUILDS = [
  join(root, "packages", "dashboard", "dist"),
  join(root, "node_modules", ".cache", "ipool-pglite-template"),
];

const cold: number[] = [];
const warm: number[] = [];
const resumed: number[] = [];
const each: string[] = [];
const load = () => (loadavg()[0] ?? 0).toFixed(1);
for (let run = 0; run < runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), "ipool-start-"));
  try {
    for (const path of FIRST_START_BUILDS) rmSync(path, { recursive: true, force: true });
    const coldLoad = load();
    cold.push(await start(dir, { TSX_DISABLE_CACHE: "1" }));
    const warmLoad = load();
    warm.push(await start(dir, {}));
    const resumedLoad = load();
    resumed.push(await start(dir, {}, ["--resume"]));
    each.push(
      `| ${run + 1} | ${cold.at(-1)?.toFixed(1)} (load ${coldLoad}) | ${warm.at(-1)?.toFixed(1)} (load ${warmLoad}) | ${resumed.at(-1)?.toFixed(1)} (load ${resumedLoad}) |`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const lines = [
  "# `npm start` until the devnet is ready",
  "",
  `Median of ${runs} run${runs === 1 ? "" : "s"}: anvil, deployment, seed, pusher, indexer (PGlite) and dashboard, until the summary prints.`,
  `Machine: ${machine}.`,
  "",
  "| start | seconds | budget |",
  "|---|---|---|",
  `| cold (new deployment directory, tsx cache off, no dashboard build, no PGlite template) | ${median(cold).toFixed(1)} | 45 s ${median(cold) <= 45 ? "✔" : "✘ over"} |`,
  `| warm, a new chain (again, caches kept: deploy, seed and index again) | ${median(warm).toFixed(1)} | — |`,
  `| warm, \`--resume\` (continues the saved chain; the indexer keeps its database) | ${median(resumed).toFixed(1)} | 15 s ${median(resumed) <= 15 ? "✔" : "✘ over"} |`,
  "",
  "Each run (seconds; 1-minute load average when it started):",
  "",
  "| run | cold | warm | resumed |",
  "|---|---|---|---|",
  ...each,
  "",
];
mkdirSync(join(root, "bench"), { recursive: true });
writeFileSync(join(root, "bench", "start.md"), lines.join("\n"));
console.log(lines.join("\n"));
