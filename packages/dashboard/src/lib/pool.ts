import { useQuery } from "@tanstack/react-query";
import { type Address, erc20Abi, zeroAddress } from "viem";
import { readIfPresent, useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { abis } from "./contracts.ts";

const ONE = 10n ** 18n;

export interface PoolState {
  totalStake: bigint;
  totalShares: bigint;
  /** Tokens per 1e18 shares. */
  sharePrice: bigint | undefined;
  /** Annual reward rate as a fraction (0.375 = 37.5%), when the pool exposes it. */
  apr: number | undefined;
  /** `HUNDRED_PERCENT` of the pool: the scale of `apr` and `stakeTarget` values (also in history). */
  percentScale: bigint;
  /** Stake target as a fraction of the token supply. */
  stakeTarget: number | undefined;
  currentEpoch: bigint | undefined;
  unstakeWaitPeriod: bigint | undefined;
  tokenSupply: bigint;
  /** Shares that carry votes (pending unstakes excluded). */
  totalVotingSupply: bigint | undefined;
  /**
   * Tokens the pool may still have to pay for claims (open claims at the current price plus owed tranches): a new
   * stake shares it, and a matured exit holds back its share of it (frozen) for up to `maxFreeze`.
   */
  openExposure: bigint | undefined;
  /** The longest a frozen part of an exit waits for open claims (seconds). */
  maxFreeze: bigint | undefined;
  /** What all claims managers may pay per rolling week, as a fraction of the stake (`percentScale` = 100%). */
  payoutCap: bigint | undefined;
  /** What they may still pay now under that cap, in tokens. */
  payoutRoom: bigint | undefined;
}

/** A scheduled unstake; a `frozen` one is the part of an exit held back by open claims (see `frozenExitReleased`). */
export interface PendingUnstake {
  shares: bigint;
  amount: bigint;
  /** When it matures; for a frozen one, its latest release. */
  maturesAt: bigint;
  frozen: boolean;
  /** Tokens of payouts a frozen part answers for on behalf of the part that already left. */
  liable: bigint;
}

export interface UserPosition {
  walletBalance: bigint;
  allowance: bigint;
  unstaked: bigint;
  shares: bigint;
  stake: bigint;
  withdrawable: bigint | undefined;
  locked: bigint | undefined;
  pending: PendingUnstake | undefined;
  votes: bigint | undefined;
  delegate: Address | undefined;
  delegationChangeableAt: bigint | undefined;
}

/** The pool's percentage scale (`HUNDRED_PERCENT`, 1e8 = 100% per IStakingPool). */
export const DEFAULT_HUNDRED_PERCENT = 100_000_000n;

export function toFraction(value: bigint, scale: bigint): number {
  return Number((value * 1_000_000n) / scale) / 1_000_000;
}

export function usePoolState() {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const pool = config.deployment.contracts.stakingPool;
  return useQuery({
    queryKey: ["pool", pool, block?.number.toString()],
    enabled: block !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<PoolState> => {
      const read = <T>(fn: string, args: readonly unknown[] = []) =>
        readIfPresent<T>(client, pool, abis.stakingPool, fn, args);
      const [
        writtenStake,
        totalShares,
        sharePrice,
        apr,
        scale,
        stakeTarget,
        currentEpoch,
        unstakeWaitPeriod,
        tokenSupply,
        voting,
        openExposure,
        maxFreeze,
        payoutCap,
        payoutRoom,
      ] = await Promise.all([
        read<bigint>("totalStake"),
        read<bigint>("totalShares"),
        read<bigint>("convertToAssets", [ONE]),
        read<bigint>("apr"),
        read<bigint>("HUNDRED_PERCENT"),
        read<bigint>("stakeTarget"),
        read<bigint>("currentEpoch"),
        read<bigint>("unstakeWaitPeriod"),
        client.readContract({
          address: config.deployment.contracts.token,
          abi: erc20Abi,
          functionName: "totalSupply",
        }),
        read<bigint>("totalVotingSupply"),
        read<bigint>("openExposure"),
        read<bigint>("maxFreeze"),
        read<bigint>("payoutCap"),
        read<readonly [bigint, bigint]>("payoutRoom"),
      ]);
      // With the rewards streamed until this block, like the share price and every position (`totalStake()` is
      // the value as of the last accrual): convertToAssets(totalShares + 1) is exactly totalStake + 1.
      const accruedPlusOne =
        totalShares === undefined
          ? undefined
          : await read<bigint>("convertToAssets", [totalShares + 1n]);
      const totalStake = accruedPlusOne === undefined ? writtenStake : accruedPlusOne - 1n;
      const percentScale = scale ?? DEFAULT_HUNDRED_PERCENT;
      return {
        totalStake: totalStake ?? 0n,
        totalShares: totalShares ?? 0n,
        sharePrice,
        apr: apr === undefined ? undefined : toFraction(apr, percentScale),
        percentScale,
        stakeTarget: stakeTarget === undefined ? undefined : toFraction(stakeTarget, percentScale),
        currentEpoch,
        unstakeWaitPeriod,
        tokenSupply,
        totalVotingSupply: voting,
        openExposure,
        maxFreeze,
        payoutCap,
        payoutRoom: payoutRoom?.[1],
      };
    },
  });
}

export function useUserPosition(user: Address | undefined) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const { stakingPool: pool, token } = config.deployment.contracts;
  return useQuery({
    queryKey: ["position", pool, user, block?.number.toString()],
    enabled: user !== undefined && block !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<UserPosition> => {
      const account = user ?? zeroAddress;
      const read = <T>(fn: string, args: readonly unknown[] = [account]) =>
        readIfPresent<T>(client, pool, abis.stakingPool, fn, args);
      const [
        walletBalance,
        allowance,
        unstaked,
        shares,
        stake,
        withdrawable,
        locked,
        pending,
        votes,
        delegate,
        changeableAt,
      ] = await Promise.all([
        client.readContract({
          address: token,
          abi: erc20Abi,
          functionName: "balanceOf",
          args: [account],
        }),
        client.readContract({
          address: token,
          abi: erc20Abi,
          functionName: "allowance",
          args: [account, pool],
        }),
        read<bigint>("unstakedOf"),
        read<bigint>("sharesOf"),
        read<bigint>("stakeOf"),
        read<bigint>("withdrawableOf"),
        read<bigint>("lockedRewardsOf"),
        read<PendingUnstake>("pendingUnstakeOf"),
        read<bigint>("getVotes"),
        read<Address>("delegates"),
        read<bigint>("delegationChangeableAt"),
      ]);
      return {
        walletBalance,
        allowance,
        unstaked: unstaked ?? 0n,
        shares: shares ?? 0n,
        stake: stake ?? 0n,
        withdrawable,
        locked,
        pending: pending && pending.shares > 0n ? pending : undefined,
        votes,
        delegate,
        delegationChangeableAt: changeableAt,
      };
    },
  });
}
