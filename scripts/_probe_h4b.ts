import { encodeFunctionData, maxUint256, parseEther } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { DEVNET_CODE_SIZE_LIMIT, startAnvil } from "../packages/devnet/src/anvil.ts";
import { AnvilChain } from "../packages/devnet/src/chain.ts";
import { artifact } from "../packages/sdk/src/deploy/artifacts.ts";
import { createTxContext } from "../packages/sdk/src/deploy/context.ts";
import { DEVNET_MNEMONIC, devnetAccount } from "../packages/sdk/src/deploy/devnetAccounts.ts";
import { deployDevnet } from "../packages/sdk/src/deploy/devnet.ts";
const args = process.argv.slice(2);
const anvil = await startAnvil({ codeSizeLimit: DEVNET_CODE_SIZE_LIMIT, args });
const chain = new AnvilChain(anvil.rpcUrl);
const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
const d = await deployDevnet(ctx, { rpcUrl: anvil.rpcUrl });
const { token, stakingPool } = d.contracts;
const tokenAbi = artifact("TestToken").abi; const poolAbi = artifact("StakingPool").abi;
const a = (i: number) => mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: i }).address;
const u = a(13);
await chain.send({ from: a(0), to: token, abi: tokenAbi, functionName: "mint", args: [u, parseEther("100000")] });
await chain.send({ from: u, to: token, abi: tokenAbi, functionName: "approve", args: [stakingPool, maxUint256] });
await chain.send({ from: u, to: stakingPool, abi: poolAbi, functionName: "deposit", args: [parseEther("10000")] });
const data = encodeFunctionData({ abi: poolAbi, functionName: "stake", args: [parseEther("1")] });
const t = Date.now();
if (args.includes("--max-transactions")) {
  await chain.rpc("evm_setAutomine", [false]);
  let nonce = await chain.client.getTransactionCount({ address: u });
  for (let i = 0; i < 1000; i += 100) {
    for (let j = 0; j < 100; j++) await chain.rpc("eth_sendTransaction", [{ from: u, to: stakingPool, gas: "0x30000", nonce: `0x${(nonce++).toString(16)}`, data }]);
    await chain.rpc("anvil_mine", ["0x64", "0x1"]);
  }
} else {
  await chain.rpc("anvil_setBlockTimestampInterval", [1]);
  for (let i = 0; i < 1000; i++) await chain.rpc("eth_sendTransaction", [{ from: u, to: stakingPool, gas: "0x30000", data }]);
}
console.log(args.join(" "), Date.now() - t, "ms", await chain.read(stakingPool, poolAbi, "numCheckpoints", [u]));
await anvil.stop();
