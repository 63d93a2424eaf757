import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { getBlock } from "viem/actions";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { deploymentDir, ipool } from "../testing.ts";

describe("ipool devnet advance", () => {
  let fx: DevnetFixture;
  let dir = "";
  const cli = (...argv: string[]) => ipool(dir, argv);
  const now = async () =>
    (await getBlock(fx.deployer.publicClient, { blockTag: "latest" })).timestamp;

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
  });
  after(async () => fx?.stop());

  it("moves the clock and pushes fresh dAPI data, so prices are not stale after the jump", async () => {
    await fx.refreshFeeds();
    assert.equal((await cli("quote", "1k", "--dapi", "ETH/USD")).code, 0);
    // A bare jump leaves every price older than the maximum age: what later commands would meet.
    await fx.deployer.publicClient.request({
      method: "evm_increaseTime",
      params: [2 * 86_400],
    } as never);
    await fx.deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
    const stale = await cli("quote", "1k", "--dapi", "ETH/USD");
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /stale price/);

    const before = await now();
    const result = await cli("devnet", "advance", "7d");
    assert.equal(result.code, 0, result.stderr);
    assert.ok((await now()) >= before + 7n * 86_400n);
    assert.match(
      result.stdout,
      /^advanced 7d: the chain's time is .* UTC \(was .* UTC\)\npushed fresh signed data for .*ETH\/USD/,
    );
    const quote = await cli("quote", "1k", "--dapi", "ETH/USD");
    assert.equal(quote.code, 0, quote.stderr);
  });

  it("refuses malformed actions and durations as usage errors", async () => {
    for (const [argv, message] of [
      [["devnet", "rewind", "1d"], /unknown devnet action "rewind": use advance <duration>/],
      [["devnet", "advance", "soon"], /duration: "soon" is not a duration/],
      [["devnet", "advance", "0"], /duration must be above zero/],
      [["devnet", "advance"], /missing required argument 'duration'/],
    ] as const) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, argv.join(" "));
      assert.match(result.stderr, message);
    }
  });
});
