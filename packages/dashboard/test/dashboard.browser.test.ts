/**
 * The dashboard in a real browser (Debian's Chromium via playwright-core) against a devnet: a staker
 * stakes, a policyholder buys coverage and files a claim once the waiting period is over (refused before it,
 * before sending), the pool shows the open exposure, the mediator proposes a settlement, the policyholder
 * accepts it and is paid; a second claim is rejected, escalated, ruled, appealed, ruled again and paid by the
 * final ruling; a third, above the mediator's weekly quota, is accepted and partly owed: two weeks later a
 * staker's exit leaves with its share of the owed payout frozen, anyone pays the next tranche, and the frozen part
 * is released. Every page renders without console errors; a screenshot of each is saved under
 * test-artifacts/screenshots/.
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

/** The token amount a text starts with ("10,700.5 API3 ..." is 10700.5 tokens). */
function tokensIn(text: string): bigint {
  const amount = /^([\d,]+(\.\d+)?) API3/.exec(text.trim())?.[1];
  assert.ok(amount, `a token amount in "${text}"`);
  return parseEther(amount.replace(/,/g, ""));
}

const t0 = performance.now();
/** Logs how far into the run a step ended. */
function mark(name: string) {
  console.log(`# ${name} at ${Math.round(performance.now() - t0)} ms`);
}

