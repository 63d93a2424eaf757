import type { AbiEvent, Address } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import { getLogsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getClaimPayments}. */
export interface GetClaimPaymentsParameters {
  /** The ClaimsManager address. */
  claimsManager: Address;
  /** First block to search (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request (see `getLogsPaged`); default 5,000. */
  pageSize?: bigint;
}

/** What was paid on one claim, in pool tokens. */
export interface ClaimPayment {
  /** Tokens the claimant received: at acceptance, settlement, ruling or a parametric claim, plus every tranche since. */
  paidTokens: bigint;
  /** The whole payout in tokens (paid and still owed); 0 until the claim is paid. */
  payoutTokens: bigint;
}

/** Payments by claim id (claims without any payment are absent). */
export type GetClaimPaymentsReturnType = Map<bigint, ClaimPayment>;

/** The payout events: the first payment of a final claim (with its whole payout) and the tranches after it. */
const PAYMENT_EVENTS = iClaimsManagerAbi.filter(
  (item): item is Extract<(typeof iClaimsManagerAbi)[number], AbiEvent> =>
    item.type === "event" &&
    [
      "ClaimAccepted",
      "SettlementAccepted",
      "RulingExecuted",
      "ParametricClaimPaid",
      "TranchePaid",
    ].includes(item.name),
);

/**
 * Sums what each claim was paid from the claims manager's events (one paged `eth_getLogs` for all five):
 * `ClaimAccepted`, `SettlementAccepted`, `RulingExecuted` and `ParametricClaimPaid` carry the payout in tokens and
 * its part `paidTokens` paid at once; `TranchePaid` each later tranche of an owed rest.
 *
 * @example
 * ```ts
 * const payments = await getClaimPayments(client, { claimsManager, fromBlock: BigInt(deployment.startBlock) });
 * payments.get(claimId)?.paidTokens;
 * ```
 */
export async function getClaimPayments(
  client: ReadClient,
  parameters: GetClaimPaymentsParameters,
): Promise<GetClaimPaymentsReturnType> {
  const { claimsManager, fromBlock, pageSize } = parameters;
  const logs = await getLogsPaged(client, {
    address: claimsManager,
    events: PAYMENT_EVENTS,
    fromBlock,
    pageSize,
    strict: true,
  });
  const payments: GetClaimPaymentsReturnType = new Map();
  for (const log of logs) {
    const args = log.args as { claimId: bigint; tokens: bigint; paidTokens?: bigint };
    const payment = payments.get(args.claimId) ?? { paidTokens: 0n, payoutTokens: 0n };
    if (log.eventName === "TranchePaid") {
      payment.paidTokens += args.tokens;
    } else {
      payment.payoutTokens += args.tokens;
      payment.paidTokens += args.paidTokens ?? 0n;
    }
    payments.set(args.claimId, payment);
  }
  return payments;
}
