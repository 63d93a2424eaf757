import {
  formatApr,
  formatDuration,
  formatUsd,
  getActiveCoverageUsd,
  getCapacityUsd,
  getClaimsOwedTokens,
  getOpenClaimsUsd,
  getPoolStatus,
  getTokenPrice,
  getWaitingPeriod,
  toIpoolError,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { formatShares, positionals, stakerSummary } from "./shared.ts";

/** `part` as a percentage of `whole`, two decimals. */
function formatShare(part: bigint, whole: bigint): string {
  return `${(Number((part * 10_000n) / whole) / 100).toFixed(2)}%`;
}

/** The claims manager's part of the status: price, capacity, coverage, claims; or why it is unavailable. */
async function coverageSection(
  ctx: Context,
): Promise<{ lines: string[]; data: Record<string, unknown> } | undefined> {
  const claimsManager = ctx.deployment.contracts.claimsManager;
  if (!claimsManager) return undefined;
  try {
    const [price, capacityUsd, activeCoverageUsd, openClaimsUsd, owedTokens, waitingPeriod] =
      await Promise.all([
        getTokenPrice(ctx.client, { claimsManager }),
        getCapacityUsd(ctx.client, { claimsManager }),
        getActiveCoverageUsd(ctx.client, { claimsManager }),
        getOpenClaimsUsd(ctx.client, { claimsManager }),
        getClaimsOwedTokens(ctx.client, { claimsManager }),
        getWaitingPeriod(ctx.client, { claimsManager }),
      ]);
    return {
      lines: [
        `coverage ${claimsManager}:`,
        ...table([
          [`${ctx.token.symbol} price`, formatUsd(price)],
          ["capacity", formatUsd(capacityUsd)],
          ["active coverage", formatUsd(activeCoverageUsd)],
          ["open claims", formatUsd(openClaimsUsd)],
          ["owed tranches", ctx.show(owedTokens)],
          [
            "waiting period",
            `${formatDuration(waitingPeriod)} (incidents before a policy's start plus this are not covered)`,
          ],
        ]),
      ],
      data: { price, capacityUsd, activeCoverageUsd, openClaimsUsd, owedTokens, waitingPeriod },
    };
  } catch (error) {
    // A stale or broken price feed must not hide the rest of the status: say why instead.
    const reason = toIpoolError(error, { functionName: "price" }).shortMessage;
    return {
      lines: [`coverage ${claimsManager}: unavailable (${reason})`],
      data: { error: reason },
    };
  }
}

export const statusCommand: Command = {
  name: "status",
  role: "views",
  summary: "the pool's totals and an account's position (yours by default)",
  usage: "[address|role]",
  run: async (ctx, input) => {
    const [who] = positionals(input, 0, 1, "status [address|role]");
    const { stakingPool: pool, token } = ctx.deployment.contracts;
    const user = who !== undefined ? ctx.address(who, "account") : ctx.account;
    // The three parts at once: their reads go out together (one JSON-RPC batch per round).
    const [status, coverage, account] = await Promise.all([
      getPoolStatus(ctx.client, { pool, token }),
      coverageSection(ctx),
      user ? stakerSummary(ctx, user) : undefined,
    ]);
    const lines = [
      `pool ${pool} (chain ${ctx.deployment.chainId}, block ${status.blockNumber}):`,
      ...table([
        ["total stake", ctx.show(status.totalStake)],
        ["total shares", formatShares(ctx, status.totalShares)],
        ["voting supply", `${formatShares(ctx, status.totalVotingSupply)} shares`],
        ["share price", `${ctx.show(status.sharePrice)} per share`],
        ["APR", `${formatApr(status.apr)} (epoch ${status.currentEpoch})`],
        ["unstake wait", formatDuration(status.unstakeWaitPeriod)],
        [
          "open exposure",
          `${ctx.show(status.openExposure)}${status.totalStake > 0n ? ` (${formatShare(status.openExposure, status.totalStake)} of the stake)` : ""}: what open claims and owed tranches may still take; a new stake shares it, and a matured exit holds back its share of it for up to ${formatDuration(status.maxFreeze)}`,
        ],
        [
          "payout cap",
          `${formatApr(status.payoutCap)} of the stake per week for all claims managers (${ctx.show(status.payoutRoom)} left now)`,
        ],
        ["token supply", ctx.show(status.tokenTotalSupply)],
      ]),
    ];
    const data: Record<string, unknown> = { pool: status };
    if (coverage) {
      lines.push(...coverage.lines);
      data.coverage = coverage.data;
    }
    if (account) {
      lines.push(...account.lines);
      data.account = account.data;
    }
    return { lines, data };
  },
};
