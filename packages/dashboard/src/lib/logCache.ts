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
  // One read gives the head's number and hash together.
  const head = await client.getBlock({ blockTag: "latest" });
  const latest = head.number;
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
  logCaches.set(key, { logs, through: latest, throughHash: head.hash });
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

/**
 * The timestamps of the blocks of `logs` (the last `limit` blocks only, if given), by block number: one cached
 * read per block, however many logs it has.
 */
export async function blockTimesOf(
  client: PublicClient,
  logs: readonly Log[],
  limit?: number,
): Promise<Map<bigint, number>> {
  const firstLogOfBlock = new Map<bigint, Log>();
  for (const log of logs) {
    if (log.blockNumber !== null && !firstLogOfBlock.has(log.blockNumber)) {
      firstLogOfBlock.set(log.blockNumber, log);
    }
  }
  const blocks = [...firstLogOfBlock];
  const times = new Map<bigint, number>();
  await Promise.all(
    (limit === undefined ? blocks : blocks.slice(-limit)).map(async ([blockNumber, log]) => {
      times.set(blockNumber, await logTime(client, log));
    }),
  );
  return times;
}

async function hashOf(client: PublicClient, blockNumber: bigint): Promise<Hash> {
  return (await client.getBlock({ blockNumber })).hash;
}

function maxOf(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
