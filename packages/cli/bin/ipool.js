#!/usr/bin/env node
// Launcher of the `ipool` CLI. Runs the compiled CLI (dist/). In the repository (where src/ exists), it runs the
// TypeScript sources through tsx instead whenever dist/ is missing or older than the CLI's or the SDK's sources,
// so a stale build never runs; `npm run build:packages` makes dist/ current again.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** Newest modification time under `dir` (ms), 0 when it does not exist. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

function builtIsCurrent() {
  const manifest = here("../dist/commands.json");
  if (!existsSync(manifest)) return false;
  if (!existsSync(here("../src"))) return true; // an installed package: only dist/ ships
  const built = statSync(manifest).mtimeMs;
  return newest(here("../src")) <= built && newest(here("../../sdk/src")) <= built;
}

let main;
if (builtIsCurrent()) {
  ({ main } = await import("../dist/cli.js"));
} else {
  const { register } = await import("tsx/esm/api");
  register({ tsconfig: here("../../../tsconfig.json") });
  ({ main } = await import("../src/cli.ts"));
}
const code = await main(process.argv.slice(2));
process.exitCode = code;
// A request still pending on a dead RPC (or its retry timer) must not hold the exit: leave once output drains.
setTimeout(() => process.exit(code), 200).unref();
