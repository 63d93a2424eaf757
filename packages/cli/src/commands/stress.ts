import {
  BPS,
  breakingPriceDrop,
  formatTimestamp,
  formatUsd,
  type GetStressStateReturnType,
  getStressState,
  InvalidInputError,
  policyNumber,
  type StressResult,
  stressScenario,
  WAD,
  worstScenarios,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { refuseNegative, UsageError } from "../usage.ts";
import { claimsManagerOf } from "./claimsShared.ts";
import { positionals, stringOption } from "./shared.ts";

/** Parses `30%`, `30` or `12.5%` into basis points, within [0, 100%). */
export function parsePriceDrop(text: string | undefined): bigint {
  if (text === undefined) return 0n;
  refuseNegative(text, "--price-drop", "a drop is a positive percentage, e.g. 30%");
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match?.[1]) {
    throw new UsageError(`--price-drop "${text}" is not a percentage like 30% or 12.5%`);
  }
  const bps = BigInt(match[1]) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  if (bps >= BPS) throw new UsageError(`--price-drop ${text} must be below 100%`);
  return bps;
}

/** `1 tranche`, `2 tranches`. */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A WAD share or basis points as a percentage with two decimals. */
const percent = (value: bigint, unit: bigint) =>
  `${(Number((value * 10_000n) / unit) / 100).toFixed(2)}%`;

/** Resolves `--dapis ETH/USD,2` against the registered dAPIs (names or ids). */
function resolveDapis(state: GetStressStateReturnType, text: string): bigint[] {
  const ids = new Set<bigint>();
  for (const part of text.split(",").map((p) => p.trim())) {
    if (!part) continue;
    const found = /^\d+$/.test(part)
      ? state.dapis.find((d) => d.dapiId === BigInt(part))
      : state.dapis.find((d) => d.name === part);
    if (!found) {
      throw new InvalidInputError(
        `no covered dAPI is ${/^\d+$/.test(part) ? "id" : "named"} "${part}"`,
        {
          metaMessages: ["Covered dAPIs:", ...state.dapis.map((d) => `${d.dapiId}: ${d.name}`)],
        },
      );
    }
    ids.add(found.dapiId);
  }
  if (ids.size === 0) throw new UsageError("--dapis lists no dAPI (e.g. --dapis ETH/USD,BTC/USD)");
  return [...ids];
}

/** A horizontal ASCII bar chart: one row per label, bars scaled to the largest value. */
export function barChart(
  rows: { label: string; value: bigint; text: string }[],
  width = 32,
): string[] {
  let max = 0n;
  for (const row of rows) if (row.value > max) max = row.value;
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  return rows.map((r) => {
    const length = max === 0n ? 0 : Number((r.value * BigInt(width) + max - 1n) / max);
    return `    ${r.label.padEnd(labelWidth)} ${"█".repeat(length).padEnd(width)} ${r.text}`;
  });
}

function scenarioLines(
  ctx: Context,
  state: GetStressStateReturnType,
  title: string,
  result: StressResult,
): string[] {
  const names = result.dapiIds.map(
    (id) => state.dapis.find((d) => d.dapiId === id)?.name ?? `${id}`,
  );
  const labels = new Map(
    Object.entries(ctx.deployment.accounts ?? {}).map(([name, entry]) => [
      entry.address.toLowerCase(),
      name,
    ]),
  );
  const breaking = breakingPriceDrop(state, result.dapiIds);
  const rows: [string, string][] = [
    [
      "claims",
      `${result.claims.length} polic${result.claims.length === 1 ? "y" : "ies"} (${result.claims.map((c) => policyNumber(c.policyId)).join(", ") || "none"}): ${formatUsd(result.totalUsd)} = ${ctx.show(result.requestedTokens)} at ${formatUsd(result.price)}`,
    ],
    [
      "paid",
      result.holds
        ? `${ctx.show(result.totalTokens)}: holds (every claim payable in full within the stake)`
        : `${ctx.show(result.totalTokens)}: does NOT hold, ${ctx.show(result.shortfallTokens)} more than the stake can pay`,
    ],
    [
      "holds",
      breaking === undefined
        ? "not even at today's price"
        : breaking >= BPS - 1n
          ? "at any price drop"
          : `up to a ${percent(breaking, BPS)} price drop`,
    ],
    [
      "stakers lose",
      `${percent(result.lossShare, WAD)} of their stake (${ctx.show(result.stakeBefore)} -> ${ctx.show(result.stakeBefore - (result.totalTokens - result.unpaidTokens))})`,
    ],
    [
      "payments",
      result.payments === 0
        ? "none"
        : `${result.payments} (${plural(result.payments - result.claims.filter((c) => c.paidNow > 0n).length, "tranche")} after acceptance) in ${result.windows} weekly window${result.windows === 1 ? "" : "s"} over ${result.weeks} week${result.weeks === 1 ? "" : "s"}, the last from ${formatTimestamp(result.paidBy ?? 0n)}`,
    ],
    ...(result.unpaidTokens > 0n
      ? ([["unpaid", `${ctx.show(result.unpaidTokens)} still owed after the horizon`]] as [
          string,
          string,
        ][])
      : []),
  ];
  for (const staker of result.stakers) {
    if (staker.before === 0n) continue;
    const who = labels.get(staker.account.toLowerCase()) ?? staker.account;
    rows.push([
      `  ${who}`,
      `loses ${ctx.show(staker.loss)} of ${ctx.show(staker.before)} (${percent(staker.loss, staker.before)})`,
    ]);
  }
  return [
    `${title}: ${names.join(" + ")}${result.priceDropBps > 0n ? `, ${ctx.token.symbol}/USD -${percent(result.priceDropBps, BPS)}` : ""}`,
    ...table(rows),
    ...(result.schedule.length
      ? [
          "  paid per week:",
          ...barChart(
            result.schedule.map((w) => ({
              label: `week ${w.week}`,
              value: w.paid,
              text: `${ctx.show(w.paid)} (${w.payments} payment${w.payments === 1 ? "" : "s"})`,
            })),
          ),
        ]
      : []),
  ];
}

