import {
  formatAmount,
  formatDuration,
  formatUsd,
  getCoveragePeriodBounds,
  InvalidInputError,
  parseDuration,
  quoteParametricCoverage,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { asUsageError } from "../usage.ts";
import { claimsManagerOf, parseUsd, resolveDapi } from "./claimsShared.ts";
import { positionals, stringOption } from "./shared.ts";

/** Parses `--period` (default 30 days) and checks it is a period the claims manager sells. */
export async function periodOption(ctx: Context, text: string | undefined): Promise<bigint> {
  let period: bigint;
  try {
    period = parseDuration(text ?? "30d");
  } catch (error) {
    throw asUsageError(error, "--period");
  }
  const [min, max] = await getCoveragePeriodBounds(ctx.client, {
    claimsManager: claimsManagerOf(ctx),
  });
  if (period < min || period > max) {
    throw new InvalidInputError(
      `--period ${formatDuration(period)} is not between ${formatDuration(min)} and ${formatDuration(max)}`,
      { metaMessages: ["Coverage is sold for periods in that range, e.g. --period 30d."] },
    );
  }
  return period;
}

export const quoteCommand: Command = {
  name: "quote",
  role: "dAPI user",
  summary: "quote the premium of coverage on a dAPI (USD amount) for a period",
  usage: "<coverageUsd>",
  options: {
    dapi: {
      type: "string",
      value: "<name|id>",
      description: "the covered dAPI, e.g. ETH/USD (optional when only one is covered)",
    },
    period: {
      type: "string",
      value: "<duration>",
      description: "30d (default), 2w, 1y, or seconds",
    },
    parametric: {
      type: "boolean",
      description: "quote parametric coverage (the premium times the governed risk factor)",
    },
  },
  description: "Example: ipool quote 10k --dapi ETH/USD --period 30d [--parametric]",
  run: async (ctx, input) => {
    const [text] = positionals(
      input,
      1,
      1,
      "quote <coverageUsd> --dapi <name|id> --period <duration>",
    );
    const coverageUsd = parseUsd(text, "coverage");
    const period = await periodOption(ctx, stringOption(input, "period"));
    const dapiId = await resolveDapi(ctx, stringOption(input, "dapi"));
    const parametric = input.values.parametric === true;
    const terms = await quoteParametricCoverage(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
      dapiId,
      coverageUsd,
      period,
    });
    const { availableUsd } = terms;
    const premium = parametric ? terms.premium : terms.quote;
    const fits = coverageUsd <= availableUsd;
    return {
      lines: [
        `quote for ${formatUsd(coverageUsd)} of ${parametric ? "parametric coverage" : "coverage"} on dAPI ${dapiId}:`,
        ...table([
          ["premium", ctx.show(premium)],
          ...(parametric
            ? ([
                [
                  "risk factor",
                  `${formatAmount(terms.riskFactor, 18)}x the quote ${ctx.show(terms.quote)}`,
                ],
                ["per-incident cap", formatUsd(terms.incidentCapUsd)],
              ] as [string, string][])
            : []),
          ["available", formatUsd(availableUsd)],
          ["period", formatDuration(period)],
        ]),
        ...(fits ? [] : [`coverage exceeds what is available: a purchase would revert`]),
      ],
      data: {
        dapiId,
        coverageUsd,
        period,
        premium,
        availableUsd,
        fits,
        parametric,
        ...(parametric
          ? { riskFactor: terms.riskFactor, incidentCapUsd: terms.incidentCapUsd }
          : {}),
      },
    };
  },
};
