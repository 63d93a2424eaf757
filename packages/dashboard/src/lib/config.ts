import type { Deployment } from "../../../sdk/src/deployment.ts";

/**
 * What the dashboard needs at run time, served as `config.json` next to `index.html`
 * (by `start.ts`, or by any static host).
 */
export interface DashboardConfig {
  deployment: Deployment;
  /** RPC URL the browser uses; `start.ts` proxies the deployment's RPC at `./rpc`. */
  rpcUrl: string;
  /** Base URL of the indexer's HTTP API (Ponder: `/graphql`), or null to read history from the chain. */
  indexerUrl: string | null;
  /** Devnet only: the mnemonic of the well-known accounts, for the built-in test wallet. */
  devnetMnemonic: string | null;
}

export async function loadConfig(): Promise<DashboardConfig> {
  const response = await fetch("./config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  const config = (await response.json()) as DashboardConfig;
  const base = new URL(".", window.location.href);
  // Relative URLs (proxied by the dashboard server) resolve against the page.
  config.rpcUrl = new URL(config.rpcUrl, base).toString();
  if (config.indexerUrl) config.indexerUrl = new URL(config.indexerUrl, base).toString();
  config.deployment.dapis ??= [];
  return config;
}
