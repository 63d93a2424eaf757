import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import {
  type Abi,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { startAnvil } from "/work/main/packages/devnet/src/anvil.ts";
import { startIndexer } from "/work/main/packages/indexer/src/start.ts";

const mock = JSON.parse(readFileSync("/tmp/idx/mock.json", "utf8")) as { abi: Abi; bytecode: Hex };
const anvil = await startAnvil();
const chain = defineChain({
  id: 31337,
  name: "anvil",
  nativeCurrency: { name: "E", symbol: "E", decimals: 18 },
  rpcUrls: { default: { http: [anvil.rpcUrl] } },
});
const account = mnemonicToAccount("test test test test test test test test test test test junk");
const wallet = createWalletClient({ account, chain, transport: http(anvil.rpcUrl) });
const pub = createPublicClient({ chain, transport: http(anvil.rpcUrl) });
const hash = await wallet.deployContract({ abi: mock.abi, bytecode: mock.bytecode });
const receipt = await pub.waitForTransactionReceipt({ hash });
const address = receipt.contractAddress!;
const perTx = Number(process.env.PER_TX ?? 100);
const txs = Number(process.env.TXS ?? 50);
const t = Date.now();
let nonce = await pub.getTransactionCount({ address: account.address });
let last: Hex = "0x";
for (let i = 0; i < txs; i++) {
  last = await wallet.writeContract({
    address,
    abi: mock.abi,
    functionName: "many",
    args: [BigInt(perTx)],
    gas: BigInt(100_000 + perTx * 70_000),
    nonce: nonce++,
  });
  if (i % 100 === 99) await pub.waitForTransactionReceipt({ hash: last });
}
await pub.waitForTransactionReceipt({ hash: last });
await pub.request({ method: "anvil_mine" as never, params: ["0x40"] as never });
console.log("history in", Date.now() - t, "ms; events", txs * perTx * 2);
rmSync("/tmp/idx/perf", { recursive: true, force: true });
mkdirSync("/tmp/idx/perf", { recursive: true });
writeFileSync(
  "/tmp/idx/perf/deployment.json",
  JSON.stringify({
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    startBlock: Number(receipt.blockNumber),
    contracts: { token: address, stakingPool: address },
    dapis: [],
  }),
);
const t0 = Date.now();
const idx = await startIndexer({ deploymentPath: "/tmp/idx/perf/deployment.json" });
console.log("synced in", Date.now() - t0, idx.url);
const r = await fetch(`${idx.url}/graphql`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    query:
      '{ pools { items { eventCount stakerCount } } poolEvents(limit: 6, orderBy: "id") { totalCount items { id kind blockNumber } } stakers { items { id shares } } }',
  }),
});
console.log(JSON.stringify(await r.json()));
await idx.stop();
await anvil.stop();
