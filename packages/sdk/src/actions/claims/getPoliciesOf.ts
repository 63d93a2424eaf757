import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import { getContractEventsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPoliciesOf}. */
export interface GetPoliciesOfParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  /** The claimant whose policies to list; all policies when omitted. */
  claimant?: Address;
  /** First block to search (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request (see {@link getContractEventsPaged}); default 5,000. */
  pageSize?: bigint;
}

/** A policy with its id and its current state. */
export interface PolicyWithId {
  policyId: bigint;
  policy: ContractFunctionReturnType<typeof iClaimsManagerAbi, "view", "policy">;
  /** The policy document announced at creation. */
  policyURI: string;
  /** Parametric policies: the incident-definition version pinned at purchase; 0 for an ordinary policy. */
  parametricVersion: bigint;
}

/** The claimant's policies, oldest first. */
export type GetPoliciesOfReturnType = PolicyWithId[];

/**
 * Lists policies from their `PolicyCreated` events (filtered by claimant, an indexed topic) and reads each
 * one's current state (upgrades, downgrades and payouts included).
 *
 * @example
 * ```ts
 * const policies = await getPoliciesOf(client, { claimsManager, claimant, fromBlock: BigInt(deployment.startBlock) });
 * ```
 */
export async function getPoliciesOf(
  client: ReadClient,
  parameters: GetPoliciesOfParameters,
): Promise<GetPoliciesOfReturnType> {
  const { claimsManager, claimant, fromBlock, pageSize } = parameters;
  const events = await getContractEventsPaged(client, {
    address: claimsManager,
    abi: iClaimsManagerAbi,
    eventName: "PolicyCreated",
    args: claimant ? { claimant } : {},
    fromBlock,
    pageSize,
    strict: true,
  });
  return Promise.all(
    events.map(async (event) => ({
      policyId: event.args.policyId,
      policyURI: event.args.policyURI,
      ...(await readPolicy(client, claimsManager, event.args.policyId)),
    })),
  );
}

async function readPolicy(client: ReadClient, claimsManager: Address, policyId: bigint) {
  const [policy, parametricVersion] = await Promise.all([
    readContract(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "policy",
      args: [policyId],
    }),
    readContract(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "parametricVersionOf",
      args: [policyId],
    }),
  ]);
  return { policy, parametricVersion };
}