export const stressCommand: Command = {
  name: "stress",
  role: "views",
  summary: "what a correlated failure of covered dAPIs would pay, cost each staker and take to pay",
  options: {
    dapis: {
      type: "string",
      value: "<names|ids>",
      description: "the dAPIs that fail together, comma-separated (default: every covered dAPI)",
    },
    "price-drop": {
      type: "string",
      value: "<percent>",
      description: "a fall of the pool token's price, e.g. 30% (payouts in USD cost more tokens)",
    },
  },
  description: [
    "Every active policy on a failing dAPI claims all it may still claim, the mediator accepts every claim now,",
    "payouts are fixed in tokens at the price less the drop, cut to what the stake can pay, and paid within the",
    "mediator's weekly quota and the pool's payout cap (the rest in tranches, oldest first). A scenario *holds*",
    "when every claim is payable in full within the stake. Also shows the worst single dAPI and the worst pair.",
    "Example: ipool stress --dapis ETH/USD,BTC/USD --price-drop 30%",
  ].join("\n"),
  run: async (ctx, input) => {
    positionals(input, 0, 0, "stress [--dapis ETH/USD,BTC/USD] [--price-drop 30%]");
    const priceDropBps = parsePriceDrop(stringOption(input, "price-drop"));
    const state = await getStressState(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
      fromBlock: BigInt(ctx.deployment.startBlock),
    });
    const dapisText = stringOption(input, "dapis");
    const chosen = dapisText ? resolveDapis(state, dapisText) : state.dapis.map((d) => d.dapiId);
    const options = { priceDropBps };
    const scenario = stressScenario(state, chosen, options);
    const { single, pair } = worstScenarios(state, options);
    const quotaShare = percent(state.quotaShare, WAD);
    const lines = [
      `stress at block ${state.blockNumber}: stake ${ctx.show(state.totalStake)}, ${ctx.token.symbol} at ${formatUsd(state.price)}, mediator quota ${quotaShare} and pool cap ${percent(state.payoutCap, 100_000_000n)} of the stake per week, ${ctx.show(state.owedTokens)} owed already`,
      ...scenarioLines(ctx, state, dapisText ? "scenario" : "all covered dAPIs", scenario),
      ...(single
        ? scenarioLines(ctx, state, "worst single dAPI", single)
        : ["worst single dAPI: none (no active policy)"]),
      ...(pair
        ? scenarioLines(ctx, state, "worst pair", pair)
        : ["worst pair: none (fewer than two dAPIs with active policies)"]),
    ];
    const summary = (result: StressResult | undefined) =>
      result && { ...result, holdsUpToPriceDropBps: breakingPriceDrop(state, result.dapiIds) };
    return {
      lines,
      data: {
        blockNumber: state.blockNumber,
        state: {
          price: state.price,
          totalStake: state.totalStake,
          payoutCap: state.payoutCap,
          quotaShare: state.quotaShare,
          owedTokens: state.owedTokens,
          dapis: state.dapis,
        },
        scenario: summary(scenario),
        worstSingle: summary(single),
        worstPair: summary(pair),
      },
    };
  },
};
