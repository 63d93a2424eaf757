/**
 * The claim walkthrough (docs/walkthrough-claim.md) with Kleros' own CentralizedArbitratorWithAppeal
 * (`@kleros/erc-792`, the devnet's `--arbitrator kleros`) instead of our LocalArbitrator: escalate, rule, appeal
 * (which that contract charges at twice its quote), rule again, execute, all through the CLI.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Address, parseEther } from "viem";
import { getBalance, readContract } from "viem/actions";
import { centralizedArbitratorWithAppealAbi } from "../../../sdk/src/generated/contracts.ts";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

describe("the claim walkthrough with Kleros' CentralizedArbitratorWithAppeal", () => {
  let fx: DevnetFixture;
  let dir = "";
  let arbitrator: Address;
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };
  const held = () => getBalance(fx.deployer.publicClient, { address: arbitrator });

  before(async () => {
    fx = await startDevnetFixture({ arbitrator: "kleros" });
    dir = deploymentDir(fx.deployment);
    arbitrator = fx.deployment.contracts.arbitrator as Address;
    await ok("deposit", "200k", "--stake", "--account", "alice");
    await ok("buy", "10k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder");
    // The incident comes after the policy's 1-day waiting period.
    await fx.warp(86_400 + 60);
    await ok("claim", "1", "8k", "--evidence", "ipfs://eth-usd-wrong", "--account", "policyholder");
    await ok("settle", "1", "3k", "--account", "mediator");
  });
  after(async () => fx?.stop());

  it("the devnet runs Kleros' contract, owned by the court account", async () => {
    assert.equal(fx.deployment.arbitratorKind, "kleros-centralized");
    const owner = await readContract(fx.deployer.publicClient, {
      address: arbitrator,
      abi: centralizedArbitratorWithAppealAbi,
      functionName: "owner",
    });
    assert.equal(owner, fx.role("court"));
  });

  it("escalate, rule, appeal at twice the quote, rule again, execute: the settlement is paid", async () => {
    const escalated = await ok("escalate", "1", "--account", "policyholder");
    assert.match(escalated.stdout, /status: +Disputed/);
    assert.equal(await held(), parseEther("0.1"), "the exact arbitration cost (more is refused)");

    await ok("rule", "1", "pay", "--account", "court");
    const appealed = await ok("appeal", "1", "--account", "mediator", "--json");
    const data = appealed.json();
    assert.equal(data.quotedAppealCost, parseEther("0.1").toString());
    assert.equal(data.fee, parseEther("0.2").toString(), "twice the quoted appealCost");
    assert.equal(await held(), parseEther("0.3"));

    await ok("rule", "1", "settle", "--account", "court");
    const early = await cli("execute-ruling", "1", "--account", "bob");
    assert.equal(early.code, 1, "the 3-minute window is not over");
    assert.match(early.stderr, /before appeal period end/i);

    await fx.warp(181);
    const executed = await ok("execute-ruling", "1", "--account", "bob");
    assert.match(executed.stdout, /status: +PaidSettlement/);
    assert.match(executed.stdout, /ruling: +2 \(pay settlement\)/);
  });

  it("appeal's help says where Kleros' contract and Kleros v2 differ", async () => {
    const help = await ok("appeal", "--help");
    assert.match(help.stdout, /twice the quoted appealCost/);
    assert.match(help.stdout, /fundAppeal/);
  });
});
