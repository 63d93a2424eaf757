import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { getUnstakeWaitPeriod } from "@insurance-pool/sdk";
import type { Address } from "viem";
import { getTransactionCount } from "viem/actions";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

describe("DAO commands against the devnet: propose, vote, queue, execute", () => {
  let fx: DevnetFixture;
  let dir = "";
  let proposalId = "";
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

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    await ok("deposit", "200k", "--stake", "--account", "alice");
    await ok("deposit", "100k", "--stake", "--account", "bob");
    await ok("deposit", "10k", "--stake", "--account", "carol");
    await ok("delegate", "bob", "--account", "carol");
    await fx.warp(2); // votes count from the second after they were staked
  });
  after(async () => fx?.stop());

  it("refuses proposals that could never pass or execute, sending nothing", async () => {
    await refused(
      "carol",
      ["propose", "pool.setUnstakeWaitPeriod", "2w", "--account", "carol"],
      /your voting power 0 is below the proposal threshold/,
    );
    await refused(
      "alice",
      ["propose", "pool.setUnstakeWaitPeriod", "1d", "--account", "alice"],
      /would revert when the primary agent executes it: 86400 is outside the bounds \[604800, 31449600\]/,
    );
    await refused(
      "alice",
      ["propose", "pool.setUnstakeWaitPeriod", "2w", "--agent", "secondary", "--account", "alice"],
      /would revert when the secondary agent executes it: setUnstakeWaitPeriod: you are not allowed|would revert when the secondary agent executes it/,
    );
    await refused(
      "alice",
      ["propose", "pool.fly", "--account", "alice"],
      /pool has no function fly a proposal can call/,
    );
    await refused(
      "alice",
      ["propose", "moon.setX", "1", "--account", "alice"],
      /unknown contract "moon"/,
    );
    await refused(
      "alice",
      ["propose", "pool.setUnstakeWaitPeriod", "--account", "alice"],
      /setUnstakeWaitPeriod takes 1 arguments, got 0/,
    );
    await refused(
      "alice",
      ["propose", "pool.setUnstakeWaitPeriod", "soon", "--account", "alice"],
      /is not an integer or a duration like 2w/,
    );
  });

  it("propose creates a proposal; a second one in the same epoch is refused", async () => {
    const result = (
      await ok(
        "propose",
        "pool.setUnstakeWaitPeriod",
        "2w",
        "--description",
        "Two-week unstake wait",
        "--account",
        "alice",
        "--json",
      )
    ).json();
    proposalId = String(result.proposalId);
    assert.match(proposalId, /^\d{20,}$/);
    assert.equal(result.agent, "primary");
    await refused(
      "alice",
      ["propose", "pool.setUnstakeWaitPeriod", "3w", "--account", "alice"],
      /propose: governor proposal too soon \(proposer 0x[0-9a-fA-F]{40}, allowedAt .* UTC\)/,
    );
    const list = await ok("proposals");
    assert.match(
      list.stdout,
      new RegExp(
        `proposal ${proposalId} \\(primary\\): Two-week unstake wait\\n {2}state: +Pending`,
      ),
    );
  });

  it("votes when voting is open, once per voter", async () => {
    await refused(
      "alice",
      ["vote", proposalId.slice(0, 8), "for", "--account", "alice"],
      /proposal \d+ is Pending, which does not allow this/,
    );
    await refused(
      "alice",
      ["vote", proposalId, "perhaps", "--account", "alice"],
      /"perhaps" is not for, against or abstain/,
      2,
    );
    await refused(
      "alice",
      ["vote", "999999", "for", "--account", "alice"],
      /no proposal has an id starting with 999999/,
    );
    await fx.warp(61);
    const voted = await ok(
      "vote",
      proposalId.slice(0, 8),
      "for",
      "--reason",
      "safer",
      "--account",
      "alice",
    );
    assert.match(voted.stdout, /voted for with 199,999\.9999 shares|voted for with 200,000 shares/);
    await ok("vote", proposalId, "against", "--account", "bob");
    // No voting power at the snapshot: refused before sending (a delegator's vote was sent and counted 0).
    await refused(
      "carol",
      ["vote", proposalId, "for", "--account", "carol"],
      new RegExp(
        `you have no voting power at proposal ${proposalId}'s snapshot \\(.* UTC\\): your votes are delegated to ${fx.role("bob")}, who votes with them`,
      ),
    );
    await refused(
      "dave",
      ["vote", proposalId, "for", "--account", "dave"],
      /you had no voting power at proposal \d+'s snapshot \(.* UTC\): only shares staked before it vote/,
    );
    await refused("bob", ["vote", proposalId, "for", "--account", "bob"], /you have already voted/);
  });

  it("queues after the vote and executes after the timelock delay", async () => {
    await refused(
      "carol",
      ["queue", proposalId, "--account", "carol"],
      /is Active, which does not allow this/,
    );
    await fx.warp(24 * 3600 + 1);
    const list = await ok("proposals", "--agent", "primary");
    assert.match(
      list.stdout,
      /state: +Succeeded\n {2}proposer: .*\n {2}votes: +for (199,999\.9999|200,000), against [\d,.]+, abstain 0/,
    );
    const queued = await ok("queue", proposalId, "--account", "carol");
    assert.match(queued.stdout, /queued; executable from .* UTC with: ipool execute \d+/);
    await refused("carol", ["execute", proposalId, "--account", "carol"], /execute/);
    await fx.warp(301);
    const executed = await ok("execute", proposalId, "--account", "carol");
    assert.match(executed.stdout, /is Executed: Two-week unstake wait/);
    assert.equal(
      await getUnstakeWaitPeriod(fx.deployer.publicClient, {
        pool: fx.deployment.contracts.stakingPool,
      }),
      14n * 86_400n,
    );
    assert.match((await ok("status")).stdout, /unstake wait: +14d/);
  });
});
