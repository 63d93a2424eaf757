import type { Address } from "viem";
import { erc20Abi } from "viem";
import { getBlockNumber, readContract } from "viem/actions";
import { iPoolVotesAbi, iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getStakerStatus}. */
export interface GetStakerStatusParameters {
  /** The StakingPool address. */
  pool: Address;
  /** The pool token (for the wallet balance). */
  token: Address;
  /** The staker. */
  user: Address;
}

/** Everything about one staker, read at the same block. */
export interface GetStakerStatusReturnType {
  blockNumber: bigint;
  /** Tokens in the wallet, outside the pool. */
  walletBalance: bigint;
  /** Deposited, not staked (including locked and unvested tokens). */
  unstaked: bigint;
  /** Staked shares (not counting a pending unstake). */
  shares: bigint;
  /** Value of the staked shares in tokens, rounded down. */
  stake: bigint;
  /** What can be withdrawn now. */
  withdrawable: bigint;
  /** Rewards still locked (earned in the last 52 to 53 epochs: lock periods of two epochs), in tokens. */
  lockedRewards: bigint;
  /** Tokens of a vesting schedule not vested yet. */
  unvested: bigint;
  /**
   * The pending unstake (all zero when none): `amount` is what it pays now. A `frozen` one is the part of an exit
   * held back by open claims: it leaves once no claim is open, at the latest `maturesAt`, and answers for up to
   * `liable` tokens of the payouts made meanwhile.
   */
  pendingUnstake: {
    shares: bigint;
    amount: bigint;
    maturesAt: bigint;
    frozen: boolean;
    liable: bigint;
  };
  /** Current voting power in shares. */
  votes: bigint;
  /** Who holds the staker's votes (the staker itself when it does not delegate). */
  delegate: Address;
  /** When the delegation may change next (0 if never delegated). */
  delegationChangeableAt: bigint;
}

/**
 * Reads a staker's whole position at one block: wallet, unstaked, shares and their value, withdrawable,
 * pending unstake, votes and delegation.
 *
 * @example
 * ```ts
 * const status = await getStakerStatus(client, { pool, token, user });
 * console.log(formatAmount(status.stake, 18, { symbol: "API3" }));
 * ```
 */
export async function getStakerStatus(
  client: ReadClient,
  parameters: GetStakerStatusParameters,
): Promise<GetStakerStatusReturnType> {
  const { pool, token, user } = parameters;
  const blockNumber = await getBlockNumber(client, { cacheTime: 0 });
  const common = { address: pool, args: [user], blockNumber } as const;
  const poolRead = { ...common, abi: iStakingPoolAbi } as const;
  const votesRead = { ...common, abi: iPoolVotesAbi } as const;
  const [
    walletBalance,
    unstaked,
    shares,
    stake,
    withdrawable,
    pending,
    votes,
    delegate,
    changeableAt,
    lockedRewards,
    unvested,
  ] = await Promise.all([
    readContract(client, { ...common, address: token, abi: erc20Abi, functionName: "balanceOf" }),
    readContract(client, { ...poolRead, functionName: "unstakedOf" }),
    readContract(client, { ...poolRead, functionName: "sharesOf" }),
    readContract(client, { ...poolRead, functionName: "stakeOf" }),
    readContract(client, { ...poolRead, functionName: "withdrawableOf" }),
    readContract(client, { ...poolRead, functionName: "pendingUnstakeOf" }),
    readContract(client, { ...votesRead, functionName: "getVotes" }),
    readContract(client, { ...votesRead, functionName: "delegates" }),
    readContract(client, { ...votesRead, functionName: "delegationChangeableAt" }),
    readContract(client, { ...poolRead, functionName: "lockedRewardsOf" }),
    readContract(client, { ...poolRead, functionName: "unvestedOf" }),
  ]);
  return {
    blockNumber,
    walletBalance,
    unstaked,
    shares,
    stake,
    withdrawable,
    lockedRewards,
    unvested,
    pendingUnstake: {
      shares: pending.shares,
      amount: pending.amount,
      maturesAt: pending.maturesAt,
      frozen: pending.frozen,
      liable: pending.liable,
    },
    votes,
    delegate,
    delegationChangeableAt: changeableAt,
  };
}
