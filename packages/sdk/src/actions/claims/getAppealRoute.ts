import { type Address, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getAppealRoute}. */
export interface GetAppealRouteParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  /** The arbitrator that holds the dispute (`claim.arbitrator`). */
  arbitrator: Address;
  /** The arbitrator's dispute id (`claim.disputeId`). */
  disputeId: bigint;
}

/**
 * Where a dispute's ruling is appealed: on an ERC-792 arbitrator itself (`appeal(disputeId, extraData)`, paying
 * `appealCost`), or, for a Kleros v2 arbitrator, in its dispute kit, where each side funds the ruling it wants
 * (`fundAppeal`); never through the claims manager.
 */
export type AppealRoute =
  | { via: "arbitrator"; call: string }
  | { via: "disputeKit"; call: string; evidenceModule: Address };

/**
 * Tells how dispute `disputeId` of `arbitrator` is appealed, from the claims manager's `evidenceModuleOf` (non-zero:
 * a Kleros v2 arbitrator, open disputes included after the DAO changed the arbitrator).
 *
 * @example
 * ```ts
 * const route = await getAppealRoute(client, { claimsManager, arbitrator: claim.arbitrator, disputeId: claim.disputeId });
 * if (route.via === "disputeKit") console.log(`appeals are funded in the dispute kit: ${route.call}`);
 * ```
 */
export async function getAppealRoute(
  client: ReadClient,
  parameters: GetAppealRouteParameters,
): Promise<AppealRoute> {
  const { claimsManager, arbitrator, disputeId } = parameters;
  const evidenceModule = await readContract(client, {
    address: claimsManager,
    abi: iClaimsManagerAbi,
    functionName: "evidenceModuleOf",
    args: [arbitrator],
  });
  if (evidenceModule === zeroAddress) {
    return {
      via: "arbitrator",
      call: `IArbitrator(${arbitrator}).appeal(${disputeId}, extraData)`,
    };
  }
  return {
    via: "disputeKit",
    call: `DisputeKitClassic.fundAppeal(${disputeId}, choice)`,
    evidenceModule,
  };
}
