import type { Address, Hex, LocalAccount } from "viem";
import { encodeFunctionData } from "viem";
import { encodeBeaconUpdate } from "../../sdk/src/deploy/api3.ts";
import { api3ServerV1Abi } from "../../sdk/src/deploy/api3Artifacts.ts";
import { sendAndWait, type TxContext } from "../../sdk/src/deploy/context.ts";
import { type FeedControl, readFeedControl } from "./feeds.ts";

/** A Beacon-backed dAPI the pusher keeps fresh. */
export interface PushedFeed {
  name: string;
  templateId: Hex;
  /** Value around which the live feed walks (18 decimals). */
  baseValue: bigint;
}

export interface FeedPusherOptions {
  /** Sends the transactions (its own account, so its nonces never clash with users'). */
  ctx: TxContext;
  api3ServerV1: Address;
  /** The local Airnode key that signs the data (it never sends transactions). */
  airnode: LocalAccount;
  feeds: PushedFeed[];
  /** Path of the control file (`.devnet/feeds.json`); omitted = every feed live. */
  controlPath?: string;
  /** Milliseconds between pushes, 5,000 by default. */
  intervalMs?: number;
  /** Relative amplitude of the live random walk in basis points, 20 (0.2%) by default. */
  walkBps?: number;
  /** Called on errors (a failed push is retried at the next tick). */
  onError?: (error: unknown) => void;
  /** Called after each successful push with the values sent. */
  onPush?: (values: Record<string, bigint>) => void;
}

/**
 * The devnet's Airnode feed: every `intervalMs`, signs each feed's value at the chain's latest timestamp
 * and sends all Beacon updates in one `tryMulticall` on Api3ServerV1 (a Beacon that refuses its update does not block the others), honouring the control file
 * (live / stale / fixed).
 */
export class FeedPusher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastTimestamp = 0n;
  private readonly current = new Map<string, bigint>();

  constructor(private readonly options: FeedPusherOptions) {
    for (const feed of options.feeds) this.current.set(feed.name, feed.baseValue);
  }

  /** Starts pushing (the first push happens at once). */
  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.pushOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.options.onError?.(error));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs ?? 5_000);
    };
    void loop();
  }

  /** Stops pushing and waits for a push in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Pushes every non-stale feed once; returns the values pushed (empty when all are stale). */
  async pushOnce(): Promise<Record<string, bigint>> {
    const control: FeedControl = this.options.controlPath
      ? readFeedControl(this.options.controlPath)
      : {};
    const block = await this.options.ctx.publicClient.getBlock({ blockTag: "latest" });
    // Beacons only take strictly newer timestamps; with interval mining two ticks can share a block.
    const timestamp =
      block.timestamp > this.lastTimestamp ? block.timestamp : this.lastTimestamp + 1n;
    const calls: Hex[] = [];
    const values: Record<string, bigint> = {};
    for (const feed of this.options.feeds) {
      const mode = control[feed.name] ?? { mode: "live" };
      if (mode.mode === "stale") continue;
      const value = mode.mode === "fixed" ? BigInt(mode.value) : this.walk(feed);
      values[feed.name] = value;
      calls.push(await encodeBeaconUpdate(this.options.airnode, feed.templateId, timestamp, value));
    }
    if (calls.length === 0) return values;
    await sendAndWait(this.options.ctx, "push signed data", {
      to: this.options.api3ServerV1,
      data: encodeFunctionData({
        abi: api3ServerV1Abi,
        functionName: "tryMulticall",
        args: [calls],
      }),
    });
    this.lastTimestamp = timestamp;
    this.options.onPush?.(values);
    return values;
  }

  private walk(feed: PushedFeed): bigint {
    const walkBps = BigInt(this.options.walkBps ?? 20);
    const previous = this.current.get(feed.name) ?? feed.baseValue;
    const step = (previous * walkBps) / 10_000n;
    const direction = BigInt(Math.floor(Math.random() * 3) - 1); // -1, 0 or +1
    let next = previous + direction * step;
    // Stay within ±5% of the base so the devnet's prices stay recognizable.
    const bound = (feed.baseValue * 5n) / 100n;
    if (next > feed.baseValue + bound || next < feed.baseValue - bound) next = previous;
    this.current.set(feed.name, next);
    return next;
  }
}
