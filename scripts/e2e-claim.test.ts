/**
 * Issue 4's end-to-end test, from TypeScript on anvil: stake -> buy coverage -> the covered dAPI
 * malfunctions (the Airnode's signed data pushes a wrong value) -> claim -> mediator settles or rejects ->
 * escalation -> the local arbitrator rules, appeal, final ruling -> payout. Stakers' stakes fall pro rata
 * and the claimant's bond goes where it should.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type Address, maxUint256, parseEther } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import {
  type AnvilInstance,
  DEVNET_CODE_SIZE_LIMIT,
  startAnvil,
} from "../packages/devnet/src/anvil.ts";
import { AnvilChain, eventArgOf } from "../packages/devnet/src/chain.ts";
import { pushBeaconValue } from "../packages/sdk/src/deploy/api3.ts";
import { api3ReaderProxyV1Abi } from "../packages/sdk/src/deploy/api3Artifacts.ts";
import { artifact, claimsManagerAbi } from "../packages/sdk/src/deploy/artifacts.ts";
import { createTxContext } from "../packages/sdk/src/deploy/context.ts";
import { deployDevnet } from "../packages/sdk/src/deploy/devnet.ts";
import { DEVNET_MNEMONIC, devnetAccount } from "../packages/sdk/src/deploy/devnetAccounts.ts";
import { dapiNameOf } from "../packages/sdk/src/deploy/system.ts";
import type { Deployment } from "../packages/sdk/src/deployment.ts";
import { claimBond } from "../packages/sdk/src/maths/claims.ts";

const tokenAbi = artifact("TestToken").abi;
const poolAbi = artifact("StakingPool").abi;
const arbitratorAbi = artifact("LocalArbitrator").abi;
const claimsAbi = claimsManagerAbi();
const account = (index: number) =>
  mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index }).address;
const [deployer, mediator, court] = [account(0), account(1), account(2)];
const stakers = [account(4), account(5), account(6)];
const stakes = [parseEther("400000"), parseEther("250000"), parseEther("150000")];
const policyholder = account(8);
const RULING_PAY_CLAIM = 1n;
const RULING_PAY_SETTLEMENT = 2n;
const RULING_REFUSE = 0n;
const STATUS = { Pending: 1, PaidClaim: 6, Refused: 8 } as const;

let anvil: AnvilInstance;
let chain: AnvilChain;
let deployment: Deployment;
let pool: Address;
let claims: Address;
let arbitrator: Address;
let token: Address;
let policyId: bigint;
/** When the covered dAPI failed: the claims' incident time (after the policy's 1-day waiting period). */
let incidentAt: bigint;

const send = (
  from: Address,
  to: Address,
  abi: typeof poolAbi,
  functionName: string,
  args: readonly unknown[] = [],
  value?: bigint,
) => chain.send({ from, to, abi, functionName, args, ...(value ? { value } : {}) }, functionName);
const balanceOf = (who: Address) => chain.read<bigint>(token, tokenAbi, "balanceOf", [who]);
const stakeOf = (who: Address) => chain.read<bigint>(pool, poolAbi, "stakeOf", [who]);
const claimOf = (id: bigint) =>
  chain.read<{ status: number; bond: bigint }>(claims, claimsAbi, "claim", [id]);
const pending = async () => {
  const [stakerAmount, treasuryAmount] = await chain.read<[bigint, bigint]>(
    claims,
    claimsAbi,
    "pendingRewards",
  );
  return stakerAmount + treasuryAmount;
};

