import { useQuery } from "@tanstack/react-query";
import { type Address, type Log, parseEventLogs, zeroAddress } from "viem";
import { CLAIM_STATUSES, type ClaimStatusName } from "../../../sdk/src/maths/claims.ts";
import { readIfPresent, useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { abis, eventsAbi } from "./contracts.ts";
import { blockTimesOf, readLogs } from "./logCache.ts";

/** IClaimsManager.ClaimStatus, in order (the SDK's list). */
export const claimStatuses = CLAIM_STATUSES;
export type ClaimStatus = ClaimStatusName;

export const statusLabels: Record<ClaimStatus, string> = {
  None: "unknown",
  Pending: "Waiting for the mediator",
  SettlementProposed: "Settlement proposed",
  MediatorRejected: "Rejected by the mediator",
  Disputed: "In arbitration",
  RulingPending: "Ruling recorded, awaiting a fresh price",
  PaidClaim: "Paid in full",
  PaidSettlement: "Settled and paid",
  Refused: "Refused",
  TimedOut: "Timed out",
  DisputeClosed: "Dispute closed (arbitrator silent)",
};

export interface TimelineEntry {
  name: string;
  time: number;
  blockNumber: bigint;
  args: Record<string, unknown>;
}

export interface ArbitrationInfo {
  arbitrator: Address;
  disputeId: bigint;
  /** ERC-792: 0 waiting, 1 appealable, 2 solved. */
  status: number | undefined;
  currentRuling: bigint | undefined;
  appealPeriod: readonly [bigint, bigint] | undefined;
  appealCost: bigint | undefined;
  /** The account that rules on a local (devnet) arbitrator, when it exposes `owner()`. */
  court: Address | undefined;
}

export interface ClaimInfo {
  id: bigint;
  policyId: bigint;
  claimant: Address;
  status: ClaimStatus;
  deadline: bigint;
  amountUsd: bigint;
  bond: bigint;
  settlementUsd: bigint;
  ruling: number;
  evidenceURI: string;
  /** Tokens paid out, from the payout event (0 until paid). */
  paidTokens: bigint;
  timeline: TimelineEntry[];
  arbitration: ArbitrationInfo | undefined;
}

const CLAIM_EVENTS = new Set([
  "ClaimCreated",
  "ClaimAccepted",
  "SettlementProposed",
  "ClaimRejected",
  "SettlementAccepted",
  "ClaimEscalated",
  "RulingDeferred",
  "RulingExecuted",
  "ClaimTimedOut",
  "Evidence",
]);

function claimIdOf(name: string, args: Record<string, unknown>): bigint | undefined {
  if (name === "Evidence") return args._evidenceGroupID as bigint | undefined;
  return args.claimId as bigint | undefined;
}

/**
 * Claims with their timeline: all of them for the mediator (`all`), else those of `claimant`.
 * Built from the claims manager's events and its `claim(id)` view.
 */
export function useClaims(claimant: Address | undefined, all: boolean) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const address = config.deployment.contracts.claimsManager;
  return useQuery({
    queryKey: ["claims", address, claimant, all, block?.number.toString()],
    enabled: block !== undefined && address !== undefined && abis.claimsManager.length > 0,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<ClaimInfo[]> => {
      const cm = address as Address;
      const logs = await readLogs(client, {
        address: cm,
        fromBlock: BigInt(config.deployment.startBlock),
      });
      const parsed = parseEventLogs({ abi: eventsAbi, logs, strict: false }).filter((log) =>
        CLAIM_EVENTS.has(log.eventName ?? ""),
      );
      const times = await blockTimesOf(client, parsed as Log[]);
      const byClaim = new Map<bigint, TimelineEntry[]>();
      const created: Record<string, unknown>[] = [];
      for (const log of parsed) {
        const name = log.eventName ?? "";
        const args = (log.args ?? {}) as Record<string, unknown>;
        const id = claimIdOf(name, args);
        if (id === undefined) continue;
        if (name === "ClaimCreated") created.push(args);
        const entries = byClaim.get(id) ?? [];
        entries.push({
          name,
          time: times.get(log.blockNumber) ?? 0,
          blockNumber: log.blockNumber,
          args,
        });
        byClaim.set(id, entries);
      }
      const wanted = created.filter(
        (args) => all || String(args.claimant).toLowerCase() === claimant?.toLowerCase(),
      );
      const claims = await Promise.all(
        wanted.map(async (args): Promise<ClaimInfo> => {
          const id = args.claimId as bigint;
          const c = await readIfPresent<{
            policyId: bigint;
            status: number;
            deadline: number;
            amountUsd: bigint;
            bond: bigint;
            settlementUsd: bigint;
            ruling: number;
            arbitrator: Address;
            disputeId: bigint;
          }>(client, cm, abis.claimsManager, "claim", [id]);
          const timeline = byClaim.get(id) ?? [];
          const paid = timeline.find((e) =>
            ["ClaimAccepted", "SettlementAccepted", "RulingExecuted"].includes(e.name),
          );
          const status = claimStatuses[c?.status ?? 0] ?? "None";
          let arbitration: ArbitrationInfo | undefined;
          if (c && c.arbitrator !== zeroAddress && abis.arbitrator.length > 0) {
            const read = <T>(fn: string, fnArgs: readonly unknown[]) =>
              readIfPresent<T>(client, c.arbitrator, abis.arbitrator, fn, fnArgs).catch(
                () => undefined,
              );
            const [disputeStatus, currentRuling, appealPeriod, appealCost, court] =
              await Promise.all([
                read<number>("disputeStatus", [c.disputeId]),
                read<bigint>("currentRuling", [c.disputeId]),
                read<readonly [bigint, bigint]>("appealPeriod", [c.disputeId]),
                read<bigint>("appealCost", [c.disputeId, "0x"]),
                read<Address>("owner", []),
              ]);
            arbitration = {
              arbitrator: c.arbitrator,
              disputeId: c.disputeId,
              status: disputeStatus === undefined ? undefined : Number(disputeStatus),
              currentRuling,
              appealPeriod,
              appealCost,
              court,
            };
          }
          return {
            id,
            policyId: BigInt(c?.policyId ?? (args.policyId as bigint)),
            claimant: args.claimant as Address,
            status,
            deadline: BigInt(c?.deadline ?? 0),
            amountUsd: c?.amountUsd ?? (args.amountUsd as bigint),
            bond: c?.bond ?? (args.bond as bigint),
            settlementUsd: c?.settlementUsd ?? 0n,
            ruling: Number(c?.ruling ?? 0),
            evidenceURI: String(
              args.evidenceURI ?? timeline.find((e) => e.name === "Evidence")?.args._evidence ?? "",
            ),
            paidTokens: (paid?.args.tokens as bigint | undefined) ?? 0n,
            timeline,
            arbitration,
          };
        }),
      );
      return claims.sort((a, b) => Number(b.id - a.id));
    },
  });
}
