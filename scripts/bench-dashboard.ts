/**
 * Dashboard benchmark: time to first render of the pool page on a devnet, from navigation start to the
 * pool's figures (total staked, share price, APR) on screen, in a fresh Chromium profile (cold: nothing
 * cached) and on reloads (warm: assets from the HTTP cache). Also prints the build and server start times.
 *
 *   node --import tsx scripts/bench-dashboard.ts [--runs 5] [--indexer] [--rebuild]
 */
import { parseArgs } from "node:util";
import { buildDashboard, startDashboard } from "../packages/dashboard/start.ts";
import { launchBrowser, startStack } from "../packages/dashboard/test/harness.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    indexer: { type: "boolean", default: false },
    rebuild: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs));

const buildMs = await buildDashboard(values.rebuild);
const stack = await startStack({ indexer: values.indexer });
const started = performance.now();
const dashboard = await startDashboard({
  deploymentPath: stack.deploymentPath,
  indexerUrl: stack.indexerUrl,
  port: 0,
});
const serverMs = performance.now() - started;

/** Milliseconds from navigation start until the pool figures hold values. */
async function firstRender(page: import("playwright-core").Page, reload: boolean): Promise<number> {
  if (reload) await page.reload({ waitUntil: "commit" });
  else await page.goto(dashboard.url, { waitUntil: "commit" });
  await page.waitForFunction(
    () =>
      ["total-staked", "share-price", "apr"].every((id) => {
        const text = document.querySelector(`[data-testid=${id}]`)?.textContent ?? "";
        return text !== "" && text !== "—";
      }),
    undefined,
    { polling: "raf", timeout: 10_000 },
  );
  return page.evaluate(() => performance.now());
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const browser = await launchBrowser();
  try {
    cold.push(await firstRender(browser.page, false));
    warm.push(await firstRender(browser.page, true));
    if (browser.errors.length) console.warn("console errors:", browser.errors);
  } finally {
    await browser.close();
  }
}
await dashboard.stop();
await stack.stop();

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (x: number) => `${Math.round(x)} ms`;
console.log("dashboard benchmark (devnet, Chromium headless)");
console.log(`  vite build            ${buildMs === 0 ? "cached (dist/ up to date)" : ms(buildMs)}`);
console.log(`  server start          ${ms(serverMs)}`);
console.log(`  stack set-up          ${JSON.stringify(stack.timings)}`);
console.log(
  `  first render, cold    median ${ms(median(cold))}  max ${ms(Math.max(...cold))}  (${runs} fresh profiles)`,
);
console.log(`  first render, reload  median ${ms(median(warm))}  max ${ms(Math.max(...warm))}`);
console.log(`  target                < 2000 ms: ${Math.max(...cold) < 2000 ? "met" : "MISSED"}`);