before(async () => {
  anvil = await startAnvil({ codeSizeLimit: DEVNET_CODE_SIZE_LIMIT });
  chain = new AnvilChain(anvil.rpcUrl);
  const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
  deployment = await deployDevnet(ctx, { rpcUrl: anvil.rpcUrl });
  ({ stakingPool: pool, token } = deployment.contracts);
  claims = deployment.contracts.claimsManager as Address;
  arbitrator = deployment.contracts.arbitrator as Address;

  // Stake: three stakers with different positions.
  for (const [i, staker] of stakers.entries()) {
    await send(deployer, token, tokenAbi, "mint", [staker, stakes[i]]);
    await send(staker, token, tokenAbi, "approve", [pool, maxUint256]);
    await send(staker, pool, poolAbi, "depositAndStake", [stakes[i]]);
  }

  // Buy coverage: 50,000 USD of ETH/USD for 90 days, at the quoted premium.
  await send(deployer, token, tokenAbi, "mint", [policyholder, parseEther("100000")]);
  await send(policyholder, token, tokenAbi, "approve", [claims, maxUint256]);
  const ethUsd = await chain.read<bigint>(claims, claimsAbi, "dapiIdOf", [
    dapiNameOf("ETH/USD"),
    31337n,
  ]);
  const [premium] = await chain.read<[bigint, bigint]>(claims, claimsAbi, "quoteCoverage", [
    ethUsd,
    parseEther("50000"),
    90n * 86400n,
  ]);
  assert.ok(premium > 0n, "a premium is charged");
  const paidBefore = await balanceOf(policyholder);
  const bought = await send(policyholder, claims, claimsAbi, "buyCoverage", [
    ethUsd,
    parseEther("50000"),
    90n * 86400n,
    premium,
    "ipfs://e2e/policy.json",
  ]);
  policyId = eventArgOf(claimsAbi, bought, "PolicyCreated", "policyId");
  assert.equal(
    paidBefore - (await balanceOf(policyholder)),
    premium,
    "the quoted premium was paid",
  );
});

after(async () => {
  await anvil?.stop();
});

test("the covered dAPI malfunctions: signed data pushes a wrong value, read through its proxy", async () => {
  const feed = deployment.devnet?.feeds.find((f) => f.name === "ETH/USD");
  assert.ok(feed && deployment.contracts.api3ServerV1);
  const airnode = devnetAccount("airnode");
  const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: airnode });
  // The failure comes after the policy's waiting period (1 day by default): an incident the policy covers.
  const waitingPeriod = await chain.read<bigint>(claims, claimsAbi, "waitingPeriod");
  await chain.increaseTime(Number(waitingPeriod) + 5);
  await pushBeaconValue(
    ctx,
    deployment.contracts.api3ServerV1,
    airnode,
    feed.templateId,
    parseEther("1"),
  );
  const [value] = await chain.read<readonly [bigint, number]>(
    feed.proxy,
    api3ReaderProxyV1Abi,
    "read",
  );
  assert.equal(value, parseEther("1"), "ETH/USD reads 1 USD instead of ~3,000");
  incidentAt = (await ctx.publicClient.getBlock()).timestamp;
});

/** The bond of a claim of `amountUsd`: the floor plus the rate per USD claimed (18-decimal token). */
async function bondOf(amountUsd: bigint): Promise<bigint> {
  const floor = await chain.read<bigint>(claims, claimsAbi, "claimantBond");
  const rate = await chain.read<bigint>(claims, claimsAbi, "claimantBondRate");
  return claimBond(amountUsd, { floor, rate, tokenUnit: 10n ** 18n });
}

