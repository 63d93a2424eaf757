/**
 * `npm start -- --resume`: continue the last devnet instead of deploying and seeding a new one.
 *
 * Every start saves its chain: anvil dumps its state (blocks, transactions, accounts) when it stops, into
 * `<deployment dir>/saved/anvil-state.json`, and `saved/devnet.json` records what a resume needs: the
 * deployment, the start block's hash, the chain's clock offset, and a key of everything that decides what a
 * new start would deploy (contract bytecodes, the deploy and seed code, the options). A resume loads the state
 * only when the key is the same and the loaded chain is the saved one (same start block hash); otherwise it
 * starts clean and says why. The indexer resumes on its own: it keeps its database when the chain and the
 * deployment are the ones it indexed (packages/indexer/launcher/start.ts).
 *
 * The chain's clock goes on as if the devnet had kept running: it resumes at the wall clock plus the offset
 * the chain had when it stopped (`ipool devnet advance` moves it), and never before its last block.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Deployment } from "../../sdk/src/deployment.ts";

const FORMAT = 1;
const root = resolve(import.meta.dirname, "..", "..", "..");

/** What decides the chain a fresh start builds, besides the code. */
export interface ChainOptions {
  arbitrator: string;
  arbitratorV2: string | undefined;
  noSeed: boolean;
}

/** The record of a saved devnet (`saved/devnet.json`). */
export interface SavedDevnet {
  format: number;
  key: string;
  /** False until the devnet was deployed, seeded and ready: a half-built chain is never resumed. */
  complete: boolean;
  deployment: Deployment;
  startBlockHash: string;
  seeded: boolean;
  /** Chain time minus wall-clock time when the devnet stopped (seconds); 0 until then. */
  clockOffset: number;
  savedAt: string;
}

/** Where a devnet whose deployment file is `deploymentPath` saves itself. */
export function savedPaths(deploymentPath: string): { state: string; record: string } {
  const dir = join(dirname(resolve(deploymentPath)), "saved");
  return { state: join(dir, "anvil-state.json"), record: join(dir, "devnet.json") };
}

/** Files whose content decides what a fresh start deploys and seeds (the code half of the key). */
function keyFiles(): string[] {
  const sdk = join(root, "packages", "sdk", "src");
  const inDir = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .sort()
      .map((name) => join(dir, name));
  return [
    ...inDir(join(sdk, "deploy")),
    ...inDir(join(sdk, "generated")),
    ...inDir(join(sdk, "dispute")),
    join(root, "packages", "devnet", "src", "seed.ts"),
  ];
}

function packageVersion(name: string): string {
  const require = createRequire(join(root, "package.json"));
  return (require(`${name}/package.json`) as { version: string }).version;
}

/**
 * The key of a saved devnet: a hash of the contract bytecodes and ABIs, the deploy, dispute-file and seed code,
 * the versions of @api3/contracts and anvil, and the options. A saved devnet is resumed only under the same key.
 */
export function resumeKey(options: ChainOptions, files: string[] = keyFiles()): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ format: FORMAT, options }));
  for (const name of ["@api3/contracts", "@foundry-rs/anvil-linux-amd64"]) {
    hash.update(`${name}@${packageVersion(name)}\n`);
  }
  for (const file of files) {
    hash.update(`${file.slice(root.length)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The saved devnet to resume under `key`, or why there is none. */
export function findSaved(
  deploymentPath: string,
  key: string,
): { saved: SavedDevnet } | { reason: string } {
  const paths = savedPaths(deploymentPath);
  if (!existsSync(paths.record) || !existsSync(paths.state)) return { reason: "no saved devnet" };
  let saved: SavedDevnet;
  try {
    saved = JSON.parse(readFileSync(paths.record, "utf8")) as SavedDevnet;
  } catch (error) {
    return { reason: `${paths.record} is not readable (${String(error)})` };
  }
  if (saved.format !== FORMAT) return { reason: "the saved devnet has another format" };
  if (!saved.complete) return { reason: "the saved devnet never finished starting" };
  if (saved.key !== key) {
    return {
      reason:
        "the contracts, the deploy or seed code or the options changed since the devnet was saved",
    };
  }
  return { saved };
}

/** Forgets the saved devnet (a fresh start replaces it; its half-built chain must not be resumed). */
export function forgetSaved(deploymentPath: string): void {
  const paths = savedPaths(deploymentPath);
  rmSync(paths.record, { force: true });
  rmSync(paths.state, { force: true });
}

/** Records the devnet to resume (anvil writes the state itself when it stops). */
export function recordSaved(deploymentPath: string, saved: Omit<SavedDevnet, "format">): void {
  const { record } = savedPaths(deploymentPath);
  writeFileSync(record, `${JSON.stringify({ format: FORMAT, ...saved }, null, 2)}\n`);
}

/** The time a resumed chain's clock is set to: wall clock plus the saved offset, never before its last block. */
export function resumedTime(saved: { clockOffset: number }, lastBlockTimestamp: number): number {
  const wall = Math.floor(Date.now() / 1000);
  return Math.max(wall + saved.clockOffset, lastBlockTimestamp + 1);
}
