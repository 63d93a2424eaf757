import type { Address, Hex } from "viem";
import { readContract } from "viem/actions";
import {
  iArbitratorAbi,
  iArbitratorV2Abi,
  localArbitratorV2Abi,
} from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";
import { type AppealRoute, getAppealRoute } from "./getAppealRoute.ts";

/** Parameters of {@link getDisputeState}. */
export interface GetDisputeStateParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  /** The arbitrator that holds the dispute (`claim.arbitrator`). */
  arbitrator: Address;
  /** The arbitrator's dispute id (`claim.disputeId`). */
  disputeId: bigint;
  /** The claims manager's `arbitratorExtraData()` (ERC-792 `appealCost` takes it); default `0x`. */
  extraData?: Hex;
}

/** Where a dispute stands at its arbitrator. */
export interface DisputeState {
  /** How its ruling is appealed (see {@link getAppealRoute}). */
  route: AppealRoute;
  /** Whether the court has ruled in the current round (false: a new dispute, or after an appeal). */
  ruled: boolean;
  /** The current ruling (0 refuse, 1 pay the claim, 2 pay the settlement); meaningful when `ruled`. */
  ruling: bigint;
  /** The appeal period of the current ruling (unix seconds), when one is open or just ended. */
  appealPeriod: { start: bigint; end: bigint } | undefined;
  /** The arbitrator's quoted appeal cost in ETH, when it answers (ERC-792 `appealCost`, KlerosCore's `appealCost`). */
  appealCost: bigint | undefined;
}

/** The return type of {@link getDisputeState}. */
export type GetDisputeStateReturnType = DisputeState;

const ERC792_WAITING = 0;

/**
 * Reads where dispute `disputeId` of `arbitrator` stands: whether and how the court ruled, the appeal period and
 * its cost. ERC-792 arbitrators answer `disputeStatus`, `currentRuling`, `appealPeriod` and `appealCost`; a Kleros
 * v2 arbitrator answers `currentRuling` (`IArbitratorV2`) and, as KlerosCore does, `appealPeriod` and
 * `appealCost(disputeId)` (read when present: an arbitrator without them leaves those fields undefined).
 *
 * @example
 * ```ts
 * const state = await getDisputeState(client, { claimsManager, arbitrator: claim.arbitrator, disputeId: claim.disputeId });
 * if (state.ruled && state.appealPeriod) console.log(`appealable until ${state.appealPeriod.end}`);
 * ```
 */
export async function getDisputeState(
  client: ReadClient,
  parameters: GetDisputeStateParameters,
): Promise<GetDisputeStateReturnType> {
  const { claimsManager, arbitrator, disputeId, extraData = "0x" } = parameters;
  const route = await getAppealRoute(client, { claimsManager, arbitrator, disputeId });
  const optional = <T>(read: Promise<T>): Promise<T | undefined> => read.catch(() => undefined);
  if (route.via === "arbitrator") {
    const [status, ruling, period, cost] = await Promise.all([
      readContract(client, {
        address: arbitrator,
        abi: iArbitratorAbi,
        functionName: "disputeStatus",
        args: [disputeId],
      }),
      readContract(client, {
        address: arbitrator,
        abi: iArbitratorAbi,
        functionName: "currentRuling",
        args: [disputeId],
      }),
      optional(
        readContract(client, {
          address: arbitrator,
          abi: iArbitratorAbi,
          functionName: "appealPeriod",
          args: [disputeId],
        }),
      ),
      optional(
        readContract(client, {
          address: arbitrator,
          abi: iArbitratorAbi,
          functionName: "appealCost",
          args: [disputeId, extraData],
        }),
      ),
    ]);
    const ruled = status !== ERC792_WAITING;
    return {
      route,
      ruled,
      ruling,
      appealPeriod:
        ruled && period && period[1] > 0n ? { start: period[0], end: period[1] } : undefined,
      appealCost: cost,
    };
  }
  const [[ruling, tied], period, cost] = await Promise.all([
    readContract(client, {
      address: arbitrator,
      abi: iArbitratorV2Abi,
      functionName: "currentRuling",
      args: [disputeId],
    }),
    optional(
      readContract(client, {
        address: arbitrator,
        abi: localArbitratorV2Abi,
        functionName: "appealPeriod",
        args: [disputeId],
      }),
    ),
    optional(
      readContract(client, {
        address: arbitrator,
        abi: localArbitratorV2Abi,
        functionName: "appealCost",
        args: [disputeId],
      }),
    ),
  ]);
  const open = period && period[1] > 0n ? { start: period[0], end: period[1] } : undefined;
  return {
    route,
    // KlerosCore opens the appeal period once the votes are counted; without it, a tie means no ruling yet.
    ruled: period ? open !== undefined : !tied,
    ruling,
    appealPeriod: open,
    appealCost: cost,
  };
}