test("claim -> settlement -> escalation -> ruling, appeal, final ruling -> payout, pro rata, bond returned", async () => {
  const bond = await bondOf(parseEther("20000"));
  const balance0 = await balanceOf(policyholder);
  const filed = await send(policyholder, claims, claimsAbi, "createClaim", [
    policyId,
    parseEther("20000"),
    incidentAt,
    "ipfs://e2e/evidence-eth-usd-1usd.json",
  ]);
  const claimId = eventArgOf(claimsAbi, filed, "ClaimCreated", "claimId");
  assert.equal(balance0 - (await balanceOf(policyholder)), bond, "the bond was pulled");
  assert.equal((await claimOf(claimId)).status, STATUS.Pending);

  // The mediator offers a settlement below the claim; the claimant escalates instead.
  await send(mediator, claims, claimsAbi, "proposeSettlement", [claimId, parseEther("5000")]);
  const cost = await chain.read<bigint>(arbitrator, arbitratorAbi, "arbitrationCost", ["0x"]);
  const escalated = await send(
    policyholder,
    claims,
    claimsAbi,
    "escalateClaim",
    [claimId, "ipfs://e2e/evidence-eth-usd-1usd.json"],
    cost,
  );
  const disputeId = eventArgOf(claimsAbi, escalated, "ClaimEscalated", "disputeId");
  await send(policyholder, claims, claimsAbi, "submitEvidence", [
    claimId,
    "ipfs://e2e/more-evidence.json",
  ]);
  await send(mediator, claims, claimsAbi, "submitEvidence", [
    claimId,
    "ipfs://e2e/mediator-view.json",
  ]);

  // First ruling: pay the settlement. The claimant appeals; the final ruling pays the whole claim.
  await send(court, arbitrator, arbitratorAbi, "giveRuling", [disputeId, RULING_PAY_SETTLEMENT]);
  const appealCost = await chain.read<bigint>(arbitrator, arbitratorAbi, "appealCost", [
    disputeId,
    "0x",
  ]);
  await send(policyholder, arbitrator, arbitratorAbi, "appeal", [disputeId, "0x"], appealCost);
  await send(court, arbitrator, arbitratorAbi, "giveRuling", [disputeId, RULING_PAY_CLAIM]);
  const [, appealEnd] = await chain.read<[bigint, bigint]>(
    arbitrator,
    arbitratorAbi,
    "appealPeriod",
    [disputeId],
  );
  await assert.rejects(
    send(stakers[0] as Address, arbitrator, arbitratorAbi, "executeRuling", [disputeId]),
    /reverted/,
  );
  await chain.increaseTime(appealEnd - (await chain.now()) + 1n);

  // Anyone executes the final ruling: the pool pays, every staker loses the same fraction.
  const stakesBefore = await Promise.all(stakers.map(stakeOf));
  const totalBefore = await chain.read<bigint>(pool, poolAbi, "totalStake");
  const balanceBefore = await balanceOf(policyholder);
  const executed = await send(stakers[1] as Address, arbitrator, arbitratorAbi, "executeRuling", [
    disputeId,
  ]);
  const tokens = eventArgOf(claimsAbi, executed, "RulingExecuted", "tokens");
  const usd = eventArgOf(claimsAbi, executed, "RulingExecuted", "amountUsd");
  assert.equal(usd, parseEther("20000"), "the whole claim is paid");
  assert.equal(tokens, parseEther("16000"), "20,000 USD at 1.25 USD per API3");
  assert.equal((await claimOf(claimId)).status, STATUS.PaidClaim);
  assert.equal(
    (await balanceOf(policyholder)) - balanceBefore,
    tokens + bond,
    "payout plus the bond back",
  );

  const stakesAfter = await Promise.all(stakers.map(stakeOf));
  const totalAfter = await chain.read<bigint>(pool, poolAbi, "totalStake");
  const drop = totalBefore - totalAfter;
  assert.ok(
    drop <= tokens && drop > tokens - parseEther("1"),
    `total stake fell by the payout (${drop})`,
  );
  // after_i / before_i is the same for every staker (cross-multiplied; 1e-12 relative tolerance).
  for (let i = 1; i < stakers.length; i++) {
    const lhs = (stakesAfter[i] as bigint) * (stakesBefore[0] as bigint);
    const rhs = (stakesAfter[0] as bigint) * (stakesBefore[i] as bigint);
    const diff = lhs > rhs ? lhs - rhs : rhs - lhs;
    assert.ok(diff * 10n ** 12n <= rhs, `staker ${i} lost the same fraction as staker 0`);
    assert.ok((stakesAfter[i] as bigint) < (stakesBefore[i] as bigint), `staker ${i} paid`);
  }
  const fraction = Number(((totalBefore - totalAfter) * 10n ** 9n) / totalBefore) / 1e9;
  const stakerFraction =
    Number(
      (((stakesBefore[0] as bigint) - (stakesAfter[0] as bigint)) * 10n ** 9n) /
        (stakesBefore[0] as bigint),
    ) / 1e9;
  assert.ok(
    Math.abs(fraction - stakerFraction) < 1e-6,
    `pro rata: pool ${fraction}, staker ${stakerFraction}`,
  );
});

