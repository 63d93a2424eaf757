import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { getUnstakeWaitPeriod, iClaimsManagerAbi, poolGovernorAbi } from "@insurance-pool/sdk";
import { type Address, decodeFunctionData, type Hex } from "viem";
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
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}${result.stdout}`);
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
      /^error: only the primary agent's timelock 0x[0-9a-fA-F]{40} can call pool\.setUnstakeWaitPeriod: propose it with --agent primary\n/,
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
      /unstakeWaitPeriod "soon" is not a duration like 2w, 3d, 12h or seconds/,
      2,
    );
    // Fractions need their % sign: a bare number is ambiguous.
    await refused(
      "alice",
      ["propose", "claims.setTreasuryShare", "5", "--agent", "secondary", "--account", "alice"],
      /share "5" is not a percentage like 50% or 0.5%/,
      2,
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

  it("reads proposal arguments by their meaning and prints the call with units", async () => {
    // `setClaimantBond 200` once proposed 200 wei: token amounts are tokens, as in every other command.
    const bond = (
      await ok(
        "propose",
        "claims.setClaimantBond",
        "200",
        "0.02",
        "--agent",
        "secondary",
        "--account",
        "bob",
        "--json",
      )
    ).json();
    assert.equal(bond.call, "claims.setClaimantBond(floor: 200 API3, rate: 0.02 API3 per USD)");
    assert.equal(bond.description, bond.call);
    const { args } = decodeFunctionData({ abi: iClaimsManagerAbi, data: bond.calldata as Hex });
    assert.deepEqual(args, [200n * 10n ** 18n, 2n * 10n ** 16n]);
    // Only its proposer cancels a pending proposal.
    const bondId = String(bond.proposalId);
    await refused(
      "alice",
      ["cancel", bondId, "--account", "alice"],
      new RegExp(`^error: only its proposer ${fx.role("bob")} can cancel proposal ${bondId}\n`),
    );
    const canceled = await ok("cancel", bondId, "--account", "bob");
    assert.match(canceled.stdout, new RegExp(`proposal ${bondId} is Canceled`));
    const human = await cli(
      "propose",
      "claims.setTreasuryShare",
      "12.5%",
      "--agent",
      "secondary",
      "--account",
      "bob",
    );
    // One proposal per proposer per week: refused, but only after parsing and printing nothing wrong.
    assert.equal(human.code, 1);
    assert.match(human.stderr, /proposal too soon/);
    const share = (
      await ok(
        "propose",
        "claims.setTreasuryShare",
        "12.5%",
        "--agent",
        "secondary",
        "--account",
        "alice",
        "--dry-run",
        "--json",
      )
    ).json().plan as { transactions: { data: Hex }[] };
    const proposeArgs = decodeFunctionData({
      abi: poolGovernorAbi,
      data: share.transactions[0]?.data as Hex,
    }).args;
    const inner = decodeFunctionData({
      abi: iClaimsManagerAbi,
      data: ((proposeArgs as readonly unknown[])[2] as Hex[])[0] as Hex,
    });
    assert.deepEqual(inner.args, [125n * 10n ** 15n]);
  });

  it("votes when voting is open, once per voter", async () => {
    await refused(
      "alice",
      ["vote", proposalId.slice(0, 8), "for", "--account", "alice"],
      /^error: proposal \d+ is Pending: voting starts at .* UTC \(in [\dsm ]+\), ends at .* UTC \(in 1d[\dsm ]*\)\n/,
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
    // One proposal in detail: its action with units, the quorum and its progress, your power, the voters.
    const detail = await ok("proposals", proposalId.slice(0, 8), "--account", "alice");
    assert.match(
      detail.stdout,
      /action 1: +pool\.setUnstakeWaitPeriod\(unstakeWaitPeriod: 14d \(1209600 s\)\)/,
    );
    assert.match(detail.stdout, /quorum: +[\d,.]+ of [\d,.]+ shares \(for \+ abstain\)/);
    assert.match(detail.stdout, /your voting power: +[\d,.]+ shares at the snapshot/);
    assert.match(
      detail.stdout,
      new RegExp(`${fx.role("alice")} for with [\\d,.]+ shares \\("safer"\\)`),
    );
    assert.match(detail.stdout, new RegExp(`${fx.role("bob")} against with [\\d,.]+ shares`));
    const detailJson = (await ok("proposals", proposalId, "--json")).json();
    assert.equal((detailJson.voters as unknown[]).length, 2);
    assert.ok(BigInt(String(detailJson.quorum)) > 0n);
  });

  it("queues after the vote and executes after the timelock delay", async () => {
    await refused(
      "carol",
      ["queue", proposalId, "--account", "carol"],
      /^error: proposal \d+ is being voted on: voting ends at .* UTC \(in (1d|23h[\dsm ]*)\); queue it after, if it passes\n/,
    );
    await fx.warp(24 * 3600 + 1);
    const list = await ok("proposals", "--agent", "primary");
    assert.match(
      list.stdout,
      /state: +Succeeded\n {2}proposer: .*\n {2}votes: +for (199,999\.9999|200,000), against [\d,.]+, abstain 0/,
    );
    const queued = await ok("queue", proposalId, "--account", "carol");
    assert.match(queued.stdout, /queued; executable from .* UTC with: ipool execute \d+/);
    await refused(
      "carol",
      ["execute", proposalId, "--account", "carol"],
      /^error: proposal \d+ is queued in the timelock: executable from .* UTC \(in [45]m[\ds ]*\)\n/,
    );
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
