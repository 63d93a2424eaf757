/**
 * Simulates a dAPI malfunction on the devnet, so a user can walk through a whole claim:
 *
 *   npm run devnet:malfunction -- --feed ETH/USD --value 0          wrong value: pushed now and kept
 *   npm run devnet:malfunction -- --feed ETH/USD --deviate 10%      its base value 10% off (what the IncidentRegistry's
 *                                                                   reference Airnodes sign): pushed now and kept
 *   npm run devnet:malfunction -- --feed ETH/USD --stale [--advance 90000]
 *                                                                   stale: no more updates (optionally
 *                                                                   move the chain's clock forward)
 *   npm run devnet:malfunction -- --feed ETH/USD --restore          live again
 *   npm run devnet:malfunction -- --list                            modes and current values
 *
 * It edits the pusher's control file (.devnet/feeds.json, read at every tick) and, for a wrong value,
 * pushes it at once with data signed by the local Airnode.
 */
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createPublicClient, formatUnits, type Hex, http, parseUnits } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { pushBeaconValue } from "../../sdk/src/deploy/api3.ts";
import { api3ReaderProxyV1Abi } from "../../sdk/src/deploy/api3Artifacts.ts";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import { DEVNET_MNEMONIC } from "../../sdk/src/deploy/devnetAccounts.ts";
import { type Deployment, readDeployment } from "../../sdk/src/deployment.ts";
import { type FeedMode, readFeedControl, writeFeedControl } from "./feeds.ts";

/** Where the pusher's control file lives for a deployment file. */
export function feedControlPath(deploymentPath: string): string {
  return join(dirname(deploymentPath), "feeds.json");
}

export interface MalfunctionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const USAGE = `Usage: npm run devnet:malfunction -- --feed <name> (--value <price> | --deviate <percent> | --stale | --restore)
       npm run devnet:malfunction -- --list
Options:
  --feed <name>         dAPI name, e.g. ETH/USD or API3/USD
  --value <price>       push this (wrong) price now and keep pushing it, e.g. 0, -1, 12.5
  --deviate <percent>   the same with the feed's base value moved by this much, e.g. 10% (a drop: --deviate=-15%)
  --stale               stop updating the feed; its timestamp ages
  --advance <seconds>   also move the chain's clock forward (with --stale: make it stale now)
  --restore             back to live values
  --list                print every feed with its mode and current value
  --deployment <file>   default .devnet/deployment.json`;

