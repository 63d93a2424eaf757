import { writeFileSync } from "node:fs";
import { encodeDeployData, encodeFunctionData, parseEther } from "viem";
import { startAnvil } from "../../devnet/src/anvil.ts";
import { createTxContext, deployAndWait, sendAndWait } from "../../sdk/src/deploy/context.ts";
import { devnetAccount, devnetAccounts } from "../../sdk/src/deploy/devnetAccounts.ts";
import {
  stakingPoolAbi,
  stakingPoolBytecode,
  testTokenAbi,
  testTokenBytecode,
} from "../../sdk/src/generated/contracts.ts";
import { startDashboard } from "../start.ts";
import { launchBrowser } from "./harness.ts";

const anvil = await startAnvil({ args: ["--code-size-limit", "200000"] });
const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
const deployer = ctx.walletClient.account.address;
const token = await deployAndWait(
  ctx,
  "token",
  encodeDeployData({
    abi: testTokenAbi,
    bytecode: testTokenBytecode,
    args: ["API3 (devnet)", "API3", deployer],
  }),
);
const pool = await deployAndWait(
  ctx,
  "pool",
  encodeDeployData({
    abi: stakingPoolAbi,
    bytecode: stakingPoolBytecode,
    args: [token, deployer, deployer],
  }),
);
const accounts = devnetAccounts();
await sendAndWait(ctx, "minter", {
  to: token,
  data: encodeFunctionData({ abi: testTokenAbi, functionName: "setMinter", args: [pool, true] }),
});
await sendAndWait(ctx, "minter", {
  to: token,
  data: encodeFunctionData({
    abi: testTokenAbi,
    functionName: "setMinter",
    args: [deployer, true],
  }),
});
await sendAndWait(ctx, "mint", {
  to: token,
  data: encodeFunctionData({
    abi: testTokenAbi,
    functionName: "mint",
    args: [accounts.alice.address, parseEther("1000000")],
  }),
});
const path = "/tmp/h6-deployment.json";
writeFileSync(
  path,
  JSON.stringify({
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    startBlock: 0,
    contracts: { token, stakingPool: pool },
    dapis: [],
    accounts,
  }),
);
const t0 = performance.now();
const dash = await startDashboard({
  deploymentPath: path,
  indexerUrl: null,
  port: 0,
  forceBuild: true,
});
console.log("dashboard", dash.url, Math.round(performance.now() - t0), "ms");
const b = await launchBrowser();
const { page } = b;
const t1 = performance.now();
await page.goto(dash.url);
await page.getByTestId("total-staked").waitFor();
console.log("first render", Math.round(performance.now() - t1));
await page.getByTestId("account-select").selectOption({ label: "alice (devnet #4)" });
await page.getByLabel("Amount").fill("1000");
await page.getByTestId("pool-submit").click();
await page.getByText("confirmed").first().waitFor({ timeout: 20000 });
await page.waitForTimeout(1500);
await page.screenshot({
  path: "/work/main/test-artifacts/screenshots/scratch-pool.png",
  fullPage: true,
});
for (const p of ["coverage", "claims", "governance"]) {
  await page.goto(`${dash.url}#/${p}`);
  await page.waitForTimeout(800);
  await page.screenshot({
    path: `/work/main/test-artifacts/screenshots/scratch-${p}.png`,
    fullPage: true,
  });
}
console.log("errors", b.errors);
await b.close();
await dash.stop();
await anvil.stop();
