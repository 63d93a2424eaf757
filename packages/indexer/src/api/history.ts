/** One row of the pool's history as stored in `pool_event`. */
export interface PoolHistoryRow {
  timestamp: bigint;
  totalStake: bigint;
  totalShares: bigint;
  sharePrice: bigint;
  kind: string;
  amount: bigint;
}

/** One point of a chart: the pool's state at the end of a time bucket. */
export interface PoolHistoryPoint {
  timestamp: bigint;
  totalStake: bigint;
  totalShares: bigint;
  sharePrice: bigint;
  /** The APR in force at `timestamp` (null before the first one). */
  apr: bigint | null;
  /** Payouts and rewards since the start of the history, up to `timestamp`. */
  cumulativePaidOut: bigint;
  cumulativeRewards: bigint;
  /** Events that fell into this bucket. */
  events: number;
}

/**
 * Reduces the pool's history (ordered like the chain) to at most `points` points, one per equal
 * time bucket that holds at least one event, each with the state after the bucket's last event.
 */
export function bucketHistory(
  rows: readonly PoolHistoryRow[],
  aprs: readonly { timestamp: bigint; apr: bigint }[],
  points: number,
): PoolHistoryPoint[] {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return [];
  const span = last.timestamp - first.timestamp;
  const buckets = BigInt(Math.max(1, points));
  const bucketOf = (t: bigint) =>
    span === 0n ? 0n : ((t - first.timestamp) * (buckets - 1n)) / span;
  const result: PoolHistoryPoint[] = [];
  let paidOut = 0n;
  let rewards = 0n;
  let aprIndex = 0;
  let apr: bigint | null = null;
  let events = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PoolHistoryRow;
    if (row.kind === "payout") paidOut += row.amount;
    if (row.kind === "epoch" || row.kind === "rewardsAdded") rewards += row.amount;
    events++;
    const next = rows[i + 1];
    if (next && bucketOf(next.timestamp) === bucketOf(row.timestamp)) continue;
    for (let a = aprs[aprIndex]; a && a.timestamp <= row.timestamp; a = aprs[++aprIndex]) {
      apr = a.apr;
    }
    result.push({
      timestamp: row.timestamp,
      totalStake: row.totalStake,
      totalShares: row.totalShares,
      sharePrice: row.sharePrice,
      apr,
      cumulativePaidOut: paidOut,
      cumulativeRewards: rewards,
      events,
    });
    events = 0;
  }
  return result;
}
