/**
 * The indexer end to end: anvil, the devnet's full deployment and demo history (stakes, a delegation,
 * a pending unstake, policies, a claim), a mediator payout, a proposal with votes and a disputed,
 * appealed claim, 25 more stakers with 3,000 pool events, then ponder started on the deployment
 * file; rows are checked through GraphQL, SQL over HTTP and /stats against the chain itself. SQL
 * over HTTP stays right after a block updates 25 stakers, and hostile requests are refused while the
 * indexer stays healthy (issue 17). Then the indexer restarts on the same data (the stop released
 * its lock; no duplicates, new events picked up), follows a live block, starts over on a fresh chain
 * with the same addresses, and stops loudly on a reorganization deeper than finality, to resync on
 * its next start. Set DATABASE_URL to run it on PostgreSQL instead of PGlite.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
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
  iClaimsManagerAbi,
  iStakingPoolAbi,
  localArbitratorAbi,
  poolGovernorAbi,
  stakingPoolAbi,
} from "../../sdk/src/generated/contracts.ts";
import {
  finalizedBlockReplaced,
  type IndexerInstance,
  startIndexer,
  waitForIndexedBlock,
} from "../launcher/start.ts";
import * as schema from "../ponder.schema.ts";
import { DEEP_REORG_EXIT_CODE, readFinalizedBlock } from "../src/chainGuardState.ts";
import { CLAIM_STATUS } from "../src/claimStatus.ts";
import { depositAndStakeCalls, fundStakers, mineInOneBlock, rpc } from "./support/chain.ts";
import { type PayoutHistory, payoutHistory } from "./support/payouts.ts";
import {
  assertHostileRequestsRefused,
  assertSqlAgreesAfterManyUpdates,
  graphql,
} from "./support/trust.ts";

interface Page<T> {
  items: T[];
  totalCount: number;
}

// Four ponder starts and a 3,000-event history: ~90 s on an idle 2-core machine, several minutes
// when the rest of the suite and other work share it (487 s at load 25).
describe("indexer", { timeout: 600_000 }, () => {
  let anvil: AnvilInstance;
  let indexer: IndexerInstance | undefined;
  let deployment: Deployment;
  let claimId: bigint;
  let seededPolicyId: bigint;
  let disputedClaimId: bigint;
  let proposalId: bigint;
  let payouts: PayoutHistory;
  /** 25 stakers beyond the devnet's, with 60 blocks of deposits and stakes: 3,000 pool events. */
  let stakers: Address[];
  const dir = mkdtempSync(join(tmpdir(), "ipool-indexer-"));
  const deploymentPath = join(dir, "deployment.json");
  const dataDir = join(dir, "indexer");

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
    // The arbitrator is active: anyone pushes the dispute's inactivity deadline.
    await send("bob", claims, claimsManagerAbi, "noteDisputeActivity", [disputedClaimId]);
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
    payouts = await payoutHistory(anvil.rpcUrl, deployment, seededPolicyId, [disputedClaimId]);
    stakers = await fundStakers(anvil.rpcUrl, deployment, 25);
    for (let round = 0; round < 60; round++) {
      await mineInOneBlock(
        anvil.rpcUrl,
        depositAndStakeCalls(deployment, stakers, parseEther("1")),
      );
    }
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
    for (const row of stakers.items) {
      const pending = await ctx.publicClient.readContract({
        address: deployment.contracts.stakingPool,
        abi: iStakingPoolAbi,
        functionName: "pendingUnstakeOf",
        args: [row.id],
      });
      assert.equal(BigInt(row.pendingUnstakeShares), pending.shares, `pending shares of ${row.id}`);
    }
    const carol = stakers.items.find((s) => s.id === devnetAccount("carol").address.toLowerCase());
    assert.equal(carol?.delegate, devnetAccount("alice").address.toLowerCase());
  });

  it("keeps the pool's totals per event, ending at the chain's totals", async () => {
    assert.ok(indexer);
    const kindsSought = ["deposit", "stake", "unstakeScheduled", "payout"];
    const { pools, poolEvents, ...byKind } = await graphql<
      {
        pools: Page<{ totalShares: string; totalStake: string; totalPaidOut: string }>;
        poolEvents: Page<{ kind: string; totalShares: string; totalStake: string }>;
      } & Record<string, { totalCount: number }>
    >(
      indexer.url,
      `{ pools { totalCount items { totalShares totalStake totalPaidOut } }
         poolEvents(orderBy: "id", orderDirection: "desc", limit: 1) {
           totalCount items { kind totalShares totalStake } }
         ${kindsSought.map((kind) => `${kind}: poolEvents(where: { kind: "${kind}" }) { totalCount }`).join("\n")} }`,
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
    for (const kind of kindsSought) {
      assert.ok((byKind[kind]?.totalCount ?? 0) > 0, `a ${kind} event`);
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
        deadline: string;
        events: Page<{ kind: string; ruling: number | null }>;
        disputes: Page<{
          status: string;
          ruling: number;
          appealCount: number;
          metaEvidenceId: string | null;
          evidenceGroupId: string | null;
        }>;
      };
    }>(
      indexer.url,
      `{ claim(id: "${disputedClaimId}") { status settlementUsd ruling deadline
           events(orderBy: "id") { items { kind ruling } }
           disputes { items { status ruling appealCount metaEvidenceId evidenceGroupId } } } }`,
    );
    const onChain = await read<{ status: number; deadline: number }>(
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
    assert.deepEqual(kinds.slice(0, 9), [
      "created",
      "settlementProposed",
      "escalated",
      "evidence",
      "rulingGiven",
      "disputeActivity",
      "appealed",
      "rulingGiven",
      "ruled",
    ]);
    // Executing the ruling pays the settlement now, or defers it (e.g. a price too old).
    assert.ok(["rulingExecuted", "rulingDeferred"].includes(kinds[9] ?? ""), kinds.join(", "));
    // The inactivity deadline noted last, as the claims manager keeps it.
    assert.equal(claim.deadline, String(onChain.deadline));
    // The dispute names the text jurors read (ERC-1497 meta-evidence) and the claim's evidence group, as announced
    // in the claims manager's Dispute log, which comes before its ClaimEscalated.
    const metaEvidenceId = await read<bigint>(
      deployment.contracts.claimsManager as Address,
      iClaimsManagerAbi as Abi,
      "metaEvidenceId",
    );
    assert.deepEqual(claim.disputes.items, [
      {
        status: "ruled",
        ruling: 2,
        appealCount: 1,
        metaEvidenceId: String(metaEvidenceId),
        evidenceGroupId: String(disputedClaimId),
      },
    ]);
    const { appeals } = await graphql<{ appeals: Page<{ round: number; appellant: string }> }>(
      indexer.url,
      "{ appeals { totalCount items { round appellant } } }",
    );
    assert.deepEqual(appeals.items, [
      { round: 1, appellant: devnetAccount("policyholder").address.toLowerCase() },
    ]);
  });

  it("pays a claim beyond its payer's quota in part, owes the rest and pays it in a tranche", async () => {
    assert.ok(indexer);
    const id = payouts.owedClaimId;
    const {
      claim,
      payouts: paid,
      coverages,
    } = await graphql<{
      claim: {
        status: string;
        payer: string;
        payoutTokens: string;
        paidTokens: string;
        owedTokens: string;
        incidentAt: string;
        events: Page<{ kind: string; tokens: string; owedTokens: string }>;
      };
      payouts: Page<{ amount: string; claimId: string | null }>;
      coverages: Page<{ totalPaidTokens: string; totalOwedTokens: string }>;
    }>(
      indexer.url,
      `{ claim(id: "${id}") { status payer payoutTokens paidTokens owedTokens incidentAt
           events(orderBy: "id") { items { kind tokens owedTokens } } }
         payouts(limit: 100) { items { amount claimId } }
         coverages { items { totalPaidTokens totalOwedTokens } } }`,
    );
    assert.equal(claim.status, "PaidClaim");
    assert.equal(claim.payer, devnetAccount("mediator").address.toLowerCase());
    assert.equal(claim.incidentAt, String(payouts.owedIncidentAt));
    const [created, accepted, tranche] = claim.events.items;
    assert.deepEqual(
      claim.events.items.map((e) => e.kind),
      ["created", "accepted", "tranchePaid"],
    );
    assert.ok(created && accepted && tranche);
    // Decided: the payout in tokens, of which the quota (1% of the stake) was paid at once.
    assert.equal(accepted.tokens, claim.payoutTokens);
    assert.ok(BigInt(accepted.owedTokens) > 0n, "part of the payout was owed");
    assert.ok(BigInt(accepted.owedTokens) < BigInt(accepted.tokens), "part was paid at once");
    assert.equal(tranche.tokens, accepted.owedTokens, "the tranche paid what was owed");
    assert.equal(tranche.owedTokens, "0");
    assert.equal(claim.paidTokens, claim.payoutTokens);
    assert.equal(claim.owedTokens, "0");
    // Two payouts from the pool for this claim: the part paid at once and the tranche.
    const amounts = paid.items.filter((p) => p.claimId === String(id)).map((p) => p.amount);
    assert.deepEqual(amounts, [
      String(BigInt(accepted.tokens) - BigInt(accepted.owedTokens)),
      tranche.tokens,
    ]);
    // The claims manager's totals agree with the pool's payouts and with what the chain owes.
    const manager = deployment.contracts.claimsManager as Address;
    const allPaid = paid.items.reduce((total, p) => total + BigInt(p.amount), 0n);
    assert.equal(coverages.items[0]?.totalPaidTokens, String(allPaid));
    assert.equal(
      coverages.items[0]?.totalOwedTokens,
      String(await read<bigint>(manager, claimsManagerAbi, "owedTokens")),
    );
  });

  it("freezes an exit met by an open claim and releases it, less its charge, once none is open", async () => {
    assert.ok(indexer);
    const user = payouts.frozenStaker.toLowerCase();
    const { unstakes, poolEvents, pools, staker } = await graphql<{
      unstakes: Page<{
        status: string;
        shares: string;
        executedAmount: string;
        frozenShares: string;
        frozenAmount: string;
        liable: string;
        openExposure: string;
        releasesAt: string;
        frozenAt: string;
        releasedAmount: string;
        charge: string;
      }>;
      poolEvents: Page<{ kind: string; amount: string; shares: string }>;
      pools: Page<{
        pendingUnstakeShares: string;
        frozenUnstakeShares: string;
        frozenUnstakeAmount: string;
        totalFrozenCharges: string;
        maxFreeze: string;
        payoutCap: string;
      }>;
      staker: { pendingUnstakeShares: string; pendingUnstakeFrozen: boolean };
    }>(
      indexer.url,
      `{ unstakes(where: { user: "${user}" }) { items { status shares executedAmount frozenShares
           frozenAmount liable openExposure releasesAt frozenAt releasedAmount charge } }
         poolEvents(where: { user: "${user}" }, orderBy: "id") { items { kind amount shares } }
         pools { items { pendingUnstakeShares frozenUnstakeShares frozenUnstakeAmount
           totalFrozenCharges maxFreeze payoutCap } }
         staker(id: "${user}") { pendingUnstakeShares pendingUnstakeFrozen } }`,
    );
    assert.equal(unstakes.items.length, 1);
    const exit = unstakes.items[0];
    assert.ok(exit);
    assert.equal(exit.status, "executed");
    assert.ok(BigInt(exit.frozenShares) > 0n && BigInt(exit.frozenShares) < BigInt(exit.shares));
    assert.ok(BigInt(exit.executedAmount) > 0n, "the part not frozen left at once");
    assert.ok(BigInt(exit.openExposure) > 0n && BigInt(exit.liable) > 0n);
    const pool = deployment.contracts.stakingPool;
    const maxFreeze = await read<bigint>(pool, iStakingPoolAbi, "maxFreeze");
    assert.equal(pools.items[0]?.maxFreeze, String(maxFreeze));
    assert.equal(exit.releasesAt, String(BigInt(exit.frozenAt) + maxFreeze));
    // The payouts made while it was frozen cost it a charge, kept for the stakers.
    assert.ok(BigInt(exit.charge) > 0n, "charged for the payouts made meanwhile");
    assert.ok(BigInt(exit.releasedAmount) + BigInt(exit.charge) <= BigInt(exit.frozenAmount));
    assert.equal(pools.items[0]?.totalFrozenCharges, exit.charge);
    const kinds = poolEvents.items.map((e) => e.kind);
    const frozen = poolEvents.items[kinds.indexOf("unstakeFrozen")];
    const released = poolEvents.items[kinds.indexOf("unstakeReleased")];
    assert.ok(frozen && released, kinds.join(", "));
    assert.equal(frozen.amount, exit.executedAmount);
    assert.equal(BigInt(frozen.shares) + BigInt(exit.frozenShares), BigInt(exit.shares));
    assert.equal(released.amount, exit.releasedAmount);
    assert.equal(released.shares, exit.frozenShares);
    // Nothing pending or frozen any more, as on the chain.
    assert.deepEqual(staker, { pendingUnstakeShares: "0", pendingUnstakeFrozen: false });
    assert.equal(pools.items[0]?.frozenUnstakeShares, "0");
    assert.equal(pools.items[0]?.frozenUnstakeAmount, "0");
    const pending = await read<{ shares: bigint; frozen: boolean }>(
      pool,
      iStakingPoolAbi,
      "pendingUnstakeOf",
      [payouts.frozenStaker],
    );
    assert.equal(pending.shares, 0n);
    assert.equal(
      pools.items[0]?.payoutCap,
      String(await read<bigint>(pool, iStakingPoolAbi, "payoutCap")),
    );
  });

  it("closes a dispute its arbitrator left silent past the inactivity deadline", async () => {
    assert.ok(indexer);
    const id = payouts.stalledClaimId;
    const { claim, coverages } = await graphql<{
      claim: {
        status: string;
        deadline: string;
        resolvedAt: string;
        bond: string;
        events: Page<{ kind: string; deadline: string | null; timestamp: string; tokens: string }>;
        disputes: Page<{ status: string }>;
      };
      coverages: Page<{ maxDisputeInactivity: string; waitingPeriod: string }>;
    }>(
      indexer.url,
      `{ claim(id: "${id}") { status deadline resolvedAt bond
           events(orderBy: "id") { items { kind deadline timestamp tokens } }
           disputes { items { status } } }
         coverages { items { maxDisputeInactivity waitingPeriod } } }`,
    );
    const manager = deployment.contracts.claimsManager as Address;
    const onChain = await read<{ status: number; deadline: number }>(
      manager,
      claimsManagerAbi,
      "claim",
      [id],
    );
    assert.equal(claim.status, CLAIM_STATUS[onChain.status]);
    assert.equal(claim.status, "DisputeClosed");
    assert.deepEqual(
      claim.events.items.map((e) => e.kind),
      ["created", "rejected", "escalated", "evidence", "disputeClosed"],
    );
    const [, , escalated, , closed] = claim.events.items;
    assert.ok(escalated && closed);
    // The inactivity deadline: the escalation plus the 14 days set before it, as on the chain.
    assert.equal(coverages.items[0]?.maxDisputeInactivity, String(14 * 24 * 3600));
    assert.equal(escalated.deadline, String(BigInt(escalated.timestamp) + 14n * 24n * 3600n));
    assert.equal(claim.deadline, String(onChain.deadline));
    assert.ok(BigInt(closed.timestamp) > BigInt(claim.deadline));
    assert.equal(closed.tokens, claim.bond, "the bond went back");
    assert.equal(claim.resolvedAt, closed.timestamp);
    assert.deepEqual(claim.disputes.items, [{ status: "closed" }]);
    assert.equal(
      coverages.items[0]?.waitingPeriod,
      String(await read<bigint>(manager, iClaimsManagerAbi, "waitingPeriod")),
    );
  });

  it("records the claims manager's activation and each dAPI's feed settings", async () => {
    assert.ok(indexer);
    const manager = (deployment.contracts.claimsManager as Address).toLowerCase();
    const { claimsManager, dapis } = await graphql<{
      claimsManager: { authorized: boolean; activatesAt: string; owed: string };
      dapis: Page<{ nameText: string; heartbeat: string | null; grace: string | null }>;
    }>(
      indexer.url,
      `{ claimsManager(id: "${manager}") { authorized activatesAt owed }
         dapis { items { nameText heartbeat grace } } }`,
    );
    assert.equal(claimsManager.authorized, true);
    assert.equal(claimsManager.owed, "0");
    assert.ok(dapis.items.length >= 2);
    for (const d of dapis.items) {
      assert.ok(BigInt(d.heartbeat ?? 0) > 0n, `${d.nameText}: heartbeat`);
      assert.ok(d.grace !== null, `${d.nameText}: grace`);
    }
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
    assert.equal(pools.items[0]?.apr, String(await read<bigint>(pool, iStakingPoolAbi, "apr")));
    assert.equal(
      pools.items[0]?.epoch,
      String(await read<bigint>(pool, iStakingPoolAbi, "currentEpoch")),
    );
    assert.equal(aprUpdates.items[0]?.apr, pools.items[0]?.apr);
    const minted = rewards.items.reduce((total, r) => total + BigInt(r.amount), 0n);
    assert.ok(minted > 0n, "the epoch minted a reward");
    assert.ok(BigInt(pools.items[0]?.totalRewards ?? 0) >= minted);
  });

  it("records the premiums the pool pulls from the claims manager week by week", async () => {
    assert.ok(indexer);
    const manager = (deployment.contracts.claimsManager as Address).toLowerCase();
    const { rewards, coverages, pools } = await graphql<{
      rewards: Page<{ from: string; amount: string; released: string; epoch: string }>;
      coverages: Page<{
        totalPremiums: string;
        totalPremiumsToStakers: string;
        totalPremiumsToTreasury: string;
      }>;
      pools: Page<{ totalPremiums: string }>;
    }>(
      indexer.url,
      `{ rewards(where: { kind: "premiums" }, orderBy: "id", limit: 100) {
           items { from amount released epoch } }
         coverages { items { totalPremiums totalPremiumsToStakers totalPremiumsToTreasury } }
         pools { items { totalPremiums } } }`,
    );
    // Epochs started after the policies were bought (the seed's week, then 8, 7 and 14 days on).
    assert.ok(rewards.items.length >= 2, JSON.stringify(rewards.items));
    for (const r of rewards.items) {
      assert.equal(r.from, manager);
      assert.ok(BigInt(r.released) <= BigInt(r.amount));
    }
    const pulled = rewards.items.reduce((total, r) => total + BigInt(r.amount), 0n);
    assert.ok(pulled > 0n);
    assert.equal(pools.items[0]?.totalPremiums, String(pulled));
    const coverage = coverages.items[0];
    assert.ok(coverage);
    assert.equal(coverage.totalPremiumsToStakers, String(pulled));
    // The treasury's share (10%) is cut at each pull, rounded down; together no more than was paid.
    const toTreasury = BigInt(coverage.totalPremiumsToTreasury);
    const streamed = pulled + toTreasury;
    assert.ok(toTreasury > 0n && toTreasury <= streamed / 10n);
    assert.ok(streamed / 10n - toTreasury <= BigInt(rewards.items.length));
    assert.ok(streamed <= BigInt(coverage.totalPremiums));
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

  it("answers SQL over HTTP like GraphQL and the chain after one block updates 25 stakers", async () => {
    assert.ok(indexer);
    await assertSqlAgreesAfterManyUpdates(indexer.url, anvil.rpcUrl, deployment, stakers);
  });

  it("refuses the cross-join SQL and the nested GraphQL request, stays healthy and keeps indexing", async () => {
    assert.ok(indexer);
    await assertHostileRequestsRefused(indexer.url, async () => {
      const receipt = await send(
        "alice",
        deployment.contracts.stakingPool,
        stakingPoolAbi,
        "deposit",
        [parseEther("1")],
      );
      return receipt.blockNumber;
    });
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
    // The stop released ponder's schema lock: the next start does not wait for it to expire.
    if (!process.env.DATABASE_URL) {
      const db = new PGlite(join(dataDir, "pglite"));
      const { rows } = await db.query<{ locked: number }>(
        "select (value->>'is_locked')::int as locked from ipool._ponder_meta",
      );
      await db.close();
      assert.deepEqual(rows, [{ locked: 0 }], "_ponder_meta.is_locked after stop()");
    }
    await send("alice", deployment.contracts.stakingPool, stakingPoolAbi, "depositAndStake", [
      parseEther("1000"),
    ]);
    const lockWaits: string[] = [];
    const restarting = Date.now();
    indexer = await startIndexer({
      deploymentPath,
      onLog: (line) => {
        if (line.includes("Schema is locked")) lockWaits.push(line);
      },
    });
    console.log(`restarted in ${Date.now() - restarting} ms`);
    assert.deepEqual(lockWaits, [], "the restart did not wait for a lock");
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

  it("stops loudly on a reorg deeper than finality, and the next start resyncs", async () => {
    assert.ok(indexer);
    const fresh = await fundStakers(anvil.rpcUrl, deployment, 3);
    const eventBlock = await mineInOneBlock(
      anvil.rpcUrl,
      depositAndStakeCalls(deployment, fresh, parseEther("10")),
    );
    // 65 blocks more: ponder (finality 30 blocks on anvil) finalizes blocks once the head is two
    // finality depths past its last finalized block, the block of the events included.
    await rpc(anvil.rpcUrl, "anvil_mine", ["0x41"]);
    const head = Number(await rpc<string>(anvil.rpcUrl, "eth_blockNumber"));
    await waitForIndexedBlock(indexer.url, head, 30_000);
    for (let i = 0; (readFinalizedBlock(dataDir)?.number ?? 0) < eventBlock; i++) {
      assert.ok(i < 100, "the indexer recorded a finalized block past the events");
      await new Promise((done) => setTimeout(done, 100));
    }
    const count = async (url: string) =>
      (await graphql<{ stakers: { totalCount: number } }>(url, "{ stakers { totalCount } }"))
        .stakers.totalCount;
    assert.equal(await count(indexer.url), 3);

    // Replace every block from the one with the events on: a reorg 66 blocks deep, past both ponder's
    // finality (30) and the most blocks it keeps unfinalized (60).
    await rpc(anvil.rpcUrl, "anvil_reorg", [head - Number(eventBlock) + 1, []]);
    const reorged = Date.now();
    const url = indexer.url;
    const healthy = () =>
      fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.status === 200,
        () => false,
      );
    while (await healthy()) {
      assert.ok(
        Date.now() - reorged < 10_000,
        "the indexer still answered /health 200 10 s after a reorg deeper than finality",
      );
      await new Promise((done) => setTimeout(done, 100));
    }
    const detectedMs = Date.now() - reorged;
    console.log(`deep reorg: /health red ${detectedMs} ms after it`);
    const exit = await indexer.exited;
    // The indexer's chain guard (exit code 65) or ponder's own reorg check (stopped by SIGINT,
    // exit code 0) notices first; either way with this reason, logged.
    assert.equal(exit.requested, false);
    assert.ok(exit.code === DEEP_REORG_EXIT_CODE || exit.code === 0, `exit code ${exit.code}`);
    assert.match(exit.reason ?? "", /^Reorg deeper than finality: .*the indexer stops/);
    assert.ok(readFileSync(join(dataDir, "ponder.log"), "utf8").includes(exit.reason ?? "?"));

    // The next start (the devnet restarts its indexer) finds why, and resyncs from scratch.
    assert.match(
      (await finalizedBlockReplaced(anvil.rpcUrl, dataDir)) ?? "",
      /^the chain replaced block \d+ \(0x[0-9a-f]{64}\) that the indexed data was built on: resyncing$/,
    );
    indexer = undefined;
  });
});
