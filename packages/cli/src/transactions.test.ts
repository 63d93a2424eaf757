import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { getUnstaked } from "@insurance-pool/sdk";
import type { Address } from "viem";
import { getTransactionCount } from "viem/actions";
import { type PoolFixture, startPoolFixture } from "../../sdk/src/testing/poolFixture.ts";
import { RPC_DEADLINE_MS } from "./globals.ts";
import { deploymentDir, ipool } from "./testing.ts";

const keystores = join(import.meta.dirname, "testdata", "keystores");
/** anvil's account 5, encrypted by `cast wallet import ipool-test` (Foundry 1.7.1) with this password. */
const KEYSTORE_ADDRESS = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
const KEYSTORE_PASSWORD = "correct horse";

describe("transactions: plans, keys, nonces and the RPC", () => {
  let fx: PoolFixture;
  let dir: string;
  let alice: Address;
  const cli = (...argv: string[]) => ipool(dir, argv);
  const nonceOf = (address: Address) => getTransactionCount(fx.wallet(0), { address });

  before(async () => {
    fx = await startPoolFixture();
    dir = deploymentDir(fx.deployment);
    alice = fx.wallet(1).account.address;
    writeFileSync(join(dir, "password"), `${KEYSTORE_PASSWORD}\n`);
    writeFileSync(join(dir, "wrong-password"), "battery staple\n");
  });
  after(async () => fx?.stop());

  it("--dry-run simulates the approval and the deposit on top of it, prints calldata, gas and events, sends nothing", async () => {
    const before = await nonceOf(alice);
    const result = await cli("deposit", "1.5k", "--account", "1", "--dry-run");
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.match(
      lines[0] ?? "",
      /^dry run from 0x70997970C51812dc3A010C7d01b50e0d17dc79C8: nothing was sent/,
    );
    assert.match(
      result.stdout,
      /\n1\. approve: 0x[0-9a-fA-F]{40} approve\(0x[0-9a-fA-F]{40}, 1500000000000000000000\)\n {3}data {4}0x095ea7b3/,
    );
    assert.match(
      result.stdout,
      /\n2\. deposit 1,500 API3: 0x[0-9a-fA-F]{40} deposit\(1500000000000000000000\)\n {3}data {4}0xb6b55f25/,
    );
    assert.match(
      result.stdout,
      /emits {3}Approval\(owner 0x70997970C51812dc3A010C7d01b50e0d17dc79C8/,
    );
    assert.match(
      result.stdout,
      /emits {3}Transfer\(from 0x70997970C51812dc3A010C7d01b50e0d17dc79C8, to 0x[0-9a-fA-F]{40}, value 1500000000000000000000\)/,
    );
    assert.match(result.stdout, /\n {3}gas {5}[\d,]+\n/);
    assert.equal(await nonceOf(alice), before, "nothing sent");
    assert.equal(await getUnstaked(fx.wallet(0), { pool: fx.pool, user: alice }), 0n);

    const json = await cli("deposit", "1.5k", "--account", "1", "--dry-run", "--json");
    const plan = json.json().plan as {
      mode: string;
      transactions: { label: string; gas: string }[];
    };
    assert.equal(plan.mode, "dry-run");
    assert.deepEqual(
      plan.transactions.map((t) => t.label),
      ["approve", "deposit 1,500 API3"],
    );
    assert.ok(BigInt(plan.transactions[1]?.gas ?? 0) > 21_000n);
  });

  it("--dry-run refuses what the chain would refuse, with the decoded reason", async () => {
    const result = await cli("stake", "5", "--account", "1", "--dry-run");
    assert.equal(result.code, 1);
    assert.match(result.stderr, /stake 5 API3 exceeds your unstaked 0 API3/);
  });

  it("--calldata and --safe-json need no key with --from, and send nothing", async () => {
    const before = await nonceOf(alice);
    const calldata = await cli("deposit", "10", "--from", alice, "--calldata");
    assert.equal(calldata.code, 0, calldata.stderr);
    assert.match(
      calldata.stdout,
      /^# 1\. approve \(from 0x70997970C51812dc3A010C7d01b50e0d17dc79C8\)\nto {4}0x[0-9a-fA-F]{40}\nvalue 0\ndata {2}0x095ea7b3[0-9a-f]+\n# 2\. deposit 10 API3/,
    );
    const file = join(dir, "batch.json");
    const safe = await cli("deposit", "10", "--from", alice, "--safe-json", file);
    assert.equal(safe.code, 0, safe.stderr);
    assert.match(
      safe.stdout,
      /wrote 2 transactions to .*batch\.json: a Safe Transaction Builder batch on chain 31337/,
    );
    const batch = JSON.parse(readFileSync(file, "utf8"));
    assert.equal(batch.version, "1.0");
    assert.equal(batch.chainId, "31337");
    assert.equal(batch.meta.createdFromSafeAddress, alice);
    assert.equal(batch.transactions.length, 2);
    assert.deepEqual(Object.keys(batch.transactions[0]).sort(), [
      "contractInputsValues",
      "contractMethod",
      "data",
      "to",
      "value",
    ]);
    assert.match(batch.transactions[1].data, /^0xb6b55f25/);
    assert.equal(await nonceOf(alice), before);
    const keyless = await cli("deposit", "10", "--calldata");
    assert.equal(keyless.code, 1);
    assert.match(keyless.stderr, /needs a key\n {2}Pass --from <address>/);
  });

  it("prints each transaction's hash and nonce as it is sent; --nonce sets the first", async () => {
    const nonce = await nonceOf(alice);
    const result = await cli("deposit", "100", "--account", "1", "--nonce", String(nonce));
    assert.equal(result.code, 0, result.stderr);
    assert.match(
      result.stderr,
      new RegExp(`^sent approve: tx 0x[0-9a-f]{64} nonce ${nonce}\\n`, "m"),
    );
    assert.match(
      result.stderr,
      new RegExp(`^sent deposit 100 API3: tx 0x[0-9a-f]{64} nonce ${nonce + 1}\\n`, "m"),
    );
    const stale = await cli("stake", "1", "--account", "1", "--nonce", String(nonce));
    assert.equal(stale.code, 1);
    assert.match(stale.stderr, /nonce/i);
  });

  it("signs with a Foundry keystore and its password file; a wrong password is refused", async () => {
    const file = join(keystores, "ipool-test");
    const ok = await cli("deposit", "5", "--keystore", file, "--password-file", "password");
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, new RegExp(`${KEYSTORE_ADDRESS}:`));
    assert.ok(!ok.stdout.includes(KEYSTORE_PASSWORD) && !ok.stderr.includes(KEYSTORE_PASSWORD));
    const wrong = await cli(
      "deposit",
      "5",
      "--keystore",
      file,
      "--password-file",
      "wrong-password",
    );
    assert.equal(wrong.code, 1);
    assert.equal(wrong.stderr, `error: wrong password for keystore ${file}\n`);
    const missing = await cli(
      "deposit",
      "5",
      "--keystore",
      "nobody",
      "--password-file",
      "password",
    );
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /--keystore "nobody" is neither a file nor a keystore in .*\.foundry\/keystores/,
    );
  });

  it("takes a private key from a file, never from the command line, and never prints it", async () => {
    // anvil's well-known key of account 4.
    const key = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    writeFileSync(join(dir, "key"), `${key}\n`);
    const ok = await cli("deposit", "5", "--private-key-file", "key");
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65:/);
    writeFileSync(join(dir, "bad-key"), "0x1234\n");
    const bad = await cli("deposit", "5", "--private-key-file", "bad-key");
    assert.equal(bad.code, 1);
    assert.equal(bad.stderr, `error: the key in bad-key is not a 32-byte hex private key\n`);
    const flag = await cli("deposit", "5", "--private-key", key);
    assert.equal(flag.code, 2);
    assert.ok(!flag.stderr.includes(key.slice(2, 20)), "the key is not echoed");
  });

  it("says when --rpc serves another chain than the deployment, and names a malformed deployment file", async () => {
    const other = join(dir, "chain5.json");
    writeFileSync(other, JSON.stringify({ ...fx.deployment, chainId: 5 }));
    const wrongChain = await cli("status", "--deployment", other);
    assert.equal(wrongChain.code, 1);
    assert.equal(
      wrongChain.stderr,
      `error: the deployment's rpcUrl ${fx.deployment.rpcUrl} serves chain 31337, but ${other} is a deployment on chain 5\n`,
    );
    const broken = join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const malformed = await cli("status", "--deployment", broken);
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, new RegExp(`^error: deployment file ${broken}: `));
  });

  it("a dead RPC ends the command within the deadline, listing what was already sent", async () => {
    // The node stops mining: the approval is sent, its receipt never comes; then the node dies.
    await fx.wallet(0).request({ method: "evm_setAutomine" as never, params: [false] as never });
    const started = Date.now();
    const running = ipool(dir, ["deposit", "20", "--account", "2"]);
    const sentAt = await new Promise<number>((resolve) => {
      const poll = setInterval(async () => {
        const pending = await fx
          .wallet(0)
          .request({ method: "eth_getBlockByNumber", params: ["pending", false] })
          .catch(() => undefined);
        if ((pending as { transactions?: unknown[] } | undefined)?.transactions?.length) {
          clearInterval(poll);
          resolve(Date.now());
        }
      }, 50);
    });
    await fx.anvil.stop();
    const result = await running;
    const ended = Date.now();
    assert.equal(result.code, 1);
    assert.ok(
      ended - sentAt <= RPC_DEADLINE_MS + 1_500,
      `ended ${ended - sentAt} ms after the RPC died`,
    );
    assert.ok(ended - started < 20_000);
    assert.match(result.stderr, /^sent approve: tx 0x[0-9a-f]{64} nonce \d+$/m);
    assert.match(
      result.stderr,
      /error: the RPC at http:\/\/127\.0\.0\.1:\d+ (stopped answering|did not answer)/,
    );
    assert.match(
      result.stderr,
      /sent before the failure: approve, tx 0x[0-9a-f]{64} nonce \d+ \(sent, receipt not seen\)/,
    );
    assert.ok(!result.stderr.includes("deposit 20 API3: tx"), "the deposit was never sent");
  });
});
