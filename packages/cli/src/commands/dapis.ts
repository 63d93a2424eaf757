import {
  formatAmount,
  formatUsd,
  getActiveCoverageUsd,
  getCapacityUsd,
  getDapi,
  getDapiCount,
  quoteCoverage,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { table } from "../output.ts";
import { claimsManagerOf, dapiName } from "./claimsShared.ts";

const WAD = 10n ** 18n;
/** The quote shown as each dAPI's price: 1,000 USD of coverage for 30 days. */
const SAMPLE_USD = 1_000n * WAD;
const SAMPLE_PERIOD = 30n * 86_400n;

const percent = (part: bigint, whole: bigint) =>
  whole === 0n ? "n/a" : `${formatAmount((part * 10_000n) / whole, 2)}%`;

export const dapisCommand: Command = {
  name: "dapis",
  role: "views",
  summary: "the covered dAPIs: cap, active coverage, utilization, what is available, and a price",
  description:
    "The price is the premium of 1,000 USD of coverage for 30 days at the current utilization (ipool quote for other amounts).",
  run: async (ctx) => {
    const claimsManager = claimsManagerOf(ctx);
    const [count, capacityUsd, activeUsd] = await Promise.all([
      getDapiCount(ctx.client, { claimsManager }),
      getCapacityUsd(ctx.client, { claimsManager }),
      getActiveCoverageUsd(ctx.client, { claimsManager }),
    ]);
    const lines = [
      `pool: capacity ${formatUsd(capacityUsd)}, active coverage ${formatUsd(activeUsd)} (${percent(activeUsd, capacityUsd)} used)`,
    ];
    const dapis: Record<string, unknown>[] = [];
    for (let dapiId = 1n; dapiId <= count; dapiId++) {
      const dapi = await getDapi(ctx.client, { claimsManager, dapiId });
      const capUsd = (capacityUsd * dapi.capShare) / WAD;
      const [premium, availableUsd] = await quoteCoverage(ctx.client, {
        claimsManager,
        dapiId,
        coverageUsd: SAMPLE_USD,
        period: SAMPLE_PERIOD,
      });
      const name = dapiName(dapi.name);
      lines.push(
        `dAPI ${dapiId}: ${name} (chain ${dapi.chainId})`,
        ...table([
          ["cap", `${formatUsd(capUsd)} (${percent(dapi.capShare, WAD)} of capacity)`],
          [
            "active coverage",
            `${formatUsd(dapi.activeCoverageUsd)} (${percent(dapi.activeCoverageUsd, capUsd)} of the cap)`,
          ],
          ["available", formatUsd(availableUsd)],
          ["price", `${ctx.show(premium)} for 1,000 USD over 30 days`],
        ]),
      );
      dapis.push({
        dapiId,
        name,
        chainId: dapi.chainId,
        capShare: dapi.capShare,
        capUsd,
        activeCoverageUsd: dapi.activeCoverageUsd,
        availableUsd,
        samplePremium: premium,
      });
    }
    if (count === 0n) lines.push("no dAPI is covered yet");
    return { lines, data: { capacityUsd, activeCoverageUsd: activeUsd, dapis } };
  },
};
