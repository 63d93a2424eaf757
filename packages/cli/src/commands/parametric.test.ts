import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { erc20Abi, parseEther } from "viem";
import { readContract } from "viem/actions";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { deploymentDir, ipool } from "../testing.ts";

/**
 * Parametric policies end to end on the devnet (real Api3ServerV1, signed data, the IncidentRegistry): bought at the
 * quote times the risk factor, paid from a deviating feed (after its challenge window) and from a stale feed (at
 * once), with no mediator acting. ETH/USD has five references (threshold 8%, gap 60 s, challenge window 1 h); the
 * waiting period is a day; the heartbeat 24 h, grace 1 h.
 */
describe("parametric policies: ipool quote/buy --parametric, claim-parametric", () => {
  let fx: DevnetFixture;
  let dir = "";
  let ethPolicy = "";
  let btcPolicy = "";
  const cli = (...argv: string[]) => ipool(dir, [...argv, "--account", "alice"]);
  const advance = (seconds: number) => fx.advance(seconds);
  const balance = () =>
    readContract(fx.deployer.publicClient, {
      address: fx.deployment.contracts.token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [fx.role("alice")],
    });

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await fx.refreshFeeds();
    const staked = await cli("deposit", "200k", "--stake");
    assert.equal(staked.code, 0, staked.stderr);
  });
  after(async () => fx?.stop());

  it("quotes parametric coverage at the quote times the risk factor, and buys it", async () => {
    const plain = await cli("quote", "10k", "--dapi", "ETH/USD", "--json");
    const parametric = await cli("quote", "10k", "--dapi", "ETH/USD", "--parametric", "--json");
    assert.equal(parametric.code, 0, parametric.stderr);
    const quote = BigInt(String(plain.json().premium));
    const data = parametric.json();
    assert.equal(data.riskFactor, parseEther("1.5").toString());
    assert.equal(BigInt(String(data.premium)), (quote * 3n + 1n) / 2n, "1.5x, rounded up");
    assert.match(
      (await cli("quote", "10k", "--dapi", "ETH/USD", "--parametric")).stdout,
      /risk factor: +1\.5x the quote .*\n.*per-incident cap: +1,000,000 USD/,
    );

    const bought = await cli("buy", "10k", "--dapi", "ETH/USD", "--parametric", "--json");
    assert.equal(bought.code, 0, bought.stderr);
    assert.equal(bought.json().parametric, true);
    ethPolicy = String(bought.json().policyNumber);
    const btc = await cli("buy", "20k", "--dapi", "BTC/USD", "--parametric");
    assert.equal(btc.code, 0, btc.stderr);
    btcPolicy = /parametric policy (\d+):/.exec(btc.stdout)?.[1] ?? "";
    assert.notEqual(btcPolicy, "");
  });

  it("refuses a claim with no incident, and an ordinary policy", async () => {
    const none = await cli("claim-parametric", ethPolicy, "1");
    assert.equal(none.code, 1);
    assert.match(none.stderr, /unknown incident/i);
    const ordinary = await cli("buy", "1k", "--dapi", "ETH/USD", "--json");
    const number = String(ordinary.json().policyNumber);
    const refused = await cli("claim-parametric", number, "1");
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`policy ${number} is not parametric`));
  });

  it("pays a deviating feed after its challenge window, with no mediator", async () => {
    await advance(24 * 3600 + 60); // past the waiting period
    await fx.refreshFeeds({ "ETH/USD": parseEther("3300") }); // 10% above the references
    assert.equal((await cli("report-incident", "ETH/USD", "--deviation")).code, 0);
    // An open incident: no coverage is sold on the dAPI, parametric or not.
    const blocked = await cli("buy", "1k", "--dapi", "ETH/USD");
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /has an open incident in the incident registry/);
    const unconfirmed = await cli("claim-parametric", ethPolicy, "1");
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.stderr, /is a deviation not confirmed yet/);

    await advance(60);
    await fx.refreshFeeds({ "ETH/USD": parseEther("3300") });
    assert.equal((await cli("report-incident", "ETH/USD", "--deviation")).code, 0);
    const early = await cli("claim-parametric", ethPolicy, "1");
    assert.equal(early.code, 1);
    assert.match(
      early.stderr,
      /incident 1 of ETH\/USD pays from .* \(the end of its challenge window\), in (1h|5\dm)/,
    );

    await advance(3600);
    await fx.refreshFeeds();
    const before = await balance();
    const paid = await cli("claim-parametric", ethPolicy, "1", "--json");
    assert.equal(paid.code, 0, paid.stderr);
    const data = paid.json();
    assert.equal(data.amountUsd, parseEther("10000").toString());
    assert.equal(data.statusName, "PaidClaim");
    assert.ok((await balance()) > before, "the tokens reached the claimant");
    assert.equal(BigInt(String(data.paidTokens)), (await balance()) - before);
  });

  it("pays a stale feed at once, and only once", async () => {
    await advance(25 * 3600 + 1); // every feed one second past heartbeat + grace
    const report = await cli("report-incident", "BTC/USD", "--stale", "--json");
    assert.equal(report.code, 0, report.stderr);
    const incidentId = String(report.json().incidentId);
    await fx.refreshFeeds(); // the price must be fresh to pay; the record stays
    const paid = await cli("claim-parametric", btcPolicy, incidentId);
    assert.equal(paid.code, 0, paid.stderr);
    assert.match(
      paid.stdout,
      /\npaid 20,000 USD without a mediator:\nclaim \d+:\n {2}status: +PaidClaim/,
    );
    // 16,000 tokens at 1.25 USD; the registry's quota (10% of the stake per window) already paid 8,000 of it this
    // window for the deviation, so the rest is owed in tranches.
    assert.match(paid.stdout, /still owed: +[\d,.]+ API3, paid in tranches/);
    // The registry's quota pays the rest two weeks later; `owed` and `pay-tranche` find it without naming it.
    assert.match((await cli("owed")).stdout, /owes:\n {2}claim \d+: +[\d,.]+ API3/);
    await fx.warp(14 * 86_400);
    const tranche = await cli("pay-tranche");
    assert.equal(tranche.code, 0, tranche.stderr);
    assert.match((await cli("owed")).stdout, /nothing is owed/);
    const again = await cli("claim-parametric", btcPolicy, incidentId);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /claim amount|0 USD/i);
  });
});
