/**
 * The control file of the devnet's signed-data pusher (`.devnet/feeds.json`): per dAPI, whether the pusher
 * keeps it live (a small random walk around its base value), freezes it (stale: nothing is pushed), or
 * pushes a fixed, possibly wrong, value. `npm run devnet:malfunction` edits it; the pusher re-reads it at
 * every tick.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type FeedMode =
  /** Pushed every tick around its base value. */
  | { mode: "live" }
  /** Not pushed any more: its timestamp ages until the claims manager refuses it as stale. */
  | { mode: "stale" }
  /** Pushed every tick with this exact value (18 decimals, as a decimal string of the int224). */
  | { mode: "fixed"; value: string };

export type FeedControl = Record<string, FeedMode>;

/** Reads the control file; a missing or unreadable file means every feed is live. */
export function readFeedControl(path: string): FeedControl {
  if (!existsSync(path)) return {};
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as FeedControl;
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** Writes the control file atomically (the pusher may be reading it). */
export function writeFeedControl(path: string, control: FeedControl): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(control, null, 2)}\n`);
  renameSync(tmp, path);
}
