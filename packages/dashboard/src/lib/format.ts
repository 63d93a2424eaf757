import { formatUnits } from "viem";

/** Formats a token amount with grouping and at most `digits` decimals (rounded down). */
export function formatAmount(value: bigint | undefined, decimals: number, digits = 2): string {
  if (value === undefined) return "—";
  const text = formatUnits(value, decimals);
  const [whole = "0", fraction = ""] = text.split(".");
  const negative = whole.startsWith("-");
  const grouped = BigInt(negative ? whole.slice(1) : whole).toLocaleString("en-US");
  const cut = fraction.slice(0, digits).replace(/0+$/, "");
  return `${negative ? "-" : ""}${grouped}${cut ? `.${cut}` : ""}`;
}

/** Compact form for charts and axes: 1.2k, 3.4M. */
export function formatCompact(value: number): string {
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(
    value,
  );
}

export function formatPercent(fraction: number | undefined, digits = 2): string {
  if (fraction === undefined || Number.isNaN(fraction)) return "—";
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** "2d 3h", "4h 12m", "35s", for countdowns. */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "now";
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  const s = Math.floor(seconds % 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** "2026-03-01 14:30" (UTC), or with the seconds ("2026-03-01 14:30:05") where they matter. */
export function formatDate(seconds: number | bigint, withSeconds = false): string {
  const date = new Date(Number(seconds) * 1000);
  return date
    .toISOString()
    .replace("T", " ")
    .slice(0, withSeconds ? 19 : 16);
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/**
 * A policy's number (1, 2, ...): its id encodes its terms at creation, the number in the top bits
 * (`number << 192 | from << 160 | until << 128 | dapiId << 96 | coverageUsd`).
 */
export function policyNumber(policyId: bigint): bigint {
  return policyId >> 192n;
}

/** A claim's number (1, 2, ...): its id is `number << 224 | policyId`. */
export function claimNumber(claimId: bigint): bigint {
  return claimId >> 224n;
}

/** A unix time as the value of a `datetime-local` input, in UTC (the dashboard shows every time in UTC). */
export function toDateTimeInput(seconds: number | bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
}

/**
 * The unix time (seconds) of a `datetime-local` input's value read as UTC ("2026-03-01T14:30" or with seconds);
 * `undefined` when it is not one.
 */
export function parseDateTimeInput(text: string): bigint | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(text.trim())) return undefined;
  const value = text.trim();
  const ms = Date.parse(`${value}Z`);
  // Date.parse rolls impossible dates over (Feb 30 = Mar 2): refuse a date that does not read back the same.
  if (Number.isNaN(ms) || !new Date(ms).toISOString().startsWith(value.slice(0, 16)))
    return undefined;
  return BigInt(Math.floor(ms / 1000));
}
