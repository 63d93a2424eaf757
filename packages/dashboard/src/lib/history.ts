import { useQuery } from "@tanstack/react-query";
import { type AbiEvent, type Log, type PublicClient, parseEventLogs } from "viem";
import type { DashboardConfig } from "./config.ts";
import { useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { eventsAbi } from "./contracts.ts";
import { queryIndexerHistory } from "./indexer.ts";
import { blockTimesOf, logTime, readLogs } from "./logCache.ts";

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
  const logs = await readLogs(client, {
    address: pool,
    fromBlock: BigInt(config.deployment.startBlock),
  });
  const parsed = parseEventLogs({ abi: eventsAbi, logs, strict: false });
  const times = await blockTimesOf(client, parsed as Log[], MAX_BLOCKS_WITH_TIMESTAMPS);
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
    // The indexer may answer before it has the latest block; on an idle chain no new block would
    // ever refresh it, so poll it as well.
    refetchInterval: config.indexerUrl ? 2_000 : false,
    queryFn: async (): Promise<History> => {
      if (config.indexerUrl) {
        const fromIndexer = await queryIndexerHistory(config.indexerUrl).catch(() => undefined);
        if (fromIndexer) return fromIndexer;
      }
      return historyFromLogs(client, config);
    },
  });
}

/**
 * Claim payouts from the stake, cumulative over time: the pool's `PaidOutClaim` events, read straight
 * from the chain (filtered log queries) so the figure is exact at the latest block.
 */
export function usePayouts() {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const pool = config.deployment.contracts.stakingPool;
  return useQuery({
    queryKey: ["payouts", pool, block?.number.toString()],
    enabled: block !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<Point[]> => {
      const event = eventsAbi.find(
        (item): item is AbiEvent => item.type === "event" && item.name === "PaidOutClaim",
      );
      if (!event) return [];
      const logs = parseEventLogs({
        abi: [event],
        logs: await readLogs(client, {
          address: pool,
          event,
          fromBlock: BigInt(config.deployment.startBlock),
        }),
        strict: false,
      });
      const points: Point[] = [];
      let total = 0n;
      for (const log of logs) {
        const amount = (log.args as Record<string, unknown>).amount;
        if (typeof amount !== "bigint") continue;
        total += amount;
        points.push({ x: await logTime(client, log as Log), y: total });
      }
      return points;
    },
  });
}
