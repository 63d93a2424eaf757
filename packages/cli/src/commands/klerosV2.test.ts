/**
 * The claim walkthrough with a Kleros v2 arbitrator (the devnet's LocalArbitratorV2, `--arbitrator-v2`), through the
 * CLI: escalate paying the fee in the devnet WETH or in ETH, the claim's evidence reaching the v2 evidence module,
 * `ipool appeal` pointing to the dispute kit, an appeal funded on the arbitrator, the final ruling paid out.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Address, encodeFunctionData, erc20Abi, parseEther, parseEventLogs } from "viem";
import { getBalance, getLogs, readContract } from "viem/actions";
import { createTxContext, sendAndWait } from "../../../sdk/src/deploy/context.ts";
import { devnetAccount } from "../../../sdk/src/deploy/devnetAccounts.ts";
import {
  iClaimsManagerAbi,
  localArbitratorV2Abi,
  localEvidenceModuleAbi,
} from "../../../sdk/src/generated/contracts.ts";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

const EVIDENCE = "ipfs://eth-usd-wrong";

/** A devnet sending disputes to LocalArbitratorV2 (fee in `fee`), a staker, a policy and a rejected claim 1. */
async function rejectedClaimOnV2(fee: "eth" | "token") {
  const fx = await startDevnetFixture({ arbitratorV2: fee });
  const dir = deploymentDir(fx.deployment);
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };
  await ok("deposit", "200k", "--stake", "--account", "alice");
  await ok("buy", "10k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder");
  await fx.warp(86_400 + 60);
  await ok("claim", "1", "8k", "--evidence", EVIDENCE, "--account", "policyholder");
  await ok("reject", "1", "--account", "mediator");
  return { fx, cli, ok };
}

