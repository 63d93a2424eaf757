import { launchBrowser, startStack } from "./harness.ts";

const stack = await startStack({ indexer: process.env.IDX === "1" });
console.log("timings", stack.timings, stack.dashboard.url);
const b = await launchBrowser();
const { page } = b;
await page.goto(stack.dashboard.url);
await page.getByTestId("total-staked").waitFor();
const sel = page.getByTestId("account-select");
const label = await sel
  .locator("option", { hasText: `${process.env.ROLE ?? "alice"} (devnet` })
  .textContent();
await sel.selectOption({ label: label ?? "" });
for (const p of (process.env.PAGES ?? "pool,coverage,claims,governance").split(",")) {
  await page.goto(`${stack.dashboard.url}#/${p}`);
  await page.waitForTimeout(2000);
  await page.screenshot({
    path: `/work/main/test-artifacts/screenshots/scratch-${p}.png`,
    fullPage: true,
  });
}
console.log("errors", b.errors);
await b.close();
await stack.stop();
