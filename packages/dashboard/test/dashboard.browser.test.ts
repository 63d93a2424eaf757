/**
 * The dashboard in a real browser (Debian's Chromium via playwright-core) against a devnet: a staker
 * stakes, a policyholder buys coverage and files a claim, the mediator proposes a settlement, the
 * policyholder accepts it and is paid; a second claim is rejected, escalated, ruled, appealed, ruled
 * again and paid by the final ruling. Every page renders without console errors; a screenshot of each
 * is saved under test-artifacts/screenshots/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { parseEther } from "viem";
import { metaEvidence } from "../../sdk/src/dispute/files.ts";
import { abis } from "../src/lib/contracts.ts";
import { type BrowserSession, launchBrowser, type Stack, startStack } from "./harness.ts";

const screenshots = fileURLToPath(new URL("../../../test-artifacts/screenshots/", import.meta.url));

let stack: Stack | undefined;
let browser: BrowserSession | undefined;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  const [stackResult, browserResult] = await Promise.allSettled([
    startStack({ indexer: true }),
    launchBrowser(),
  ]);
  if (browserResult.status === "fulfilled") browser = browserResult.value;
  if (stackResult.status === "fulfilled") stack = stackResult.value;
  if (stackResult.status === "rejected") throw stackResult.reason;
  if (browserResult.status === "rejected") throw browserResult.reason;
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

async function selectAccount(page: Page, role: string) {
  const select = page.getByTestId("account-select");
  const option = select.locator("option", { hasText: `${role} (devnet` });
  await select.selectOption({ label: (await option.textContent()) ?? role });
  await page.getByTestId("connected-address").waitFor();
}

async function goto(page: Page, route: string) {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#/${route}`);
  await page.getByTestId(`${route}-page`).waitFor();
}

/** Waits for the last transaction status of the page to be confirmed (fails fast on a decoded error). */
async function confirmed(page: Page, scope = page.locator("body")) {
  const ok = scope.locator(".tx-ok");
  const failed = scope.getByTestId("tx-error");
  await Promise.race([
    ok.first().waitFor({ timeout: 20_000 }),
    failed.first().waitFor({ timeout: 20_000 }),
  ]);
  if (await failed.count())
    assert.fail(`transaction failed: ${await failed.first().textContent()}`);
}

