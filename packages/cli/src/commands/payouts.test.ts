import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Address } from "viem";
import { getTransactionCount } from "viem/actions";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

/**
 * #12 from the command line: a claim filed while a staker leaves freezes the exit's share of the open exposure
 * (`status` shows it, with its release condition), a payout larger than the mediator's quota is owed and paid in
 * tranches (`claims`, `owed`, `pay-tranche`, refused with the time room returns), and once nothing is owed the
 * frozen part leaves.
 */
describe("open exposure, frozen exits and tranches from the command line", () => {
  let fx: DevnetFixture;
  let dir = "";
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };
  const nonce = (address: Address) => getTransactionCount(fx.deployer.publicClient, { address });

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await ok("deposit", "400k", "--stake", "--account", "alice");
    await ok("deposit", "300k", "--stake", "--account", "bob");
  });
  after(async () => fx?.stop());

  it("a staker who leaves during a claim keeps its share frozen until the claim is paid", async () => {
    // bob schedules his exit; six days later a policy is bought, and a claim filed after its 1-day waiting period,
    // just as bob's exit matures.
    await ok("schedule-unstake", "all", "--account", "bob");
    await fx.warp(6 * 86_400);
    // Capacity counts only the stake that stays (alice's): 400k * 50% * 1.25 USD * 90% = 225k USD, half for the dAPI.
    await ok("buy", "100k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder");
    await fx.warp(86_400 + 60);
    await ok("claim", "1", "100k", "--evidence", "ipfs://feed-failed", "--account", "policyholder");
    // 100,000 USD at 1.25 USD per token: 80,000 tokens that a new stake would share.
    const status = await ok("status");
    assert.match(
      status.stdout,
      /open exposure: +80,000 API3 \(\d+\.\d\d% of the stake\): what open claims/,
    );
    assert.match(status.stdout, /open claims: +100,000 USD/);
    assert.match(status.stdout, /waiting period: +1d/);
    const unstaked = await ok("unstake", "bob", "--account", "carol");
    assert.match(unstaked.stdout, /claims are open: the exit's share of them stays frozen/);
    assert.match(
      unstaked.stdout,
      /frozen exit: +[\d,.]+ API3 \([\d,.]+ shares\) held for open claims: leaves once no claim is open, at the latest .* UTC/,
    );
  });

  it("the mediator accepts a claim above its quota: owed and paid in tranches by anyone", async () => {
    const accepted = await ok("accept", "1", "--account", "mediator");
    assert.match(accepted.stdout, /status: +PaidClaim/);
    assert.match(
      accepted.stdout,
      /still owed: +[\d,.]+ API3, paid in tranches within the payer's weekly quota/,
    );
    const owed = await ok("owed");
    assert.match(owed.stdout, /owes:\n {2}claim 1: +[\d,.]+ API3/);
    // The quota was used by the first tranche: refused before sending, saying when room returns.
    const before = await nonce(fx.role("carol"));
    const early = await cli("pay-tranche", "--account", "carol");
    assert.equal(early.code, 1);
    assert.match(early.stderr, /no payout room .* until .* UTC|nextRoomAt .* UTC/i);
    assert.equal(await nonce(fx.role("carol")), before, "nothing was sent");
    for (let i = 0; i < 5; i++) {
      const left = await ok("owed", "--json");
      const payers = left.json().owed as { claims: unknown[] }[];
      if (payers.every((p) => p.claims.length === 0)) break;
      await fx.warp(14 * 86_400);
      await ok("pay-tranche", "--account", "carol");
    }
    assert.match((await ok("owed")).stdout, /nothing is owed/);
    assert.match((await ok("status")).stdout, /open exposure: +0 API3/);
    // No claim is open any more: the frozen part leaves.
    const released = await ok("unstake", "bob", "--account", "carol");
    assert.doesNotMatch(released.stdout, /frozen exit/);
  });
});
