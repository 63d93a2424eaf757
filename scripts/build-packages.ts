/**
 * Compiles the SDK and the CLI to JavaScript with type declarations (ESM, `packages/{sdk,cli}/dist`), then
 * writes the CLI's command manifest (`dist/commands.json`: what `ipool --help` and the parser read
 * without loading any command). Incremental: a second run with nothing changed takes ~2 s. Also the
 * packages' `prepack`, so `npm pack` always packs a fresh build. Needs the generated SDK modules
 * (`npm run build:abis`).
 *
 * `--if-stale` (the packages' `prepack`) does nothing when the manifest, written last, is newer than every
 * source and build setting of both packages: a no-op tsc still costs ~10 s of CPU on this code base.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { build as esbuild } from "esbuild";

const root = join(import.meta.dirname, "..");
const started = Date.now();
const manifestPath = join(root, "packages/cli/dist/commands.json");

/** Newest modification time (ms) of the files under `path`. */
function newest(path: string): number {
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

if (process.argv.includes("--if-stale") && existsSync(manifestPath)) {
  const inputs = ["tsconfig.json", "package-lock.json"].map((file) => join(root, file));
  for (const pkg of ["sdk", "cli"]) {
    for (const file of ["src", "package.json", "tsconfig.build.json"]) {
      inputs.push(join(root, "packages", pkg, file));
    }
  }
  inputs.push(join(root, "packages/cli/bin"), join(root, "contracts/dispute"));
  if (Math.max(...inputs.map(newest)) <= statSync(manifestPath).mtimeMs) {
    console.error("build-packages: packages/sdk/dist and packages/cli/dist are current");
    process.exit(0);
  }
}

// The SDK: a library, compiled file by file (tsc) so that users' bundlers tree-shake it.
// The CLI's declarations come from tsc too; its JavaScript is bundled below.
for (const pkg of ["sdk", "cli"]) {
  const result = spawnSync(
    process.execPath,
    [
      join(root, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      `packages/${pkg}/tsconfig.build.json`,
    ],
    { cwd: root, stdio: "inherit" },
  );
  if (result.status !== 0) {
    console.error(`build-packages: tsc failed for packages/${pkg}`);
    process.exit(result.status ?? 1);
  }
}

// The CLI: one ESM bundle with a chunk per command module. Importing viem's barrel evaluates all of viem
// (~150 ms idle, 600 ms under load), so `ipool status` loads only the code it runs, tree-shaken; `--help`
// loads the entry chunk (commander and the parser) alone.
const cliDist = join(root, "packages/cli/dist");
rmSync(join(cliDist, "chunks"), { recursive: true, force: true });
await esbuild({
  entryPoints: [join(root, "packages/cli/src/cli.ts")],
  outdir: cliDist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  tsconfig: join(root, "tsconfig.json"),
  // commander is CommonJS: its require() of node builtins needs a real require in an ES module.
  banner: {
    js: 'import { createRequire as __ipoolRequire } from "node:module"; const require = __ipoolRequire(import.meta.url);',
  },
  logLevel: "warning",
});

// The dispute texts `ipool deploy` and the SDK's deploy entry read (claims policy, meta-evidence, Kleros v2
// template): each package ships a copy in `dispute-texts/`, which `src/dispute/files.ts` finds relative to itself.
for (const pkg of ["sdk", "cli"]) {
  const texts = join(root, "packages", pkg, "dispute-texts");
  rmSync(texts, { recursive: true, force: true });
  mkdirSync(texts);
  for (const name of readdirSync(join(root, "contracts/dispute"))) {
    if (name !== "README.md") cpSync(join(root, "contracts/dispute", name), join(texts, name));
  }
}

// The manifest, from the sources: what `ipool --help` and the parser read without loading any command.
const { writeManifest } = await import("../packages/cli/src/manifest.ts");
const commands = await writeManifest(manifestPath);

console.error(
  `built packages/sdk/dist and packages/cli/dist (${commands} commands) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
