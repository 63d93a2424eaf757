import type { Address } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import { getContractEventsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimEvidenceURI}. */
export interface GetClaimEvidenceURIParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  claimId: bigint;
  /** First block to search (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request (see {@link getContractEventsPaged}); default 5,000. */
  pageSize?: bigint;
}

/**
 * The evidence URI a claim was filed with: the first ERC-1497 `Evidence` of its evidence group (the claim id), which
 * `createClaim` emits beside `ClaimCreated`. The contract does not store it; `escalateClaim` takes it back as
 * calldata to announce it again with the arbitrator that holds the dispute. `undefined` if no such event is found
 * from `fromBlock`.
 *
 * @example
 * ```ts
 * const evidenceURI = await getClaimEvidenceURI(client, { claimsManager, claimId, fromBlock: BigInt(deployment.startBlock) });
 * ```
 */
export async function getClaimEvidenceURI(
  client: ReadClient,
  parameters: GetClaimEvidenceURIParameters,
): Promise<string | undefined> {
  const { claimsManager, claimId, fromBlock, pageSize } = parameters;
  const events = await getContractEventsPaged(client, {
    address: claimsManager,
    abi: iClaimsManagerAbi,
    eventName: "Evidence",
    args: { _evidenceGroupID: claimId },
    fromBlock,
    pageSize,
    strict: true,
  });
  return events[0]?.args._evidence;
}
