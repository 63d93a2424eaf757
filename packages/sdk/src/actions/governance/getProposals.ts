import type { Address, Hex } from "viem";
import { readContract } from "viem/actions";
import { poolGovernorAbi } from "../../generated/contracts.ts";
import { getContractEventsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getProposals}. */
export interface GetProposalsParameters {
  /** The Governor (`deployment.contracts.primaryGovernor` or `secondaryGovernor`). */
  governor: Address;
  /** First block to search (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request (see {@link getContractEventsPaged}); default 5,000. */
  pageSize?: bigint;
}

/** A proposal as created, with where it stands now. */
export interface Proposal {
  governor: Address;
  proposalId: bigint;
  proposer: Address;
  targets: readonly Address[];
  values: readonly bigint[];
  calldatas: readonly Hex[];
  description: string;
  voteStart: bigint;
  voteEnd: bigint;
  /** OpenZeppelin's `ProposalState` (see `proposalStateName`). */
  state: number;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** When a queued proposal may execute (0 otherwise). */
  eta: bigint;
}

/** The governor's proposals, oldest first. */
export type GetProposalsReturnType = Proposal[];

/**
 * Lists a governor's proposals from their `ProposalCreated` events (which carry everything needed to
 * queue and execute them) with their current state, votes and eta.
 *
 * @example
 * ```ts
 * const proposals = await getProposals(client, { governor, fromBlock: BigInt(deployment.startBlock) });
 * ```
 */
export async function getProposals(
  client: ReadClient,
  parameters: GetProposalsParameters,
): Promise<GetProposalsReturnType> {
  const { governor, fromBlock, pageSize } = parameters;
  const events = await getContractEventsPaged(client, {
    address: governor,
    abi: poolGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock,
    pageSize,
    strict: true,
  });
  return Promise.all(
    events.map(async ({ args }) => {
      const read = { address: governor, abi: poolGovernorAbi, args: [args.proposalId] } as const;
      const [state, [against, forVotes, abstain], eta] = await Promise.all([
        readContract(client, { ...read, functionName: "state" }),
        readContract(client, { ...read, functionName: "proposalVotes" }),
        readContract(client, { ...read, functionName: "proposalEta" }),
      ]);
      return {
        governor,
        proposalId: args.proposalId,
        proposer: args.proposer,
        targets: args.targets,
        values: args.values,
        calldatas: args.calldatas,
        description: args.description,
        voteStart: args.voteStart,
        voteEnd: args.voteEnd,
        state,
        votes: { against, for: forVotes, abstain },
        eta,
      };
    }),
  );
}
