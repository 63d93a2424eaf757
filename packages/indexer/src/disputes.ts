import type { Address } from "viem";

/** Id of a `dispute` row: the arbitrator's address (lower case) and its dispute id. */
export const disputeKey = (arbitrator: Address, disputeId: bigint) =>
  `${arbitrator.toLowerCase()}-${disputeId}`;
