import { useId } from "react";
import { parseUnits } from "viem";
import { formatAmount } from "../lib/format.ts";

/** Parses a human amount ("1.5", "1,000") into base units; null when malformed. */
export function parseAmount(text: string, decimals: number): bigint | null {
  const clean = text.replaceAll(",", "").trim();
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(clean)) return null;
  const fraction = clean.split(".")[1] ?? "";
  if (fraction.length > decimals) return null;
  try {
    return parseUnits(clean, decimals);
  } catch {
    return null;
  }
}

/**
 * Validates an amount against an optional maximum before anything is sent.
 * Returns the parsed amount or the reason it cannot be sent.
 */
export function validateAmount(
  text: string,
  decimals: number,
  max: bigint | undefined,
  maxLabel: string,
  symbol: string,
): { amount: bigint } | { error: string | null } {
  if (text.trim() === "") return { error: null };
  const amount = parseAmount(text, decimals);
  if (amount === null) return { error: "Enter a number" };
  if (amount === 0n) return { error: "Enter an amount above zero" };
  if (max !== undefined && amount > max) {
    return { error: `Exceeds ${maxLabel} (${formatAmount(max, decimals, 4)} ${symbol})` };
  }
  return { amount };
}

export function AmountField({
  label,
  value,
  onChange,
  unit,
  max,
  decimals,
  error,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  unit: string;
  max?: bigint;
  decimals: number;
  error?: string | null;
  name: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={`input-group ${error ? "invalid" : ""}`}>
        <input
          id={id}
          name={name}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={Boolean(error)}
        />
        <span className="unit">{unit}</span>
        {max !== undefined && max > 0n && (
          <button
            type="button"
            className="link max"
            onClick={() => onChange(formatAmount(max, decimals, decimals).replaceAll(",", ""))}
          >
            max
          </button>
        )}
      </div>
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}
