import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidInputError } from "../errors/base.ts";
import {
  formatAmount,
  formatDuration,
  formatMoment,
  parseAmount,
  parseDuration,
} from "./amount.ts";

const e18 = 10n ** 18n;

describe("parseAmount", () => {
  it("reads plain numbers, decimals and separators", () => {
    assert.equal(parseAmount("250", 18), 250n * e18);
    assert.equal(parseAmount("0.25", 18), e18 / 4n);
    assert.equal(parseAmount(".5", 6), 500_000n);
    assert.equal(parseAmount("1,000", 18), 1_000n * e18);
    assert.equal(parseAmount("1_000_000", 0), 1_000_000n);
  });

  it("reads k, m, b, t suffixes exactly", () => {
    assert.equal(parseAmount("1.5k", 18), 1_500n * e18);
    assert.equal(parseAmount("2.5M", 6), 2_500_000n * 10n ** 6n);
    assert.equal(parseAmount("0.000001b", 0), 1_000n);
    assert.equal(parseAmount("1.2345678k", 4), 12_345_678n);
    assert.equal(parseAmount("3t", 0), 3_000_000_000_000n);
  });

  it("rejects garbage, negatives, exponents and excess decimals", () => {
    for (const bad of ["", " ", "-1", "1e3", "abc", "1.2.3", "k", "1kk", "0x10"]) {
      assert.throws(() => parseAmount(bad, 18), InvalidInputError, bad);
    }
    assert.throws(() => parseAmount("0.1234567", 6), /more than 6 decimals/);
    assert.throws(() => parseAmount("1.5", 0), /more than 0 decimals/);
  });

  it("round-trips through formatAmount for random values", () => {
    for (let i = 0; i < 500; i++) {
      const value =
        BigInt(Math.floor(Math.random() * 1e15)) * BigInt(Math.floor(Math.random() * 1e6));
      const text = formatAmount(value, 18, { exact: true });
      assert.equal(parseAmount(text, 18), value, text);
    }
  });
});

describe("formatAmount", () => {
  it("groups thousands, truncates fractions and adds the symbol", () => {
    assert.equal(
      formatAmount(1_234_567_891n * 10n ** 12n, 18, { symbol: "API3" }),
      "1,234.5678 API3",
    );
    assert.equal(formatAmount(0n, 18), "0");
    assert.equal(formatAmount(1n, 18), "<0.0001");
    assert.equal(formatAmount(-5n * e18, 18), "-5");
    assert.equal(formatAmount((15n * e18) / 10n, 18, { maxFractionDigits: 0 }), "1");
  });
});

describe("formatDuration", () => {
  it("shows days, hours and minutes", () => {
    assert.equal(formatDuration(7n * 86_400n), "7d");
    assert.equal(formatDuration(86_400 + 3_600 + 60), "1d 1h 1m");
    assert.equal(formatDuration(59), "59s");
    assert.equal(formatDuration(0), "0s");
  });
});

describe("parseDuration", () => {
  it("reads units and plain seconds", () => {
    assert.equal(parseDuration("30d"), 2_592_000n);
    assert.equal(parseDuration("1w"), 604_800n);
    assert.equal(parseDuration("1.5h"), 5_400n);
    assert.equal(parseDuration("3600"), 3_600n);
    assert.equal(parseDuration("1y"), 31_536_000n);
  });

  it("rejects garbage", () => {
    for (const bad of ["", "d", "-1d", "1 week", "1dd"])
      assert.throws(() => parseDuration(bad), /not a duration/);
  });
});

describe("formatMoment", () => {
  it("says how far a time is from the chain's now", () => {
    assert.equal(formatMoment(1_800_000_300n, 1_800_000_000n), "2027-01-15 08:05:00 UTC (in 5m)");
    assert.equal(formatMoment(1_800_000_000, 1_800_011_000), "2027-01-15 08:00:00 UTC (3h 3m ago)");
    assert.equal(formatMoment(1_800_000_000n, 1_800_000_000n), "2027-01-15 08:00:00 UTC (now)");
  });
});
