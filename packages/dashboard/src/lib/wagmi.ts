import { type Chain, defineChain } from "viem";
import { createConfig, http } from "wagmi";
import { injected } from "wagmi/connectors";
import type { DashboardConfig } from "./config.ts";
import { devnetAccount } from "./devnetConnector.ts";

export function chainOf(config: DashboardConfig): Chain {
  const { chainId } = config.deployment;
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? "Devnet" : `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
}

/** Devnet roles that only machines use (signing feed data, pushing it): not offered in the picker. */
const MACHINE_ROLES = new Set(["airnode", "pusher"]);

export function createWagmiConfig(config: DashboardConfig) {
  const chain = chainOf(config);
  const { devnetMnemonic } = config;
  const devnetAccounts =
    devnetMnemonic && config.deployment.accounts
      ? Object.entries(config.deployment.accounts)
          .filter(([role]) => !MACHINE_ROLES.has(role))
          .map(([role, account]) =>
            devnetAccount({ role, ...account, mnemonic: devnetMnemonic, rpcUrl: config.rpcUrl }),
          )
      : [];
  return createConfig({
    chains: [chain],
    connectors: [injected({ shimDisconnect: true }), ...devnetAccounts],
    transports: { [chain.id]: http(config.rpcUrl, { batch: { wait: 5 } }) },
    pollingInterval: 1_000,
    // The devnet chain restarts with fresh state: don't restore a previous session's connection.
    storage: null,
    multiInjectedProviderDiscovery: false,
  });
}
