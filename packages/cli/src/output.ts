import type { CommandOutput } from "./command.ts";
import type { BaseContext } from "./context.ts";
import { planData, planLines } from "./plan.ts";

/** JSON with bigints as decimal strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2);
}

const gasFormat = new Intl.NumberFormat("en-US");

/** Prints a command's output: confirmations then lines, or one JSON document with `--json`. */
export function render(ctx: BaseContext, output: CommandOutput): void {
  if (ctx.plan) {
    // What the command would have done: its own lines describe a state that did not change.
    if (ctx.json) ctx.io.stdout(`${toJson(planData(ctx.plan, ctx.io.cwd))}\n`);
    else ctx.io.stdout(`${planLines(ctx.plan, ctx.io.cwd).join("\n")}\n`);
    return;
  }
  if (ctx.json) {
    const transactions = ctx.transactions.map((tx) => ({ ...tx }));
    ctx.io.stdout(
      `${toJson({ ...output.data, ...(transactions.length ? { transactions } : {}) })}\n`,
    );
    return;
  }
  const lines: string[] = [];
  for (const tx of ctx.transactions) {
    lines.push(
      `✔ ${tx.label}  tx ${tx.hash}  gas ${gasFormat.format(tx.gasUsed ?? 0n)}  block ${tx.block}`,
    );
  }
  lines.push(...output.lines);
  if (lines.length) ctx.io.stdout(`${lines.join("\n")}\n`);
}

/** Aligns `label: value` rows for people. */
export function table(rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 2)}${value}`);
}
