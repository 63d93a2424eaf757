import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { claimNumber, getClaimsOf, getTotalStake } from "@insurance-pool/sdk";
import { type Address, erc20Abi } from "viem";
import { getTransactionCount, readContract } from "viem/actions";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

describe("coverage, claims, mediation and arbitration commands against the devnet", () => {
  let fx: DevnetFixture;
  let dir = "";
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };
  const nonce = (address: Address) => getTransactionCount(fx.deployer.publicClient, { address });
  /** A refused input (exit 1), or with `code` 2 a malformed one; either way nothing is sent. */
  const refused = async (
    from: string,
    argv: string[],
    message: RegExp,
    code = 1,
  ): Promise<void> => {
    const before = await nonce(fx.role(from));
    const result = await cli(...argv);
    assert.equal(result.code, code, `ipool ${argv.join(" ")} should fail:\n${result.stdout}`);
    assert.match(result.stderr, message);
    assert.equal(await nonce(fx.role(from)), before, `ipool ${argv.join(" ")} sent a transaction`);
  };
  const tokenBalance = (owner: Address) =>
    readContract(fx.deployer.publicClient, {
      address: fx.deployment.contracts.token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [owner],
    });
  /** The status of the claim numbered `number` (its id encodes its policy: see `claimNumber`). */
  const claimStatus = async (number: bigint) => {
    const claims = await getClaimsOf(fx.deployer.publicClient, {
      claimsManager: fx.deployment.contracts.claimsManager as Address,
      fromBlock: BigInt(fx.deployment.startBlock),
    });
    return claims.find((c) => claimNumber(c.claimId) === number)?.claim.status ?? 0;
  };

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await ok("deposit", "200k", "--stake", "--account", "alice");
  });
  after(async () => fx?.stop());

  it("quote prices coverage and buy creates the policy at that premium", async () => {
    const quote = (
      await ok("quote", "10k", "--dapi", "ETH/USD", "--period", "30d", "--json")
    ).json();
    assert.ok(BigInt(quote.premium as string) > 0n);
    assert.equal(quote.fits, true);
    const bought = (
      await ok(
        "buy",
        "10k",
        "--dapi",
        "ETH/USD",
        "--period",
        "30d",
        "--account",
        "policyholder",
        "--json",
      )
    ).json();
    assert.equal(bought.policyNumber, "1");
    assert.equal(bought.premium, quote.premium, "same block state, same premium");
    const policies = await ok("policies", "--account", "policyholder");
    assert.match(
      policies.stdout,
      /policy 1:\n {2}claimant: +0x[0-9a-fA-F]{40}\n {2}dAPI: +1 \(ETH\/USD\)\n {2}coverage: +10,000 USD \(10,000 USD remaining for new claims\)/,
    );
  });

  it("refuses bad purchases before sending anything", async () => {
    await refused(
      "policyholder",
      ["buy", "1000m", "--dapi", "ETH/USD", "--account", "policyholder"],
      /of coverage exceeds the [\d,.]+ USD available on dAPI 1/,
    );
    await refused(
      "policyholder",
      ["buy", "1k", "--dapi", "DOGE/USD", "--account", "policyholder"],
      /no covered dAPI is named "DOGE\/USD"/,
    );
    await refused(
      "policyholder",
      ["buy", "1k", "--dapi", "9", "--account", "policyholder"],
      /no dAPI has id 9/,
    );
    // Periods are checked against the claims manager's bounds (1 day to 730 days), at both edges; seconds
    // were once shown as tokens ("max <0.0001 API3") and quote accepted any period.
    for (const period of ["0", "1s", "86399", "63072001", "10y"]) {
      for (const command of ["buy", "quote"]) {
        const argv = [
          command,
          "1k",
          "--dapi",
          "ETH/USD",
          "--period",
          period,
          "--account",
          "policyholder",
        ];
        await refused("policyholder", argv, /--period .* is not between 1d and 730d\n/);
      }
    }
    for (const period of ["86400", "1d", "730d", "63072000"]) {
      await ok("quote", "1k", "--dapi", "ETH/USD", "--period", period);
    }
    await refused(
      "policyholder",
      ["buy", "1k", "--dapi", "ETH/USD", "--max-premium", "0.000001", "--account", "policyholder"],
      /exceeds --max-premium/,
    );
    await refused(
      "policyholder",
      ["buy", "1k", "--dapi", "ETH/USD", "--period", "soon", "--account", "policyholder"],
      /"soon" is not a duration/,
      2,
    );
  });

  it("claim, mediator accepts: the claimant is paid and the pool pays", async () => {
    // An incident before the waiting period (1 day after the purchase) is not covered: refused before sending.
    await refused(
      "policyholder",
      ["claim", "1", "2k", "--evidence", "ipfs://too-early", "--account", "policyholder"],
      /^error: policy 1 covers incidents from .* UTC \(its start plus the 24 h waiting period\); the incident started .* UTC\n/,
    );
    await fx.deployer.publicClient.request({
      method: "evm_increaseTime",
      params: [86_400 + 60],
    } as never);
    await fx.deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
    await refused(
      "policyholder",
      [
        "claim",
        "1",
        "2k",
        "--evidence",
        "ipfs://x",
        "--incident",
        "soon",
        "--account",
        "policyholder",
      ],
      /"soon" is not a time/,
    );
    const stakeBefore = await getTotalStake(fx.deployer.publicClient, {
      pool: fx.deployment.contracts.stakingPool,
    });
    const balanceBefore = await tokenBalance(fx.role("policyholder"));
    const filed = await ok(
      "claim",
      "1",
      "2k",
      "--evidence",
      "ipfs://feed-off-by-10pct",
      "--account",
      "policyholder",
    );
    assert.match(filed.stdout, /claim 1:\n {2}status: +Pending/);
    assert.match(filed.stdout, /mediator answers by: .* UTC/);
    await refused(
      "bob",
      ["accept", "1", "--account", "bob"],
      new RegExp(`^error: only the mediator ${fx.role("mediator")} can accept claims\n`),
    );
    const accepted = await ok("accept", "1", "--account", "mediator");
    assert.match(accepted.stdout, /status: +PaidClaim/);
    const paid = (await tokenBalance(fx.role("policyholder"))) - balanceBefore;
    // 2,000 USD at 1.25 USD per token = 1,600 tokens, minus the bond paid and returned (net zero).
    assert.equal(paid, 1_600n * 10n ** 18n);
    const stakeAfter = await getTotalStake(fx.deployer.publicClient, {
      pool: fx.deployment.contracts.stakingPool,
    });
    assert.ok(stakeAfter <= stakeBefore - 1_600n * 10n ** 18n, "the pool paid the claim");
    await refused(
      "mediator",
      ["accept", "1", "--account", "mediator"],
      /accept claim: claim 1 is PaidClaim, which does not allow this/,
    );
  });

  it("refuses bad claims before sending anything", async () => {
    await refused(
      "policyholder",
      ["claim", "1", "9k", "--evidence", "ipfs://x", "--account", "policyholder"],
      /claim: invalid claim amount \(amountUsd 9,000 USD, claimableUsd 8,000 USD\)/,
    );
    await refused(
      "alice",
      ["claim", "1", "1k", "--evidence", "ipfs://x", "--account", "alice"],
      new RegExp(`^error: only the claimant ${fx.role("policyholder")} can claim on policy 1\n`),
    );
    await refused(
      "policyholder",
      ["claim", "1", "1k", "--account", "policyholder"],
      /missing --evidence <uri>/,
    );
    await refused(
      "policyholder",
      ["claim", "7", "1k", "--evidence", "ipfs://x", "--account", "policyholder"],
      /no policy has id 7/,
    );
    await refused(
      "policyholder",
      ["claim", "x", "1k", "--evidence", "ipfs://x", "--account", "policyholder"],
      /policy id "x" is not a whole number/,
      2,
    );
  });

  it("settle, then the claimant accepts the settlement", async () => {
    await ok("claim", "1", "1k", "--evidence", "ipfs://two", "--account", "policyholder");
    await refused(
      "mediator",
      ["settle", "2", "1k", "--account", "mediator"],
      /propose settlement: invalid settlement/,
    );
    const settled = await ok("settle", "2", "400", "--account", "mediator");
    assert.match(settled.stdout, /status: +SettlementProposed/);
    assert.match(settled.stdout, /settlement: +400 USD/);
    assert.match(settled.stdout, /accept settlement by: .* UTC/);
    await refused(
      "bob",
      ["settle", "2", "300", "--account", "bob"],
      new RegExp(`^error: only the mediator ${fx.role("mediator")} can propose settlements\n`),
    );
    await refused(
      "bob",
      ["accept-settlement", "2", "--account", "bob"],
      new RegExp(
        `^error: only the claimant ${fx.role("policyholder")} can accept the settlement of claim 2\n {2}You are ${fx.role("bob")}; nothing was sent.\n`,
      ),
    );
    await refused(
      "policyholder",
      ["accept-settlement", "2", "--min-payout", "1k", "--account", "policyholder"],
      /accept settlement: payout below minimum \(payoutTokens 320 API3, minimumPayoutTokens 1,000 API3\)/,
    );
    const accepted = await ok("accept-settlement", "2", "--account", "policyholder");
    assert.match(accepted.stdout, /status: +PaidSettlement/);
    await refused(
      "policyholder",
      ["accept-settlement", "2", "--account", "policyholder"],
      /claim 2 is PaidSettlement: there is no settlement to accept/,
    );
  });

  it("reject, escalate, evidence, rule, appeal, rule again and execute the final ruling", async () => {
    await ok("claim", "1", "1k", "--evidence", "ipfs://three", "--account", "policyholder");
    await refused(
      "bob",
      ["reject", "3", "--account", "bob"],
      new RegExp(`^error: only the mediator ${fx.role("mediator")} can reject claims\n`),
    );
    const rejected = await ok("reject", "3", "--account", "mediator");
    assert.match(rejected.stdout, /status: +MediatorRejected/);
    await refused(
      "bob",
      ["escalate", "3", "--account", "bob"],
      new RegExp(`^error: only the claimant ${fx.role("policyholder")} can escalate claim 3\n`),
    );
    await refused(
      "policyholder",
      ["rule", "3", "pay", "--account", "court"],
      /claim 3 is MediatorRejected, not disputed/,
    );
    const escalated = await ok("escalate", "3", "--account", "policyholder");
    assert.match(escalated.stdout, /dispute 0 opened at 0x[0-9a-fA-F]{40}/);
    assert.match(escalated.stdout, /escalate claim 3 \(fee 0.1 ETH\)/);
    assert.equal(await claimStatus(3n), 4);
    const waiting = await ok("claims", "3");
    assert.match(waiting.stdout, /ruling: +none yet: the court has not ruled/);
    assert.match(waiting.stdout, /payout: +pending: waiting for the court's ruling/);
    await ok("evidence", "3", "ipfs://more-evidence", "--account", "policyholder");
    await refused(
      "bob",
      ["evidence", "3", "ipfs://spam", "--account", "bob"],
      new RegExp(
        `^error: only the claimant ${fx.role("policyholder")} or the mediator ${fx.role("mediator")} can add evidence to claim 3\n`,
      ),
    );

    await refused(
      "court",
      ["rule", "3", "maybe", "--account", "court"],
      /ruling "maybe" is not refuse \(0\), pay \(1\) or settle \(2\)/,
    );
    await refused(
      "bob",
      ["rule", "3", "pay", "--account", "bob"],
      new RegExp(
        `^error: only the arbitrator's owner ${fx.role("court")} can rule on claim 3's dispute 0\n`,
      ),
    );
    const ruled = await ok("rule", "3", "pay", "--account", "court");
    assert.match(ruled.stdout, /appealable until .* UTC; then: ipool execute-ruling 3/);
    // During the appeal period: the current ruling, the deadline and fee of an appeal, why the payout waits.
    const disputed = await ok("claims", "3");
    assert.match(disputed.stdout, /ruling: +1 \(pay claim\), the court's current ruling/);
    assert.match(
      disputed.stdout,
      /appeal: +until .* UTC \(in 10m\): ipool appeal 3 \(fee 0\.2 ETH\)/,
    );
    assert.match(
      disputed.stdout,
      /payout: +pending: the ruling is final when the appeal period ends \(.* UTC \(in 10m\)\); then anyone delivers it: ipool execute-ruling 3/,
    );
    const disputedJson = (await ok("claims", "3", "--json")).json() as Record<string, unknown>;
    assert.equal(disputedJson.claimNumber, "3");
    assert.equal(disputedJson.policyNumber, "1");
    assert.equal(disputedJson.statusName, "Disputed");
    assert.deepEqual(
      (({ rulingName, appealOpen, appealVia, appealFee }) => ({
        rulingName,
        appealOpen,
        appealVia,
        appealFee,
      }))(disputedJson.dispute as Record<string, unknown>),
      {
        rulingName: "pay claim",
        appealOpen: true,
        appealVia: "arbitrator",
        appealFee: "200000000000000000",
      },
    );
    await refused(
      "bob",
      ["execute-ruling", "3", "--account", "bob"],
      /execute ruling: appeal period not over/,
    );

    const appealed = await ok("appeal", "3", "--account", "mediator");
    assert.match(appealed.stdout, /appeal dispute 0 \(fee 0.2 ETH\)/);
    await ok("rule", "3", "refuse", "--account", "court");
    await fx.warp(601);
    const final = await ok("claims", "3");
    assert.match(final.stdout, /appeal: +period over .* UTC \(\d+s ago\)/);
    assert.match(
      final.stdout,
      /payout: +pending: the ruling is final but not delivered yet; anyone delivers it: ipool execute-ruling 3/,
    );
    const bondBefore = await tokenBalance(fx.role("policyholder"));
    const executed = await ok("execute-ruling", "3", "--account", "bob");
    assert.match(executed.stdout, /status: +Refused/);
    assert.match(executed.stdout, /ruling: +0 \(refuse\)/);
    assert.equal(
      await tokenBalance(fx.role("policyholder")),
      bondBefore,
      "a refused claim pays nothing",
    );
  });

  it("time-out closes a claim nobody answered; distribute sends its bond to the pool (queued) and the treasury its premiums", async () => {
    await ok("claim", "1", "500", "--evidence", "ipfs://four", "--account", "policyholder");
    await refused(
      "bob",
      ["time-out", "4", "--account", "bob"],
      /time out claim: deadline not passed \(claimId 4, deadline .* UTC, now .* UTC\)/,
    );
    await refused(
      "bob",
      ["time-out", "1", "--account", "bob"],
      /claim 1 is PaidClaim: it cannot time out/,
    );
    // `claims` says when a claim can be timed out, and says so at exactly that second (not one before).
    const pending = (await ok("claims", "4", "--json")).json();
    assert.equal(pending.canTimeOut, false);
    assert.equal(pending.claimNumber, "4");
    assert.equal((pending.claim as { statusName: string }).statusName, "Pending");
    assert.match((await ok("claims", "4")).stdout, /can be timed out from: .* UTC/);
    const timeOutFrom = Number(pending.timeOutFrom);
    const mineAt = async (timestamp: number) => {
      await fx.deployer.publicClient.request({
        method: "evm_setNextBlockTimestamp",
        params: [timestamp],
      } as never);
      await fx.deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
    };
    await mineAt(timeOutFrom - 1);
    assert.equal((await ok("claims", "4", "--json")).json().canTimeOut, false);
    await mineAt(timeOutFrom);
    assert.equal((await ok("claims", "4", "--json")).json().canTimeOut, true);
    const shown = await ok("claims", "4");
    assert.match(shown.stdout, /status: +Pending, past every deadline/);
    assert.match(shown.stdout, /time out: +anyone can close it now: ipool time-out 4/);
    const listed = await ok("claims", "--of", "policyholder");
    assert.match(
      listed.stdout,
      /claim 4: Pending, 500 USD on policy 1 by 0x[0-9a-fA-F]{40} \(past every deadline: ipool time-out 4\)/,
    );
    await fx.refreshFeeds();
    const timedOut = await ok("time-out", "4", "--account", "bob");
    assert.match(timedOut.stdout, /status: +TimedOut/);
    const distributed = await ok("distribute", "--account", "bob");
    // The forfeited bond (and the treasury's dust of the weekly premium split); the stakers' premiums stream on.
    assert.match(
      distributed.stdout,
      /sent [\d,.]+ API3 to the pool \(queued: it streams to the stakers/,
    );
    // Sending the bond to the pool may have started an epoch, whose premium pull set the treasury's share aside:
    // then one more call sends it (and nothing to the pool, so no pull again); after that nothing is left.
    const again = await cli("distribute", "--account", "bob");
    if (again.code === 0) assert.match(again.stdout, /sent 0 API3 to the pool .* to the treasury/);
    await refused(
      "bob",
      ["distribute", "--account", "bob"],
      /there are no forfeited bonds or treasury premiums to distribute/,
    );
  });

  it("dapis lists each covered dAPI with its cap, active coverage, what is available and a price", async () => {
    const json = (await ok("dapis", "--json")).json();
    const dapis = json.dapis as {
      name: string;
      capUsd: string;
      activeCoverageUsd: string;
      availableUsd: string;
      samplePremium: string;
    }[];
    const eth = dapis.find((d) => d.name === "ETH/USD");
    assert.ok(eth, "ETH/USD is listed");
    assert.ok(
      BigInt(eth.activeCoverageUsd) >= 10_000n * 10n ** 18n,
      "the policy bought above counts",
    );
    assert.ok(BigInt(eth.availableUsd) <= BigInt(eth.capUsd) - BigInt(eth.activeCoverageUsd));
    assert.ok(BigInt(eth.samplePremium) > 0n);
    const human = await ok("dapis");
    assert.match(
      human.stdout,
      /^pool: capacity [\d,.]+ USD, active coverage [\d,.]+ USD \([\d.]+% used\)\n/,
    );
    assert.match(
      human.stdout,
      /dAPI \d: ETH\/USD \(chain \d+\)\n {2}cap: +[\d,.]+ USD \([\d.]+% of capacity\)\n {2}active coverage: +[\d,.]+ USD/,
    );
    assert.match(human.stdout, /price: +[\d,.<]+ API3 for 1,000 USD over 30 days/);
  });

  it("a policy agent creates and upgrades a policy; its claimant downgrades it", async () => {
    await refused(
      "alice",
      ["create-policy", "policyholder", "5k", "--dapi", "ETH/USD", "--account", "alice"],
      /^error: only a policy agent the DAO appointed can create policies\n/,
    );
    const created = await ok(
      "create-policy",
      "policyholder",
      "5k",
      "--dapi",
      "ETH/USD",
      "--period",
      "90d",
      "--account",
      "policyAgent",
      "--json",
    );
    const number = String(created.json().policyNumber);
    const policy = created.json().policy as {
      coverageUsd: string;
      claimsAllowedFrom: number;
      claimsAllowedUntil: number;
    };
    assert.equal(policy.coverageUsd, (5_000n * 10n ** 18n).toString());
    assert.equal(Number(policy.claimsAllowedUntil) - Number(policy.claimsAllowedFrom), 90 * 86_400);
    const upgraded = await ok(
      "upgrade-policy",
      number,
      "--coverage",
      "8k",
      "--extend",
      "10d",
      "--account",
      "policyAgent",
    );
    assert.match(
      upgraded.stdout,
      new RegExp(`policy ${number} upgraded: 8,000 USD for ${fx.role("policyholder")}`),
    );
    await refused(
      "policyholder",
      ["upgrade-policy", number, "--account", "policyholder"],
      /give --coverage <usd> and\/or --extend <duration>/,
      2,
    );
    await refused(
      "policyholder",
      ["upgrade-policy", number, "--coverage", "9k", "--account", "policyholder"],
      /^error: only a policy agent the DAO appointed can upgrade policies\n/,
    );
    await refused(
      "alice",
      ["downgrade-policy", number, "--coverage", "1k", "--account", "alice"],
      new RegExp(
        `^error: only the claimant ${fx.role("policyholder")} can downgrade policy ${number}\n`,
      ),
    );
    const downgraded = await ok(
      "downgrade-policy",
      number,
      "--coverage",
      "6k",
      "--shorten",
      "5d",
      "--account",
      "policyholder",
      "--json",
    );
    const after = downgraded.json().policy as {
      coverageUsd: string;
      claimsAllowedFrom: number;
      claimsAllowedUntil: number;
    };
    assert.equal(after.coverageUsd, (6_000n * 10n ** 18n).toString());
    assert.equal(Number(after.claimsAllowedUntil) - Number(after.claimsAllowedFrom), 95 * 86_400);
  });

  it("claims lists a claimant's claims and shows one in detail", async () => {
    const list = await ok("claims", "--of", "policyholder");
    assert.match(
      list.stdout,
      /claim 1: PaidClaim, 2,000 USD on policy 1 by 0x[0-9a-fA-F]{40}, paid [\d,.]+ API3/,
    );
    assert.match(
      list.stdout,
      /claim 2: PaidSettlement, 1,000 USD on policy 1 by 0x[0-9a-fA-F]{40}, paid [\d,.]+ API3/,
    );
    assert.doesNotMatch(list.stdout, /claim 3: .*paid/, "a refused claim is not paid");
    const listJson = (await ok("claims", "--of", "policyholder", "--json")).json() as {
      claims: {
        claimNumber: string;
        policyNumber: string;
        statusName: string;
        paidTokens: string;
      }[];
    };
    assert.deepEqual(
      listJson.claims.map((c) => [c.claimNumber, c.policyNumber, c.statusName]).slice(0, 2),
      [
        ["1", "1", "PaidClaim"],
        ["2", "1", "PaidSettlement"],
      ],
    );
    assert.ok(BigInt(listJson.claims[0]?.paidTokens ?? "0") > 0n);
    const paidOne = await ok("claims", "1");
    assert.match(paidOne.stdout, /paid: +[\d,.]+ API3 of a [\d,.]+ API3 payout/);
    assert.match(list.stdout, /claim 3: Refused, 1,000 USD on policy 1/);
    assert.match(list.stdout, /claim 4: TimedOut, 500 USD on policy 1/);
    const one = (await ok("claims", "3", "--json")).json();
    assert.equal((one.claim as { statusName: string }).statusName, "Refused");
    const missing = await cli("claims", "--all", "--of", "bob");
    assert.equal(missing.code, 0);
  });

  it("a stale price is a one-line error on reads (quote) and writes (buy), and nothing is sent", async () => {
    await fx.deployer.publicClient.request({
      method: "evm_increaseTime",
      params: [90_001],
    } as never);
    await fx.deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
    const stale =
      /^error: quote coverage: stale price \(updatedAt .* UTC, now .* UTC, maxPriceAge 1d 1h\)\n {2}Error: StalePrice\(updatedAt: \d+, now: \d+, maxPriceAge: 90000\)\n$/;
    const quote = await cli("quote", "10k", "--dapi", "ETH/USD");
    assert.equal(quote.code, 1);
    assert.match(quote.stderr, stale);
    const json = await cli("quote", "10k", "--dapi", "ETH/USD", "--json");
    assert.equal(json.code, 1);
    assert.equal(json.json().errorName, "StalePrice");
    await refused(
      "policyholder",
      ["buy", "10k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder"],
      /^error: [a-z ]+: stale price \(updatedAt .*\)\n {2}Error: StalePrice\(.*\)\n$/,
    );
    await fx.refreshFeeds();
    await ok("quote", "10k", "--dapi", "ETH/USD");
  });
});
