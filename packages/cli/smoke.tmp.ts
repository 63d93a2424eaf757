import { mkdirSync, writeFileSync } from "node:fs";

mkdirSync("/tmp/smoke/.devnet", { recursive: true });

import { createWalletClient, http, parseEther, publicActions } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { startAnvil } from "../devnet/src/anvil.ts";
import {
  stakingPoolAbi,
  stakingPoolBytecode,
  testTokenAbi,
  testTokenBytecode,
} from "../sdk/src/generated/contracts.ts";
import { run } from "./src/cli.ts";

const anvil = await startAnvil({ args: ["--disable-code-size-limit"] });
const account = mnemonicToAccount("test test test test test test test test test test test junk");
const w = createWalletClient({
  account,
  chain: { ...foundry, rpcUrls: { default: { http: [anvil.rpcUrl] } } },
  transport: http(anvil.rpcUrl),
}).extend(publicActions);
const startBlock = Number(await w.getBlockNumber());
let h = await w.deployContract({
  abi: testTokenAbi,
  bytecode: testTokenBytecode,
  args: ["API3", "API3", account.address],
});
const token = (await w.waitForTransactionReceipt({ hash: h })).contractAddress!;
h = await w.deployContract({
  abi: stakingPoolAbi,
  bytecode: stakingPoolBytecode,
  args: [token, account.address, account.address],
});
const pool = (await w.waitForTransactionReceipt({ hash: h })).contractAddress!;
await w.waitForTransactionReceipt({
  hash: await w.writeContract({
    address: token,
    abi: testTokenAbi,
    functionName: "setMinter",
    args: [pool, true],
  }),
});
await w.waitForTransactionReceipt({
  hash: await w.writeContract({
    address: token,
    abi: testTokenAbi,
    functionName: "setMinter",
    args: [account.address, true],
  }),
});
await w.waitForTransactionReceipt({
  hash: await w.writeContract({
    address: token,
    abi: testTokenAbi,
    functionName: "mint",
    args: [account.address, parseEther("1000000")],
  }),
});
writeFileSync(
  "/tmp/smoke/.devnet/deployment.json",
  JSON.stringify({
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    startBlock,
    contracts: { token, stakingPool: pool },
    dapis: [],
  }),
);
const io = {
  stdout: (t: string) => process.stdout.write(t),
  stderr: (t: string) => process.stderr.write(`[err] ${t}`),
  env: {},
  isTTY: false,
  cwd: "/tmp/smoke",
};
const cmds = [
  ["status"],
  ["deposit", "1.5k", "-a", "0"],
  ["stake", "500", "-a", "0"],
  ["stake", "5k", "-a", "0"],
  ["deposit", "10m", "-a", "0"],
  ["schedule-unstake", "100", "-a", "0"],
  ["schedule-unstake", "100", "-a", "0"],
  ["unstake", "-a", "0"],
  ["withdraw", "all", "-a", "0"],
  ["withdraw", "1", "-a", "0"],
  ["stake", "abc", "-a", "0"],
  ["stake", "1"],
  ["status", "--json", "-a", "0"],
  ["stake", "--bogus"],
  ["delegate", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "-a", "0"],
];
for (const argv of cmds) {
  console.log(`\n$ ipool ${argv.join(" ")}`);
  const t = Date.now();
  const code = await run(argv, io);
  console.log(`(exit ${code}, ${Date.now() - t} ms)`);
}
await anvil.stop();
