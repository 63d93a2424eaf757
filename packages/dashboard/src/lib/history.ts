import { useQuery } from "@tanstack/react-query";
import { type Abi, type Log, type PublicClient, parseEventLogs } from "viem";
import type { DashboardConfig } from "./config.ts";
import { useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { abis } from "./contracts.ts";
import { queryIndexerHistory } from "./indexer.ts";

export interface Point {
  x: number;
  y: bigint;
}

/** What the charts draw: each value as it changed over time (seconds). */
export interface History {
  source: "indexer" | "chain";
  totalStake: Point[];
  /** APR scaled by 1e18 = 100%. */
  apr: Point[];
  /** Claim payouts from the stake, cumulative. */
  paidOut: Point[];
}

const MAX_BLOCKS_WITH_TIMESTAMPS = 500;

/**
 * Reads the pool's history from its own events (every state change carries the new
 * `totalStake`). Used when no indexer runs; bounded to the latest blocks with events.
 */
async function historyFromLogs(client: PublicClient, config: DashboardConfig): Promise<History> {
  const pool = config.deployment.contracts.stakingPool;
  const logs = await client.getLogs({
    address: pool,
    fromBlock: BigInt(config.deployment.startBlock),
    toBlock: "latest",
  });
  const parsed = parseEventLogs({
    abi: abis.stakingPool as Abi,
    logs: logs as Log[],
    strict: false,
  });
  const blocks = [...new Set(parsed.map((log) => log.blockNumber))].slice(
    -MAX_BLOCKS_WITH_TIMESTAMPS,
  );
  const times = new Map<bigint, number>();
  await Promise.all(
    blocks.map(async (blockNumber) => {
      const block = await client.getBlock({ blockNumber });
      times.set(blockNumber, Number(block.timestamp));
    }),
  );
  const history: History = { source: "chain", totalStake: [], apr: [], paidOut: [] };
  let paidOut = 0n;
  for (const log of parsed) {
    const time = times.get(log.blockNumber);
    if (time === undefined) continue;
    const args = (log.args ?? {}) as Record<string, unknown>;
    if (typeof args.totalStake === "bigint")
      history.totalStake.push({ x: time, y: args.totalStake });
    const apr = args.apr ?? args.newApr;
    if (typeof apr === "bigint") history.apr.push({ x: time, y: apr });
    if (log.eventName === "PaidOutClaim" && typeof args.amount === "bigint") {
      paidOut += args.amount;
      history.paidOut.push({ x: time, y: paidOut });
    }
  }
  return history;
}

/** Pool history, from the indexer when one is configured (falls back to chain logs). */
export function usePoolHistory() {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  return useQuery({
    queryKey: ["history", config.deployment.contracts.stakingPool, block?.number.toString()],
    enabled: block !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<History> => {
      if (config.indexerUrl) {
        const fromIndexer = await queryIndexerHistory(config.indexerUrl).catch(() => undefined);
        if (fromIndexer) return fromIndexer;
      }
      return historyFromLogs(client, config);
    },
  });
}
