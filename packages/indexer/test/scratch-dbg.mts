import { readFileSync } from "node:fs";
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
const receipt = await pub.waitForTransactionReceipt({
  hash: await wallet.deployContract({ abi: mock.abi, bytecode: mock.bytecode }),
});
const address = receipt.contractAddress!;
const r = await pub.waitForTransactionReceipt({
  hash: await wallet.writeContract({
    address,
    abi: mock.abi,
    functionName: "many",
    args: [1n],
    gas: 170_000n,
  }),
});
console.log(r.status, r.gasUsed, r.logs.length);
const r2 = await pub.waitForTransactionReceipt({
  hash: await wallet.writeContract({ address, abi: mock.abi, functionName: "many", args: [1n] }),
});
console.log(r2.status, r2.gasUsed, r2.logs.length);

import { toEventSelector } from "viem";
import { iStakingPoolAbi } from "../../sdk/src/generated/contracts.ts";

const topics = iStakingPoolAbi
  .filter((x) => x.type === "event")
  .map((e) => toEventSelector(e as never));
for (const t of [topics, topics.slice(0, 3), [topics[1], topics[3]]]) {
  const logs = (await pub.request({
    method: "eth_getLogs",
    params: [{ fromBlock: "0x1", toBlock: "latest", address, topics: [t] }],
  } as never)) as { topics: Hex[] }[];
  console.log(t.length, logs.length, logs.map((l) => l.topics[0].slice(0, 10)).join(","));
}
await anvil.stop();
