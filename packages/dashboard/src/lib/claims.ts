import { useQuery } from "@tanstack/react-query";
import { type Address, type Log, parseEventLogs, zeroAddress } from "viem";
import { ContractRevertError, toIpoolError } from "../../../sdk/src/errors/contract.ts";
import { CLAIM_STATUSES, type ClaimStatusName } from "../../../sdk/src/maths/claims.ts";
import { readIfPresent, useAppConfig, useClient, useLatestBlock, useToken } from "./context.tsx";
import { abis, errorsAbi, eventsAbi } from "./contracts.ts";
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
  /** When the claim says its incident started (unix seconds), from `ClaimCreated`. */
  incidentAt: bigint | undefined;
  /** The whole payout in tokens, fixed when the claim became final (0 until then, or without a payout). */
  payoutTokens: bigint;
  /** What was paid of it so far: at once when final, then tranche by tranche. */
  paidTokens: bigint;
  /** What is still owed, paid in tranches within the payer's weekly quota (`Claim.owedTokens`). */
  owedTokens: bigint;
  /** Who owes the rest (the mediator, or the arbitrator that ruled), from `PayoutOwed`. */
  payer: Address | undefined;
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
  "PayoutOwed",
  "TranchePaid",
  "StalledDisputeClosed",
  "DisputeActivityNoted",
  "Evidence",
]);

/** The events that make a claim final with a payout: `tokens` owed in all, `paidTokens` of them paid at once. */
const FINAL_PAYOUT_EVENTS = ["ClaimAccepted", "SettlementAccepted", "RulingExecuted"];

function claimIdOf(name: string, args: Record<string, unknown>): bigint | undefined {
  if (name === "Evidence") return args._evidenceGroupID as bigint | undefined;
  return args.claimId as bigint | undefined;
}

/**
 * A claim's events in the order people read them: by block, and within one transaction the decision before what it
 * leaves owed (the contract emits `PayoutOwed` while paying, before `ClaimAccepted` and its kin).
 */
export function inReadingOrder(entries: TimelineEntry[]): TimelineEntry[] {
  const rank = (e: TimelineEntry) => (e.name === "PayoutOwed" ? 1 : 0);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        Number(a.entry.blockNumber - b.entry.blockNumber) ||
        rank(a.entry) - rank(b.entry) ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
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
            owedTokens: bigint;
          }>(client, cm, abis.claimsManager, "claim", [id]);
          const timeline = inReadingOrder(byClaim.get(id) ?? []);
          const final = timeline.find((e) => FINAL_PAYOUT_EVENTS.includes(e.name));
          const tranches = timeline
            .filter((e) => e.name === "TranchePaid")
            .reduce((sum, e) => sum + ((e.args.tokens as bigint | undefined) ?? 0n), 0n);
          const owed = timeline.find((e) => e.name === "PayoutOwed");
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
            incidentAt: args.incidentAt as bigint | undefined,
            payoutTokens: (final?.args.tokens as bigint | undefined) ?? 0n,
            paidTokens: ((final?.args.paidTokens as bigint | undefined) ?? 0n) + tranches,
            owedTokens: c?.owedTokens ?? 0n,
            payer: owed?.args.payer as Address | undefined,
            timeline,
            arbitration,
          };
        }),
      );
      return claims.sort((a, b) => Number(b.id - a.id));
    },
  });
}

/** The next tranche a payer's `payTranche` would pay now, or when its quota and the pool's cap leave room again. */
export type NextTranche =
  | { claimId: bigint; tokens: bigint }
  | { nextRoomAt: bigint }
  | { error: string };

/**
 * What `payTranche(payer)` would do at the latest block, by simulating it (anyone may call it): the claim it pays
 * (the payer's oldest owed one) and how much, or, with no room, when room returns (`NoPayoutRoom`'s `nextRoomAt`).
 */
export function useNextTranche(payer: Address | undefined) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const token = useToken();
  const address = config.deployment.contracts.claimsManager;
  return useQuery({
    queryKey: ["next-tranche", address, payer, block?.number.toString()],
    enabled: block !== undefined && address !== undefined && payer !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<NextTranche> => {
      try {
        const { result } = await client.simulateContract({
          address: address as Address,
          abi: [...abis.claimsManager, ...errorsAbi],
          functionName: "payTranche",
          args: [payer as Address],
          account: zeroAddress,
        });
        const [claimId, tokens] = result as readonly [bigint, bigint];
        return { claimId, tokens };
      } catch (error) {
        const decoded = toIpoolError(error, { functionName: "pay tranche", tokenInfo: token });
        if (decoded instanceof ContractRevertError && decoded.errorName === "NoPayoutRoom") {
          return { nextRoomAt: decoded.args.nextRoomAt as bigint };
        }
        return { error: decoded.shortMessage };
      }
    },
  });
}
