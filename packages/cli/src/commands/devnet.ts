/**
 * `ipool devnet advance <duration>`: time travel on the local devnet. Moves anvil's clock, mines a block, then
 * signs and pushes every live dAPI's current value at the new time, as the devnet's pusher would: after a jump
 * every price would otherwise be older than the claims manager's maximum age, and every command would meet
 * a stale price. Feeds the control file marks stale (`npm run devnet:malfunction`) are left stale.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  formatDuration,
  formatTimestamp,
  InvalidInputError,
  parseDuration,
} from "@insurance-pool/sdk";
import type { Hex } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { getBlock, readContract } from "viem/actions";
import type { Command } from "../command.ts";
import { DEVNET_MNEMONIC } from "../signer.ts";
import { asUsageError, UsageError } from "../usage.ts";
import { positionals } from "./shared.ts";

/** The pusher's control file: feeds marked `stale` are not pushed, `fixed` ones keep their value. */
function feedControl(path: string): Record<string, { mode: string; value?: string }> {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<
      string,
      { mode: string; value?: string }
    >;
  } catch {
    return {};
  }
}

export const devnetCommand: Command = {
  name: "devnet",
  role: "devnet",
  summary:
    "time travel on the local devnet: `devnet advance 7d` (pushes fresh dAPI data after the jump)",
  usage: "<action> <duration>",
  description:
    "Actions: advance <duration> (e.g. 7d, 12h, 3600). Only on the devnet of `npm start` (chain 31337).\nExample: ipool devnet advance 7d",
  run: async (ctx, input) => {
    const [action, text] = positionals(input, 2, 2, "devnet advance <duration>");
    if (action !== "advance")
      throw new UsageError(`unknown devnet action "${action}": use advance <duration>`);
    let seconds: bigint;
    try {
      seconds = parseDuration(text ?? "");
    } catch (error) {
      throw asUsageError(error, "duration");
    }
    if (seconds === 0n) throw new UsageError("duration must be above zero");
    const feeds = ctx.deployment.devnet;
    const api3ServerV1 = ctx.deployment.contracts.api3ServerV1;
    if (ctx.deployment.chainId !== 31337 || !feeds || !api3ServerV1) {
      throw new InvalidInputError(
        `ipool devnet works on the local devnet only (npm start); ${ctx.deploymentPath} is chain ${ctx.deployment.chainId}`,
      );
    }
    const { beaconServerAbi, createTxContext, pushBeaconValue } = await import(
      "@insurance-pool/sdk/deploy"
    );
    const before = await getBlock(ctx.client, { blockTag: "latest" });
    await ctx.client.request({
      method: "evm_increaseTime" as never,
      params: [Number(seconds)] as never,
    });
    await ctx.client.request({ method: "evm_mine" as never, params: [] as never });
    const after = await getBlock(ctx.client, { blockTag: "latest" });
    // The Airnode's key signs; it also pays (a devnet account, never a user's, so no nonce clashes with theirs).
    const airnode = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: feeds.airnode.index });
    const tx = await createTxContext({
      rpcUrl: ctx.rpcUrl ?? ctx.deployment.rpcUrl,
      account: airnode,
    });
    const control = feedControl(join(dirname(ctx.deploymentPath), "feeds.json"));
    const pushed: string[] = [];
    const left: string[] = [];
    for (const feed of feeds.feeds) {
      const mode = control[feed.name];
      if (mode?.mode === "stale") {
        left.push(feed.name);
        continue;
      }
      const [value] = await readContract(ctx.client, {
        address: api3ServerV1,
        abi: beaconServerAbi,
        functionName: "dataFeeds",
        args: [feed.beaconId as Hex],
      });
      const next = mode?.mode === "fixed" && mode.value !== undefined ? BigInt(mode.value) : value;
      await pushBeaconValue(tx, api3ServerV1, airnode, feed.templateId as Hex, next);
      pushed.push(feed.name);
    }
    return {
      lines: [
        `advanced ${formatDuration(seconds)}: the chain's time is ${formatTimestamp(after.timestamp)} (was ${formatTimestamp(before.timestamp)})`,
        pushed.length ? `pushed fresh signed data for ${pushed.join(", ")}` : "no feed pushed",
        ...(left.length ? [`left stale by the control file: ${left.join(", ")}`] : []),
      ],
      data: { seconds, before: before.timestamp, after: after.timestamp, pushed, leftStale: left },
    };
  },
};
