import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link payOutClaim}. */
export interface PayOutClaimParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Who receives the payout. */
  recipient: Address;
  /** Token amount in base units. */
  amount: bigint;
}

/** The transaction and its receipt. */
export type PayOutClaimReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "payOutClaim">
>;

/**
 * Pays `amount` from the stake to `recipient`. Only authorized claims managers (in practice the
 * ClaimsManager calls it; exposed for completeness and for governance tooling).
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await payOutClaim(managerClient, { pool, recipient, amount });
 * ```
 */
export async function payOutClaim(
  client: WalletClient,
  parameters: PayOutClaimParameters,
): Promise<PayOutClaimReturnType> {
  const { pool, recipient, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: pool, abi: iStakingPoolAbi, functionName: "payOutClaim", args: [recipient, amount] },
    hooks,
  );
}
