import { formatTimestamp, getStakerStatus } from "@insurance-pool/sdk";
import type { Address } from "viem";
import type { CommandInput } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { refuseNegative, UsageError } from "../usage.ts";

/** Checks the number of positional arguments and returns them. */
export function positionals(
  input: CommandInput,
  min: number,
  max: number,
  usage: string,
): string[] {
  const { positionals: args } = input;
  if (args.length < min || args.length > max) {
    throw new UsageError(
      `expected ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? "" : "s"}, got ${args.length}`,
      { metaMessages: [`Usage: ipool ${usage}`] },
    );
  }
  return args;
}

/** Reads a string option. */
export function stringOption(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === "string" ? value : undefined;
}

/** Parses a positive integer id (policy, claim, dispute, proposal index). */
export function parseId(text: string | undefined, what: string): bigint {
  if (text !== undefined) refuseNegative(text, what, "ids are numbers from 1, as listed");
  if (text === undefined || !/^\d+$/.test(text.trim())) {
    throw new UsageError(`${what} "${text ?? ""}" is not a whole number`);
  }
  return BigInt(text.trim());
}

/** A staker's balances after a transaction, as lines and data. */
export async function stakerSummary(
  ctx: Context,
  user: Address,
): Promise<{ lines: string[]; data: Record<string, unknown> }> {
  const status = await getStakerStatus(ctx.client, {
    pool: ctx.deployment.contracts.stakingPool,
    token: ctx.deployment.contracts.token,
    user,
  });
  const rows: [string, string][] = [
    ["wallet", ctx.show(status.walletBalance)],
    ["unstaked in pool", ctx.show(status.unstaked)],
    ["withdrawable", ctx.show(status.withdrawable)],
    ...(status.lockedRewards > 0n
      ? ([["locked rewards", ctx.show(status.lockedRewards)]] as [string, string][])
      : []),
    ...(status.unvested > 0n
      ? ([["unvested", ctx.show(status.unvested)]] as [string, string][])
      : []),
    ["staked", `${ctx.show(status.stake)} (${formatShares(ctx, status.shares)} shares)`],
  ];
  const pending = status.pendingUnstake;
  if (pending.shares > 0n && pending.frozen) {
    // The part of an exit held back by claims that were open when it matured (#12: no escape from a filed claim).
    rows.push([
      "frozen exit",
      `${ctx.show(pending.amount)} (${formatShares(ctx, pending.shares)} shares) held for open claims: leaves once no claim is open, at the latest ${formatTimestamp(pending.maturesAt)}${pending.liable > 0n ? `; answers for up to ${ctx.show(pending.liable)} of the payouts made meanwhile` : ""}`,
    ]);
  } else if (pending.shares > 0n) {
    rows.push([
      "pending unstake",
      `${ctx.show(pending.amount)} (${formatShares(ctx, pending.shares)} shares), matures ${formatTimestamp(pending.maturesAt)}`,
    ]);
  }
  rows.push(["voting power", `${formatShares(ctx, status.votes)} shares`]);
  if (status.delegate.toLowerCase() !== user.toLowerCase())
    rows.push(["delegates to", status.delegate]);
  return { lines: [`${user}:`, ...table(rows)], data: { account: user, ...status } };
}

/** Shares have the token's decimals. */
export function formatShares(ctx: Context, shares: bigint): string {
  return ctx.show(shares).replace(` ${ctx.token.symbol}`, "");
}