async function shot(page: Page, name: string) {
  mark(name);
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
    await walkThrough(page, stack.dashboard.url, alice, stack.warp);
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

async function walkThrough(page: Page, url: string, alice: `0x${string}`, warp: Stack["warp"]) {
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
  // The user's stake and the pool's total are separate reads: wait for both (a wait that times out fails the test).
  await page.waitForFunction(
    ([before, total]) =>
      document.querySelector("[data-testid=staked]")?.textContent !== before &&
      document.querySelector("[data-testid=total-staked]")?.textContent !== total,
    [stakedBefore, totalBefore],
  );

  // Coverage: the policyholder gets a quote as they type and buys 80,000 USD of ETH/USD for 30 days.
  await selectAccount(page, "policyholder");
  await goto(page, "coverage");
  await page.getByTestId("dapis").waitFor();
  const policiesBefore = await page.locator("[data-testid=policies] tbody tr").count();
  await page.getByLabel("Coverage", { exact: true }).fill("80000");
  await page.getByTestId("premium").waitFor();
  const plainPremium = (await page.getByTestId("premium").textContent()) ?? "";
  assert.match(plainPremium, /API3/);
  // Parametric coverage is quoted at the quote times the DAO's risk factor (1.5x on the devnet); back to ordinary.
  const parametric = page.getByLabel(/Parametric: paid without a mediator/);
  const premiumShows = (text: string, same: boolean) =>
    page.waitForFunction(
      ([t, s]) => {
        const shown = document.querySelector("[data-testid=premium]")?.textContent;
        return shown != null && (s ? shown === t : shown !== t);
      },
      [text, same] as const,
    );
  await parametric.check();
  await premiumShows(plainPremium, false);
  const parametricPremium = (await page.getByTestId("premium").textContent()) ?? "";
  const tokens = (text: string) => Number(text.replace(/[^\d.]/g, ""));
  assert.ok(
    Math.abs(tokens(parametricPremium) / tokens(plainPremium) - 1.5) < 1e-4,
    `${parametricPremium} is 1.5 times ${plainPremium}`,
  );
  await parametric.uncheck();
  await premiumShows(plainPremium, true);
  await page.getByTestId("buy-submit").click();
  await confirmed(page);
  await page.waitForFunction(
    (n) => document.querySelectorAll("[data-testid=policies] tbody tr").length > n,
    policiesBefore,
  );
  await shot(page, "coverage");

  mark("policy bought");
  // Stress: the new ETH/USD policy is the worst single dAPI: failing at a 30% lower price (0.875 USD), its 80,000 USD
  // cost 91,428.57 API3, within the stake (401k) but above the mediator's quota (10% per window): three payments in
  // three quota windows over five weeks. It holds; charted by week.
  await goto(page, "stress");
  await page.getByLabel(/price drop/).fill("30");
  const worst = page.getByTestId("stress-worst-single");
  await worst.getByText("holds", { exact: true }).waitFor();
  assert.match(
    (await worst.textContent()) ?? "",
    /ETH\/USD\$80,00091,428\.57 API3[\d.]+%3 payments, 3 windows over 5 weeks/,
  );
  assert.ok((await page.getByTestId("stress-chart").locator("rect").count()) >= 1);
  await shot(page, "stress");

  // Claims: a 5,000 USD claim on the new policy. An incident now is refused before anything is sent: the policy
  // covers incidents from its start plus the waiting period (1 day on the devnet).
  await goto(page, "claims");
  const policySelect = page.getByLabel("Policy");
  // Picks the policy with `left` USD left for new claims, once the list shows it (it follows the chain).
  const pickPolicy = async (left: string) => {
    const text = `${left} left for new claims`;
    await page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll("#claim-policy option")].some((o) =>
          o.textContent?.includes(wanted),
        ),
      text,
    );
    const options = await policySelect.locator("option").allTextContents();
    const option = options.find((o) => o.includes(text));
    assert.ok(option, `a policy with ${left} left among ${options.join(" | ")}`);
    await policySelect.selectOption({ label: option });
  };
  await pickPolicy("$80,000");
  await page.getByLabel("Amount claimed").fill("5000");
  await page.getByLabel("Evidence URI").fill("ipfs://bafy-devnet-evidence/eth-usd-stale.json");
  const incidentError = page.getByTestId("incident-error");
  await incidentError.waitFor();
  assert.match(
    (await incidentError.textContent()) ?? "",
    /^Policy #\d+ covers incidents from [\d-]+ [\d:]+ UTC \(its start plus the 1d 0h waiting period\); the incident started [\d-]+ [\d:]+ UTC$/,
  );
  assert.equal(await page.getByTestId("claim-submit").isDisabled(), true);
  // The bond as the contract computes it: the floor plus the rate per USD claimed (compared with the claim's
  // recorded bond below).
  const formBond = (await page.getByTestId("claim-bond").locator("strong").textContent())?.trim();
  assert.match(formBond ?? "", /^[\d,.]+ API3$/);
  await warp(86_400 + 60);
  await incidentError.waitFor({ state: "detached" });
  await page.getByTestId("claim-submit").click();
  await confirmed(page);
  const claimRow = page.getByTestId("claims").locator("tbody tr", { hasText: "$5,000" }).first();
  await claimRow.waitFor();
  const claimId = (await claimRow.locator("td").first().textContent())?.trim();
  assert.ok(claimId);
  await claimRow.click();
  await page.getByText(`Claim #${claimId} on policy`).waitFor();
  assert.equal(
    (
      await page.getByTestId("claim-detail").locator("dt:has-text('Bond') + dd").textContent()
    )?.trim(),
    formBond,
    "the form's bond is the one the contract took",
  );
  await page.getByTestId("claim-incident").waitFor();
  // The open claim reserves its amount against the policy.
  await pickPolicy("$75,000");

  // Pool: while the claim is open, its amount in tokens (5,000 USD at 1.25 USD) is the open exposure a new stake
  // shares.
  await goto(page, "pool");
  const exposure = page.getByTestId("open-exposure");
  await page.waitForFunction(
    () => document.querySelector("[data-testid=open-exposure]")?.textContent === "4,000 API3",
  );
  assert.match(
    (await exposure.locator("..").textContent()) ?? "",
    /% of the stake: what open claims and owed tranches may still take; a new stake shares it/,
  );
  assert.match((await page.getByTestId("payout-cap").textContent()) ?? "", /^25% \/ week$/);
  await shot(page, "pool-exposure");
  await goto(page, "claims");

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
  // 3,000 USD at 1.25 USD, paid at once (within the mediator's quota).
  assert.equal(tokensIn(payout), parseEther("2400"), `the payout in tokens, got "${payout}"`);
  await shot(page, "claims");

  // A second claim goes to arbitration: the mediator rejects it, the policyholder escalates, the court
  // refuses, the policyholder appeals, the court rules to pay; once the appeal period is over anyone
  // finalizes the ruling and the claim is paid.
  // The settlement is final: the policy has its coverage less what was paid left.
  await pickPolicy("$77,000");
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
  // 2,000 USD at 1.25 USD, paid at once within the arbitrator's own quota.
  assert.equal(tokensIn(arbitrated), parseEther("1600"), `paid by ruling, got "${arbitrated}"`);
  await shot(page, "claims-arbitration");

  await owedTranches(page, { pickPolicy, act, warp });

  // Governance: alice proposes a two-week unstake wait through the primary agent, then votes for it.
  await selectAccount(page, "alice");
  await goto(page, "governance");
  await page.getByRole("heading", { name: "Primary agent" }).waitFor();
  // A revert shows its decoded custom error: alice's votes already go to herself.
  await page.getByLabel("Delegate to").fill(alice);
  await page.getByRole("button", { name: "Delegate", exact: true }).click();
  const decoded = page.getByTestId("tx-error").first();
  await decoded.waitFor();
  assert.match((await decoded.textContent()) ?? "", /\[Delegate\w+\]/);
  await decoded.getByRole("button", { name: "dismiss" }).click();
  await page.getByLabel("Call").selectOption("setUnstakeWaitPeriod");
  await page.getByTestId("proposal-arg-0").fill("1209600");
  // The general proposal form (the dAPI-name card has its own Description).
  const proposeForm = page.locator("form", { has: page.getByTestId("propose-submit") });
  await proposeForm.getByLabel("Description").fill("Unstake wait: two weeks");
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

/**
 * A claim above the mediator's weekly quota (10% of the stake): accepted, paid as far as the quota allows and the
 * rest owed. Two weeks later (the quota's two buckets have passed) bob's exit, scheduled by the seed, meets the owed
 * payout: its share stays frozen. Anyone (bob) pays the next tranche, which settles the claim; no claim is open any
 * more, so bob's frozen part is released.
 */
