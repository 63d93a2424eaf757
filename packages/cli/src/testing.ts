/** Helpers for the CLI's tests: run `ipool` in-process and capture what it prints. Not shipped. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Deployment } from "@insurance-pool/sdk";
import { run } from "./cli.ts";

/** What one run printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for `--json` runs). */
  json: () => Record<string, unknown>;
}

/** A directory holding `.devnet/deployment.json`, the CLI's default deployment path. */
export function deploymentDir(deployment: Deployment): string {
  const dir = mkdtempSync(join(tmpdir(), "ipool-test-"));
  mkdirSync(join(dir, ".devnet"));
  writeFileSync(join(dir, ".devnet", "deployment.json"), JSON.stringify(deployment, null, 2));
  return dir;
}

/** Runs `ipool argv` in-process in `cwd`. */
export async function ipool(
  cwd: string,
  argv: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    isTTY: false,
    cwd,
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
