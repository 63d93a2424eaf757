import type { History } from "./history.ts";

function endpoint(indexerUrl: string, path: string): URL {
  return new URL(path, indexerUrl.endsWith("/") ? indexerUrl : `${indexerUrl}/`);
}

let readyUntil = 0;

/**
 * Whether the indexer has synced (asked through the dashboard server's `/indexer-ready`, which
 * always answers 200). Once ready it stays ready; until then it is asked at most every 3 s.
 */
async function indexerReady(): Promise<boolean> {
  if (readyUntil === Number.POSITIVE_INFINITY) return true;
  if (Date.now() < readyUntil) return false;
  try {
    const response = await fetch(new URL("./indexer-ready", window.location.href));
    const { ready } = (await response.json()) as { ready: boolean };
    readyUntil = ready ? Number.POSITIVE_INFINITY : Date.now() + 3_000;
    return ready;
  } catch {
    readyUntil = Date.now() + 3_000;
    return false;
  }
}

/** Runs a GraphQL query against the indexer (Ponder serves `/graphql`). */
export async function graphql<T>(indexerUrl: string, query: string): Promise<T> {
  const response = await fetch(endpoint(indexerUrl, "graphql"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  if (!response.ok) throw new Error(`indexer: HTTP ${response.status}`);
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`indexer: ${body.errors[0]?.message}`);
  if (!body.data) throw new Error("indexer: empty response");
  return body.data;
}

/** A point of the indexer's `/stats/pool-history` (bigints as decimal strings). */
interface PoolHistoryPoint {
  timestamp: string;
  totalStake: string;
  apr: string | null;
  cumulativePaidOut: string;
}

/**
 * Pool history from the indexer's `/stats/pool-history` (bucketed for charts). Undefined when the
 * indexer has nothing yet, so the caller falls back to chain logs.
 */
export async function queryIndexerHistory(indexerUrl: string): Promise<History | undefined> {
  if (!(await indexerReady())) return undefined;
  const response = await fetch(endpoint(indexerUrl, "stats/pool-history?points=200"));
  if (!response.ok) return undefined;
  const points = (await response.json()) as PoolHistoryPoint[];
  if (!Array.isArray(points) || points.length === 0) return undefined;
  const history: History = { source: "indexer", totalStake: [], apr: [], paidOut: [] };
  for (const point of points) {
    const x = Number(point.timestamp);
    history.totalStake.push({ x, y: BigInt(point.totalStake) });
    if (point.apr !== null) history.apr.push({ x, y: BigInt(point.apr) });
    history.paidOut.push({ x, y: BigInt(point.cumulativePaidOut) });
  }
  return history;
}