async function owedTranches(
  page: Page,
  steps: {
    pickPolicy: (left: string) => Promise<void>;
    act: (name: string | RegExp) => Promise<void>;
    warp: Stack["warp"];
  },
) {
  const { pickPolicy, act, warp } = steps;
  await pickPolicy("$75,000");
  await page.getByLabel("Amount claimed").fill("60000");
  await page.getByLabel("Evidence URI").fill("ipfs://bafy-devnet-evidence/eth-usd-frozen.json");
  await page.getByTestId("claim-submit").click();
  await confirmed(page);
  const large = page.getByTestId("claims").locator("tbody tr", { hasText: "$60,000" }).first();
  await large.waitFor();
  const largeId = (await large.locator("td").first().textContent())?.trim();
  assert.ok(largeId);
  const openLarge = async () => {
    const showAll = page.getByRole("button", { name: "show all", exact: true });
    if (await showAll.count()) await showAll.click();
    await large.click();
    await page.getByText(`Claim #${largeId} on policy`).waitFor();
  };
  await selectAccount(page, "mediator");
  await openLarge();
  await act("Accept and pay $60,000");
  // 60,000 USD at 1.25 USD is 48,000 API3; the mediator may pay 10% of the ~397,000 API3 stake per week, less
  // the settlement it paid this week: the rest is owed.
  const owed = page.getByTestId("claim-owed");
  await owed.waitFor();
  const owedTokens = tokensIn((await owed.textContent()) ?? "");
  const payout = (await page.getByTestId("claim-payout").textContent()) ?? "";
  assert.equal(tokensIn(payout), parseEther("48000"), `the whole payout, got "${payout}"`);
  const paidNow = /\(([\d,.]+ API3) paid so far\)/.exec(payout)?.[1];
  assert.ok(paidNow, `what was paid at once, in "${payout}"`);
  const unit = parseEther("0.0001"); // amounts are shown to 4 decimals, rounded down
  const sum = tokensIn(paidNow) + owedTokens;
  assert.ok(
    sum <= parseEther("48000") && sum > parseEther("48000") - 2n * unit,
    `paid now + still owed = the payout: ${paidNow} + ${await owed.textContent()}`,
  );
  assert.ok(
    owedTokens > parseEther("1000") && owedTokens < parseEther("48000"),
    `part of the 48,000 API3 payout is owed, got ${await owed.textContent()}`,
  );
  const next = page.getByTestId("next-tranche");
  await page.waitForFunction(() =>
    document.querySelector("[data-testid=next-tranche]")?.textContent?.includes("used up"),
  );
  assert.match(
    (await next.textContent()) ?? "",
    /^The payer's weekly quota or the pool's payout cap is used up: the next tranche can be paid from [\d-]+ [\d:]+ UTC\.$/,
  );
  const pay = page.getByRole("button", { name: "Pay next tranche", exact: true });
  assert.equal(await pay.isDisabled(), true, "no tranche can be paid before the quota has room");
  assert.match((await page.getByTestId("owed-total").textContent()) ?? "", /API3$/);
  await shot(page, "claims-owed");

  // Two weeks later bob unstakes his matured exit: the owed payout is open exposure, so its share stays frozen.
  await warp(14 * 86_400 + 60);
  await selectAccount(page, "bob");
  await goto(page, "pool");
  await page.getByRole("tab", { name: "Unstake", exact: true }).click();
  await page.getByTestId("pool-submit").click();
  await confirmed(page);
  const frozen = page.getByTestId("frozen-exit");
  await frozen.waitFor();
  assert.match(
    (await frozen.textContent()) ?? "",
    /held for open claims frozenLeaves once no claim is open \(open exposure [\d,.]+ API3 now\), at the latest [\d-]+ [\d:]+ UTC/,
  );
  const release = page.getByRole("tab", { name: "Unstake (release)", exact: true });
  await release.waitFor();
  assert.equal(await page.getByTestId("pool-submit").isDisabled(), true, "frozen: nothing to send");
  await shot(page, "pool-frozen-exit");

  // Anyone pays the next tranche: the quota has room again, the claim is paid in full.
  await goto(page, "claims");
  await openLarge();
  await page.waitForFunction(
    (id) =>
      document
        .querySelector("[data-testid=next-tranche]")
        ?.textContent?.startsWith("The next tranche pays ") &&
      document.querySelector("[data-testid=next-tranche]")?.textContent?.includes(`claim #${id}.`),
    largeId,
  );
  await act("Pay next tranche");
  await owed.waitFor({ state: "detached" });
  await page.getByTestId("claim-detail").locator("..").getByText("Paid in full").first().waitFor();
  await page.getByText("Tranche paid").first().waitFor();

  // No claim is open any more: bob's frozen part is released by a second unstake.
  await goto(page, "pool");
  await frozen.getByText("released: unstake to credit it").waitFor();
  await release.click();
  await page.getByTestId("pool-submit").click();
  await confirmed(page);
  await page.waitForFunction(
    () => document.querySelector("[data-testid=pending-unstake]")?.textContent === "none",
  );
  mark("frozen part released");
}
