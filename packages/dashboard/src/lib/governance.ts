import { useQuery } from "@tanstack/react-query";
import { type Address, type Hex, keccak256, parseEventLogs, stringToHex, zeroAddress } from "viem";
import { readIfPresent, useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { abis, eventsAbi } from "./contracts.ts";
import { readLogs } from "./logCache.ts";

/** OpenZeppelin Governor's ProposalState, in order. */
export const proposalStates = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
export type ProposalState = (typeof proposalStates)[number];

export interface GovernorInfo {
  /** "primary" or "secondary" (API3's two agents). */
  name: string;
  address: Address;
  clock: bigint;
  timestampClock: boolean;
  quorum: bigint | undefined;
  threshold: bigint | undefined;
  votingPeriod: bigint | undefined;
  votingDelay: bigint | undefined;
  /** The user's votes at `clock - 1` (what a new proposal would see). */
  userVotes: bigint | undefined;
}

export interface Proposal {
  governor: GovernorInfo;
  id: bigint;
  proposer: Address;
  description: string;
  descriptionHash: Hex;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  voteStart: bigint;
  voteEnd: bigint;
  state: ProposalState;
  against: bigint;
  for: bigint;
  abstain: bigint;
  quorum: bigint | undefined;
  hasVoted: boolean;
  eta: bigint | undefined;
  createdBlock: bigint;
}

export function useGovernance(user: Address | undefined) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const { primaryGovernor, secondaryGovernor } = config.deployment.contracts;
  const governors = [
    { name: "primary", address: primaryGovernor },
    { name: "secondary", address: secondaryGovernor },
  ].filter((g): g is { name: string; address: Address } => Boolean(g.address));
  return useQuery({
    queryKey: ["governance", user, block?.number.toString()],
    enabled: block !== undefined && governors.length > 0 && abis.governor.length > 0,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const abi = abis.governor;
      const infos: GovernorInfo[] = [];
      const proposals: Proposal[] = [];
      for (const { name, address } of governors) {
        const read = <T>(fn: string, args: readonly unknown[] = []) =>
          readIfPresent<T>(client, address, abi, fn, args);
        // `clock()` is a uint48: viem returns a number.
        const [clock, mode] = await Promise.all([
          read<number | bigint>("clock"),
          read<string>("CLOCK_MODE"),
        ]);
        const now = BigInt(clock ?? 0);
        const past = now > 0n ? now - 1n : 0n;
        const [quorum, threshold, votingPeriod, votingDelay, userVotes] = await Promise.all([
          read<bigint>("quorum", [past]),
          read<bigint>("proposalThreshold"),
          read<bigint>("votingPeriod"),
          read<bigint>("votingDelay"),
          user ? read<bigint>("getVotes", [user, past]) : Promise.resolve(undefined),
        ]);
        const info: GovernorInfo = {
          name,
          address,
          clock: now,
          timestampClock: (mode ?? "").includes("timestamp"),
          quorum,
          threshold,
          votingPeriod,
          votingDelay,
          userVotes,
        };
        infos.push(info);
        const logs = await readLogs(client, {
          address,
          fromBlock: BigInt(config.deployment.startBlock),
        });
        const created = parseEventLogs({
          abi: eventsAbi,
          logs,
          eventName: "ProposalCreated",
          strict: false,
        });
        for (const log of created) {
          const args = log.args as unknown as {
            proposalId: bigint;
            proposer: Address;
            targets: Address[];
            values: bigint[];
            calldatas: Hex[];
            voteStart: bigint;
            voteEnd: bigint;
            description: string;
          };
          const id = args.proposalId;
          const [state, votes, proposalQuorum, hasVoted, eta] = await Promise.all([
            read<number>("state", [id]),
            read<readonly [bigint, bigint, bigint]>("proposalVotes", [id]),
            read<bigint>("quorum", [args.voteStart]).catch(() => undefined),
            read<boolean>("hasVoted", [id, user ?? zeroAddress]),
            read<bigint>("proposalEta", [id]),
          ]);
          proposals.push({
            governor: info,
            id,
            proposer: args.proposer,
            description: args.description,
            descriptionHash: keccak256(stringToHex(args.description)),
            targets: args.targets,
            values: args.values,
            calldatas: args.calldatas,
            voteStart: args.voteStart,
            voteEnd: args.voteEnd,
            state: proposalStates[state ?? 0] ?? "Pending",
            against: votes?.[0] ?? 0n,
            for: votes?.[1] ?? 0n,
            abstain: votes?.[2] ?? 0n,
            quorum: proposalQuorum,
            hasVoted: hasVoted ?? false,
            eta,
            createdBlock: log.blockNumber,
          });
        }
      }
      proposals.sort((a, b) => Number(b.createdBlock - a.createdBlock));
      return { governors: infos, proposals };
    },
  });
}
