import { useQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { type Abi, type Address, erc20Abi, type PublicClient } from "viem";
import { useBlock, usePublicClient } from "wagmi";
import type { DashboardConfig } from "./config.ts";
import { hasFunction } from "./contracts.ts";

export interface TokenInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

interface AppContextValue {
  config: DashboardConfig;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({
  config,
  children,
}: {
  config: DashboardConfig;
  children: ReactNode;
}) {
  return <AppContext.Provider value={{ config }}>{children}</AppContext.Provider>;
}

export function useAppConfig(): DashboardConfig {
  const value = useContext(AppContext);
  if (!value) throw new Error("useAppConfig outside AppProvider");
  return value.config;
}

export function useClient(): PublicClient {
  const client = usePublicClient();
  if (!client) throw new Error("no public client for the deployment's chain");
  return client;
}

/** The latest block (number and timestamp), watched: every chain read keys on it. */
export function useLatestBlock(): { number: bigint; timestamp: number } | undefined {
  const { data } = useBlock({ watch: true, query: { staleTime: 0 } });
  if (!data || data.number === null) return undefined;
  return { number: data.number, timestamp: Number(data.timestamp) };
}

export function useToken(): TokenInfo | undefined {
  const config = useAppConfig();
  const client = useClient();
  const address = config.deployment.contracts.token;
  const { data } = useQuery({
    queryKey: ["token", address],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<TokenInfo> => {
      const [symbol, decimals] = await Promise.all([
        client.readContract({ address, abi: erc20Abi, functionName: "symbol" }),
        client.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
      ]);
      return { address, symbol, decimals };
    },
  });
  return data;
}

/**
 * Reads a view if the deployed ABI has it; `undefined` when it does not (an older or newer
 * contract) so pages degrade to "—" instead of failing.
 */
export async function readIfPresent<T>(
  client: PublicClient,
  address: Address | undefined,
  abi: Abi,
  functionName: string,
  args: readonly unknown[] = [],
): Promise<T | undefined> {
  if (!address || !hasFunction(abi, functionName)) return undefined;
  return (await client.readContract({ address, abi, functionName, args })) as T;
}
