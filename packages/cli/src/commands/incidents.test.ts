import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { parseEther } from "viem";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { deploymentDir, ipool } from "../testing.ts";

/** The devnet's covered ETH/USD dAPI against its five reference Airnodes (threshold 8%, gap 60 s, window 1 h). */
describe("ipool report-incident, incidents, claim-bounties", () => {
  let fx: DevnetFixture;
  let dir = "";
  const cli = (...argv: string[]) => ipool(dir, [...argv, "--account", "alice"]);
  const advance = (seconds: number) => fx.advance(seconds);

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await fx.refreshFeeds();
  });
  after(async () => fx?.stop());

  it("lists no incident on a fresh devnet", async () => {
    const result = await cli("incidents");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^ETH\/USD: 0 incidents \(definition v1\)\nBTC\/USD: 0 incidents/);
  });

  it("refuses a healthy feed with the contract's reason, and records nothing", async () => {
    const stale = await cli("report-incident", "ETH/USD", "--stale");
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /ETH\/USD is not stale: updated .* UTC, fresh until .* UTC/);
    // The references sign 3,200: 6.7% above the feed's 3,000, within the 8% threshold.
    const close = await cli(
      "report-incident",
      "ETH/USD",
      "--deviation",
      "--reference-value",
      "3200",
    );
    assert.equal(close.code, 1);
    assert.match(close.stderr, /ETH\/USD reads 3,000, within 8% of the references' median 3,200/);
    assert.match((await cli("incidents", "ETH/USD")).stdout, /ETH\/USD: 0 incidents/);
  });

  it("proves a deviation twice a minute apart: unconfirmed, then in its challenge window", async () => {
    await fx.refreshFeeds({ "ETH/USD": parseEther("3300") }); // 10% above the references' 3,000
    const first = await cli("report-incident", "ETH/USD", "--deviation");
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /\nETH\/USD incident 1: deviation, unconfirmed, started .* deviation 10\.00%\n/,
    );
    assert.match(first.stdout, /bounty earned: 1 API3 \(1 API3 to claim/);

    const tooSoon = await cli("report-incident", "ETH/USD", "--deviation");
    assert.equal(tooSoon.code, 1);
    assert.match(
      tooSoon.stderr,
      /incident 1 of ETH\/USD was proven recently; the next report counts from/,
    );

    await advance(60);
    await fx.refreshFeeds({ "ETH/USD": parseEther("3300") });
    const second = await cli("report-incident", "ETH/USD", "--deviation", "--json");
    assert.equal(second.code, 0, second.stderr);
    const data = second.json();
    assert.equal(data.incidentId, "1");
    assert.equal(data.state, "challengeable");
    assert.equal(data.bountiesToClaim, parseEther("2").toString());
  });

  it("proves a stale feed, dated from its last update plus heartbeat and grace", async () => {
    await advance(25 * 3600 + 1); // the devnet's heartbeat (24 h) + grace (1 h), one second past
    const result = await cli("report-incident", "ETH/USD", "--stale", "--json");
    assert.equal(result.code, 0, result.stderr);
    const data = result.json() as {
      incidentId: string;
      state: string;
      incident: Record<string, number>;
    };
    assert.equal(data.incidentId, "2");
    assert.equal(data.state, "payable");
    assert.equal(data.incident.startedAt, Number(data.incident.feedUpdatedAt) + 25 * 3600);

    const list = await cli("incidents", "ETH/USD");
    assert.match(list.stdout, /^ETH\/USD: 2 incidents, one OPEN \(no coverage is sold\)/);
    assert.match(
      list.stdout,
      /\n {2}incident 1: deviation, payable, .*\n {2}incident 2: stale, payable/,
    );
  });

  it("pays the earned bounties out once", async () => {
    const claimed = await cli("claim-bounties");
    assert.equal(claimed.code, 0, claimed.stderr);
    assert.match(claimed.stdout, /\nsent 3 API3 of incident bounties to 0x/);
    const again = await cli("claim-bounties");
    assert.equal(again.code, 1);
    assert.match(again.stderr, /you have no incident bounties to claim/);
  });

  it("reads references' signed data from a file and refuses a malformed one", async () => {
    const path = join(dir, "signed.json");
    writeFileSync(path, JSON.stringify([{ airnode: "0x12", templateId: "0x", value: "1" }]));
    const bad = await cli("report-incident", "BTC/USD", "--deviation", "--signed-data", path);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /signed\.json \[0\]: airnode is not an address/);
  });

  it("refuses bad usage with exit code 2 and an unknown dAPI with 1", async () => {
    for (const [argv, message] of [
      [["report-incident", "ETH/USD"], /give exactly one of --stale and --deviation/],
      [["report-incident", "ETH/USD", "--stale", "--deviation"], /give exactly one of --stale/],
      [
        ["report-incident", "ETH/USD", "--stale", "--reference-value", "1"],
        /--signed-data and --reference-value go with --deviation/,
      ],
      [["report-incident"], /missing required argument 'dapi'/],
    ] as const) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, `${argv.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const unknown = await cli("report-incident", "DOGE/USD", "--stale");
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /the IncidentRegistry does not judge DOGE\/USD/);
  });
});
