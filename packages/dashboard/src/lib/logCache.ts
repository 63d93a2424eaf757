import type { AbiEvent, Address, Hash, Log, PublicClient } from "viem";
import { getLogsPaged } from "../../../sdk/src/utils/logs.ts";

/** Blocks read again at every refresh, in case the chain reorganized them. */
export const REORG_DEPTH = 12n;

interface CachedLogs {
  logs: Log[];
  /** The last block read, and its hash (a changed hash means the chain is not the one read). */
  through: bigint;
  throughHash: Hash;
}

const logCaches = new Map<string, CachedLogs>();
const blockTimes = new Map<Hash, number>();

/**
 * Every log of `address` (of `event` only, if given) from `fromBlock` to the latest block. The dashboard
 * refreshes at every block, so the logs are kept: after the first read only the blocks since the last one
 * (and the last {@link REORG_DEPTH}, in case of a reorganization) are requested. A chain that no longer has
 * the last block read (a restarted devnet, a deeper reorganization) is read again from `fromBlock`.
 */
export async function readLogs(
  client: PublicClient,
  parameters: { address: Address; event?: AbiEvent | undefined; fromBlock: bigint },
): Promise<Log[]> {
  const { address, event, fromBlock } = parameters;
  const key = [client.chain?.id, address.toLowerCase(), event?.name ?? "*", fromBlock].join(":");
  const latest = await client.getBlockNumber({ cacheTime: 0 });
  let cached = logCaches.get(key);
  if (
    cached &&
    (cached.through > latest || (await hashOf(client, cached.through)) !== cached.throughHash)
  ) {
    cached = undefined;
  }
  const start = cached ? maxOf(fromBlock, cached.through + 1n - REORG_DEPTH) : fromBlock;
  const fresh =
    start > latest
      ? []
      : ((event
          ? await getLogsPaged(client, { address, event, fromBlock: start, toBlock: latest })
          : await getLogsPaged(client, { address, fromBlock: start, toBlock: latest })) as Log[]);
  const kept =
    cached?.logs.filter((log) => log.blockNumber !== null && log.blockNumber < start) ?? [];
  const logs = [...kept, ...fresh];
  logCaches.set(key, { logs, through: latest, throughHash: await hashOf(client, latest) });
  return logs;
}

/** The timestamp of the block of `log` (cached by block hash: a block's time never changes). */
export async function logTime(client: PublicClient, log: Log): Promise<number> {
  const hash = log.blockHash;
  const known = hash ? blockTimes.get(hash) : undefined;
  if (known !== undefined) return known;
  const block = await client.getBlock(
    hash ? { blockHash: hash } : { blockNumber: log.blockNumber ?? undefined },
  );
  const time = Number(block.timestamp);
  if (hash) blockTimes.set(hash, time);
  return time;
}

async function hashOf(client: PublicClient, blockNumber: bigint): Promise<Hash> {
  return (await client.getBlock({ blockNumber })).hash;
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
