/**
 * The indexer test's history of #12's payout rules, on the seeded devnet after its claims: a week on,
 * two claims open when a matured exit executes (part of it frozen), one accepted beyond the
 * mediator's quota (paid in part, the rest owed, then paid in a tranche), the other's dispute left
 * silent and closed as stalled, then the frozen part released less its charge.
 */
import assert from "node:assert/strict";
import {
  type Abi,
  type Address,
  encodeFunctionData,
  type Hex,
  parseEther,
  parseEventLogs,
} from "viem";
import { pushBeaconValue } from "../../../sdk/src/deploy/api3.ts";
import { createTxContext, sendAndWait } from "../../../sdk/src/deploy/context.ts";
import { type DevnetRole, devnetAccount } from "../../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../../sdk/src/deployment.ts";
import {
  iClaimsManagerAbi,
  iStakingPoolAbi,
  localArbitratorAbi,
} from "../../../sdk/src/generated/contracts.ts";
import { CLAIM_STATUS } from "../../src/claimStatus.ts";
import { mineInOneBlock, rpc } from "./chain.ts";

/** What the scenario left for the test to check. */
export interface PayoutHistory {
  /** Paid in part by its acceptance, the rest in one tranche. */
  owedClaimId: bigint;
  /** The incident time it was filed with. */
  owedIncidentAt: bigint;
  /** Its dispute closed as stalled. */
  stalledClaimId: bigint;
  /** Whose matured exit was frozen and then released. */
  frozenStaker: Address;
}

const DAY = 24 * 3600;

/**
 * Plays the history on `policyId`; `earlierClaims` still waiting for a fresh price to execute their
 * ruling are executed first, so that only this history's claims are open.
 */
export async function payoutHistory(
  rpcUrl: string,
  deployment: Deployment,
  policyId: bigint,
  earlierClaims: bigint[],
): Promise<PayoutHistory> {
  const claims = deployment.contracts.claimsManager as Address;
  const pool = deployment.contracts.stakingPool;
  const timelock = deployment.contracts.primaryTimelock as Address;
  const deployer = await createTxContext({ rpcUrl, account: devnetAccount("deployer") });
  const send = async (
    role: DevnetRole,
    to: Address,
    abi: Abi,
    fn: string,
    args: unknown[],
    value?: bigint,
  ) => {
    const ctx = await createTxContext({ rpcUrl, account: devnetAccount(role) });
    const data = encodeFunctionData({ abi, functionName: fn, args });
    return sendAndWait(ctx, fn, { to, data, value });
  };
  const read = async <T>(to: Address, abi: Abi, functionName: string, args: unknown[] = []) =>
    (await deployer.publicClient.readContract({ address: to, abi, functionName, args })) as T;
  /** The primary agent (the DAO's timelock) sets a claims manager parameter. */
  const govern = async (fn: string, args: unknown[]) => {
    await rpc(rpcUrl, "anvil_impersonateAccount", [timelock]);
    await rpc(rpcUrl, "anvil_setBalance", [timelock, "0xde0b6b3a7640000"]);
    const data = encodeFunctionData({ abi: iClaimsManagerAbi as Abi, functionName: fn, args });
    await mineInOneBlock(rpcUrl, [{ from: timelock, to: claims, data }]);
    await rpc(rpcUrl, "anvil_stopImpersonatingAccount", [timelock]);
  };
  /** Files a claim for an incident of the latest block's second. */
  const fileClaim = async (onPolicy: bigint, amountUsd: bigint, uri: string) => {
    const now = (await deployer.publicClient.getBlock()).timestamp;
    const receipt = await send("policyholder", claims, iClaimsManagerAbi, "createClaim", [
      onPolicy,
      amountUsd,
      now,
      uri,
    ]);
    const [created] = parseEventLogs({
      abi: iClaimsManagerAbi,
      logs: receipt.logs,
      eventName: "ClaimCreated",
    });
    assert.ok(created);
    return { claimId: created.args.claimId, incidentAt: now };
  };
  const largestPolicy = async () => {
    const logs = await deployer.publicClient.getLogs({ address: claims, fromBlock: 0n });
    const created = parseEventLogs({ abi: iClaimsManagerAbi, logs, eventName: "PolicyCreated" });
    const [largest] = created.sort((a, b) => (b.args.coverageUsd > a.args.coverageUsd ? 1 : -1));
    assert.ok(largest);
    return largest.args.policyId;
  };
  const refreshFeeds = async () => {
    for (const feed of deployment.devnet?.feeds ?? []) {
      await pushBeaconValue(
        deployer,
        deployment.contracts.api3ServerV1 as Address,
        devnetAccount("airnode"),
        feed.templateId as Hex,
        BigInt(feed.baseValue),
      );
    }
  };
  const warp = async (seconds: number) => {
    await rpc(rpcUrl, "evm_increaseTime", [seconds]);
    await rpc(rpcUrl, "evm_mine", []);
    await refreshFeeds();
  };
  // A week on, the payouts before drop out of the mediator's quota (the current and the previous
  // week count).
  await warp(7 * DAY);

  for (const id of earlierClaims) {
    const { status } = await read<{ status: number }>(claims, iClaimsManagerAbi, "claim", [id]);
    if (CLAIM_STATUS[status] === "RulingPending") {
      await send("alice", claims, iClaimsManagerAbi, "executeRuling", [id]);
    }
  }

  // Two claims open when Dave's matured exit executes: the part of it their exposure asks for
  // stays frozen. The second one is on the seed's larger policy (100,000 USD, the agent's).
  const owed = await fileClaim(
    policyId,
    parseEther("20000"),
    "ipfs://indexer-test/evidence/owed.json",
  );
  const stalledEvidence = "ipfs://indexer-test/evidence/stalled.json";
  const stalled = await fileClaim(await largestPolicy(), parseEther("40000"), stalledEvidence);
  const dave = devnetAccount("dave").address;
  await send("dave", pool, iStakingPoolAbi, "unstake", [dave]);

  // The mediator's quota down to 1% of the stake: its acceptance pays that much now, owes the rest.
  const mediator = devnetAccount("mediator").address;
  await govern("setPayoutQuota", [mediator, parseEther("0.01")]);
  await send("mediator", claims, iClaimsManagerAbi, "acceptClaim", [owed.claimId]);
  // Back to 10%: the rest fits in one tranche.
  await govern("setPayoutQuota", [mediator, parseEther("0.1")]);
  await send("carol", claims, iClaimsManagerAbi, "payTranche", [mediator]);

  // The second claim's dispute: the arbitrator never answers, and anyone closes it once the 14 days
  // of inactivity set before the escalation are over.
  await govern("setMaxDisputeInactivity", [BigInt(14 * DAY)]);
  await send("mediator", claims, iClaimsManagerAbi, "rejectClaim", [stalled.claimId]);
  const cost = await read<bigint>(
    deployment.contracts.arbitrator as Address,
    localArbitratorAbi,
    "arbitrationFee",
  );
  await send(
    "policyholder",
    claims,
    iClaimsManagerAbi,
    "escalateClaim",
    [stalled.claimId, stalledEvidence],
    cost,
  );
  await warp(14 * DAY + 1);
  await send("bob", claims, iClaimsManagerAbi, "closeStalledDispute", [stalled.claimId]);

  // No claim open: the frozen part goes, less its share of the payout made meanwhile.
  await send("dave", pool, iStakingPoolAbi, "unstake", [dave]);

  return {
    owedClaimId: owed.claimId,
    owedIncidentAt: owed.incidentAt,
    stalledClaimId: stalled.claimId,
    frozenStaker: dave,
  };
}
