import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setClaimsManager}. */
export interface SetClaimsManagerParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** The claims manager. */
  claimsManager: Address;
  /** Whether it may call `payOutClaim`. */
  authorized: boolean;
}

/** The transaction and its receipt. */
export type SetClaimsManagerReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "setClaimsManager">
>;

/**
 * Authorizes or deauthorizes a claims manager. Only the primary agent (the DAO's primary Timelock):
 * usually sent as a governance proposal, see `encodePoolCall`.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setClaimsManager(timelockClient, { pool, claimsManager, authorized: true });
 * ```
 */
export async function setClaimsManager(
  client: WalletClient,
  parameters: SetClaimsManagerParameters,
): Promise<SetClaimsManagerReturnType> {
  const { pool, claimsManager, authorized, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "setClaimsManager",
      args: [claimsManager, authorized],
    },
    hooks,
  );
}
