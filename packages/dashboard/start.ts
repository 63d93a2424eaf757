/**
 * Serves the dashboard: builds it with Vite when the sources changed (cached in `dist/`), then serves
 * the static files, `config.json` (the deployment and where to reach the chain and the indexer) and
 * two proxies, `/rpc` (the deployment's JSON-RPC) and `/indexer/*` (the indexer's HTTP API), so the
 * browser talks to one origin.
 *
 *   node --import tsx packages/dashboard/start.ts --deployment .devnet/deployment.json \
 *     [--indexer http://127.0.0.1:42069] [--port 5173]
 */
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readDeployment } from "../sdk/src/deployment.ts";
import { DISPUTE_TEXT_FILES, disputeTextFile } from "../sdk/src/dispute/files.ts";
import type { DashboardConfig } from "./src/lib/config.ts";

const here = dirname(fileURLToPath(import.meta.url));
const distDir = join(here, "dist");
const stampFile = join(distDir, ".sources-mtime");
/** anvil's well-known mnemonic: the devnet's accounts (never holds real funds). */
const DEVNET_MNEMONIC = "test test test test test test test test test test test junk";

export interface StartDashboardOptions {
  deploymentPath: string;
  /** The indexer's base URL (Ponder), or null/undefined to read history from the chain. */
  indexerUrl?: string | null;
  /** 0 or undefined: a free port. */
  port?: number;
  host?: string;
  /** Rebuild even if `dist/` is up to date. */
  forceBuild?: boolean;
}

export interface Dashboard {
  url: string;
  stop(): Promise<void>;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function sourcesMtime(): number {
  const inputs = [
    join(here, "src"),
    join(here, "index.html"),
    join(here, "vite.config.ts"),
    join(here, "..", "sdk", "src"),
  ];
  return Math.max(...inputs.filter((p) => existsSync(p)).map(newestMtime));
}

/** Builds the app into `dist/` unless it is up to date. Returns the build time in ms (0 if cached). */
export async function buildDashboard(force = false): Promise<number> {
  const mtime = sourcesMtime();
  if (!force && existsSync(stampFile) && Number(readFileSync(stampFile, "utf8")) >= mtime) return 0;
  const started = performance.now();
  const { build } = await import("vite");
  // Build elsewhere on the same disk (node_modules/.cache, ignored by git) and swap, so a concurrent
  // server never sees a half-written tree.
  const tmp = join(
    here,
    "..",
    "..",
    "node_modules",
    ".cache",
    `ipool-dashboard-${process.pid}-${Date.now()}`,
  );
  await build({
    configFile: join(here, "vite.config.ts"),
    build: { outDir: tmp, emptyOutDir: true },
    logLevel: "error",
  });
  writeFileSync(join(tmp, ".sources-mtime"), String(mtime));
  rmSync(distDir, { recursive: true, force: true });
  try {
    renameSync(tmp, distDir);
  } catch {
    // Another process won the race with an equivalent build.
    rmSync(tmp, { recursive: true, force: true });
  }
  return performance.now() - started;
}

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function proxy(request: IncomingMessage, response: ServerResponse, target: string) {
  try {
    const body =
      request.method === "GET" || request.method === "HEAD" ? undefined : await readBody(request);
    const upstream = await fetch(target, {
      method: request.method,
      headers: { "content-type": request.headers["content-type"] ?? "application/json" },
      body,
    });
    response.writeHead(upstream.status, {
      "content-type": upstream.headers.get("content-type") ?? "application/json",
      "cache-control": "no-store",
    });
    response.end(Buffer.from(await upstream.arrayBuffer()));
  } catch (error) {
    response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: `upstream ${target} unreachable: ${String(error)}` }));
  }
}

