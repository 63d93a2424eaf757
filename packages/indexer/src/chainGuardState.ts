/**
 * The last finalized block the indexer's data builds on, as the running indexer saw it (number and
 * hash), kept in `<dataDir>/finalized-block.json`. The running indexer writes it (src/api/chainGuard.ts);
 * startIndexer() reads it before a start: if the chain's block at that number has another hash, a
 * reorganization deeper than finality replaced blocks the data came from, and the data is wiped.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const FINALIZED_BLOCK_FILE = "finalized-block.json";

export interface FinalizedBlock {
  number: number;
  hash: string;
}

export function readFinalizedBlock(dataDir: string): FinalizedBlock | undefined {
  const path = join(dataDir, FINALIZED_BLOCK_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as Partial<FinalizedBlock>;
    return typeof value.number === "number" && typeof value.hash === "string"
      ? { number: value.number, hash: value.hash }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (a reader never sees half a file). */
export function writeFinalizedBlock(dataDir: string, block: FinalizedBlock): void {
  const path = join(dataDir, FINALIZED_BLOCK_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(block)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** The marker the running indexer logs when it finds its data built on orphaned blocks. */
export const DEEP_REORG_MESSAGE = "Reorg deeper than finality";

/** Exit code of an indexer that stopped because of {@link DEEP_REORG_MESSAGE} (EX_DATAERR). */
export const DEEP_REORG_EXIT_CODE = 65;
