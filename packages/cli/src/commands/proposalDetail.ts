/**
 * One proposal in detail (`ipool proposals <id>`): each action decoded with its units, the quorum it needs
 * and how far it is, the caller's voting power at the snapshot, and who voted how.
 */
import {
  formatTimestamp,
  getContractEventsPaged,
  getPastVotes,
  getQuorum,
  iClaimsManagerAbi,
  iStakingPoolAbi,
  type Proposal,
  poolGovernorAbi,
  proposalStateName,
} from "@insurance-pool/sdk";
import { type Abi, type Address, decodeFunctionData, type Hex } from "viem";
import type { Context } from "../context.ts";
import { table } from "../output.ts";
import type { Agent } from "./governanceShared.ts";
import { PROPOSAL_UNITS, showWithUnit } from "./proposalUnits.ts";
import { formatShares } from "./shared.ts";

const SUPPORT = ["against", "for", "abstain"];

/** The command-line alias and ABI of a proposal's target, as `propose` names it. */
function targetOf(ctx: Context, address: Address): { alias: string; abi: Abi } | undefined {
  const { contracts } = ctx.deployment;
  const known: [string, Address | undefined, Abi][] = [
    ["pool", contracts.stakingPool, iStakingPoolAbi as Abi],
    ["claims", contracts.claimsManager, iClaimsManagerAbi as Abi],
    ["primary-governor", contracts.primaryGovernor, poolGovernorAbi as Abi],
    ["secondary-governor", contracts.secondaryGovernor, poolGovernorAbi as Abi],
  ];
  const found = known.find(([, a]) => a?.toLowerCase() === address.toLowerCase());
  return found ? { alias: found[0], abi: found[2] } : undefined;
}

/** A proposed call as people read it: `claims.setClaimantBond(bond: 200 API3)`. */
export function decodeAction(ctx: Context, target: Address, calldata: Hex, value: bigint): string {
  const known = targetOf(ctx, target);
  const suffix = value ? ` with ${value} wei` : "";
  if (!known) return `${target} calldata ${calldata}${suffix}`;
  try {
    const { functionName, args = [] } = decodeFunctionData({ abi: known.abi, data: calldata });
    const fn = known.abi.find((item) => item.type === "function" && item.name === functionName);
    const inputs = fn && "inputs" in fn ? fn.inputs : [];
    const shown = args.map((arg, i) => {
      const name = inputs[i]?.name || `argument ${i + 1}`;
      const unit = PROPOSAL_UNITS[`${known.alias}.${functionName}.${inputs[i]?.name}`];
      return `${name}: ${unit && typeof arg === "bigint" ? showWithUnit(unit, arg, ctx.token) : String(arg)}`;
    });
    return `${known.alias}.${functionName}(${shown.join(", ")})${suffix}`;
  } catch {
    return `${known.alias} calldata ${calldata}${suffix}`;
  }
}

/** The lines and data of one proposal. */
export async function proposalDetail(
  ctx: Context,
  proposal: Proposal & { agent: Agent },
  governor: Address,
) {
  const snapshot = proposal.voteStart;
  const [quorum, votes] = await Promise.all([
    getQuorum(ctx.client, { governor, timepoint: snapshot }).catch(() => undefined),
    getContractEventsPaged(ctx.client, {
      address: governor,
      abi: poolGovernorAbi,
      eventName: "VoteCast",
      fromBlock: BigInt(ctx.deployment.startBlock),
      strict: true,
    }),
  ]);
  const voters = votes
    .filter((event) => event.args.proposalId === proposal.proposalId)
    .map((event) => ({
      voter: event.args.voter,
      support: SUPPORT[event.args.support] ?? String(event.args.support),
      weight: event.args.weight,
      reason: event.args.reason,
    }));
  const counted = proposal.votes.for + proposal.votes.abstain; // OpenZeppelin's quorum counts for + abstain
  // Unknown before the snapshot has passed (a lookup of the future reverts).
  const mine = ctx.account
    ? await getPastVotes(ctx.client, {
        pool: ctx.deployment.contracts.stakingPool,
        account: ctx.account,
        timepoint: snapshot,
      }).catch(() => undefined)
    : undefined;
  const actions = proposal.targets.map((target, i) =>
    decodeAction(ctx, target, proposal.calldatas[i] as Hex, proposal.values[i] ?? 0n),
  );
  const rows: [string, string][] = [
    ["state", proposalStateName(proposal.state)],
    ["proposer", proposal.proposer],
    ...actions.map((action, i): [string, string] => [`action ${i + 1}`, action]),
    ["voting", `${formatTimestamp(proposal.voteStart)} to ${formatTimestamp(proposal.voteEnd)}`],
    [
      "quorum",
      quorum === undefined
        ? "known once voting starts"
        : `${formatShares(ctx, counted)} of ${formatShares(ctx, quorum)} shares (for + abstain)${counted >= quorum ? ", reached" : ""}`,
    ],
    [
      "votes",
      `for ${formatShares(ctx, proposal.votes.for)}, against ${formatShares(ctx, proposal.votes.against)}, abstain ${formatShares(ctx, proposal.votes.abstain)}`,
    ],
  ];
  if (mine !== undefined)
    rows.push(["your voting power", `${formatShares(ctx, mine)} shares at the snapshot`]);
  if (proposal.eta > 0n) rows.push(["executable from", formatTimestamp(proposal.eta)]);
  const lines = [
    `proposal ${proposal.proposalId} (${proposal.agent}): ${proposal.description}`,
    ...table(rows),
  ];
  lines.push(voters.length ? "  voters:" : "  no votes yet");
  for (const v of voters) {
    lines.push(
      `    ${v.voter} ${v.support} with ${formatShares(ctx, v.weight)} shares${v.reason ? ` ("${v.reason}")` : ""}`,
    );
  }
  return {
    lines,
    data: {
      proposal: { ...proposal, stateName: proposalStateName(proposal.state) },
      actions,
      quorum,
      quorumVotes: counted,
      ...(mine === undefined ? {} : { yourVotes: mine }),
      voters,
    },
  };
}
