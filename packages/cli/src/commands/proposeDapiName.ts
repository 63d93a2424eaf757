/**
 * `ipool propose set-dapi-name --dapi ETH/USD --data-feed <id|airnode:templateId[,...]>`: a primary-agent proposal
 * that repoints a covered dAPI on the claims manager's Api3ServerV1, through the forwarder that manages the server
 * (owned by the primary timelock). Shows the current and the new target and when stakers who disagree can leave.
 */
import {
  checkDapiGovernance,
  dapiGovernanceAbi,
  formatDuration,
  formatTimestamp,
  getApi3ServerV1,
  getDapi,
  getDapiTarget,
  getTimelock,
  getUnstakeWaitPeriod,
  getVotingDelay,
  getVotingPeriod,
  InvalidInputError,
  PreflightError,
  parseDataFeed,
  poolTimelockAbi,
  propose,
  setDapiNameCall,
  toIpoolError,
} from "@insurance-pool/sdk";
import { formatUnits, zeroAddress, zeroHash } from "viem";
import { call, readContract } from "viem/actions";
import type { CommandInput, CommandOutput } from "../command.ts";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import { asUsageError, UsageError } from "../usage.ts";
import { claimsManagerOf, dapiName, resolveDapi } from "./claimsShared.ts";
import { governorOf } from "./governanceShared.ts";
import { stringOption } from "./shared.ts";

/** A data feed's value (18 decimals) and age, for people. */
function describeFeed(id: string, value: bigint, timestamp: bigint): string {
  if (id === zeroHash) return "nothing (the name is not set)";
  return `${id} (value ${formatUnits(value, 18)}, updated ${timestamp === 0n ? "never" : formatTimestamp(timestamp)})`;
}

export async function proposeSetDapiName(
  ctx: Context,
  input: CommandInput,
): Promise<CommandOutput> {
  const agentText = stringOption(input, "agent");
  if (agentText !== undefined && agentText !== "primary") {
    throw new UsageError(
      "set-dapi-name is a primary-agent proposal (the primary timelock owns the dAPI names)",
    );
  }
  const feedText = stringOption(input, "data-feed");
  if (feedText === undefined) {
    throw new UsageError(
      "set-dapi-name needs --data-feed <id|airnode:templateId[,airnode:templateId...]>",
    );
  }
  const claimsManager = claimsManagerOf(ctx);
  const dapiId = await resolveDapi(ctx, stringOption(input, "dapi"));
  const dapi = await getDapi(ctx.client, { claimsManager, dapiId });
  const name = dapiName(dapi.name);
  let feed: ReturnType<typeof parseDataFeed>;
  try {
    feed = parseDataFeed(feedText);
  } catch (error) {
    throw asUsageError(error, "--data-feed");
  }
  const api3ServerV1 = await getApi3ServerV1(ctx.client, { claimsManager });
  if (api3ServerV1 === zeroAddress) {
    throw new InvalidInputError(
      "the claims manager reads no Api3ServerV1: there is no dAPI name to govern",
    );
  }
  const governor = governorOf(ctx, "primary");
  const timelock = await getTimelock(ctx.client, { governor });
  const forwarder = await readContract(ctx.client, {
    address: api3ServerV1,
    abi: dapiGovernanceAbi,
    functionName: "manager",
  });
  await checkDapiGovernance(ctx.client, { api3ServerV1, forwarder, primaryTimelock: timelock });

  const [current, next] = await Promise.all([
    getDapiTarget(ctx.client, { api3ServerV1, name }),
    readContract(ctx.client, {
      address: api3ServerV1,
      abi: dapiGovernanceAbi,
      functionName: "dataFeeds",
      args: [feed.dataFeedId],
    }),
  ]);
  const [nextValue, nextTimestamp] = [BigInt(next[0]), BigInt(next[1])];
  if (current.dataFeedId === feed.dataFeedId) {
    throw new InvalidInputError(`${name} already points to ${feed.dataFeedId}`);
  }
  if (nextTimestamp === 0n) {
    throw new InvalidInputError(
      `data feed ${feed.dataFeedId} has no value on Api3ServerV1 ${api3ServerV1}`,
      {
        metaMessages: [
          "Update it first (a Beacon with signed data, a Beacon set with updateBeaconSetWithBeacons): a dAPI",
          "pointed at a feed without a value reads as stale at once.",
        ],
      },
    );
  }

  const proposal = setDapiNameCall({ api3ServerV1, forwarder, name, dataFeedId: feed.dataFeedId });
  try {
    await call(ctx.client, { account: timelock, to: proposal.target, data: proposal.calldata });
  } catch (error) {
    const decoded = toIpoolError(error, { functionName: "set dAPI name", tokenInfo: ctx.token });
    throw new PreflightError(`the primary agent could not execute it: ${decoded.shortMessage}`, {
      metaMessages: decoded.metaMessages,
    });
  }

  const [votingDelay, votingPeriod, minDelay, unstakeWait] = await Promise.all([
    getVotingDelay(ctx.client, { governor }),
    getVotingPeriod(ctx.client, { governor }),
    readContract(ctx.client, {
      address: timelock,
      abi: poolTimelockAbi,
      functionName: "getMinDelay",
    }),
    getUnstakeWaitPeriod(ctx.client, { pool: ctx.deployment.contracts.stakingPool }),
  ]);
  const path = BigInt(votingDelay) + BigInt(votingPeriod) + BigInt(minDelay as bigint);
  const description =
    stringOption(input, "description") ?? `Point dAPI ${name} at data feed ${feed.dataFeedId}`;
  const client = await ctx.wallet();
  const { result: proposalId } = await ctx.send(
    `propose set-dapi-name ${name} (primary agent)`,
    (hooks) =>
      propose(client, {
        ...hooks,
        governor,
        targets: [proposal.target],
        values: [proposal.value],
        calldatas: [proposal.calldata],
        description,
      }),
  );
  const lines = [
    `proposal ${proposalId} (primary agent): ${description}`,
    ...table([
      ["dAPI", `${name} (id ${dapiId}) on Api3ServerV1 ${api3ServerV1}`],
      ["now", describeFeed(current.dataFeedId, current.value, current.timestamp)],
      ["after", describeFeed(feed.dataFeedId, nextValue, nextTimestamp)],
      ...(feed.beacons.length > 1
        ? ([["beacons", feed.beacons.map((b) => b.beaconId).join(", ")]] as [string, string][])
        : []),
      [
        "executes",
        `at the earliest in ${formatDuration(path)} (voting delay + vote + timelock delay), through the manager forwarder ${forwarder}`,
      ],
      [
        "stakers",
        path > BigInt(unstakeWait)
          ? `who disagree can leave first (the unstake wait is ${formatDuration(BigInt(unstakeWait))})`
          : `the unstake wait (${formatDuration(BigInt(unstakeWait))}) is not shorter than that: stakers who disagree cannot leave before it executes`,
      ],
    ]),
    `vote with: ipool vote ${proposalId} for`,
  ];
  return {
    lines,
    data: {
      proposalId,
      agent: "primary",
      governor,
      dapi: { id: dapiId, name },
      api3ServerV1,
      forwarder,
      current,
      next: {
        dataFeedId: feed.dataFeedId,
        value: nextValue,
        timestamp: nextTimestamp,
        beacons: feed.beacons,
      },
      target: proposal.target,
      calldata: proposal.calldata,
      description,
      earliestExecutionIn: path,
    },
  };
}
