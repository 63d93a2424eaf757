import type { Address, ContractFunctionReturnType } from "viem";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link depositWithVesting}. */
export interface DepositWithVestingParameters extends WriteHooks {
  /** The StakingPool address (`deployment.contracts.stakingPool`). */
  pool: Address;
  /** Whose tokens they are. */
  user: Address;
  /** Token amount, pulled from the caller. */
  amount: bigint;
  /** Vesting start (unix seconds). */
  start: bigint;
  /** Vesting end (unix seconds). */
  end: bigint;
}

/** The transaction and its receipt. */
export type DepositWithVestingReturnType = WriteResult<
  ContractFunctionReturnType<typeof iStakingPoolAbi, "nonpayable", "depositWithVesting">
>;

/**
 * The vesting manager deposits tokens for `user` that vest linearly from `start` to `end`: they can be
 * staked at once but not withdrawn before they vest. One schedule per user.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await depositWithVesting(managerClient, { pool, user, amount, start, end });
 * ```
 */
export async function depositWithVesting(
  client: WalletClient,
  parameters: DepositWithVestingParameters,
): Promise<DepositWithVestingReturnType> {
  const { pool, user, amount, start, end, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: pool,
      abi: iStakingPoolAbi,
      functionName: "depositWithVesting",
      args: [user, amount, start, end],
    },
    hooks,
    "deposit with vesting",
  );
}
