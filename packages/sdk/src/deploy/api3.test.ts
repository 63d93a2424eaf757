import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { encodeFunctionData, parseEther } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { ANVIL_MNEMONIC, type AnvilInstance, startAnvil } from "../anvil.ts";
import {
  type Api3Contracts,
  deployApi3,
  type LocalDapi,
  pushBeaconValue,
  setUpLocalDapi,
  signBeaconValue,
} from "./api3.ts";
import { api3ReaderProxyV1Abi, api3ServerV1Abi } from "./api3Artifacts.ts";
import { createTxContext, sendAndWait, type TxContext } from "./context.ts";

const deployer = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 0 });
const airnode = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 9 });
const impostor = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: 8 });

let anvil: AnvilInstance;
let ctx: TxContext;
let api3: Api3Contracts;
let ethUsd: LocalDapi;

before(async () => {
  anvil = await startAnvil();
  ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: deployer });
  api3 = await deployApi3(ctx, deployer.address);
  ethUsd = await setUpLocalDapi(ctx, api3, airnode, "ETH/USD", parseEther("3000"));
});

after(async () => {
  await anvil?.stop();
});

const read = (proxy: `0x${string}`) =>
  ctx.publicClient.readContract({
    address: proxy,
    abi: api3ReaderProxyV1Abi,
    functionName: "read",
  });

test("a local dAPI reads the signed value through its Api3ReaderProxyV1", async () => {
  const [value, timestamp] = await read(ethUsd.proxy);
  assert.equal(value, parseEther("3000"));
  const block = await ctx.publicClient.getBlock();
  assert.ok(BigInt(timestamp) <= block.timestamp);
});

test("a pushed wrong value (malfunction) is what the proxy then serves", async () => {
  await ctx.publicClient.request({ method: "evm_increaseTime" as never, params: [60] as never });
  await pushBeaconValue(ctx, api3.api3ServerV1, airnode, ethUsd.templateId, 1n);
  const [value] = await read(ethUsd.proxy);
  assert.equal(value, 1n);
});

test("a push that loses the race for its second to another pusher signs a later one", async () => {
  // The devnet's pusher pushes every 5 s; here it "pushes" between our read of the Beacon and our send, and our
  // reads keep answering from before its push (as while its transaction waits for a block).
  let raced = false;
  let stale: unknown;
  const racy: TxContext = {
    ...ctx,
    publicClient: new Proxy(ctx.publicClient, {
      get(target, key, receiver) {
        if (key !== "readContract") return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.readContract>) => {
          if (raced) return stale;
          stale = await target.readContract(...args);
          raced = true;
          const block = await target.getBlock({ blockTag: "latest" });
          const last = BigInt((stale as readonly [bigint, number])[1]);
          const taken = block.timestamp > last ? block.timestamp : last + 1n;
          await pushBeaconValue(ctx, api3.api3ServerV1, airnode, ethUsd.templateId, 7n, taken);
          return stale;
        };
      },
    }),
  };
  const { timestamp } = await pushBeaconValue(
    racy,
    api3.api3ServerV1,
    airnode,
    ethUsd.templateId,
    8n,
  );
  assert.ok(raced);
  const [value, at] = await read(ethUsd.proxy);
  assert.equal(value, 8n, "the retry's value is what the dAPI serves");
  assert.equal(BigInt(at), timestamp);
  // A timestamp given by the caller is not retried: the Beacon's error surfaces.
  await assert.rejects(
    pushBeaconValue(ctx, api3.api3ServerV1, airnode, ethUsd.templateId, 9n, timestamp),
    /Does not update timestamp/,
  );
});

test("a value signed by another key is refused and the dAPI keeps its value", async () => {
  const [before] = await read(ethUsd.proxy);
  const block = await ctx.publicClient.getBlock();
  const forged = await signBeaconValue(impostor, ethUsd.templateId, block.timestamp + 10n, 5n);
  await assert.rejects(
    sendAndWait(ctx, "forged update", {
      to: api3.api3ServerV1,
      data: encodeFunctionData({
        abi: api3ServerV1Abi,
        functionName: "updateBeaconWithSignedData",
        args: [
          airnode.address,
          ethUsd.templateId,
          block.timestamp + 10n,
          forged.data,
          forged.signature,
        ],
      }),
    }),
    /Signature mismatch/,
  );
  const [value] = await read(ethUsd.proxy);
  assert.equal(value, before);
});

test("two dAPIs get distinct proxies and beacons", async () => {
  const api3Usd = await setUpLocalDapi(ctx, api3, airnode, "API3/USD", parseEther("1.5"));
  assert.notEqual(api3Usd.proxy, ethUsd.proxy);
  assert.notEqual(api3Usd.beaconId, ethUsd.beaconId);
  const [value] = await read(api3Usd.proxy);
  assert.equal(value, parseEther("1.5"));
});
