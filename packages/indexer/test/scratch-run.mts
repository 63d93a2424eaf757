import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
for (let i = 0; i < 5; i++)
  await pub.waitForTransactionReceipt({
    hash: await wallet.writeContract({
      address,
      abi: mock.abi,
      functionName: "depositAndStake",
      args: [10n ** 18n],
    }),
  });
await pub.waitForTransactionReceipt({
  hash: await wallet.writeContract({
    address,
    abi: mock.abi,
    functionName: "payOut",
    args: [account.address, 10n ** 17n],
  }),
});
mkdirSync("/tmp/idx/dep", { recursive: true });
writeFileSync(
  "/tmp/idx/dep/deployment.json",
  JSON.stringify({
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    startBlock: Number(receipt.blockNumber),
    contracts: { token: address, stakingPool: address },
    dapis: [],
  }),
);
const t0 = Date.now();
const idx = await startIndexer({
  deploymentPath: "/tmp/idx/dep/deployment.json",
  onLog: (l) => process.env.V && console.log(l),
});
console.log("ready in", Date.now() - t0, idx.url);
const r = await fetch(`${idx.url}/graphql`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    query:
      "{ pools { items { id totalStake totalShares sharePrice stakerCount eventCount totalPaidOut } } stakers { items { id shares unstaked } } payouts { items { amount totalStake } } }",
  }),
});
console.log(JSON.stringify(await r.json(), null, 1));
console.log(await (await fetch(`${idx.url}/stats/pool-history`)).text());
await idx.stop();
await anvil.stop();
