import { type Address, erc20Abi, hexToString } from "viem";
import { getBlock, readContract } from "viem/actions";
import { iClaimsManagerAbi, iStakingPoolAbi } from "../../generated/contracts.ts";
import type { StressPolicy, StressStaker, StressState } from "../../maths/stress.ts";
import { getContractEventsPaged } from "../../utils/logs.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getStressState}. */
export interface GetStressStateParameters {
  claimsManager: Address;
  /** First block to search for policies, claims and stakers (`deployment.startBlock`). */
  fromBlock: bigint;
  /** Most blocks per `eth_getLogs` request; default 5,000. */
  pageSize?: bigint;
}

/** A covered dAPI as the stress view lists it. */
export interface StressDapi {
  dapiId: bigint;
  /** Its name, e.g. `ETH/USD`. */
  name: string;
  /** What its active policies may still claim, USD. */
  claimableUsd: bigint;
  /** Its active policies. */
  policies: number;
}

/** What {@link stressScenario} needs, plus the covered dAPIs, read at one block. */
export interface GetStressStateReturnType extends StressState {
  blockNumber: bigint;
  pool: Address;
  mediator: Address;
  /** Every registered dAPI (ids 1..dapiCount), with what its active policies may claim. */
  dapis: StressDapi[];
}

/** Claims not final yet: they reserve their amount against their policy (`ClaimStatus` 1..5). */
const OPEN_STATUSES = new Set([1, 2, 3, 4, 5]);

/**
 * Reads what a stress scenario starts from, at the latest block: the price, the pool's stake, shares, payout cap and
 * what its window used; the mediator's quota and what it used; what is owed and the mediator's queue; every active
 * policy (from `PolicyCreated` logs, then `policy(id)`) with what it may still claim, i.e. its coverage less what was
 * paid (an open claim's reservation, found from `ClaimCreated` logs, counts as claimable again, since the scenario's
 * claims replace it); every staker (from `Staked` logs) with its shares and pending or frozen exit.
 * Reverts like `tokenPrice()` when the price cannot be read (stale or non-positive).
 *
 * @example
 * ```ts
 * const state = await getStressState(client, { claimsManager, fromBlock: BigInt(deployment.startBlock) });
 * const worst = worstScenarios(state, { priceDropBps: 3000n });
 * ```
 */
export async function getStressState(
  client: ReadClient,
  parameters: GetStressStateParameters,
): Promise<GetStressStateReturnType> {
  const { claimsManager, fromBlock, pageSize } = parameters;
  const block = await getBlock(client);
  const blockNumber = block.number;
  const now = block.timestamp;
  const cm = { address: claimsManager, abi: iClaimsManagerAbi, blockNumber } as const;
  const [pool, token, mediator, price, owedTokens, dapiCount] = await Promise.all([
    readContract(client, { ...cm, functionName: "pool" }),
    readContract(client, { ...cm, functionName: "token" }),
    readContract(client, { ...cm, functionName: "mediator" }),
    readContract(client, { ...cm, functionName: "tokenPrice" }),
    readContract(client, { ...cm, functionName: "owedTokens" }),
    readContract(client, { ...cm, functionName: "dapiCount" }),
  ]);
  const sp = { address: pool, abi: iStakingPoolAbi, blockNumber } as const;
  const [decimals, [totalStake, poolRoom], payoutCap, totalShares, quotaShare, quotaRoom, owed] =
    await Promise.all([
      readContract(client, {
        address: token,
        abi: erc20Abi,
        functionName: "decimals",
        blockNumber,
      }),
      readContract(client, { ...sp, functionName: "payoutRoom" }),
      readContract(client, { ...sp, functionName: "payoutCap" }),
      readContract(client, { ...sp, functionName: "totalShares" }),
      readContract(client, { ...cm, functionName: "payoutQuotaShare", args: [mediator] }),
      readContract(client, { ...cm, functionName: "availablePayoutQuota", args: [mediator] }),
      readContract(client, { ...cm, functionName: "owedClaims", args: [mediator] }),
    ]);
  const used = (limit: bigint, room: bigint) => (room >= limit ? 0n : limit - room);

  const [created, claimsCreated, staked] = await Promise.all([
    getContractEventsPaged(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      eventName: "PolicyCreated",
      fromBlock,
      pageSize,
      strict: true,
    }),
    getContractEventsPaged(client, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      eventName: "ClaimCreated",
      fromBlock,
      pageSize,
      strict: true,
    }),
    getContractEventsPaged(client, {
      address: pool,
      abi: iStakingPoolAbi,
      eventName: "Staked",
      fromBlock,
      pageSize,
      strict: true,
    }),
  ]);

  // Open claims' reservations, by policy.
  const reserved = new Map<bigint, bigint>();
  const claims = await Promise.all(
    claimsCreated.map((event) =>
      readContract(client, { ...cm, functionName: "claim", args: [event.args.claimId] }),
    ),
  );
  for (const claim of claims) {
    if (!OPEN_STATUSES.has(Number(claim.status))) continue;
    reserved.set(claim.policyId, (reserved.get(claim.policyId) ?? 0n) + claim.amountUsd);
  }

  const policies: StressPolicy[] = [];
  const states = await Promise.all(
    created.map((event) =>
      readContract(client, { ...cm, functionName: "policy", args: [event.args.policyId] }),
    ),
  );
  for (const [index, event] of created.entries()) {
    const policy = states[index];
    if (!policy || BigInt(policy.claimsAllowedUntil) < now) continue;
    const { policyId } = event.args;
    const claimedUsd = policy.claimedUsd - (reserved.get(policyId) ?? 0n);
    const claimableUsd = policy.coverageUsd > claimedUsd ? policy.coverageUsd - claimedUsd : 0n;
    policies.push({ policyId, dapiId: BigInt(policy.dapiId), claimableUsd });
  }

  const accounts = [...new Set(staked.map((event) => event.args.user))];
  const stakers: StressStaker[] = await Promise.all(
    accounts.map(async (account) => {
      const [shares, pending] = await Promise.all([
        readContract(client, { ...sp, functionName: "sharesOf", args: [account] }),
        readContract(client, { ...sp, functionName: "pendingUnstakeOf", args: [account] }),
      ]);
      return {
        account,
        shares,
        pending: {
          shares: pending.shares,
          amount: pending.amount,
          frozen: pending.frozen,
          liable: pending.liable,
        },
      };
    }),
  );

  const dapis: StressDapi[] = [];
  for (let id = 1n; id <= dapiCount; id++) {
    const dapi = await readContract(client, { ...cm, functionName: "dapi", args: [id] });
    const own = policies.filter((p) => p.dapiId === id);
    dapis.push({
      dapiId: id,
      name: hexToString(dapi.name, { size: 32 }).replace(/\0+$/, ""),
      claimableUsd: own.reduce((sum, p) => sum + p.claimableUsd, 0n),
      policies: own.length,
    });
  }

  return {
    blockNumber,
    pool,
    mediator,
    now,
    price,
    tokenDecimals: decimals,
    totalStake,
    totalShares,
    payoutCap,
    poolWindowUsed: used((totalStake * payoutCap) / 100_000_000n, poolRoom),
    quotaShare,
    quotaUsed: used((totalStake * quotaShare) / 10n ** 18n, quotaRoom),
    owedTokens,
    queue: [...owed[1]],
    policies,
    stakers: stakers.filter((s) => s.shares > 0n || s.pending.shares > 0n),
    dapis,
  };
}