describe("a claim on the devnet's Kleros v2 arbitrator, fee in WETH", () => {
  let fx: DevnetFixture;
  let cli: (...argv: string[]) => Promise<CliResult>;
  let ok: (...argv: string[]) => Promise<CliResult>;
  let arbitrator: Address;
  let weth: Address;
  let claimsManager: Address;
  const wethOf = (owner: Address) =>
    readContract(fx.deployer.publicClient, {
      address: weth,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [owner],
    });

  before(async () => {
    ({ fx, cli, ok } = await rejectedClaimOnV2("token"));
    arbitrator = fx.deployment.klerosV2?.arbitrator as Address;
    weth = fx.deployment.klerosV2?.feeToken as Address;
    claimsManager = fx.deployment.contracts.claimsManager as Address;
  });
  after(async () => fx?.stop());

  it("the claims manager was set up with LocalArbitratorV2, its WETH fee and the registered template", async () => {
    const config = await readContract(fx.deployer.publicClient, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "arbitratorV2Config",
    });
    assert.equal(config.feeToken, weth);
    assert.equal(config.evidenceModule, fx.deployment.klerosV2?.evidenceModule);
    assert.equal(config.templateId.toString(), fx.deployment.klerosV2?.templateId);
    assert.equal(config.maxFee, parseEther("1"));
  });

  it("escalate pays exactly the WETH fee (approved, then nothing left approved) and re-announces the evidence", async () => {
    const policyholder = fx.role("policyholder");
    const before = await wethOf(policyholder);
    const escalated = await ok("escalate", "1", "--account", "policyholder", "--json");
    const data = escalated.json();
    assert.equal(data.fee, parseEther("0.1").toString(), "0.1 ETH at 1 WETH per ETH");
    assert.equal(data.feeToken, weth);
    assert.equal(before - (await wethOf(policyholder)), parseEther("0.1"));
    assert.equal(await wethOf(arbitrator), parseEther("0.1"));
    for (const [owner, spender] of [
      [policyholder, claimsManager],
      [claimsManager, arbitrator],
    ] as const) {
      const allowance = await readContract(fx.deployer.publicClient, {
        address: weth,
        abi: erc20Abi,
        functionName: "allowance",
        args: [owner, spender],
      });
      assert.equal(allowance, 0n, `${owner} -> ${spender}`);
    }
    const logs = await getLogs(fx.deployer.publicClient, {
      address: fx.deployment.klerosV2?.evidenceModule as Address,
      fromBlock: 0n,
    });
    const evidence = parseEventLogs({ abi: localEvidenceModuleAbi, logs, eventName: "Evidence" });
    assert.equal(evidence.length, 1);
    const claimId = await readContract(fx.deployer.publicClient, {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "claimIdOfDispute",
      args: [arbitrator, 0n],
    });
    assert.equal(evidence[0]?.args._externalDisputeID, claimId, "keyed by the claim id");
    assert.equal(evidence[0]?.args._evidence, EVIDENCE, "the URI the claim was filed with");
  });

  it("appeal says v2 appeals are funded in the dispute kit, sends nothing; fundAppeal on the arbitrator works", async () => {
    const waiting = await ok("claims", "1");
    assert.match(waiting.stdout, /ruling: +none yet: the court has not ruled/);
    await ok("rule", "1", "refuse", "--account", "court");
    // claims N during the appeal period: the ruling, until when and how to appeal (in the dispute kit), its cost.
    const shown = await ok("claims", "1");
    assert.match(shown.stdout, /ruling: +0 \(refuse\), the court's current ruling/);
    assert.match(
      shown.stdout,
      /appeal: +until .* UTC \(in 10m\): appeals are funded in the dispute kit, not here: DisputeKitClassic\.fundAppeal\(0, choice\), 0\.2 ETH per side/,
    );
    assert.match(shown.stdout, /payout: +pending: the ruling is final when the appeal period ends/);
    const json = (await ok("claims", "1", "--json")).json() as {
      dispute: { appealVia: string; rulingName: string; appealOpen: boolean };
    };
    assert.deepEqual(
      [json.dispute.appealVia, json.dispute.rulingName, json.dispute.appealOpen],
      ["disputeKit", "refuse", true],
    );
    const appeal = await cli("appeal", "1", "--account", "policyholder");
    assert.equal(appeal.code, 1);
    assert.match(appeal.stderr, /Kleros v2 arbitrator/);
    assert.match(appeal.stderr, /DisputeKitClassic\.fundAppeal\(0, choice\)/);
    assert.match(appeal.stderr, /LocalArbitratorV2\.fundAppeal/);
    assert.doesNotMatch(appeal.stderr, /at .*node_modules|viem@/, "no stack or viem dump");

    const policyholder = await createTxContext({
      rpcUrl: fx.anvil.rpcUrl,
      account: devnetAccount("policyholder"),
    });
    const held = await getBalance(fx.deployer.publicClient, { address: arbitrator });
    await sendAndWait(policyholder, "fund the appeal for ruling 1", {
      to: arbitrator,
      data: encodeFunctionData({
        abi: localArbitratorV2Abi,
        functionName: "fundAppeal",
        args: [0n, 1n],
      }),
      value: parseEther("0.2"),
    });
    assert.equal(
      (await getBalance(fx.deployer.publicClient, { address: arbitrator })) - held,
      parseEther("0.2"),
    );
    await ok("rule", "1", "pay", "--account", "court");
    await fx.warp(601);
    const executed = await ok("execute-ruling", "1", "--account", "bob");
    assert.match(executed.stdout, /status: +PaidClaim/);
  });
});

describe("a claim on the devnet's Kleros v2 arbitrator, fee in ETH", () => {
  let fx: DevnetFixture;
  let ok: (...argv: string[]) => Promise<CliResult>;

  before(async () => {
    ({ fx, ok } = await rejectedClaimOnV2("eth"));
  });
  after(async () => fx?.stop());

  it("escalate pays exactly the ETH fee to LocalArbitratorV2; a refusal ends the claim", async () => {
    const arbitrator = fx.deployment.klerosV2?.arbitrator as Address;
    const escalated = await ok("escalate", "1", "--account", "policyholder", "--json");
    const data = escalated.json();
    assert.equal(data.fee, parseEther("0.1").toString());
    assert.equal(data.feeToken, undefined);
    assert.equal(data.arbitrator, arbitrator);
    assert.equal(
      await getBalance(fx.deployer.publicClient, { address: arbitrator }),
      parseEther("0.1"),
    );
    await ok("rule", "1", "refuse", "--account", "court");
    await fx.warp(601);
    const executed = await ok("execute-ruling", "1", "--account", "bob");
    assert.match(executed.stdout, /status: +Refused/);
  });
});
