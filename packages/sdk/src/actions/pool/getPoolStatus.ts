import type { Address } from "viem";
import { erc20Abi } from "viem";
import { getBlock, readContract } from "viem/actions";
import { iStakingPoolAbi } from "../../generated/contracts.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getPoolStatus}. */
export interface GetPoolStatusParameters {
  /** The StakingPool address. */
  pool: Address;
  /** The pool token. */
  token: Address;
}

/** The pool's totals, read at one block. */
export interface GetPoolStatusReturnType {
  blockNumber: bigint;
  timestamp: bigint;
  /**
   * Tokens backing all shares (including shares pending unstake), with the rewards streamed until this block:
   * what `stakeOf` and `sharePrice` use. The pool's `totalStake()` is the value as of its last accrual.
   */
  totalStake: bigint;
  /** All shares (including shares pending unstake). */
  totalShares: bigint;
  /** Staked shares that vote (pending unstakes excluded). */
  totalVotingSupply: bigint;
  /** Value of one whole share (10^decimals shares) in token base units, rounded down. */
  sharePrice: bigint;
  unstakeWaitPeriod: bigint;
  tokenTotalSupply: bigint;
  /** APR of the epoch being streamed (`HUNDRED_PERCENT` = 1e8 = 100%; see `formatApr`). */
  apr: bigint;
  currentEpoch: bigint;
  /**
   * Tokens the pool may still have to pay for claims: open claims' amounts at the current price plus owed tranches
   * (`IStakingPool.openExposure`). A new stake shares it; a matured exit holds back its share of it (frozen).
   */
  openExposure: bigint;
  /** The longest a frozen part of an exit waits for open claims. */
  maxFreeze: bigint;
  /** What all claims managers may pay per rolling week, as a fraction of the stake (1e8 = 100%). */
  payoutCap: bigint;
  /** What they may still pay now under that cap, in tokens. */
  payoutRoom: bigint;
}

/**
 * Reads the pool's totals at the latest block.
 *
 * @example
 * ```ts
 * const { totalStake, sharePrice } = await getPoolStatus(client, { pool, token });
 * ```
 */
export async function getPoolStatus(
  client: ReadClient,
  parameters: GetPoolStatusParameters,
): Promise<GetPoolStatusReturnType> {
  const { pool, token } = parameters;
  const block = await getBlock(client);
  const blockNumber = block.number;
  const poolRead = { address: pool, abi: iStakingPoolAbi, blockNumber } as const;
  // Two rounds after the block (each one JSON-RPC batch on a batching transport): every plain read, then the
  // two that need a first answer (the decimals for the share price, the shares for the accrued stake).
  const [
    decimals,
    tokenTotalSupply,
    totalShares,
    totalVotingSupply,
    unstakeWaitPeriod,
    apr,
    currentEpoch,
    openExposure,
    maxFreeze,
    payoutCap,
    [, payoutRoom],
  ] = await Promise.all([
    readContract(client, { address: token, abi: erc20Abi, functionName: "decimals", blockNumber }),
    readContract(client, {
      address: token,
      abi: erc20Abi,
      functionName: "totalSupply",
      blockNumber,
    }),
    readContract(client, { ...poolRead, functionName: "totalShares" }),
    readContract(client, { ...poolRead, functionName: "totalVotingSupply" }),
    readContract(client, { ...poolRead, functionName: "unstakeWaitPeriod" }),
    readContract(client, { ...poolRead, functionName: "apr" }),
    readContract(client, { ...poolRead, functionName: "currentEpoch" }),
    readContract(client, { ...poolRead, functionName: "openExposure" }),
    readContract(client, { ...poolRead, functionName: "maxFreeze" }),
    readContract(client, { ...poolRead, functionName: "payoutCap" }),
    readContract(client, { ...poolRead, functionName: "payoutRoom" }),
  ]);
  // convertToAssets(totalShares + 1) is exactly the accrued totalStake + 1 (one virtual share, one virtual unit).
  const [sharePrice, stakePlusOne] = await Promise.all([
    readContract(client, {
      ...poolRead,
      functionName: "convertToAssets",
      args: [10n ** BigInt(decimals)],
    }),
    readContract(client, {
      ...poolRead,
      functionName: "convertToAssets",
      args: [totalShares + 1n],
    }),
  ]);
  const totalStake = stakePlusOne - 1n;
  return {
    blockNumber,
    timestamp: block.timestamp,
    totalStake,
    totalShares,
    totalVotingSupply,
    sharePrice,
    unstakeWaitPeriod,
    tokenTotalSupply,
    apr,
    currentEpoch,
    openExposure,
    maxFreeze,
    payoutCap,
    payoutRoom,
  };
}
