import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type Address, parseEther } from "viem";
import { api3ReaderProxyV1Abi, api3ServerV1Abi } from "../../sdk/src/deploy/api3Artifacts.ts";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import { deployDevnet } from "../../sdk/src/deploy/devnet.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { type AnvilInstance, DEVNET_CODE_SIZE_LIMIT, startAnvil } from "../src/anvil.ts";
import { AnvilChain } from "../src/chain.ts";
import { feedControlPath, runMalfunction } from "../src/malfunction.ts";
import { FeedPusher } from "../src/pusher.ts";

let anvil: AnvilInstance;
let chain: AnvilChain;
let deployment: Deployment;
let dir: string;
let pusher: FeedPusher;

const feed = (name: string) => {
  const found = deployment.devnet?.feeds.find((f) => f.name === name);
  assert.ok(found, name);
  return found;
};
const read = async (name: string) => {
  const [value, timestamp] = await chain.read<readonly [bigint, number]>(
    feed(name).proxy,
    api3ReaderProxyV1Abi,
    "read",
  );
  return { value, timestamp };
};
const malfunction = async (...argv: string[]) => {
  let stdout = "";
  let stderr = "";
  const code = await runMalfunction(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd: dir,
  });
  return { code, stdout, stderr };
};

before(async () => {
  anvil = await startAnvil({ codeSizeLimit: DEVNET_CODE_SIZE_LIMIT });
  chain = new AnvilChain(anvil.rpcUrl);
  const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
  deployment = await deployDevnet(ctx, { rpcUrl: anvil.rpcUrl });
  dir = mkdtempSync(join(tmpdir(), "ipool-malfunction-"));
  const deploymentPath = join(dir, ".devnet", "deployment.json");
  mkdirSync(join(dir, ".devnet"));
  writeFileSync(deploymentPath, JSON.stringify(deployment));
  pusher = new FeedPusher({
    ctx: await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("pusher") }),
    api3ServerV1: deployment.contracts.api3ServerV1 as Address,
    airnode: devnetAccount("airnode"),
    feeds: (deployment.devnet?.feeds ?? []).map((f) => ({
      name: f.name,
      templateId: f.templateId,
      baseValue: BigInt(f.baseValue),
    })),
    controlPath: feedControlPath(deploymentPath),
  });
});

after(async () => {
  await pusher?.stop();
  await anvil?.stop();
});

test("the pusher walks live feeds within 5% of their base value", async () => {
  await chain.increaseTime(2);
  const pushed = await pusher.pushOnce();
  assert.deepEqual(Object.keys(pushed).sort(), ["API3/USD", "BTC/USD", "ETH/USD"]);
  const { value } = await read("ETH/USD");
  assert.ok(value >= parseEther("2850") && value <= parseEther("3150"), `ETH/USD ${value}`);
});

test("--value pushes a wrong value at once and the pusher keeps it", async () => {
  const result = await malfunction("--feed", "ETH/USD", "--value", "0");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /ETH\/USD now reads 0/);
  assert.equal((await read("ETH/USD")).value, 0n);
  await chain.increaseTime(2);
  const pushed = await pusher.pushOnce();
  assert.equal(pushed["ETH/USD"], 0n);
  assert.equal((await read("ETH/USD")).value, 0n);
});

test("--deviate moves the feed's base value by a percentage and keeps it", async () => {
  const result = await malfunction("--feed", "BTC/USD", "--deviate", "10%");
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /BTC\/USD now reads 104500 /);
  assert.equal((await read("BTC/USD")).value, parseEther("104500"));
  await chain.increaseTime(2);
  assert.equal((await pusher.pushOnce())["BTC/USD"], parseEther("104500"));
  const down = await malfunction("--feed", "BTC/USD", "--deviate=-2.5");
  assert.equal(down.code, 0, down.stderr);
  assert.equal((await read("BTC/USD")).value, parseEther("92625"));
  assert.equal((await malfunction("--feed", "BTC/USD", "--restore")).code, 0);
});

test("--stale stops updates of that feed only; --advance moves the clock; --restore makes it live", async () => {
  const result = await malfunction("--feed", "ETH/USD", "--stale", "--advance", "3600");
  assert.equal(result.code, 0, result.stderr);
  const before = await read("ETH/USD");
  const btcBefore = await read("BTC/USD");
  const pushed = await pusher.pushOnce();
  assert.equal(pushed["ETH/USD"], undefined);
  assert.equal((await read("ETH/USD")).timestamp, before.timestamp, "ETH/USD not updated");
  assert.ok((await read("BTC/USD")).timestamp > btcBefore.timestamp, "BTC/USD still updated");
  assert.ok((await chain.now()) - BigInt(before.timestamp) >= 3600n, "ETH/USD is an hour old");

  const restored = await malfunction("--feed", "ETH/USD", "--restore");
  assert.equal(restored.code, 0, restored.stderr);
  await chain.increaseTime(2);
  await pusher.pushOnce();
  const live = await read("ETH/USD");
  assert.ok(live.timestamp > before.timestamp && live.value > parseEther("2800"));
  const beacon = await chain.read<readonly [bigint, number]>(
    deployment.contracts.api3ServerV1 as Address,
    api3ServerV1Abi,
    "dataFeeds",
    [feed("ETH/USD").beaconId],
  );
  assert.equal(beacon[0], live.value, "the proxy reads the Beacon");
});

test("--list shows every feed; bad inputs exit non-zero with a message", async () => {
  const list = await malfunction("--list");
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /API3\/USD\s+live/);
  assert.match(list.stdout, /ETH\/USD\s+live/);
  for (const [argv, message] of [
    [
      ["--feed", "DOGE/USD", "--value", "1"],
      /not a devnet feed; feeds: API3\/USD, ETH\/USD, BTC\/USD/,
    ],
    [["--feed", "ETH/USD"], /exactly one of --value, --deviate, --stale, --restore/],
    [["--feed", "ETH/USD", "--deviate", "ten"], /--deviate ten is not a percentage/],
    [["--feed", "ETH/USD", "--deviate", "5%", "--stale"], /exactly one of/],
    [["--feed", "ETH/USD", "--value", "abc"], /is not a number/],
    [["--feed", "ETH/USD", "--stale", "--advance", "-1"], /--advance|ambiguous/],
    [["--deployment", "nowhere.json", "--list"], /Start the devnet first/],
  ] as const) {
    const result = await malfunction(...argv);
    assert.notEqual(result.code, 0, argv.join(" "));
    assert.match(result.stderr, message);
  }
});