/** A raw JSON-RPC call to the devnet's anvil (time travel). */
async function rpc(method: string, params: unknown[]): Promise<unknown> {
  assert.ok(stack);
  const response = await fetch(stack.anvil.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const t0 = performance.now();
async function shot(page: Page, name: string) {
  console.log(`# ${name} at ${Math.round(performance.now() - t0)} ms`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

test("a staker stakes, a policyholder buys coverage and claims, the mediator settles, the claimant accepts", async () => {
  assert.ok(stack && browser);
  const { page, errors } = browser;
  const { deployment } = stack;
  assert.ok(abis.claimsManager.length > 0, "the generated ABIs include the claims manager");
  const alice = deployment.accounts?.alice?.address;
  assert.ok(alice, "the devnet deployment names alice");
  try {
    await walkThrough(page, stack.dashboard.url, alice);
    // The pool page once the indexer has synced: its history charts come from the indexer.
    await stack.indexerReady;
    if (stack.indexerUrl && !stack.timings.indexerFailed) {
      const ready = await page.evaluate(
        async () => (await (await fetch("./indexer-ready")).json()).ready,
      );
      assert.equal(ready, true, "the dashboard sees the indexer ready");
    }
    await goto(page, "pool");
    await page.waitForTimeout(1_500);
    await shot(page, "pool");
  } catch (error) {
    await shot(page, "failure");
    throw error;
  }
  console.log(
    `set-up (ms): ${JSON.stringify(stack.timings)}, indexer: ${stack.indexerUrl ?? "none"}`,
  );
  assert.deepEqual(errors, [], "no console errors");
});

async function walkThrough(page: Page, url: string, alice: `0x${string}`) {
  // Pool: first render, then alice deposits and stakes 1,000 API3.
  await page.goto(url);
  await page.getByTestId("total-staked").waitFor();
  const totalBefore = await page.getByTestId("total-staked").textContent();
  await selectAccount(page, "alice");
  await page.getByTestId("position").waitFor();
  const stakedBefore = await page.getByTestId("staked").textContent();
  // Validation before sending: more than the wallet holds is refused without a transaction.
  await page.getByLabel("Amount").fill("999999999");
  await page.getByText("Exceeds your wallet balance").waitFor();
  assert.equal(await page.getByTestId("pool-submit").isDisabled(), true);
  await page.getByLabel("Amount").fill("1000");
  await page.getByTestId("pool-submit").click();
  await confirmed(page);
  await page.waitForFunction(
    ([before]) => document.querySelector("[data-testid=staked]")?.textContent !== before,
    [stakedBefore],
  );
  assert.notEqual(await page.getByTestId("total-staked").textContent(), totalBefore);

  // Coverage: the policyholder gets a quote as they type and buys 10,000 USD of ETH/USD for 30 days.
  await selectAccount(page, "policyholder");
  await goto(page, "coverage");
  await page.getByTestId("dapis").waitFor();
  const policiesBefore = await page.locator("[data-testid=policies] tbody tr").count();
  await page.getByLabel("Coverage", { exact: true }).fill("10000");
  await page.getByTestId("premium").waitFor();
  assert.match((await page.getByTestId("premium").textContent()) ?? "", /API3/);
  await page.getByTestId("buy-submit").click();
  await confirmed(page);
  await page.waitForFunction(
    (n) => document.querySelectorAll("[data-testid=policies] tbody tr").length > n,
    policiesBefore,
  );
  await shot(page, "coverage");

  // Claims: file a 5,000 USD claim on the new policy (the newest one is preselected last; pick it).
  await goto(page, "claims");
  const policySelect = page.getByLabel("Policy");
  const options = await policySelect.locator("option").allTextContents();
  const newest = options.find((o) => o.includes("10,000"));
  assert.ok(newest, `a policy with 10,000 USD left among ${options.join(" | ")}`);
  await policySelect.selectOption({ label: newest });
  await page.getByLabel("Amount claimed").fill("5000");
  await page.getByLabel("Evidence URI").fill("ipfs://bafy-devnet-evidence/eth-usd-stale.json");
  await page.getByTestId("claim-submit").click();
  await confirmed(page);
  const claimRow = page.getByTestId("claims").locator("tbody tr", { hasText: "$5,000" }).first();
  await claimRow.waitFor();
  const claimId = (await claimRow.locator("td").first().textContent())?.trim();
  assert.ok(claimId);

  // The mediator proposes a 3,000 USD settlement.
  await selectAccount(page, "mediator");
  await page.getByText("you are the mediator").waitFor();
  await page.getByTestId("claims").locator("tbody tr", { hasText: "$5,000" }).first().click();
  await page.getByText(`Claim #${claimId} on policy`).waitFor();
  await page.getByLabel("Propose a settlement").fill("3000");
  await page.getByTestId("settle-submit").click();
  await confirmed(page, page.getByTestId("claim-detail"));
  await page.getByTestId("claim-detail").getByText("Settlement proposed").first().waitFor();
  await shot(page, "claims-mediator");

  // The policyholder accepts and is paid.
  await selectAccount(page, "policyholder");
  await page.getByTestId("claims").locator("tbody tr", { hasText: "$5,000" }).first().click();
  await page.getByText(`Claim #${claimId} on policy`).waitFor();
  await page.getByTestId("accept-settlement").click();
  await confirmed(page, page.getByTestId("claim-detail"));
  await page.getByTestId("claim-payout").waitFor();
  const payout = (await page.getByTestId("claim-payout").textContent()) ?? "";
  const paidTokens = parseEther(payout.replace(/[^\d.]/g, ""));
  assert.ok(paidTokens > 0n, `a payout in tokens, got "${payout}"`);
  await shot(page, "claims");

  // A second claim goes to arbitration: the mediator rejects it, the policyholder escalates, the court
  // refuses, the policyholder appeals, the court rules to pay; once the appeal period is over anyone
  // finalizes the ruling and the claim is paid.
  const remaining = (await policySelect.locator("option").allTextContents()).find((o) =>
    o.includes("7,000"),
  );
  assert.ok(remaining, "the policy has 7,000 USD left after the settlement");
  await policySelect.selectOption({ label: remaining });
  await page.getByLabel("Amount claimed").fill("2000");
  await page.getByLabel("Evidence URI").fill("ipfs://bafy-devnet-evidence/eth-usd-wrong.json");
  await page.getByTestId("claim-submit").click();
  await confirmed(page);
  const disputed = () =>
    page.getByTestId("claims").locator("tbody tr", { hasText: "$2,000" }).first();
  await disputed().waitFor();
  const disputedId = (await disputed().locator("td").first().textContent())?.trim();
  assert.ok(disputedId);
  const openDisputed = async (role: string) => {
    await selectAccount(page, role);
    // The court is neither claimant nor mediator: it lists every claim to find this one.
    const showAll = page.getByRole("button", { name: "show all", exact: true });
    if (await showAll.count()) await showAll.click();
    await disputed().click();
    await page.getByText(`Claim #${disputedId} on policy`).waitFor();
  };
  const act = async (name: string | RegExp) => {
    const detail = page.getByTestId("claim-detail").locator("..");
    await detail.getByRole("button", { name, exact: typeof name === "string" }).click();
    await confirmed(page, page.getByTestId("claim-detail"));
  };
  await openDisputed("mediator");
  await act("Reject");
  await openDisputed("policyholder");
  await act("Escalate to arbitration");
  await openDisputed("court");
  // The dispute text the arbitrator reads: the shipped meta-evidence, which the dashboard server serves at
  // /ipfs/<cid> (the URI the claims manager announced).
  const question = page.getByTestId("claim-detail").locator("..").getByTestId("dispute-question");
  await question.waitFor();
  assert.equal(
    (await question.textContent())?.trim(),
    (JSON.parse(metaEvidence().content.toString("utf8")) as { question: string }).question,
  );
  await act("Rule: refuse");
  await openDisputed("policyholder");
  await act(/^Appeal \(/);
  await openDisputed("court");
  await act("Rule: pay claim");
  await rpc("evm_increaseTime", [601]);
  await rpc("evm_mine", []);
  await openDisputed("policyholder");
  await act("Finalize the ruling (appeal period over)");
  await page.getByTestId("claim-payout").waitFor();
  const arbitrated = (await page.getByTestId("claim-payout").textContent()) ?? "";
  assert.ok(
    parseEther(arbitrated.replace(/[^\d.]/g, "")) > 0n,
    `paid by ruling, got "${arbitrated}"`,
  );
  await shot(page, "claims-arbitration");

  // Governance: alice proposes a two-week unstake wait through the primary agent, then votes for it.
  await selectAccount(page, "alice");
  await goto(page, "governance");
  await page.getByText("Primary agent").waitFor();
  // A revert shows its decoded custom error: alice's votes already go to herself.
  await page.getByLabel("Delegate to").fill(alice);
  await page.getByRole("button", { name: "Delegate", exact: true }).click();
  const decoded = page.getByTestId("tx-error").first();
  await decoded.waitFor();
  assert.match((await decoded.textContent()) ?? "", /\[Delegate\w+\]/);
  await decoded.getByRole("button", { name: "dismiss" }).click();
  await page.getByLabel("Call").selectOption("setUnstakeWaitPeriod");
  await page.getByTestId("proposal-arg-0").fill("1209600");
  await page.getByLabel("Description").fill("Unstake wait: two weeks");
  await page.getByTestId("propose-submit").click();
  await confirmed(page);
  const proposal = page.getByTestId("proposal").filter({ hasText: "Unstake wait: two weeks" });
  await proposal.getByText("Pending").waitFor();
  await rpc("evm_increaseTime", [120]);
  await rpc("evm_mine", []);
  await proposal.getByRole("button", { name: "Vote for" }).click();
  await proposal.getByText("you voted").waitFor({ timeout: 20_000 });
  await shot(page, "governance");
}
