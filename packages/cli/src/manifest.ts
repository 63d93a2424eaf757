/**
 * The commands' metadata (names, roles, summaries, arguments, options) without their code. The build
 * writes it to `dist/commands.json` (`writeManifest`) beside the bundled `dist/cli.js`, so the compiled
 * `ipool --help` and the parser load no command module, hence neither the SDK nor viem; run from the
 * sources (tests, tsx), it is read from the modules themselves.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Command, CommandMeta } from "./command.ts";
import { type CommandLocation, loadCommands } from "./commands/index.ts";

/** One command as the parser sees it: its metadata and where its code is. */
export type ManifestEntry = CommandMeta & CommandLocation;

const MANIFEST = new URL("./commands.json", import.meta.url);

function metaOf(command: Command): CommandMeta {
  const { run: _run, ...meta } = command;
  return meta;
}

async function fromModules(): Promise<ManifestEntry[]> {
  const seen = new Set<Command>();
  const entries: ManifestEntry[] = [];
  for (const { command, ...location } of await loadCommands()) {
    if (seen.has(command)) continue; // exported twice (e.g. also as default)
    seen.add(command);
    entries.push({ ...metaOf(command), ...location });
  }
  return entries;
}

/** The commands' metadata: from `commands.json` beside this file when built, else from the modules. */
export async function readManifest(): Promise<ManifestEntry[]> {
  if (MANIFEST.pathname.endsWith("/dist/commands.json")) {
    try {
      return JSON.parse(readFileSync(MANIFEST, "utf8")) as ManifestEntry[];
    } catch {
      // not written (a build without the manifest step): read the modules
    }
  }
  return fromModules();
}

/** Writes the manifest to `path` (the build: `packages/cli/dist/commands.json`); returns the number of commands. */
export async function writeManifest(path: string): Promise<number> {
  const entries = await fromModules();
  writeFileSync(path, `${JSON.stringify(entries, null, 2)}\n`);
  return entries.length;
}
