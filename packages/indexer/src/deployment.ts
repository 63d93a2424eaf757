/**
 * Where the indexer finds its deployment, shared by `ponder.config.ts` (inside ponder) and
 * `start.ts` (outside). The file format is `@insurance-pool/sdk`'s `Deployment`.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Address } from "viem";
import { type Deployment, readDeployment } from "../../sdk/src/deployment.ts";

/** The repository root (three levels above this file: packages/indexer/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The indexer package's directory (ponder's `--root`). */
export const indexerRoot = resolve(repoRoot, "packages", "indexer");

/**
 * The deployment file to index: `$IPOOL_DEPLOYMENT`, else `.devnet/deployment.json` in the working
 * directory, else the repository's `.devnet/deployment.json`.
 */
export function deploymentPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IPOOL_DEPLOYMENT) return resolve(env.IPOOL_DEPLOYMENT);
  const local = resolve(".devnet", "deployment.json");
  return existsSync(local) ? local : join(repoRoot, ".devnet", "deployment.json");
}

/** Reads the deployment the indexer follows (throws with the path when it is missing or malformed). */
export function loadDeployment(env: NodeJS.ProcessEnv = process.env): Deployment {
  const path = deploymentPath(env);
  if (!existsSync(path)) {
    throw new Error(
      `indexer: no deployment file at ${path}; start the devnet (npm start) or set IPOOL_DEPLOYMENT`,
    );
  }
  return readDeployment(path);
}

/**
 * A contract the deployment lacks is indexed at the zero address, which never emits logs: the
 * indexing functions stay registered whatever subset of the system is deployed.
 */
export const ABSENT: Address = "0x0000000000000000000000000000000000000000";

/**
 * RPC URLs for ponder. Ponder rate-limits each URL, so the same endpoint is listed several times
 * (`?lane=i`, ignored by the node) to let a local chain sync at full speed.
 */
export function rpcUrls(rpcUrl: string, lanes: number): string[] {
  if (lanes <= 1) return [rpcUrl];
  return Array.from({ length: lanes }, (_, i) => {
    const url = new URL(rpcUrl);
    url.searchParams.set("lane", String(i));
    return url.toString();
  });
}
