import {
  formatDuration,
  formatUsd,
  InvalidInputError,
  parseDuration,
  quoteCoverage,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { table } from "../output.ts";
import { claimsManagerOf, parseUsd, resolveDapi } from "./claimsShared.ts";
import { positionals, stringOption } from "./shared.ts";

/** Parses `--period` (default 30 days). */
export function periodOption(text: string | undefined): bigint {
  const period = parseDuration(text ?? "30d");
  if (period === 0n) throw new InvalidInputError("--period must be above zero");
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
  },
  description: "Example: ipool quote 10k --dapi ETH/USD --period 30d",
  run: async (ctx, input) => {
    const [text] = positionals(
      input,
      1,
      1,
      "quote <coverageUsd> --dapi <name|id> --period <duration>",
    );
    const coverageUsd = parseUsd(text, "coverage");
    const period = periodOption(stringOption(input, "period"));
    const dapiId = await resolveDapi(ctx, stringOption(input, "dapi"));
    const [premium, availableUsd] = await quoteCoverage(ctx.client, {
      claimsManager: claimsManagerOf(ctx),
      dapiId,
      coverageUsd,
      period,
    });
    const fits = coverageUsd <= availableUsd;
    return {
      lines: [
        `quote for ${formatUsd(coverageUsd)} on dAPI ${dapiId}:`,
        ...table([
          ["premium", ctx.show(premium)],
          ["available", formatUsd(availableUsd)],
          ["period", formatDuration(period)],
        ]),
        ...(fits ? [] : [`coverage exceeds what is available: a purchase would revert`]),
      ],
      data: { dapiId, coverageUsd, period, premium, availableUsd, fits },
    };
  },
};
