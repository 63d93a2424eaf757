/**
 * `npm run bench:cli`: start-up of the compiled `ipool` (what `npx ipool` runs), median of 5 runs each:
 * `ipool --help` (budget 0.3 s) and `ipool status` against a local devnet (budget 0.7 s), beside plain
 * `node -e ""` on the same machine. Builds the packages first when their sources changed. Writes bench/cli.md.
 *
 *   npm run bench:cli [-- --runs 5]
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAnvil } from "../packages/sdk/src/anvil.ts";
import { createTxContext } from "../packages/sdk/src/deploy/context.ts";
import { deployDevnet } from "../packages/sdk/src/deploy/devnet.ts";
import { devnetAccount } from "../packages/sdk/src/deploy/devnetAccounts.ts";
import { machineLine, median } from "./bench-machine.ts";

const root = join(import.meta.dirname, "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const machine = machineLine();

const build = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/build-packages.ts", "--if-stale"],
  {
    cwd: root,
    stdio: "inherit",
  },
);
if (build.status !== 0) process.exit(1);

/**
 * Wall time of `node args` in `cwd`, in seconds; fails on a non-zero exit. Asynchronous on purpose: this process
 * drains anvil's output, and a spawnSync blocked it long enough for the pipe to fill and anvil to stop answering
 * (the CLI then timed out after 8 s).
 */
function time(args: string[], cwd: string): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env: { ...process.env, IPOOL_PRIVATE_KEY: "" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolve(seconds);
      else reject(new Error(`node ${args.join(" ")} failed:\n${stderr}`));
    });
  });
}

const anvil = await startAnvil();
try {
  const deployer = await createTxContext({
    rpcUrl: anvil.rpcUrl,
    account: devnetAccount("deployer"),
  });
  const deployment = await deployDevnet(deployer, { rpcUrl: anvil.rpcUrl });
  const dir = mkdtempSync(join(tmpdir(), "ipool-bench-"));
  mkdirSync(join(dir, ".devnet"));
  writeFileSync(join(dir, ".devnet", "deployment.json"), JSON.stringify(deployment));
  const bin = join(root, "packages", "cli", "bin", "ipool.js");
  const rows: [string, number, number][] = [];
  const measure = async (label: string, args: string[], budget: number) => {
    await time(args, dir); // warm the file cache
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) samples.push(await time(args, dir));
    rows.push([label, median(samples), budget]);
  };
  await measure('`node -e ""` (for scale)', ["-e", ""], Number.NaN);
  await measure("`ipool --help`", [bin, "--help"], 0.3);
  await measure("`ipool status` (devnet: the pool)", [bin, "status"], 0.7);
  await measure(
    "`ipool status --account 1` (the pool and a staker)",
    [bin, "status", "--account", "1"],
    0.7,
  );
  const lines = [
    "# CLI start-up",
    "",
    `Median of ${runs} runs (after one warm-up), compiled CLI (\`packages/cli/dist\`), local anvil with the devnet deployed.`,
    `Machine: ${machine}.`,
    "",
    "| run | median | budget |",
    "|---|---|---|",
    ...rows.map(
      ([label, seconds, budget]) =>
        `| ${label} | ${seconds.toFixed(3)} s | ${Number.isNaN(budget) ? "" : `${budget} s ${seconds <= budget ? "✔" : "✘ over"}`} |`,
    ),
    "",
  ];
  mkdirSync(join(root, "bench"), { recursive: true });
  writeFileSync(join(root, "bench", "cli.md"), lines.join("\n"));
  console.log(lines.join("\n"));
} finally {
  await anvil.stop();
}
