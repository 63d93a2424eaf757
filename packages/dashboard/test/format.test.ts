import assert from "node:assert/strict";
import { test } from "node:test";
import { parseEther } from "viem";
import { parseAmount, validateAmount } from "../src/components/AmountField.tsx";
import {
  formatAmount,
  formatDate,
  formatDuration,
  parseDateTimeInput,
  toDateTimeInput,
} from "../src/lib/format.ts";

test("formatAmount_groupsAndRoundsDown", () => {
  assert.equal(formatAmount(parseEther("1234567.899"), 18), "1,234,567.89");
  assert.equal(formatAmount(parseEther("0.5"), 18, 4), "0.5");
  assert.equal(formatAmount(0n, 18), "0");
  assert.equal(formatAmount(-parseEther("2.25"), 18), "-2.25");
  assert.equal(formatAmount(undefined, 18), "—");
});

test("formatDuration_picksTheTwoLargestUnits", () => {
  assert.equal(formatDuration(7 * 86_400), "7d 0h");
  assert.equal(formatDuration(3 * 3_600 + 120), "3h 2m");
  assert.equal(formatDuration(65), "1m 5s");
  assert.equal(formatDuration(0), "now");
});

test("parseAmount_acceptsDecimalsAndSeparators_rejectsGarbage", () => {
  assert.equal(parseAmount("1,000.5", 18), parseEther("1000.5"));
  assert.equal(parseAmount(".25", 18), parseEther("0.25"));
  assert.equal(parseAmount("1e3", 18), null);
  assert.equal(parseAmount("-1", 18), null);
  assert.equal(parseAmount("0.1234567", 6), null, "more decimals than the token has");
});

test("validateAmount_refusesZeroAndAboveMax_beforeSending", () => {
  assert.deepEqual(validateAmount("", 18, 10n, "balance", "API3"), { error: null });
  assert.deepEqual(validateAmount("0", 18, 10n, "balance", "API3"), {
    error: "Enter an amount above zero",
  });
  const over = validateAmount("2", 18, parseEther("1"), "your wallet balance", "API3");
  assert.ok("error" in over && over.error?.includes("Exceeds your wallet balance (1 API3)"));
  assert.deepEqual(validateAmount("1", 18, parseEther("1"), "balance", "API3"), {
    amount: parseEther("1"),
  });
});

test("dateTimeInput_roundTripsUtcTimes_rejectsOtherText", () => {
  const t = 1_772_375_405n; // 2026-03-01 14:30:05 UTC
  assert.equal(toDateTimeInput(t), "2026-03-01T14:30:05");
  assert.equal(parseDateTimeInput(toDateTimeInput(t)), t);
  assert.equal(
    parseDateTimeInput("2026-03-01T14:30"),
    t - 5n,
    "without seconds: the minute's start",
  );
  assert.equal(parseDateTimeInput("2026-03-01T14:30:05.999"), t, "milliseconds round down");
  assert.equal(parseDateTimeInput(""), undefined);
  assert.equal(parseDateTimeInput("yesterday"), undefined);
  assert.equal(parseDateTimeInput("2026-02-30T10:00"), undefined, "no such day");
  assert.equal(formatDate(t), "2026-03-01 14:30");
  assert.equal(formatDate(t, true), "2026-03-01 14:30:05");
});
