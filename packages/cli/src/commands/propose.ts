import {
  getTimelock,
  InvalidInputError,
  iClaimsManagerAbi,
  iStakingPoolAbi,
  PreflightError,
  poolGovernorAbi,
  propose,
  toIpoolError,
} from "@insurance-pool/sdk";
import {
  type Abi,
  type AbiFunction,
  type Address,
  encodeFunctionData,
  type Hex,
  isHex,
  stringToHex,
} from "viem";
import { call } from "viem/actions";
import type { Command } from "../command.ts";
import type { Context } from "../context.ts";
import { UsageError } from "../usage.ts";
import { governorOf, parseAgent } from "./governanceShared.ts";
import { PROPOSAL_UNITS, parseWithUnit, showWithUnit, type Unit } from "./proposalUnits.ts";
import { proposeSetDapiName } from "./proposeDapiName.ts";
import { positionals, stringOption } from "./shared.ts";

/** Contracts a proposal can call, by the alias used on the command line. */
function targetOf(ctx: Context, alias: string): { address: Address; abi: Abi } {
  const { contracts } = ctx.deployment;
  const table: Record<string, { address: Address | undefined; abi: Abi }> = {
    pool: { address: contracts.stakingPool, abi: iStakingPoolAbi },
    claims: { address: contracts.claimsManager, abi: iClaimsManagerAbi },
    "primary-governor": { address: contracts.primaryGovernor, abi: poolGovernorAbi },
    "secondary-governor": { address: contracts.secondaryGovernor, abi: poolGovernorAbi },
  };
  const target = table[alias];
  if (!target?.address) {
    throw new InvalidInputError(`unknown contract "${alias}"`, {
      metaMessages: [`Contracts: ${Object.keys(table).join(", ")}`],
    });
  }
  return { address: target.address, abi: target.abi };
}

/** Parses one argument of a proposed call by its meaning (see `proposalUnits.ts`), else by its Solidity type. */
function parseArgument(
  ctx: Context,
  type: string,
  text: string,
  name: string,
  unit?: Unit,
): unknown {
  if (unit && /^u?int\d*$/.test(type)) return parseWithUnit(unit, text, name, ctx.token);
  if (/^u?int\d*$/.test(type)) {
    if (/^\d+$/.test(text)) return BigInt(text);
    throw new UsageError(`${name} (${type}) "${text}" is not a whole number`);
  }
  if (type === "address") return ctx.address(text, name);
  if (type === "bool") {
    if (text === "true" || text === "false") return text === "true";
    throw new InvalidInputError(`${name} (bool) must be true or false`);
  }
  if (type === "bytes32") {
    if (isHex(text) && text.length === 66) return text;
    if (text.length > 32)
      throw new InvalidInputError(`${name} (bytes32) "${text}" is longer than 32 bytes`);
    return stringToHex(text, { size: 32 });
  }
  if (type === "bytes") {
    if (!isHex(text)) throw new InvalidInputError(`${name} (bytes) must be 0x-hex`);
    return text;
  }
  if (type === "string") return text;
  throw new InvalidInputError(`arguments of type ${type} are not supported on the command line`);
}

