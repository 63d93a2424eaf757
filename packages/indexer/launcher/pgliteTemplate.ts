/**
 * A fresh indexer database on PGlite without PGlite's initdb: PGlite creates a new data directory by
 * running initdb in WebAssembly, 4-7 s on 2 cores, and ponder opened one at every start on a fresh
 * chain. Here an empty, just-initialized data directory (the template) is made once per PGlite version
 * under `node_modules/.cache` and copied (27 MB, ~0.1 s) where a fresh database is needed; opening an
 * existing directory takes ~0.6 s. The template is made in a child process, so that whoever waits for
 * it (the devnet deploying its contracts meanwhile) keeps its event loop, and moved into place in one
 * rename, so that a concurrent start never copies half of one.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/deployment.ts";

const CACHE_DIR = join(repoRoot, "node_modules", ".cache", "ipool-pglite-template");
const MAKE_TEMPLATE = join(repoRoot, "packages", "indexer", "bin", "pglite-template.mjs");

/** The PGlite version ponder runs (the template belongs to it). */
function pgliteVersion(): string {
  const manifest = join(repoRoot, "node_modules", "@electric-sql", "pglite", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Where the template of the installed PGlite lives (it may not exist yet). */
export function pgliteTemplateDir(cacheDir = CACHE_DIR): string {
  return join(cacheDir, `pglite-${pgliteVersion()}`);
}

const making = new Map<string, Promise<string>>();

/**
 * Resolves the template's directory, making it first if it is missing (once per process and
 * directory, whoever asks). Rejects, with PGlite's output, when it cannot be made.
 */
export function ensurePgliteTemplate(cacheDir = CACHE_DIR): Promise<string> {
  const dir = pgliteTemplateDir(cacheDir);
  if (existsSync(dir)) return Promise.resolve(dir);
  let pending = making.get(dir);
  if (!pending) {
    pending = makeTemplate(dir);
    making.set(dir, pending);
    pending.finally(() => making.delete(dir)).catch(() => {});
  }
  return pending;
}

async function makeTemplate(dir: string): Promise<string> {
  const staging = `${dir}.${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [MAKE_TEMPLATE, staging], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", fail);
      child.on("exit", (code, signal) =>
        code === 0
          ? done()
          : fail(
              new Error(
                `indexer: could not make the PGlite template (${signal ?? `code ${code}`}): ${stderr.trim()}`,
              ),
            ),
      );
    });
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another process put its template in place first: that one is as good.
      if (!existsSync(dir)) throw error;
    }
    return dir;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Makes `target` a fresh, empty PGlite data directory: a copy of the template (made first if
 * missing). Whatever was in `target` is deleted.
 */
export async function freshPgliteDir(target: string, cacheDir = CACHE_DIR): Promise<void> {
  const template = await ensurePgliteTemplate(cacheDir);
  rmSync(target, { recursive: true, force: true });
  cpSync(template, target, { recursive: true });
}