async function indexerReady(indexerUrl: string | null): Promise<boolean> {
  if (!indexerUrl) return false;
  try {
    const response = await fetch(`${indexerUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Every file under `dir` by URL path ("/assets/x.js"). */
function readTree(dir: string, prefix = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    const url = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of readTree(path, url)) files.set(k, v);
    else files.set(url, readFileSync(path));
  }
  return files;
}

/**
 * The shipped dispute texts (contracts/dispute) by CIDv0, served at `/ipfs/<cid>` as an IPFS gateway would: the
 * devnet's meta-evidence URI (`/ipfs/<cid>`) and the claims policy resolve here, so the dashboard shows a claim's
 * dispute text without a real IPFS node.
 */
function disputeTextsByCid(): Map<string, { content: Buffer; type: string }> {
  const texts = new Map<string, { content: Buffer; type: string }>();
  for (const name of Object.values(DISPUTE_TEXT_FILES)) {
    const file = disputeTextFile(name);
    const type = name.endsWith(".json") ? "application/json" : "text/markdown; charset=utf-8";
    texts.set(file.cid, { content: file.content, type });
  }
  return texts;
}

/** Builds (if needed) and serves the dashboard for a deployment. */
export async function startDashboard(options: StartDashboardOptions): Promise<Dashboard> {
  const deploymentPath = resolve(options.deploymentPath);
  readDeployment(deploymentPath); // fail fast on a malformed file
  const indexerUrl = options.indexerUrl ? options.indexerUrl.replace(/\/$/, "") : null;
  await buildDashboard(options.forceBuild);
  // Served from memory (about 1 MB): a later build by another process cannot change what this server
  // has already handed to browsers.
  let files: Map<string, Buffer>;
  try {
    files = readTree(distDir);
  } catch {
    // Caught another process between removing the old build and renaming in the new one.
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    await buildDashboard();
    files = readTree(distDir);
  }

  const configJson = () => {
    // Re-read on each request: the devnet may redeploy while the dashboard runs.
    const deployment = readDeployment(deploymentPath);
    const config: DashboardConfig = {
      deployment,
      rpcUrl: "./rpc",
      indexerUrl: indexerUrl ? "./indexer/" : null,
      devnetMnemonic: deployment.accounts ? DEVNET_MNEMONIC : null,
    };
    return JSON.stringify(config);
  };

  const disputeTexts = disputeTextsByCid();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith("/ipfs/")) {
      const text = disputeTexts.get(path.slice("/ipfs/".length));
      if (!text) {
        response.writeHead(404, { "content-type": "text/plain" }).end("not a shipped dispute text");
        return;
      }
      response.writeHead(200, {
        "content-type": text.type,
        "cache-control": "public, max-age=31536000, immutable",
      });
      response.end(text.content);
      return;
    }
    if (path === "/rpc") {
      void proxy(request, response, readDeployment(deploymentPath).rpcUrl);
      return;
    }
    if (path === "/indexer-ready") {
      // The browser asks here first, so an indexer that is still syncing (503) never shows up as a
      // failed request in its console.
      void indexerReady(indexerUrl).then((ready) => {
        response.writeHead(200, {
          "content-type": "application/json",
          "cache-control": "no-store",
        });
        response.end(JSON.stringify({ ready }));
      });
      return;
    }
    if (path.startsWith("/indexer/")) {
      if (!indexerUrl) {
        response.writeHead(404).end();
        return;
      }
      void proxy(request, response, `${indexerUrl}/${path.slice("/indexer/".length)}${url.search}`);
      return;
    }
    if (path === "/config.json") {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(configJson());
      return;
    }
    const key = path === "/" ? "/index.html" : path;
    const file = files.get(key) ?? (extname(key) === "" ? files.get("/index.html") : undefined);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "content-type": contentTypes[extname(key)] ?? contentTypes[".html"],
      "cache-control": key.startsWith("/assets/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
    });
    response.end(file);
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    stop: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      deployment: { type: "string", default: ".devnet/deployment.json" },
      indexer: { type: "string" },
      port: { type: "string", default: "5173" },
    },
  });
  const dashboard = await startDashboard({
    deploymentPath: values.deployment,
    indexerUrl: values.indexer ?? null,
    port: Number(values.port),
  });
  console.log(`dashboard: ${dashboard.url}`);
  const stop = () => void dashboard.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
