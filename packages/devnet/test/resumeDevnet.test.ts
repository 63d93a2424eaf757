import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createPublicClient, createWalletClient, http, parseEther } from "viem";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import { type Devnet, type DevnetOptions, runDevnet } from "../src/devnet.ts";
import { savedPaths } from "../src/resume.ts";
import { formatSummary } from "../src/summary.ts";

// Three devnet starts with the indexer: ~30 s each on an idle 2-core machine, more beside the whole suite.
const TIMEOUT_MS = 600_000;
const DAY = 86_400;

test("npm start -- --resume continues the saved chain, deployment and index; a changed key or a broken state file starts clean", {
  timeout: TIMEOUT_MS,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ipool-resume-"));
  const deploymentPath = join(dir, "deployment.json");
  const logs: string[] = [];
  const start = (extra: Partial<DevnetOptions>) => {
    logs.length = 0;
    return runDevnet({
      port: 0,
      indexerPort: 0,
      dashboardPort: false,
      deploymentPath,
      blockTime: 0,
      pushIntervalMs: 1_000,
      log: (line) => logs.push(line),
      ...extra,
    });
  };
  /** Asserts that a log line of the last start begins with `prefix`. */
  const assertLogged = (prefix: string) =>
    assert.ok(
      logs.some((line) => line.startsWith(prefix)),
      `no line "${prefix}...": ${logs.join("; ")}`,
    );
  const clientOf = (devnet: Devnet) => createPublicClient({ transport: http(devnet.rpcUrl) });
  let devnet: Devnet | undefined;
  try {
    // A new devnet; it changes its state after the seed: a transfer, and its clock moved a day ahead.
    devnet = await start({ resume: true });
    assert.equal(devnet.resumed, undefined);
    assert.ok(
      logs.includes("not resuming: no saved devnet; starting a new devnet"),
      logs.join("; "),
    );
    const first = devnet.deployment;
    const wallet = createWalletClient({
      account: devnetAccount("alice"),
      transport: http(devnet.rpcUrl),
    });
    const recipient = "0x000000000000000000000000000000000000dEaD";
    const transfer = await wallet.sendTransaction({
      to: recipient,
      value: parseEther("1.25"),
      chain: null,
    });
    await clientOf(devnet).request({ method: "evm_increaseTime" as never, params: [DAY] as never });
    await clientOf(devnet).request({ method: "evm_mine" as never, params: [] as never });
    const last = await clientOf(devnet).getBlock();
    const offsetOf = async (client: ReturnType<typeof clientOf>) =>
      Number((await client.getBlock({ blockTag: "pending" })).timestamp) -
      Math.floor(Date.now() / 1000);
    const savedOffset = await offsetOf(clientOf(devnet));
    assert.ok(savedOffset >= DAY - 5, `the clock is a day ahead or more: ${savedOffset} s`);
    await devnet.stop();
    devnet = undefined;
    assert.ok(
      existsSync(savedPaths(deploymentPath).state),
      "anvil saved its state when it stopped",
    );

    // Resumed: the same chain (blocks, the transfer), deployment and indexed data; the clock kept its day.
    devnet = await start({ resume: true });
    assert.ok(devnet.resumed, `not resumed: ${logs.join("; ")}`);
    assert.equal(devnet.resumed.seeded, true);
    assert.deepEqual(devnet.deployment.contracts, first.contracts);
    const client = clientOf(devnet);
    assert.equal((await client.getBlock({ blockNumber: last.number })).hash, last.hash);
    assert.equal((await client.getTransactionReceipt({ hash: transfer })).status, "success");
    assert.equal(await client.getBalance({ address: recipient }), parseEther("1.25"));
    const next = await client.getBlock({ blockTag: "pending" });
    assert.ok(next.timestamp > last.timestamp, "the clock never goes back");
    const offset = await offsetOf(client);
    assert.ok(
      Math.abs(offset - savedOffset) <= 5,
      `offset ${offset} s, saved with ${savedOffset} s`,
    );
    assert.ok(
      !logs.some((line) => line.startsWith("indexer: indexing from the first block")),
      `the indexer resumed its database: ${logs.join("; ")}`,
    );
    assert.ok(!logs.some((line) => line.startsWith("deployed in")), "nothing was deployed");
    const summary = formatSummary(devnet, { blockTime: 0, pushIntervalMs: 1_000 });
    assert.match(summary, / {2}resumed +the devnet saved at \d{4}-/);
    assert.match(summary, /npx ipool deposit 1\.5k --stake --account bob/);
    await devnet.stop();
    devnet = undefined;

    // Another option changes the key: a new chain and deployment, indexed from the first block.
    devnet = await start({ resume: true, arbitrator: "kleros" });
    assert.equal(devnet.resumed, undefined);
    assertLogged("not resuming: the contracts, the deploy or seed code or the options changed");
    assertLogged("deployed in");
    assertLogged("indexer: indexing from the first block (another chain or deployment)");
    const fresh = clientOf(devnet);
    assert.equal(await fresh.getBalance({ address: recipient }), 0n, "the old chain is gone");
    await devnet.stop();
    devnet = undefined;

    // A state file anvil cannot load (a stop cut short mid-write): a new devnet, not a failure.
    writeFileSync(savedPaths(deploymentPath).state, '{"block":');
    devnet = await start({ resume: true, arbitrator: "kleros", indexerPort: false });
    assert.equal(devnet.resumed, undefined);
    assertLogged("not resuming: anvil could not load");
    assertLogged("deployed in");
    await devnet.stop();
    devnet = undefined;

    // A loadable state that is not the recorded devnet's chain (its start block's hash differs): a new devnet.
    const { record } = savedPaths(deploymentPath);
    const saved = JSON.parse(readFileSync(record, "utf8")) as { startBlockHash: string };
    writeFileSync(record, JSON.stringify({ ...saved, startBlockHash: `0x${"00".repeat(32)}` }));
    devnet = await start({ resume: true, arbitrator: "kleros", indexerPort: false });
    assert.equal(devnet.resumed, undefined);
    assertLogged("not resuming: the saved chain state is not the saved devnet's");
    assertLogged("deployed in");
  } finally {
    await devnet?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
