/**
 * Demo data of the devnet: stakers with deposits and stakes, a delegation, a pending unstake, a policy
 * bought on-chain, a policy created by the policy agent, and a claim awaiting the mediator.
 */
import {
  type Abi,
  type Address,
  encodeFunctionData,
  type Log,
  parseEther,
  parseEventLogs,
} from "viem";
import { artifact, claimsManagerAbi } from "../../sdk/src/deploy/artifacts.ts";
import { createTxContext, sendAndWait, type TxContext } from "../../sdk/src/deploy/context.ts";
import { type DevnetRole, devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import { dapiNameOf } from "../../sdk/src/deploy/system.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { claimNumber, policyNumber } from "../../sdk/src/maths/claims.ts";
import { formatAmount } from "../../sdk/src/utils/amount.ts";

/** What the seed did, for `npm start`'s summary and tests. */
export interface SeedSummary {
  lines: string[];
  /** The policy bought by the policyholder and the claim filed on it (awaiting the mediator). */
  policyId: bigint;
  claimId: bigint;
}

const DAY = 24n * 3600n;

/** A bigint argument of the first `eventName` event in `logs`. */
export function eventArg(abi: Abi, logs: Log[], eventName: string, arg: string): bigint {
  const [event] = parseEventLogs({ abi, logs, eventName });
  const value = (event?.args as Record<string, unknown> | undefined)?.[arg];
  if (typeof value !== "bigint") throw new Error(`no ${eventName} event with ${arg}`);
  return value;
}

/** Seeds the devnet through real transactions from the role accounts. */
export async function seedDevnet(deployment: Deployment): Promise<SeedSummary> {
  const { token, stakingPool, claimsManager } = deployment.contracts;
  if (!claimsManager) throw new Error("the deployment has no claims manager");
  const tokenAbi = artifact("TestToken").abi;
  const poolAbi = artifact("StakingPool").abi;
  const claimsAbi = claimsManagerAbi();
  const contexts = new Map<DevnetRole, TxContext>();
  const as = async (role: DevnetRole) => {
    let ctx = contexts.get(role);
    if (!ctx) {
      ctx = await createTxContext({ rpcUrl: deployment.rpcUrl, account: devnetAccount(role) });
      contexts.set(role, ctx);
    }
    return ctx;
  };
  const send = async (
    role: DevnetRole,
    to: Address,
    abi: Abi,
    functionName: string,
    args: unknown[],
  ) =>
    sendAndWait(await as(role), `${role}: ${functionName}`, {
      to,
      data: encodeFunctionData({ abi, functionName, args }),
    });
  const read = async <T>(address: Address, abi: Abi, functionName: string, args: unknown[] = []) =>
    (await (
      await as("deployer")
    ).publicClient.readContract({ address, abi, functionName, args })) as T;
  const lines: string[] = [];

  // Faucet: every demo account gets test tokens and approves the pool and the claims manager.
  const users: DevnetRole[] = ["alice", "bob", "carol", "dave", "policyholder"];
  for (const user of users) {
    await send("deployer", token, tokenAbi, "mint", [
      devnetAccount(user).address,
      parseEther("1000000"),
    ]);
    await send(user, token, tokenAbi, "approve", [stakingPool, 2n ** 256n - 1n]);
    await send(user, token, tokenAbi, "approve", [claimsManager, 2n ** 256n - 1n]);
  }
  lines.push("alice, bob, carol, dave and policyholder hold 1,000,000 API3 each (token approved)");

  const stakes: [DevnetRole, string][] = [
    ["alice", "400000"],
    ["bob", "250000"],
    ["carol", "150000"],
    ["dave", "100000"],
  ];
  for (const [user, amount] of stakes) {
    await send(user, stakingPool, poolAbi, "depositAndStake", [parseEther(amount)]);
  }
  lines.push("stakers: alice 400k, bob 250k, carol 150k, dave 100k API3 staked");
  await send("bob", stakingPool, poolAbi, "deposit", [parseEther("50000")]);
  lines.push("bob also has 50k API3 deposited, not staked");

  await send("carol", stakingPool, poolAbi, "delegate", [devnetAccount("alice").address]);
  lines.push("carol delegates her voting power to alice");

  const daveShares = await read<bigint>(stakingPool, poolAbi, "sharesOf", [
    devnetAccount("dave").address,
  ]);
  await send("dave", stakingPool, poolAbi, "scheduleUnstake", [daveShares / 4n]);
  lines.push("dave scheduled an unstake of a quarter of his shares (matures in a week)");

  const chainId = BigInt(deployment.chainId);
  const ethUsd = await read<bigint>(claimsManager, claimsAbi, "dapiIdOf", [
    dapiNameOf("ETH/USD"),
    chainId,
  ]);
  const btcUsd = await read<bigint>(claimsManager, claimsAbi, "dapiIdOf", [
    dapiNameOf("BTC/USD"),
    chainId,
  ]);
  const coverageUsd = parseEther("50000");
  const period = 90n * DAY;
  const [premium] = await read<[bigint, bigint]>(claimsManager, claimsAbi, "quoteCoverage", [
    ethUsd,
    coverageUsd,
    period,
  ]);
  const bought = await send("policyholder", claimsManager, claimsAbi, "buyCoverage", [
    ethUsd,
    coverageUsd,
    period,
    (premium * 101n) / 100n,
    "ipfs://insurance-pool-devnet/policies/eth-usd-lending.json",
  ]);
  const policyId = eventArg(claimsAbi, bought.logs, "PolicyCreated", "policyId");
  lines.push(
    `policyholder bought 50,000 USD of ETH/USD coverage for 90 days (policy ${policyNumber(policyId)}, premium ${formatAmount(premium, 18, { symbol: "API3" })})`,
  );

  const now = (await (await as("deployer")).publicClient.getBlock()).timestamp;
  await send("policyAgent", claimsManager, claimsAbi, "createPolicy", [
    devnetAccount("policyholder").address,
    btcUsd,
    parseEther("100000"),
    now,
    now + 365n * DAY,
    "ipfs://insurance-pool-devnet/policies/btc-usd-perps.json",
  ]);
  lines.push("the policy agent created a 100,000 USD BTC/USD policy for policyholder (1 year)");

  // The incident comes after the policy's waiting period: the chain's clock moves past it first.
  const waitingPeriod = await read<bigint>(claimsManager, claimsAbi, "waitingPeriod");
  const deployerCtx = await as("deployer");
  if (waitingPeriod > 0n) {
    await deployerCtx.publicClient.request({
      method: "evm_increaseTime" as never,
      params: [Number(waitingPeriod) + 60] as never,
    });
    await deployerCtx.publicClient.request({ method: "evm_mine" as never, params: [] as never });
  }
  const incidentAt = (await deployerCtx.publicClient.getBlock()).timestamp;
  const filed = await send("policyholder", claimsManager, claimsAbi, "createClaim", [
    policyId,
    parseEther("20000"),
    incidentAt,
    "ipfs://insurance-pool-devnet/evidence/eth-usd-deviation.json",
  ]);
  const claimId = eventArg(claimsAbi, filed.logs, "ClaimCreated", "claimId");
  lines.push(
    `policyholder filed claim ${claimNumber(claimId)} for 20,000 USD on policy ${policyNumber(policyId)}: awaiting the mediator`,
  );

  return { lines, policyId, claimId };
}
