import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";
import { parsePriceDrop } from "./stress.ts";

interface Scenario {
  dapiIds: string[];
  requestedTokens: string;
  totalTokens: string;
  holds: boolean;
  payments: number;
  windows: number;
  weeks: number;
  lossShare: string;
  holdsUpToPriceDropBps: string;
  stakers: { account: string; before: string; loss: string }[];
}

describe("parsePriceDrop", () => {
  it("reads percentages into basis points, below 100%", () => {
    assert.equal(parsePriceDrop("30%"), 3_000n);
    assert.equal(parsePriceDrop("12.5"), 1_250n);
    assert.equal(parsePriceDrop("99.99%"), 9_999n);
    assert.throws(() => parsePriceDrop("100%"), /must be below 100%/);
    assert.throws(() => parsePriceDrop("-5%"), /is negative/);
    assert.throws(() => parsePriceDrop("lots"), /is not a percentage/);
  });
});

/**
 * `ipool stress` on the devnet: alice and bob stake 700k tokens; policies cover 100k USD of ETH/USD and 50k USD of
 * BTC/USD (the API3/USD price is 1.25 USD).
 */
describe("ipool stress against the devnet", () => {
  let fx: DevnetFixture;
  let dir = "";
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await ok("deposit", "400k", "--stake", "--account", "alice");
    await ok("deposit", "300k", "--stake", "--account", "bob");
    await ok("buy", "100k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder");
    await ok("buy", "50k", "--dapi", "BTC/USD", "--period", "30d", "--account", "policyholder");
  });
  after(async () => fx?.stop());

  it("both dAPIs failing at a 30% price drop: tokens, tranches, losses, worst single and pair", async () => {
    const json = (
      await ok("stress", "--dapis", "ETH/USD,BTC/USD", "--price-drop", "30%", "--json")
    ).json();
    const scenario = json.scenario as Scenario;
    // 150,000 USD at 1.25 * 0.7 = 0.875 USD: 171,428.571... tokens, rounded down per claim.
    assert.equal(
      BigInt(scenario.requestedTokens),
      (100_000n * 10n ** 36n) / (875n * 10n ** 15n) + (50_000n * 10n ** 36n) / (875n * 10n ** 15n),
    );
    assert.equal(scenario.holds, true);
    assert.equal(scenario.totalTokens, scenario.requestedTokens);
    // The mediator pays 10% of ~700k now (claim 1), 10% of ~630k in week 2 (the rest of claim 1, part of claim 2),
    // the rest of claim 2 in week 4.
    assert.deepEqual([scenario.payments, scenario.windows, scenario.weeks], [4, 3, 5]);
    // Pro rata: alice loses 4/3 of what bob loses (to a millionth of a token: share rounding).
    const [alice, bob] = ["alice", "bob"].map((name) =>
      scenario.stakers.find((s) => s.account.toLowerCase() === fx.role(name).toLowerCase()),
    );
    assert.ok(alice && bob);
    const diff = BigInt(alice.loss) * 3n - BigInt(bob.loss) * 4n;
    assert.ok(diff >= -(10n ** 12n) && diff <= 10n ** 12n, `alice ${alice.loss}, bob ${bob.loss}`);
    assert.ok(BigInt(scenario.holdsUpToPriceDropBps) > 3_000n);
    assert.deepEqual((json.worstSingle as Scenario).dapiIds, ["1"]);
    assert.deepEqual((json.worstPair as Scenario).dapiIds, ["1", "2"]);
  });

  it("prints a table per scenario and a bar chart of the payments by week", async () => {
    const { stdout } = await ok("stress", "--dapis", "BTC/USD");
    assert.match(
      stdout,
      /scenario: BTC\/USD\n {2}claims: +1 policy \(2\): 50,000 USD = 40,000 API3 at 1\.25 USD/,
    );
    assert.match(
      stdout,
      /paid: +40,000 API3: holds \(every claim payable in full within the stake\)/,
    );
    assert.match(
      stdout,
      /payments: +1 \(0 tranches after acceptance\) in 1 weekly window over 1 week/,
    );
    assert.match(stdout, /worst single dAPI: ETH\/USD\n/);
    assert.match(stdout, /worst pair: ETH\/USD \+ BTC\/USD\n/);
    // ETH/USD: 80,000 tokens, 10% of the 700k stake now, the rest two weeks later.
    assert.match(
      stdout,
      /payments: +2 \(1 tranche after acceptance\) in 2 weekly windows over 3 weeks/,
    );
    assert.match(
      stdout,
      /week 0 █{32} 70,000 API3 \(1 payment\)\n {4}week 2 █{5} {27} 10,000 API3 \(1 payment\)/,
    );
    assert.match(stdout, / {2}alice: +loses [\d,.]+ API3 of [\d,.]+ API3 \(\d+\.\d\d%\)/);
  });

  it("refuses unknown dAPIs and bad price drops with the usage exit code where the text is malformed", async () => {
    const unknown = await cli("stress", "--dapis", "DOGE/USD");
    assert.equal(unknown.code, 1);
    assert.match(
      unknown.stderr,
      /no covered dAPI is named "DOGE\/USD"\n {2}Covered dAPIs:\n {2}1: ETH\/USD/,
    );
    const drop = await cli("stress", "--price-drop", "100%");
    assert.equal(drop.code, 2);
    assert.match(drop.stderr, /--price-drop 100% must be below 100%/);
  });
});
