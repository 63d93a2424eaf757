/**
 * The indexer end to end: anvil, the devnet's full deployment and demo history (stakes, a delegation,
 * a pending unstake, policies, a claim), a mediator payout, a proposal with votes and a disputed,
 * appealed claim, then ponder started on the deployment file; rows are checked through GraphQL, SQL
 * over HTTP and /stats against the chain itself. Then the indexer restarts on the same data (no
 * duplicates, new events picked up), follows a live block and, on a fresh chain with the same
 * addresses, starts over. Set DATABASE_URL to run it on PostgreSQL instead of PGlite.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { count, createClient, sum } from "@ponder/client";
import { type Abi, type Address, encodeFunctionData, parseEther, parseEventLogs } from "viem";
import { type AnvilInstance, startAnvil } from "../../devnet/src/anvil.ts";
import { seedDevnet } from "../../devnet/src/seed.ts";
import { createTxContext, sendAndWait } from "../../sdk/src/deploy/context.ts";
import { deployDevnet } from "../../sdk/src/deploy/devnet.ts";
import { type DevnetRole, devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import {
  claimsManagerAbi,
  iStakingPoolAbi,
  localArbitratorAbi,
  poolGovernorAbi,
  stakingPoolAbi,
} from "../../sdk/src/generated/contracts.ts";
import * as schema from "../ponder.schema.ts";
import { CLAIM_STATUS } from "../src/claimStatus.ts";
import { type IndexerInstance, startIndexer, waitForIndexedBlock } from "../src/start.ts";

async function graphql<T>(url: string, query: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return body.data as T;
}

interface Page<T> {
  items: T[];
  totalCount: number;
}

describe("indexer", { timeout: 300_000 }, () => {
  let anvil: AnvilInstance;
  let indexer: IndexerInstance | undefined;
  let deployment: Deployment;
  let claimId: bigint;
  let seededPolicyId: bigint;
  let disputedClaimId: bigint;
  let proposalId: bigint;
  const dir = mkdtempSync(join(tmpdir(), "ipool-indexer-"));
  const deploymentPath = join(dir, "deployment.json");

  const send = async (
    role: DevnetRole,
    to: Address,
    abi: Abi,
    fn: string,
    args: unknown[],
    value?: bigint,
  ) => {
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount(role) });
    const data = encodeFunctionData({ abi, functionName: fn, args });
    return sendAndWait(ctx, fn, { to, data, value });
  };
  const read = async <T>(to: Address, abi: Abi, functionName: string, args: unknown[] = []) => {
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    return (await ctx.publicClient.readContract({ address: to, abi, functionName, args })) as T;
  };

  /**
   * A second claim on the seeded policy goes the long way: settlement proposed, escalated to the
   * LocalArbitrator, ruled, appealed, ruled again, and the ruling executed after the appeal period.
   */
  const disputeAClaim = async () => {
    const claims = deployment.contracts.claimsManager as Address;
    const arbitrator = deployment.contracts.arbitrator as Address;
    // The seed moved the clock past the policy's waiting period: an incident now is covered.
    const incidentAt = (
      await (
        await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") })
      ).publicClient.getBlock()
    ).timestamp;
    const filed = await send("policyholder", claims, claimsManagerAbi, "createClaim", [
      seededPolicyId,
      parseEther("5000"),
      incidentAt,
      "ipfs://indexer-test/evidence/second-claim.json",
    ]);
    const [created] = parseEventLogs({
      abi: claimsManagerAbi,
      logs: filed.logs,
      eventName: "ClaimCreated",
    });
    assert.ok(created);
    disputedClaimId = created.args.claimId;
    await send("mediator", claims, claimsManagerAbi, "proposeSettlement", [
      disputedClaimId,
      parseEther("2000"),
    ]);
    const cost = await read<bigint>(arbitrator, localArbitratorAbi, "arbitrationFee");
    const escalated = await send(
      "policyholder",
      claims,
      claimsManagerAbi,
      "escalateClaim",
      [disputedClaimId, "ipfs://indexer-test/evidence/second-claim.json"],
      cost,
    );
    const [escalation] = parseEventLogs({
      abi: claimsManagerAbi,
      logs: escalated.logs,
      eventName: "ClaimEscalated",
    });
    assert.ok(escalation);
    const disputeId = escalation.args.disputeId;
    await send("court", arbitrator, localArbitratorAbi, "giveRuling", [disputeId, 0n]);
    await send(
      "policyholder",
      arbitrator,
      localArbitratorAbi,
      "appeal",
      [disputeId, "0x"],
      await read<bigint>(arbitrator, localArbitratorAbi, "appealFee"),
    );
    await send("court", arbitrator, localArbitratorAbi, "giveRuling", [disputeId, 2n]);
    const period = await read<bigint>(arbitrator, localArbitratorAbi, "appealPeriodDuration");
    await anvilRequest("evm_increaseTime", [`0x${(period + 1n).toString(16)}`]);
    await send("alice", arbitrator, localArbitratorAbi, "executeRuling", [disputeId]);
  };
  /** Alice proposes on the primary Governor; after the voting delay alice votes for, bob against. */
  const voteOnAProposal = async () => {
    const governor = deployment.contracts.primaryGovernor as Address;
    const pool = deployment.contracts.stakingPool;
    const description = "Indexer test: read the unstake wait period";
    // Votes count from the second before a proposal: let the seeded stakes age.
    await anvilRequest("evm_increaseTime", ["0x2"]);
    await anvilRequest("evm_mine", []);
    const proposed = await send("alice", governor, poolGovernorAbi, "propose", [
      [pool],
      [0n],
      [encodeFunctionData({ abi: iStakingPoolAbi, functionName: "unstakeWaitPeriod" })],
      description,
    ]);
    const [created] = parseEventLogs({
      abi: poolGovernorAbi,
      logs: proposed.logs,
      eventName: "ProposalCreated",
    });
    assert.ok(created);
    proposalId = created.args.proposalId;
    const delay = await read<bigint>(governor, poolGovernorAbi, "votingDelay");
    await anvilRequest("evm_increaseTime", [`0x${(delay + 1n).toString(16)}`]);
    await anvilRequest("evm_mine", []);
    await send("alice", governor, poolGovernorAbi, "castVote", [proposalId, 1]);
    await send("bob", governor, poolGovernorAbi, "castVote", [proposalId, 0]);
  };
  const anvilRequest = (method: string, params: unknown[]) =>
    fetch(anvil.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    });

  const deploy = async (seed: boolean) => {
    // StakingPool is above EIP-170's 24 KiB for now (as the devnet and dashboard tests allow).
    anvil = await startAnvil();
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    deployment = await deployDevnet(ctx);
    if (seed) {
      const seeded = await seedDevnet(deployment);
      claimId = seeded.claimId;
      seededPolicyId = seeded.policyId;
    }
    writeFileSync(deploymentPath, JSON.stringify(deployment));
  };

  before(async () => {
    await deploy(true);
    const claims = deployment.contracts.claimsManager as Address;
    await send("mediator", claims, claimsManagerAbi, "acceptClaim", [claimId]);
    await voteOnAProposal();
    await disputeAClaim();
    // A week later, anyone's accrual starts a new epoch: the pool mints its reward and moves its APR.
    await anvilRequest("evm_increaseTime", [`0x${(8 * 24 * 3600).toString(16)}`]);
    await send("carol", deployment.contracts.stakingPool, stakingPoolAbi, "accrue", []);
    indexer = await startIndexer({ deploymentPath });
  });

  after(async () => {
    await indexer?.stop();
    await anvil?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("indexes stakers with the shares the pool holds for them", async () => {
    assert.ok(indexer);
    const { stakers } = await graphql<{
      stakers: Page<{
        id: Address;
        shares: string;
        pendingUnstakeShares: string;
        delegate: string;
      }>;
    }>(
      indexer.url,
      "{ stakers(limit: 100) { totalCount items { id shares pendingUnstakeShares delegate } } }",
    );
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    const stakersWithShares = stakers.items.filter((s) => BigInt(s.shares) > 0n);
    assert.ok(stakersWithShares.length >= 4, `stakers: ${JSON.stringify(stakers.items)}`);
    for (const row of stakers.items) {
      const shares = await ctx.publicClient.readContract({
        address: deployment.contracts.stakingPool,
        abi: stakingPoolAbi,
        functionName: "sharesOf",
        args: [row.id],
      });
      assert.equal(BigInt(row.shares), shares, `shares of ${row.id}`);
    }
    const dave = stakers.items.find((s) => s.id === devnetAccount("dave").address.toLowerCase());
    assert.ok(dave && BigInt(dave.pendingUnstakeShares) > 0n, "dave's pending unstake");
    const carol = stakers.items.find((s) => s.id === devnetAccount("carol").address.toLowerCase());
    assert.equal(carol?.delegate, devnetAccount("alice").address.toLowerCase());
  });

  it("keeps the pool's totals per event, ending at the chain's totals", async () => {
    assert.ok(indexer);
    const { pools, poolEvents } = await graphql<{
      pools: Page<{ totalShares: string; totalStake: string; totalPaidOut: string }>;
      poolEvents: Page<{ kind: string; totalShares: string; totalStake: string }>;
    }>(
      indexer.url,
      `{ pools { totalCount items { totalShares totalStake totalPaidOut } }
         poolEvents(orderBy: "id", orderDirection: "desc", limit: 1000) {
           totalCount items { kind totalShares totalStake } } }`,
    );
    assert.equal(pools.totalCount, 1);
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    const read = (functionName: "totalShares" | "totalStake") =>
      ctx.publicClient.readContract({
        address: deployment.contracts.stakingPool,
        abi: stakingPoolAbi,
        functionName,
      });
    const pool = pools.items[0];
    assert.ok(pool);
    assert.equal(BigInt(pool.totalShares), await read("totalShares"));
    // The stake accrues rewards continuously: the chain's view is at least the last event's.
    assert.ok((await read("totalStake")) >= BigInt(pool.totalStake));
    const kinds = new Set(poolEvents.items.map((e) => e.kind));
    for (const kind of ["deposit", "stake", "unstakeScheduled", "payout"]) {
      assert.ok(kinds.has(kind), `a ${kind} event among ${[...kinds].join(", ")}`);
    }
    assert.equal(poolEvents.items[0]?.totalShares, pool.totalShares);
  });

  it("records the payout and the claim it paid, with the claim's history", async () => {
    assert.ok(indexer);
    const { payouts, claim } = await graphql<{
      payouts: Page<{ amount: string; claimId: string | null; recipient: string }>;
      claim: {
        status: string;
        paidTokens: string;
        evidenceURI: string;
        events: Page<{ kind: string; status: string; uri: string | null }>;
      };
    }>(
      indexer.url,
      `{ payouts { totalCount items { amount claimId recipient } }
         claim(id: "${claimId}") { status paidTokens evidenceURI
           events(orderBy: "id") { totalCount items { kind status uri } } } }`,
    );
    const payout = payouts.items.find((p) => p.claimId === String(claimId));
    assert.ok(payout, JSON.stringify(payouts.items));
    assert.equal(payout.recipient, devnetAccount("policyholder").address.toLowerCase());
    assert.equal(claim.status, "PaidClaim");
    assert.equal(claim.paidTokens, payout.amount);
    assert.match(claim.evidenceURI, /^ipfs:\/\//);
    assert.equal(claim.events.items[0]?.uri, claim.evidenceURI);
    assert.deepEqual(
      claim.events.items.map((e) => e.kind),
      ["created", "accepted"],
    );
  });

  it("follows a disputed claim through its ruling, appeal and execution", async () => {
    assert.ok(indexer);
    const { claim } = await graphql<{
      claim: {
        status: string;
        settlementUsd: string;
        ruling: number;
        events: Page<{ kind: string; ruling: number | null }>;
        disputes: Page<{ status: string; ruling: number; appealCount: number }>;
      };
    }>(
      indexer.url,
      `{ claim(id: "${disputedClaimId}") { status settlementUsd ruling
           events(orderBy: "id") { items { kind ruling } }
           disputes { items { status ruling appealCount } } } }`,
    );
    const onChain = await read<{ status: number }>(
      deployment.contracts.claimsManager as Address,
      claimsManagerAbi,
      "claim",
      [disputedClaimId],
    );
    assert.equal(claim.status, CLAIM_STATUS[onChain.status]);
    assert.equal(claim.settlementUsd, parseEther("2000").toString());
    assert.equal(claim.ruling, 2);
    const kinds = claim.events.items.map((e) => e.kind);
    // The escalation announces the claim's evidence again, tagged with the arbitrator that holds the dispute.
    assert.deepEqual(kinds.slice(0, 8), [
      "created",
      "settlementProposed",
      "escalated",
      "evidence",
      "rulingGiven",
      "appealed",
      "rulingGiven",
      "ruled",
    ]);
    // Executing the ruling pays the settlement now, or defers it (e.g. a price too old).
    assert.ok(["rulingExecuted", "rulingDeferred"].includes(kinds[8] ?? ""), kinds.join(", "));
    assert.deepEqual(claim.disputes.items, [{ status: "ruled", ruling: 2, appealCount: 1 }]);
    const { appeals } = await graphql<{ appeals: Page<{ round: number; appellant: string }> }>(
      indexer.url,
      "{ appeals { totalCount items { round appellant } } }",
    );
    assert.deepEqual(appeals.items, [
      { round: 1, appellant: devnetAccount("policyholder").address.toLowerCase() },
    ]);
  });

  it("indexes proposals and the votes cast, with tallies", async () => {
    assert.ok(indexer);
    const governor = (deployment.contracts.primaryGovernor as Address).toLowerCase();
    const { proposal } = await graphql<{
      proposal: {
        status: string;
        proposer: string;
        forVotes: string;
        againstVotes: string;
        voteCount: number;
        votes: Page<{ voter: string; support: number; weight: string }>;
      };
    }>(
      indexer.url,
      `{ proposal(id: "${governor}-${proposalId}") { status proposer forVotes againstVotes voteCount
           votes(orderBy: "support") { items { voter support weight } } } }`,
    );
    assert.equal(proposal.status, "created");
    assert.equal(proposal.proposer, devnetAccount("alice").address.toLowerCase());
    assert.equal(proposal.voteCount, 2);
    const [against, inFavour] = proposal.votes.items;
    assert.equal(against?.voter, devnetAccount("bob").address.toLowerCase());
    assert.equal(inFavour?.voter, devnetAccount("alice").address.toLowerCase());
    assert.equal(proposal.forVotes, inFavour?.weight);
    assert.equal(proposal.againstVotes, against?.weight);
    assert.ok(BigInt(proposal.forVotes) > 0n);
  });

  it("records epochs: the APR and the rewards minted", async () => {
    assert.ok(indexer);
    const { pools, aprUpdates, rewards } = await graphql<{
      pools: Page<{ apr: string; epoch: string; totalRewards: string }>;
      aprUpdates: Page<{ apr: string; epoch: string }>;
      rewards: Page<{ amount: string }>;
    }>(
      indexer.url,
      `{ pools { items { apr epoch totalRewards } }
         aprUpdates(orderBy: "id", orderDirection: "desc") { totalCount items { apr epoch } }
         rewards(where: { kind: "mint" }) { totalCount items { amount } } }`,
    );
    const pool = deployment.contracts.stakingPool;
    assert.ok(aprUpdates.totalCount >= 1);
    assert.equal(pools.items[0]?.apr, String(await read<bigint>(pool, stakingPoolAbi, "apr")));
    assert.equal(
      pools.items[0]?.epoch,
      String(await read<bigint>(pool, stakingPoolAbi, "currentEpoch")),
    );
    assert.equal(aprUpdates.items[0]?.apr, pools.items[0]?.apr);
    const minted = rewards.items.reduce((total, r) => total + BigInt(r.amount), 0n);
    assert.ok(minted > 0n, "the epoch minted a reward");
    assert.ok(BigInt(pools.items[0]?.totalRewards ?? 0) >= minted);
  });

  it("indexes policies and answers SQL over HTTP and /stats", async () => {
    assert.ok(indexer);
    const { policys: policies } = await graphql<{
      policys: Page<{ id: string; number: string; premium: string }>;
    }>(indexer.url, '{ policys(orderBy: "number") { totalCount items { id number premium } } }');
    assert.equal(policies.totalCount, 2);
    // Sequence numbers as the CLI shows them, from the packed ids.
    assert.deepEqual(
      policies.items.map((p) => p.number),
      ["1", "2"],
    );
    for (const p of policies.items) assert.equal(BigInt(p.id) >> 192n, BigInt(p.number));
    const { claims } = await graphql<{ claims: Page<{ id: string; number: string }> }>(
      indexer.url,
      '{ claims(where: { number: "1" }) { totalCount items { id number } } }',
    );
    assert.equal(claims.totalCount, 1);
    assert.equal(BigInt(claims.items[0]?.id ?? 0) >> 224n, 1n);
    const stats = (await (await fetch(`${indexer.url}/stats/pool`)).json()) as {
      totalPaidOut: string;
    };
    const history = (await (await fetch(`${indexer.url}/stats/pool-history?points=10`)).json()) as {
      totalStake: string;
      cumulativePaidOut: string;
    }[];
    assert.ok(history.length >= 1 && history.length <= 10);
    assert.equal(history.at(-1)?.cumulativePaidOut, stats.totalPaidOut);
    // SQL over HTTP, as the dashboard queries it with @ponder/client.
    const client = createClient(`${indexer.url}/sql`, { schema });
    const [row] = await client.db
      .select({ n: count(), shares: sum(schema.staker.shares) })
      .from(schema.staker);
    const [pool] = await client.db.select().from(schema.pool);
    assert.ok(row && pool && row.n >= 4);
    // Shares pending unstake left their stakers but still count in the pool's total, and so do the
    // dead shares the era's first stake paid for.
    const dead = await read<bigint>(
      deployment.contracts.stakingPool,
      stakingPoolAbi,
      "DEAD_SHARES",
    );
    assert.equal(BigInt(row.shares ?? 0) + pool.pendingUnstakeShares + dead, pool.totalShares);
  });

  it("resumes after a restart without duplicates and picks up new events", async () => {
    assert.ok(indexer);
    const countEvents = async (url: string) =>
      graphql<{ poolEvents: { totalCount: number }; claimEvents: { totalCount: number } }>(
        url,
        "{ poolEvents { totalCount } claimEvents { totalCount } }",
      );
    const before = await countEvents(indexer.url);
    const alice = devnetAccount("alice").address.toLowerCase();
    const stakedBy = async (url: string) =>
      BigInt(
        (
          await graphql<{ staker: { totalStaked: string } }>(
            url,
            `{ staker(id: "${alice}") { totalStaked } }`,
          )
        ).staker.totalStaked,
      );
    const stakedBefore = await stakedBy(indexer.url);
    await indexer.stop();
    indexer = undefined;
    await send("alice", deployment.contracts.stakingPool, stakingPoolAbi, "depositAndStake", [
      parseEther("1000"),
    ]);
    indexer = await startIndexer({ deploymentPath });
    const afterRestart = await countEvents(indexer.url);
    assert.equal(afterRestart.claimEvents.totalCount, before.claimEvents.totalCount);
    // depositAndStake adds a Deposited and a Staked event (maybe an epoch start too).
    assert.ok(afterRestart.poolEvents.totalCount >= before.poolEvents.totalCount + 2);
    assert.ok(afterRestart.poolEvents.totalCount <= before.poolEvents.totalCount + 3);
    assert.equal(await stakedBy(indexer.url), stakedBefore + parseEther("1000"));
  });

  it("follows new blocks live", async () => {
    assert.ok(indexer);
    const receipt = await send(
      "bob",
      deployment.contracts.stakingPool,
      stakingPoolAbi,
      "withdraw",
      [devnetAccount("bob").address, parseEther("10")],
    );
    await waitForIndexedBlock(indexer.url, Number(receipt.blockNumber), 20_000);
    const { poolEvents } = await graphql<{ poolEvents: Page<{ kind: string; amount: string }> }>(
      indexer.url,
      `{ poolEvents(where: { kind: "withdraw" }) { totalCount items { kind amount } } }`,
    );
    assert.equal(poolEvents.totalCount, 1);
    assert.equal(poolEvents.items[0]?.amount, parseEther("10").toString());
  });

  it("starts over on a fresh chain with the same addresses", async () => {
    assert.ok(indexer);
    await indexer.stop();
    indexer = undefined;
    await anvil.stop();
    const previous = deployment.contracts.stakingPool;
    await deploy(false);
    assert.equal(deployment.contracts.stakingPool, previous, "deterministic addresses");
    indexer = await startIndexer({ deploymentPath });
    const fresh = await graphql<{
      payouts: { totalCount: number };
      poolEvents: { totalCount: number };
      stakers: { totalCount: number };
      parameterChanges: { totalCount: number };
    }>(
      indexer.url,
      "{ payouts { totalCount } poolEvents { totalCount } stakers { totalCount } parameterChanges { totalCount } }",
    );
    assert.equal(fresh.payouts.totalCount, 0, "no payout on the fresh chain");
    assert.equal(fresh.poolEvents.totalCount, 0, "no pool event on the fresh chain");
    assert.equal(fresh.stakers.totalCount, 0, "no staker on the fresh chain");
    assert.ok(fresh.parameterChanges.totalCount > 0, "the fresh deployment's set-up is indexed");
  });
});
