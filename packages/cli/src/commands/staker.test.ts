import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  accruedTotals,
  DEAD_SHARES,
  getPendingUnstake,
  getShares,
  getTotalShares,
  getTotalStake,
  getUnstaked,
  getVotes,
  iStakingPoolAbi,
  parseAmount,
  sharesMinted,
} from "@insurance-pool/sdk";
import type { Address } from "viem";
import { getBlock, getTransactionCount, readContract } from "viem/actions";
import { type PoolFixture, startPoolFixture } from "../../../sdk/src/testing/poolFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

const e18 = 10n ** 18n;

describe("staker commands against anvil", () => {
  let fx: PoolFixture;
  let dir: string;
  let alice: Address;
  let bob: Address;
  const cli = (...argv: string[]) => ipool(dir, argv);
  const nonceOf = (address: Address) => getTransactionCount(fx.wallet(0), { address });
  /** Runs a bad input and checks it exits non-zero, says `message`, and sent nothing from `from`. */
  const refused = async (
    from: Address,
    argv: string[],
    message: RegExp,
    code = 1,
  ): Promise<CliResult> => {
    const before = await nonceOf(from);
    const result = await cli(...argv);
    assert.equal(result.code, code, `${argv.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stdout, "");
    assert.equal(await nonceOf(from), before, `${argv.join(" ")} sent a transaction`);
    return result;
  };

  before(async () => {
    fx = await startPoolFixture();
    dir = deploymentDir(fx.deployment);
    alice = fx.wallet(1).account.address;
    bob = fx.wallet(2).account.address;
  });
  after(async () => fx?.stop());

  it("deposit approves, deposits and shows the new balances", async () => {
    const result = await cli("deposit", "1.5k", "--account", "1");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /✔ approve {2}tx 0x[0-9a-f]{64} {2}gas [\d,]+/);
    assert.match(result.stdout, /✔ deposit 1,500 API3 {2}tx 0x[0-9a-f]{64} {2}gas [\d,]+/);
    assert.match(result.stdout, /unstaked in pool: 1,500 API3/);
    assert.match(result.stderr, /waiting for 0x/, "progress on stderr");
    assert.equal(await getUnstaked(fx.wallet(0), { pool: fx.pool, user: alice }), 1_500n * e18);
  });

  it("deposit --stake stakes in the same transaction", async () => {
    const result = await cli("deposit", "250", "--stake", "--account", "2");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /deposit and stake 250 API3/);
    // The first stake of the pool pays for the dead shares.
    assert.equal(
      await getShares(fx.wallet(0), { pool: fx.pool, user: bob }),
      250n * e18 - DEAD_SHARES,
    );
  });

  it("stake mints the shares the SDK's maths predicts, and reports them as JSON", async () => {
    const totals = {
      totalStake: await getTotalStake(fx.wallet(0), { pool: fx.pool }),
      totalShares: await getTotalShares(fx.wallet(0), { pool: fx.pool }),
    };
    const result = await cli("stake", "500", "--account", "1", "--json");
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, "", "no progress output in --json mode");
    const json = result.json();
    assert.equal(json.mintedShares, sharesMinted(500n * e18, totals).toString());
    const [tx] = json.transactions as { hash: string; gasUsed: string }[];
    assert.match(tx?.hash ?? "", /^0x[0-9a-f]{64}$/);
    assert.ok(Number(tx?.gasUsed) > 21_000);
    assert.equal(await getUnstaked(fx.wallet(0), { pool: fx.pool, user: alice }), 1_000n * e18);
  });

  it("refuses bad staking inputs with the decoded reason and sends nothing", async () => {
    await refused(
      alice,
      ["stake", "5k", "--account", "1"],
      /stake 5,000 API3 exceeds your unstaked 1,000 API3/,
    );
    // Malformed input is a usage error (exit 2); what the chain refuses exits 1.
    await refused(alice, ["stake", "abc", "--account", "1"], /"abc" is not an amount/, 2);
    await refused(alice, ["stake", "0", "--account", "1"], /amount must be above zero/, 2);
    await refused(
      alice,
      ["stake", "1.0000000000000000001", "--account", "1"],
      /more than 18 decimals/,
      2,
    );
    await refused(alice, ["stake", "--account", "1"], /missing required argument 'amount\|all'/, 2);
    await refused(
      alice,
      ["stake", "1", "2", "--account", "1"],
      /too many arguments for 'stake'/,
      2,
    );
    await refused(alice, ["stake", "1"], /needs a key/);
    await refused(
      alice,
      ["stake", "1", "--account", "nobody"],
      /neither a devnet index nor a role/,
    );
    await refused(
      alice,
      ["stake", "1", "--account", "1", "--bogus"],
      /unknown option '--bogus'/,
      2,
    );
    await refused(
      alice,
      ["deposit", "10m", "--account", "1"],
      /deposit: your token balance [\d,]+ API3 is below the 10,000,000 API3 needed/,
    );
    await refused(
      alice,
      ["withdraw", "2k", "--account", "1"],
      /withdraw 2,000 API3 exceeds your unstaked 1,000 API3/,
    );
    await refused(
      alice,
      ["stake", "1", "--account", "1", "--rpc", "ftp://x"],
      /not an http\(s\) URL/,
      2,
    );
  });

  it("--json reports a refusal as JSON with the error's name and values", async () => {
    const result = await cli("stake", "5k", "--account", "1", "--json");
    assert.equal(result.code, 1);
    assert.equal(result.stderr, "");
    const json = result.json();
    assert.equal(json.errorName, "InsufficientUnstaked");
    assert.equal(json.error, "stake 5,000 API3 exceeds your unstaked 1,000 API3");
    assert.deepEqual(json.args, {
      user: alice,
      amount: "5000000000000000000000",
      available: "1000000000000000000000",
    });
  });

  it("a bad key in the environment is refused", async () => {
    const result = await ipool(dir, ["stake", "1"], { IPOOL_PRIVATE_KEY: "0x1234" });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /IPOOL_PRIVATE_KEY is not a 32-byte hex private key/);
  });

  it("a key from the environment signs", async () => {
    // anvil's well-known key of account 3.
    const key = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
    const result = await ipool(dir, ["deposit", "10", "--stake"], { IPOOL_PRIVATE_KEY: key });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /0x90F79bf6EB2c4f870365E785982E1f101E93b906:/);
  });

  it("schedule-unstake takes shares off at once; unstake before maturity is refused; after it credits", async () => {
    const sharesBefore = await getShares(fx.wallet(0), { pool: fx.pool, user: alice });
    const result = await cli("schedule-unstake", "100", "--account", "1");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /scheduled 100 API3; run `ipool unstake` after/);
    const pending = await getPendingUnstake(fx.wallet(0), { pool: fx.pool, user: alice });
    assert.equal(pending.amount, 100n * e18);
    assert.equal(
      await getShares(fx.wallet(0), { pool: fx.pool, user: alice }),
      sharesBefore - pending.shares,
    );

    await refused(
      alice,
      ["schedule-unstake", "1", "--account", "1"],
      /your unstake is already pending \(matures .* UTC\)/,
    );
    await refused(
      alice,
      ["unstake", "--account", "1"],
      /your unstake matures .* UTC, in 6d 23h 5\dm|your unstake matures .* UTC, in 7d/,
    );
    await refused(bob, ["unstake", "--account", "2"], /you have no pending unstake/);
    // --withdraw refuses too (it withdrew alice's unrelated 1,000 unstaked tokens and left the unstake pending).
    await refused(
      alice,
      ["unstake", "--withdraw", "--account", "1"],
      /your unstake matures .* UTC, in 6d 23h 5\dm|your unstake matures .* UTC, in 7d/,
    );
    await refused(bob, ["unstake", "--withdraw", "--account", "2"], /you have no pending unstake/);
    assert.equal(await getUnstaked(fx.wallet(0), { pool: fx.pool, user: alice }), 1_000n * e18);
    await refused(alice, ["schedule-unstake", "--account", "1"], /give either an amount/, 2);

    await fx.warp(7 * 86_400 + 1);
    // Anyone may execute a matured unstake: bob executes alice's.
    const executed = await cli("unstake", alice, "--account", "2");
    assert.equal(executed.code, 0, executed.stderr);
    assert.match(executed.stdout, /credited 100 API3 to the unstaked balance/);
    assert.equal(await getUnstaked(fx.wallet(0), { pool: fx.pool, user: alice }), 1_100n * e18);
  });

  it("withdraw all sends everything withdrawable to the wallet", async () => {
    const result = await cli("withdraw", "all", "--account", "1");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /✔ withdraw 1,100 API3/);
    assert.match(result.stdout, /unstaked in pool: 0 API3/);
    await refused(alice, ["withdraw", "all", "--account", "1"], /nothing is withdrawable now/);
  });

  it("schedule-unstake --shares, unstake --withdraw and withdraw --to", async () => {
    const carol = fx.wallet(3).account.address;
    const scheduled = await cli("schedule-unstake", "--shares", "4", "--account", "3");
    assert.equal(scheduled.code, 0, scheduled.stderr);
    assert.match(scheduled.stdout, /scheduled 4 API3/);
    await fx.warp(7 * 86_400 + 1);
    await refused(
      alice,
      ["unstake", carol, "--withdraw", "--account", "1"],
      /--withdraw only works for your own unstake/,
    );
    const withdrawn = await cli("unstake", "--withdraw", "--account", "3");
    assert.equal(withdrawn.code, 0, withdrawn.stderr);
    assert.match(withdrawn.stdout, /withdrew 4 API3/);
    await cli("deposit", "3", "--account", "3");
    const sent = await cli("withdraw", "3", "--to", bob, "--account", "3");
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /✔ withdraw 3 API3/);
  });

  it("delegate moves the voting power; a second change within the week is refused", async () => {
    const votesBefore = await getVotes(fx.wallet(0), { pool: fx.pool, account: bob });
    const result = await cli("delegate", bob, "--account", "1");
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`delegates to: +${bob}`));
    const aliceShares = await getShares(fx.wallet(0), { pool: fx.pool, user: alice });
    assert.equal(
      await getVotes(fx.wallet(0), { pool: fx.pool, account: bob }),
      votesBefore + aliceShares,
    );
    assert.equal(await getVotes(fx.wallet(0), { pool: fx.pool, account: alice }), 0n);
    await refused(
      alice,
      ["delegate", "none", "--account", "1"],
      /delegate: delegation too soon \(account .*, allowedAt .* UTC\)/,
    );
    await refused(
      alice,
      ["delegate", "0x1234", "--account", "1"],
      /"0x1234" is not an address or a devnet role/,
      2,
    );
  });

  it("status shows the pool and any account, without a key", async () => {
    // An hour with no transaction: the stream releases rewards that no accrual has written yet.
    await fx.wallet(0).request({ method: "evm_increaseTime", params: [3600] } as never);
    await fx.wallet(0).request({ method: "evm_mine", params: [] } as never);
    const result = await cli("status", alice);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /total stake: +[\d,.]+ API3/);
    assert.match(result.stdout, /share price: +1(\.\d+)? API3 per share/);
    assert.match(result.stdout, /APR: +[\d.]+% \(epoch \d+\)/);
    assert.match(result.stdout, new RegExp(`${alice}:`));
    const json = (await cli("status", "--json", "--account", "2")).json();
    const pool = json.pool as Record<string, string>;
    // Staked 256 + 500 - 100 tokens, plus the rewards streamed since (the test moved the clock by weeks): the
    // stored totalStake() plus what the stream released until the status's block (the SDK's own maths).
    const totalStake = BigInt(pool.totalStake ?? 0);
    const client = fx.wallet(0);
    const blockNumber = BigInt(pool.blockNumber ?? 0);
    const [written, totalShares, [remaining, lastUpdate, , end], { timestamp }] = await Promise.all(
      [
        readContract(client, {
          address: fx.pool,
          abi: iStakingPoolAbi,
          functionName: "totalStake",
          blockNumber,
        }),
        readContract(client, {
          address: fx.pool,
          abi: iStakingPoolAbi,
          functionName: "totalShares",
          blockNumber,
        }),
        readContract(client, {
          address: fx.pool,
          abi: iStakingPoolAbi,
          functionName: "rewardStream",
          blockNumber,
        }),
        getBlock(client, { blockNumber }),
      ],
    );
    const accrued = accruedTotals(
      { totalStake: written, totalShares },
      { remaining, lastUpdate, end },
      timestamp,
    );
    assert.equal(totalStake, accrued.totalStake);
    assert.ok(totalStake > written, "rewards stream: the status includes what is not yet written");
    assert.ok(totalStake >= parseAmount("656", 18), `${totalStake}`);
    assert.equal((json.account as Record<string, string>).account, bob);
  });

  it("usage errors and help", async () => {
    assert.equal((await cli("nope")).code, 2);
    assert.match((await cli("nope")).stderr, /unknown command .nope./);
    const help = await cli("--help");
    assert.equal(help.code, 0);
    for (const name of [
      "deposit",
      "schedule-unstake",
      "buy",
      "accept-settlement",
      "rule",
      "propose",
      "proposals",
    ]) {
      assert.match(help.stdout, new RegExp(`\\n  ${name} `));
    }
    const stakeHelp = await cli("stake", "--help");
    assert.match(stakeHelp.stdout, /Usage: ipool stake \[options\] <amount\|all>/);
    const missing = await ipool("/nonexistent", ["status"]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no deployment file at \/nonexistent\/.devnet\/deployment.json/);
  });
});