test("claim -> mediator rejects -> escalation -> refused on appeal -> no payout, the bond goes to stakers", async () => {
  const bond = await bondOf(parseEther("10000"));
  const filed = await send(policyholder, claims, claimsAbi, "createClaim", [
    policyId,
    parseEther("10000"),
    incidentAt,
    "ipfs://e2e/evidence-2.json",
  ]);
  const claimId = eventArgOf(claimsAbi, filed, "ClaimCreated", "claimId");
  await send(mediator, claims, claimsAbi, "rejectClaim", [claimId]);
  const cost = await chain.read<bigint>(arbitrator, arbitratorAbi, "arbitrationCost", ["0x"]);
  const escalated = await send(
    policyholder,
    claims,
    claimsAbi,
    "escalateClaim",
    [claimId, "ipfs://e2e/evidence-2.json"],
    cost,
  );
  const disputeId = eventArgOf(claimsAbi, escalated, "ClaimEscalated", "disputeId");

  await send(court, arbitrator, arbitratorAbi, "giveRuling", [disputeId, RULING_PAY_CLAIM]);
  const appealCost = await chain.read<bigint>(arbitrator, arbitratorAbi, "appealCost", [
    disputeId,
    "0x",
  ]);
  await send(mediator, arbitrator, arbitratorAbi, "appeal", [disputeId, "0x"], appealCost);
  await send(court, arbitrator, arbitratorAbi, "giveRuling", [disputeId, RULING_REFUSE]);
  const [, appealEnd] = await chain.read<[bigint, bigint]>(
    arbitrator,
    arbitratorAbi,
    "appealPeriod",
    [disputeId],
  );
  await chain.increaseTime(appealEnd - (await chain.now()) + 1n);

  const totalBefore = await chain.read<bigint>(pool, poolAbi, "totalStake");
  const balanceBefore = await balanceOf(policyholder);
  const pendingBefore = await pending();
  await send(deployer, arbitrator, arbitratorAbi, "executeRuling", [disputeId]);
  assert.equal((await claimOf(claimId)).status, STATUS.Refused);
  assert.equal(await balanceOf(policyholder), balanceBefore, "no payout, no bond back");
  assert.equal(
    (await pending()) - pendingBefore,
    bond,
    "the bond is forfeited to the stakers' rewards",
  );
  assert.ok(
    (await chain.read<bigint>(pool, poolAbi, "totalStake")) >= totalBefore,
    "the pool paid nothing",
  );

  // Distributed: the forfeited bond goes to the pool (queued, streamed over the next epoch), the treasury gets its
  // premiums (cut as the pool pulled them week by week, and each purchase's rounding dust).
  const treasury = deployment.accounts?.treasury?.address as Address;
  const treasuryBefore = await balanceOf(treasury);
  const poolBalanceBefore = await balanceOf(pool);
  const [stakersPart, treasuryPart] = await chain.read<readonly [bigint, bigint]>(
    claims,
    claimsAbi,
    "pendingRewards",
  );
  await send(deployer, claims, claimsAbi, "distributeRewards");
  const toTreasury = (await balanceOf(treasury)) - treasuryBefore;
  const toPool = (await balanceOf(pool)) - poolBalanceBefore;
  assert.equal(toPool, stakersPart, "the pool received the stakers' part");
  assert.equal(toTreasury, treasuryPart, "the treasury received its premiums");
  assert.ok(toPool >= bond, "the forfeited bond was distributed to the stakers");
});
