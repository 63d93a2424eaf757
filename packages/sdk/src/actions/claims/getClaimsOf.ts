import type { Address, ContractFunctionReturnType } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import { getContractEventsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimsOf}. */
export interface GetClaimsOfParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  /** The claimant whose claims to list; all claims when omitted. */
  claimant?: Address;
  /** First block to search (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request (see {@link getContractEventsPaged}); default 5,000. */
  pageSize?: bigint;
}

/** A claim with its id and its current state. */
export interface ClaimWithId {
  claimId: bigint;
  claimant: Address;
  claim: ContractFunctionReturnType<typeof iClaimsManagerAbi, "view", "claim">;
}

/** The claims, oldest first. */
export type GetClaimsOfReturnType = ClaimWithId[];

/**
 * Lists claims from their `ClaimCreated` events (filtered by claimant, an indexed topic) and reads each
 * one's current state.
 *
 * @example
 * ```ts
 * const claims = await getClaimsOf(client, { claimsManager, claimant, fromBlock: BigInt(deployment.startBlock) });
 * ```
 */
export async function getClaimsOf(
  client: ReadClient,
  parameters: GetClaimsOfParameters,
): Promise<GetClaimsOfReturnType> {
  const { claimsManager, claimant, fromBlock, pageSize } = parameters;
  const events = await getContractEventsPaged(client, {
    address: claimsManager,
    abi: iClaimsManagerAbi,
    eventName: "ClaimCreated",
    args: claimant ? { claimant } : {},
    fromBlock,
    pageSize,
    strict: true,
  });
  return Promise.all(
    events.map(async (event) => ({
      claimId: event.args.claimId,
      claimant: event.args.claimant,
      claim: await readContract(client, {
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: "claim",
        args: [event.args.claimId],
      }),
    })),
  );
}
