import { formatUnits, parseUnits } from "viem";
import { InvalidInputError } from "../errors/base.ts";

const SUFFIXES: Record<string, number> = { k: 3, m: 6, b: 9, t: 12 };

/**
 * Parses a human amount into base units: plain (`"1500"`), decimals (`"0.25"`), thousands separators
 * (`"1_000"`, `"1,000"`) and suffixes `k` (thousand), `m` (million), `b` (billion), `t` (trillion),
 * e.g. `"1.5k"` = 1,500 tokens. Rejects negatives, empty strings, garbage and more decimals than the token has.
 *
 * @example
 * ```ts
 * parseAmount("1.5k", 18) // 1500000000000000000000n
 * parseAmount("2.5m", 6)  // 2500000000000n
 * ```
 */
export function parseAmount(input: string, decimals: number): bigint {
  const text = input.trim().toLowerCase().replaceAll("_", "").replaceAll(",", "");
  const match = /^(\d+(?:\.\d*)?|\.\d+)([kmbt])?$/.exec(text);
  if (!match?.[1]) {
    throw new InvalidInputError(`"${input}" is not an amount`, {
      metaMessages: [
        'Use a positive number, with decimals or a suffix: "250", "0.5", "1.5k", "2.5m".',
      ],
    });
  }
  const shift = match[2] ? (SUFFIXES[match[2]] ?? 0) : 0;
  const [whole = "0", fraction = ""] = match[1].split(".");
  // Move the decimal point `shift` places to the right, then parse exactly.
  const digits = whole + fraction.padEnd(shift, "0");
  const pointAt = whole.length + shift;
  const shiftedWhole = digits.slice(0, pointAt) || "0";
  const shiftedFraction = digits.slice(pointAt).replace(/0+$/, "");
  if (shiftedFraction.length > decimals) {
    throw new InvalidInputError(`"${input}" has more than ${decimals} decimals`);
  }
  return parseUnits(
    shiftedFraction ? `${shiftedWhole}.${shiftedFraction}` : shiftedWhole,
    decimals,
  );
}

/** Options of {@link formatAmount}. */
export interface FormatAmountOptions {
  /** Appended after a space, e.g. `"API3"`. */
  symbol?: string;
  /** Most fraction digits shown (rounded toward zero). Default 4; all when `exact`. */
  maxFractionDigits?: number;
  /** Show every digit. */
  exact?: boolean;
}

/**
 * Formats base units for people: thousands separators, at most 4 fraction digits (rounded toward zero),
 * a symbol. Values that would show as 0 but are not show as `<0.0001`.
 *
 * @example
 * ```ts
 * formatAmount(1234567891000000000000n, 18, { symbol: "API3" }) // "1,234.5678 API3"
 * ```
 */
export function formatAmount(
  value: bigint,
  decimals: number,
  options: FormatAmountOptions = {},
): string {
  const negative = value < 0n;
  const text = formatUnits(negative ? -value : value, decimals);
  const [whole = "0", fraction = ""] = text.split(".");
  const keep = options.exact ? fraction.length : (options.maxFractionDigits ?? 4);
  let shownFraction = fraction.slice(0, keep).replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  let body = shownFraction ? `${grouped}.${shownFraction}` : grouped;
  if (value !== 0n && body === "0") {
    shownFraction = "1".padStart(keep, "0");
    body = keep > 0 ? `<0.${shownFraction}` : "<1";
  }
  const signed = negative ? `-${body}` : body;
  return options.symbol ? `${signed} ${options.symbol}` : signed;
}

/** Formats a duration in seconds as e.g. `"6d 23h 59m"` (or `"45s"` under a minute). */
export function formatDuration(seconds: bigint | number): string {
  let s = Number(seconds);
  if (s <= 0) return "0s";
  if (s < 60) return `${s}s`;
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3_600);
  s -= h * 3_600;
  const m = Math.floor(s / 60);
  return [d ? `${d}d` : "", h ? `${h}h` : "", m ? `${m}m` : ""].filter(Boolean).join(" ") || "0m";
}

/** Formats a unix timestamp (seconds) as an ISO date-time in UTC without milliseconds. */
export function formatTimestamp(seconds: bigint | number): string {
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/**
 * Formats a unix timestamp with how far it is from `now` (the chain's time): `"2026-12-07 12:00:00 UTC (in 5m)"`,
 * `"... (3h 2m ago)"`, `"... (now)"`.
 *
 * @example
 * ```ts
 * formatMoment(1_800_000_300n, 1_800_000_000n); // "2027-01-15 08:05:00 UTC (in 5m)"
 * ```
 */
export function formatMoment(seconds: bigint | number, now: bigint | number): string {
  const delta = Number(seconds) - Number(now);
  const relative =
    delta === 0
      ? "now"
      : delta > 0
        ? `in ${formatDuration(delta)}`
        : `${formatDuration(-delta)} ago`;
  return `${formatTimestamp(seconds)} (${relative})`;
}

const DURATION_UNITS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3_600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/**
 * Parses a duration into seconds: `"30d"`, `"1w"`, `"12h"`, `"90m"`, `"45s"`, `"1y"` (365 days) or plain
 * seconds (`"3600"`).
 *
 * @example
 * ```ts
 * parseDuration("30d") // 2592000n
 * ```
 */
export function parseDuration(input: string): bigint {
  const match = /^(\d+(?:\.\d+)?)\s*([smhdwy]?)$/.exec(input.trim().toLowerCase());
  if (!match?.[1]) {
    throw new InvalidInputError(`"${input}" is not a duration`, {
      metaMessages: ['Use a number with a unit: "45s", "90m", "12h", "30d", "2w", "1y".'],
    });
  }
  const seconds = Number(match[1]) * (DURATION_UNITS[match[2] || "s"] ?? 1);
  if (!Number.isSafeInteger(Math.round(seconds)))
    throw new InvalidInputError(`"${input}" is too long`);
  return BigInt(Math.round(seconds));
}

/**
 * Parses a point in time into unix seconds: `"now"`, a duration back from `now` (`"2h ago"`, `"3d ago"`), unix
 * seconds (`"1754006400"`) or an ISO 8601 date (`"2026-12-01T10:00:00Z"`).
 *
 * @example
 * ```ts
 * parseTime("2h ago", 1_754_006_400n) // 1754000000n
 * ```
 */
export function parseTime(input: string, now: bigint): bigint {
  const text = input.trim().toLowerCase();
  if (text === "now") return now;
  const ago = /^(.+?)\s+ago$/.exec(text);
  if (ago?.[1]) {
    const back = parseDuration(ago[1]);
    if (back > now) throw new InvalidInputError(`"${input}" is before 1970`);
    return now - back;
  }
  if (/^\d+$/.test(text)) return BigInt(text);
  const ms = Date.parse(input.trim());
  if (Number.isNaN(ms)) {
    throw new InvalidInputError(`"${input}" is not a time`, {
      metaMessages: [
        'Use "now", "2h ago", unix seconds or an ISO date like "2026-12-01T10:00:00Z".',
      ],
    });
  }
  return BigInt(Math.floor(ms / 1000));
}