/** Runs the command with `argv`; resolves with the exit code. */
export async function runMalfunction(argv: string[], io: MalfunctionIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        feed: { type: "string" },
        value: { type: "string" },
        deviate: { type: "string" },
        stale: { type: "boolean" },
        restore: { type: "boolean" },
        advance: { type: "string" },
        list: { type: "boolean" },
        deployment: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const deploymentPath = resolve(io.cwd, String(values.deployment ?? ".devnet/deployment.json"));
  let deployment: Deployment;
  try {
    deployment = readDeployment(deploymentPath);
  } catch (error) {
    io.stderr(`error: ${(error as Error).message}\nStart the devnet first: npm start\n`);
    return 1;
  }
  const devnet = deployment.devnet;
  const api3ServerV1 = deployment.contracts.api3ServerV1;
  if (!devnet || !api3ServerV1) {
    io.stderr(`error: ${deploymentPath} is not a devnet deployment (no local Airnode feeds)\n`);
    return 1;
  }
  const controlPath = feedControlPath(deploymentPath);
  const control = readFeedControl(controlPath);
  const client = createPublicClient({ transport: http(deployment.rpcUrl) });

  if (values.list) {
    for (const feed of devnet.feeds) {
      const [value, timestamp] = await client.readContract({
        address: feed.proxy,
        abi: api3ReaderProxyV1Abi,
        functionName: "read",
      });
      const block = await client.getBlock();
      const mode = control[feed.name] ?? { mode: "live" };
      io.stdout(
        `${feed.name.padEnd(10)} ${mode.mode.padEnd(6)} ${formatUnits(value, 18)} (${block.timestamp - BigInt(timestamp)} s old)  proxy ${feed.proxy}\n`,
      );
    }
    return 0;
  }

  const feed = devnet.feeds.find((candidate) => candidate.name === values.feed);
  if (!feed) {
    const names = devnet.feeds.map((f) => f.name).join(", ");
    io.stderr(
      `error: --feed ${values.feed ?? "(missing)"} is not a devnet feed; feeds: ${names}\n`,
    );
    return 2;
  }
  const chosen = [
    values.value !== undefined,
    values.deviate !== undefined,
    Boolean(values.stale),
    Boolean(values.restore),
  ];
  if (chosen.filter(Boolean).length !== 1) {
    io.stderr(`error: give exactly one of --value, --deviate, --stale, --restore\n${USAGE}\n`);
    return 2;
  }
  let advance = 0;
  if (values.advance !== undefined) {
    advance = Number(values.advance);
    if (!Number.isInteger(advance) || advance <= 0) {
      io.stderr(`error: --advance must be a positive number of seconds, got ${values.advance}\n`);
      return 2;
    }
  }

  let mode: FeedMode;
  let price: bigint | undefined;
  let shown = String(values.value);
  if (values.deviate !== undefined) {
    // Basis points of the base value, from a percentage with up to two decimals ("10%", "-2.5").
    const match = /^(-?\d+(?:\.\d{1,2})?)%?$/.exec(String(values.deviate).trim());
    if (!match?.[1]) {
      io.stderr(`error: --deviate ${values.deviate} is not a percentage, e.g. 10% or -15%\n`);
      return 2;
    }
    const bps = BigInt(Math.round(Number(match[1]) * 100));
    price = (BigInt(feed.baseValue) * (10_000n + bps)) / 10_000n;
    shown = formatUnits(price, 18);
    mode = { mode: "fixed", value: price.toString() };
  } else if (values.value !== undefined) {
    try {
      price = parseUnits(String(values.value), 18);
    } catch {
      io.stderr(`error: --value ${values.value} is not a number\n`);
      return 2;
    }
    mode = { mode: "fixed", value: price.toString() };
  } else if (values.stale) {
    mode = { mode: "stale" };
  } else {
    mode = { mode: "live" };
  }
  writeFeedControl(controlPath, { ...control, [feed.name]: mode });

  if (advance > 0) {
    await client.request({ method: "evm_increaseTime" as never, params: [advance] as never });
    await client.request({ method: "evm_mine" as never, params: [] as never });
  }
  if (price !== undefined) {
    const airnode = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: devnet.airnode.index });
    const ctx = await createTxContext({ rpcUrl: deployment.rpcUrl, account: airnode });
    try {
      await pushBeaconValue(ctx, api3ServerV1, airnode, feed.templateId as Hex, price);
    } catch (error) {
      io.stderr(
        `error: the immediate push failed (${firstLine(error)}); ${feed.name} is set to ${shown} in the feed control file, so the pusher pushes it at its next tick\n`,
      );
      return 1;
    }
    io.stdout(`${feed.name} now reads ${shown} (wrong value pushed; the pusher keeps it)\n`);
  } else if (values.stale) {
    io.stdout(
      `${feed.name} is no longer updated${advance ? `; chain moved ${advance} s ahead` : ""}\n`,
    );
  } else {
    io.stdout(`${feed.name} is live again (the pusher updates it at its next tick)\n`);
  }
  return 0;
}

/** The first line of viem's short message (or of the message): what went wrong, without the dump. */
function firstLine(error: unknown): string {
  const short = (error as { shortMessage?: unknown })?.shortMessage ?? (error as Error)?.message;
  return String(short ?? error).split("\n")[0] ?? "";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runMalfunction(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // `npm run -w` runs in the package's folder; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // One line, not viem's dump: e.g. the devnet is not running, or the chain refused the push.
      process.stderr.write(`error: ${firstLine(error)}\n`);
      process.exitCode = 1;
    },
  );
}
