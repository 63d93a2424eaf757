/**
 * Watches that the chain still holds the blocks the indexed data is built on.
 *
 * Ponder follows reorganizations up to its finality depth (30 blocks on unknown chains such as
 * anvil; it may keep up to twice that unfinalized). A deeper one replaces blocks Ponder has
 * finalized: Ponder cannot revert them, and it went on serving their rows as healthy. So every
 * `intervalMs` the guard reads Ponder's finalized block, remembers its hash (also in
 * `<dataDir>/finalized-block.json`, for the next start), and checks that the chain still has that
 * hash at that number. Any change of a finalized block changes the hash of every block after it, so
 * checking the last one recorded is enough. On a mismatch it calls `onDeepReorg` once, and stops.
 */
import {
  type FinalizedBlock,
  readFinalizedBlock,
  writeFinalizedBlock,
} from "../chainGuardState.ts";

export interface ChainGuardOptions {
  /** Ponder's finalized block number, or undefined before it has one. */
  finalizedBlock: () => Promise<number | undefined>;
  /** The chain's hash of block `number`, or null when the chain has no such block. */
  blockHash: (number: number) => Promise<string | null>;
  /** Where to keep the last finalized block seen; omitted = in memory only. */
  dataDir?: string;
  intervalMs: number;
  onDeepReorg: (message: string) => void;
}

/** One check: compares, then records a newer finalized block. Returns the mismatch, if any. */
export async function checkFinalizedBlock(
  recorded: FinalizedBlock | undefined,
  options: Pick<ChainGuardOptions, "finalizedBlock" | "blockHash">,
): Promise<{ recorded: FinalizedBlock | undefined; mismatch?: string }> {
  if (recorded) {
    const hash = await options.blockHash(recorded.number);
    if (hash !== recorded.hash) {
      const now = hash ? `now ${hash}` : "no longer on the chain";
      return {
        recorded,
        mismatch: `finalized block ${recorded.number} was ${recorded.hash}, ${now}`,
      };
    }
  }
  const finalized = await options.finalizedBlock();
  if (finalized === undefined || finalized <= (recorded?.number ?? -1)) return { recorded };
  const hash = await options.blockHash(finalized);
  return { recorded: hash ? { number: finalized, hash } : recorded };
}

/** Starts checking; `stop()` ends it. Failed reads (node unreachable) are retried next time. */
export function startChainGuard(options: ChainGuardOptions): { stop: () => void } {
  let recorded = options.dataDir ? readFinalizedBlock(options.dataDir) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const result = await checkFinalizedBlock(recorded, options);
      if (result.mismatch) {
        stopped = true;
        options.onDeepReorg(result.mismatch);
        return;
      }
      if (result.recorded !== recorded && result.recorded && options.dataDir) {
        writeFinalizedBlock(options.dataDir, result.recorded);
      }
      recorded = result.recorded;
    } catch {
      // the node or the database did not answer: next time
    }
    if (!stopped) timer = setTimeout(tick, options.intervalMs);
  };
  timer = setTimeout(tick, 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
