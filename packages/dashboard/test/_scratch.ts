import { launchBrowser, startStack } from "./harness.ts";

const stack = await startStack({});
const b = await launchBrowser();
const { page } = b;
await page.goto(`${stack.dashboard.url}#/coverage`);
const sel = page.getByTestId("account-select");
const label = await sel.locator("option", { hasText: "policyholder (devnet" }).textContent();
await sel.selectOption({ label: label ?? "" });
await page.getByLabel("Coverage", { exact: true }).fill("10000");
await page.getByTestId("premium").waitFor();
await page.getByTestId("buy-submit").click();
await page.locator(".tx-ok").waitFor();
await page.waitForTimeout(4000);
await page.screenshot({ path: "/work/main/test-artifacts/screenshots/scratch-coverage.png", fullPage: true });
console.log("errors", b.errors);
await b.close();
await stack.stop();