export const proposeCommand: Command = {
  name: "propose",
  role: "DAO",
  writes: true,
  summary: "propose a call to the pool or claims manager, executed by an agent's timelock",
  usage: "<contract.function|set-dapi-name> [args...]",
  options: {
    dapi: {
      type: "string",
      value: "<name|id>",
      description: "set-dapi-name: the covered dAPI to repoint",
    },
    "data-feed": {
      type: "string",
      value: "<id|airnode:templateId[,...]>",
      description:
        "set-dapi-name: its new data feed (a 0x id, a Beacon, or a Beacon set's Beacons)",
    },
    agent: {
      type: "string",
      value: "<primary|secondary>",
      description: "which agent executes it (default primary)",
    },
    description: {
      type: "string",
      value: "<text>",
      description: "the proposal's text (default: the call)",
    },
  },
  description: [
    "Contracts: pool, claims, primary-governor, secondary-governor. Arguments are read by their meaning:",
    "token amounts in tokens (setClaimantBond 200 = 200 tokens), durations (2w, 3d, seconds), fractions",
    "with a % sign (setTreasuryShare 10%), addresses or devnet roles, true/false, strings; other integers",
    "as they are. The call is printed back with its units and first simulated as the timelock would",
    "execute it, so a proposal that could never execute is not sent.",
    "Example: ipool propose pool.setUnstakeWaitPeriod 2w --agent primary --account alice",
    "",
    "set-dapi-name repoints a covered dAPI on the claims manager's Api3ServerV1 (where the DAO governs its names:",
    "the server's manager is a forwarder owned by the primary timelock). It shows the current and the new target.",
    "Example: ipool propose set-dapi-name --dapi ETH/USD --data-feed 0xAirnode:0xTemplateId --account alice",
  ].join("\n"),
  run: async (ctx, input) => {
    const [callText, ...argTexts] = positionals(
      input,
      1,
      12,
      "propose <contract>.<function> [args...] | propose set-dapi-name --dapi <name> --data-feed <feed>",
    );
    if (callText === "set-dapi-name") {
      positionals(input, 1, 1, "propose set-dapi-name --dapi <name> --data-feed <feed>");
      return proposeSetDapiName(ctx, input);
    }
    const match = /^([a-z-]+)\.([A-Za-z0-9_]+)$/.exec(callText ?? "");
    if (!match?.[1] || !match[2]) {
      throw new InvalidInputError(
        `"${callText}" is not <contract>.<function>, e.g. pool.setUnstakeWaitPeriod`,
      );
    }
    const target = targetOf(ctx, match[1]);
    const functionName = match[2];
    const candidates = target.abi.filter(
      (item): item is AbiFunction =>
        item.type === "function" &&
        item.name === functionName &&
        item.stateMutability !== "view" &&
        item.stateMutability !== "pure",
    );
    const fn = candidates.find((item) => item.inputs.length === argTexts.length);
    if (!fn) {
      throw new InvalidInputError(
        candidates.length
          ? `${functionName} takes ${candidates.map((c) => c.inputs.length).join(" or ")} arguments, got ${argTexts.length}`
          : `${match[1]} has no function ${functionName} a proposal can call`,
        {
          metaMessages: candidates.map(
            (c) => `${functionName}(${c.inputs.map((i) => `${i.type} ${i.name}`).join(", ")})`,
          ),
        },
      );
    }
    const units = fn.inputs.map(
      (param) => PROPOSAL_UNITS[`${match[1]}.${functionName}.${param.name}`],
    );
    const args = fn.inputs.map((param, index) =>
      parseArgument(
        ctx,
        param.type,
        argTexts[index] ?? "",
        param.name || `argument ${index + 1}`,
        units[index],
      ),
    );
    // The call as it will execute, each number with its unit: what the voters will read.
    const decoded = `${callText}(${fn.inputs
      .map((param, index) => {
        const value = args[index];
        const unit = units[index];
        const shown =
          unit && typeof value === "bigint" ? showWithUnit(unit, value, ctx.token) : String(value);
        return `${param.name || `argument ${index + 1}`}: ${shown}`;
      })
      .join(", ")})`;
    const data = encodeFunctionData({ abi: [fn], functionName, args }) as Hex;
    const agent = parseAgent(stringOption(input, "agent"));
    const governor = governorOf(ctx, agent);
    const description = stringOption(input, "description") ?? decoded;
    const client = await ctx.wallet();
    // Would the call go through when the timelock executes it? Simulate it from the timelock now.
    const timelock = await getTimelock(ctx.client, { governor });
    try {
      await call(ctx.client, { account: timelock, to: target.address, data });
    } catch (error) {
      const decoded = toIpoolError(error, { functionName, tokenInfo: ctx.token });
      const expected = (decoded as { errorName?: string; args?: { expected?: unknown } }).args
        ?.expected;
      const other = agent === "primary" ? "secondary" : "primary";
      const otherTimelock = await getTimelock(ctx.client, {
        governor: governorOf(ctx, other),
      }).catch(() => undefined);
      if (
        (decoded as { errorName?: string }).errorName === "Unauthorized" &&
        typeof expected === "string" &&
        otherTimelock?.toLowerCase() === expected.toLowerCase()
      ) {
        // The role shape of every refusal: who can, and how to propose it there.
        throw new PreflightError(
          `only the ${other} agent's timelock ${expected} can call ${match[1]}.${functionName}: propose it with --agent ${other}`,
          { metaMessages: ["Nothing was sent."] },
        );
      }
      throw new PreflightError(
        `the proposed call would revert when the ${agent} agent executes it: ${decoded.shortMessage}`,
        {
          metaMessages: decoded.metaMessages,
        },
      );
    }
    const { result: proposalId } = await ctx.send(`propose ${callText} (${agent} agent)`, (hooks) =>
      propose(client, {
        ...hooks,
        governor,
        targets: [target.address],
        values: [0n],
        calldatas: [data],
        description,
      }),
    );
    return {
      lines: [
        `proposal ${proposalId} (${agent} agent): ${description}`,
        `  calls ${decoded}`,
        `vote with: ipool vote ${proposalId} for`,
      ],
      data: {
        proposalId,
        agent,
        governor,
        target: target.address,
        calldata: data,
        call: decoded,
        description,
      },
    };
  },
};
