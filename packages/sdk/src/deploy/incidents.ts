/**
 * Deploys the IncidentRegistry (issue #14): on-chain proofs of stale and deviating dAPIs on this chain's
 * Api3ServerV1. The deployer is its primary agent only while it sets the first incident definitions and the
 * bounty, then hands the power to the DAO's primary timelock, in the same way the pool's bootstrap leaves nothing
 * to the deployer.
 */
import {
  type Address,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  hexToString,
  zeroAddress,
} from "viem";
import { artifact } from "./artifacts.ts";
import { deployAndWait, sendAndWait, type TxContext } from "./context.ts";

/** A reference data source of a deviation definition: an Airnode and the template it signs for. */
export interface IncidentReference {
  airnode: Address;
  templateId: Hex;
}

/**
 * How a dAPI's incidents are judged (`IIncidentRegistry.IncidentDefinition`; seconds and basis points, bounds in
 * the contract). `references` empty and `quorum` 0: only staleness is judged.
 */
export interface IncidentDefinition {
  heartbeat: bigint;
  grace: bigint;
  deviationThresholdBps: bigint;
  confirmationGap: bigint;
  challengeWindow: bigint;
  deviationOpenPeriod: bigint;
  quorum: bigint;
  /** At most 7; sorted by airnode here before they are sent (the contract wants them ascending). */
  references: readonly IncidentReference[];
  sequencerUptimeFeed: Address;
  sequencerGrace: bigint;
}

/**
 * A definition that judges staleness only (`heartbeat` and `grace` in seconds): the deviation terms are the
 * contract's least strict in-bound values and unused (no references, quorum 0).
 */
export function staleOnlyDefinition(heartbeat: number, grace: number): IncidentDefinition {
  return {
    heartbeat: BigInt(heartbeat),
    grace: BigInt(grace),
    deviationThresholdBps: 5_000n,
    confirmationGap: 3_600n,
    challengeWindow: 86_400n,
    deviationOpenPeriod: 3_600n,
    quorum: 0n,
    references: [],
    sequencerUptimeFeed: zeroAddress,
    sequencerGrace: 0n,
  };
}

/** `references` sorted by airnode address, ascending (as `setIncidentDefinition` requires). */
export function sortReferences<T extends { airnode: Address }>(references: readonly T[]): T[] {
  return [...references].sort((a, b) => {
    const x = BigInt(a.airnode);
    const y = BigInt(b.airnode);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** What {@link deployIncidentRegistry} deploys and sets. */
export interface IncidentRegistryParameters {
  api3ServerV1: Address;
  /** The pool token (bounties are paid in it). */
  token: Address;
  /** Who ends up with the registry's governance: the DAO's primary timelock. */
  primaryAgent: Address;
  /** The mediator who may void deviation incidents within their challenge window (default: nobody). */
  mediator?: Address;
  /** One definition per dAPI, by `bytes32` dAPI name. */
  definitions: { dapiName: Hex; definition: IncidentDefinition }[];
  /** Tokens earned per accepted report and the least seconds between an incident's reports (default: 0, 10 min). */
  bounty?: { amount: bigint; minReportInterval: bigint };
}

/** Deploys the IncidentRegistry, sets `definitions` and the bounty, and hands governance to `primaryAgent`. */
export async function deployIncidentRegistry(
  ctx: TxContext,
  params: IncidentRegistryParameters,
): Promise<Address> {
  const registry = artifact("IncidentRegistry");
  const deployer = ctx.walletClient.account.address;
  const address = await deployAndWait(
    ctx,
    "IncidentRegistry",
    encodeDeployData({
      abi: registry.abi,
      bytecode: registry.bytecode,
      args: [params.api3ServerV1, params.token, deployer, params.mediator ?? zeroAddress],
    }),
  );
  const send = (label: string, functionName: string, args: readonly unknown[]) =>
    sendAndWait(ctx, `IncidentRegistry: ${label}`, {
      to: address,
      data: encodeFunctionData({ abi: registry.abi, functionName, args }),
    });
  for (const { dapiName, definition } of params.definitions) {
    const name = hexToString(dapiName, { size: 32 });
    await send(`${name} incident definition`, "setIncidentDefinition", [
      dapiName,
      { ...definition, references: sortReferences(definition.references) },
    ]);
  }
  if (params.bounty) {
    await send("bounty", "setBounty", [params.bounty.amount, params.bounty.minReportInterval]);
  }
  await send("hand over to the primary agent", "setPrimaryAgent", [params.primaryAgent]);
  return address;
}
