/**
 * `ipool deploy` against a second anvil playing the "real" chain: it already has a pool token, an API3
 * token/USD dAPI proxy and an ERC-792 arbitrator (standing in for Kleros), as a real chain would.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type Address, stringToHex } from "viem";
import { getContractEvents } from "viem/actions";
import { AnvilChain } from "../../../devnet/src/chain.ts";
import { type AnvilInstance, startAnvil } from "../../../sdk/src/anvil.ts";
import { artifact, claimsManagerAbi } from "../../../sdk/src/deploy/artifacts.ts";
import { DEVNET_MNEMONIC } from "../../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../../sdk/src/deployment.ts";
import { metaEvidence, metaEvidenceURI } from "../../../sdk/src/dispute/files.ts";
import {
  deployArguments,
  deployExistingContracts,
  type ExistingContracts,
  TEST_DEPLOYER,
  TEST_DEPLOYER_KEY,
} from "../../../sdk/src/testing/existingChain.ts";
import { type CliResult, ipool } from "../testing.ts";

const DEPLOYER_KEY = TEST_DEPLOYER_KEY;
const deployer = TEST_DEPLOYER;

describe("ipool deploy to a chain with an existing token, dAPI and arbitrator", () => {
  let real: AnvilInstance;
  let chain: AnvilChain;
  let dir: string;
  let existing: ExistingContracts;
  const env = { IPOOL_PRIVATE_KEY: DEPLOYER_KEY };
  const nonce = () => chain.client.getTransactionCount({ address: deployer });
  const cli = (argv: string[], environment: Record<string, string> = env): Promise<CliResult> =>
    ipool(dir, argv, environment);
  const base = () => deployArguments(real.rpcUrl, existing);

  before(async () => {
    // A "real" chain: EIP-170's code size limit, like Ethereum (the dry run's fork has it too).
    real = await startAnvil({ chainId: 4242 });
    chain = new AnvilChain(real.rpcUrl);
    dir = mkdtempSync(join(tmpdir(), "ipool-deploy-"));
    existing = await deployExistingContracts(real.rpcUrl);
    assert.equal(DEVNET_MNEMONIC.split(" ").length, 12);
  });
  after(async () => real?.stop());

  it("refuses bad inputs with a clear message and sends nothing", async () => {
    const before = await nonce();
    const cases: [string[], RegExp, Record<string, string>?][] = [
      [["deploy", "--token", existing.token], /--rpc <url> is required/],
      [
        base().filter((arg, i, all) => arg !== "--token" && all[i - 1] !== "--token"),
        /--token is required/,
      ],
      [[...base(), "--mediator", "0x1234"], /--mediator "0x1234" is not an address/],
      [[...base(), "--voting-period", "0"], /--voting-period must be a positive number of seconds/],
      [[...base(), "--dapis", "ETH/USD=nope"], /"nope" is not an address/],
      [
        base().map((arg) => (arg === existing.arbitrator ? deployer : arg)),
        /--arbitrator 0x9965.* has no contract on chain 4242/,
      ],
      [
        base().map((arg) => (arg === existing.arbitrator ? existing.token : arg)),
        /--arbitrator 0x.* does not answer arbitrationCost\(0x\)/,
      ],
      [base(), /no deployer key/, {}],
      [[...base(), "--max-fee", "1"], /--max-fee needs --arbitrator-v2 <addr>/],
      [
        [...base(), "--arbitrator-v2", existing.arbitrator],
        /--arbitrator-v2 needs --dispute-template-registry/,
      ],
      [
        [
          ...base(),
          ...[
            "--arbitrator-v2",
            existing.arbitrator,
            "--dispute-template-registry",
            existing.registry,
          ],
          ...["--evidence-module", existing.registry],
        ],
        /--arbitrator-v2 needs --max-fee/,
      ],
      [
        [
          ...base(),
          ...[
            "--arbitrator-v2",
            existing.arbitrator,
            "--dispute-template-registry",
            existing.registry,
          ],
          ...["--evidence-module", existing.registry, "--max-fee", "0"],
        ],
        /--max-fee "0" is not a positive whole number/,
      ],
      [
        [
          ...base(),
          ...[
            "--arbitrator-v2",
            existing.arbitrator,
            "--dispute-template-registry",
            existing.registry,
          ],
          ...["--evidence-module", existing.registry, "--max-fee", (2n ** 96n).toString()],
        ],
        /--max-fee 79228162514264337593543950336 is above 2\^96 - 1/,
      ],
      [
        [
          ...base(),
          ...[
            "--arbitrator-v2",
            existing.arbitrator,
            "--dispute-template-registry",
            existing.registry,
          ],
          ...[
            "--evidence-module",
            existing.registry,
            "--max-fee",
            "1",
            "--fee-token",
            existing.token,
          ],
        ],
        /--fee-token is the pool token/,
      ],
    ];
    for (const [argv, message, environment] of cases) {
      const result = await cli(argv, environment ?? env);
      assert.notEqual(result.code, 0, `${argv.join(" ")} should fail`);
      assert.match(result.stderr, message);
    }
    assert.equal(await nonce(), before, "no transaction was sent");
    assert.equal(existsSync(join(dir, "deployments")), false);
  });

  it("--dry-run prints the plan and the gas, and sends nothing", async () => {
    const before = await nonce();
    const blockBefore = await chain.client.getBlockNumber();
    const result = await cli([...base(), "--dry-run", "--json"]);
    assert.equal(result.code, 0, result.stderr);
    const plan = result.json() as {
      dryRun: boolean;
      steps: { label: string; gasUsed: string }[];
      totalGas: string;
    };
    assert.equal(plan.dryRun, true);
    const labels = plan.steps.map((step) => step.label);
    for (const expected of [
      "StakingPool",
      "ClaimsManager",
      "primary Governor",
      "secondary Timelock",
    ]) {
      assert.ok(labels.includes(expected), `plan has ${expected}`);
    }
    assert.ok(BigInt(plan.totalGas) > 10_000_000n);
    assert.equal(await nonce(), before, "nothing was sent");
    assert.equal(await chain.client.getBlockNumber(), blockBefore, "no block was mined");
    assert.equal(existsSync(join(dir, "deployments", "4242.json")), false);

    const human = await cli([...base(), "--dry-run"]);
    assert.equal(human.code, 0, human.stderr);
    assert.match(human.stdout, /Plan: \d+ transactions from 0x9965/);
    assert.match(human.stdout, /Total gas [\d,]+; at [\d.]+ gwei/);
    assert.match(human.stdout, /Nothing was sent/);
    assert.match(human.stdout, /Arbitration: 0x.* charges 0\.1 ETH per dispute now/);
    assert.match(human.stdout, /chain 4242:\n {2}No Kleros court is known on this chain/);
    assert.ok(
      human.stdout.includes(`Meta-evidence URI on chain: ${metaEvidenceURI()}`),
      human.stdout,
    );
    assert.ok(
      human.stdout.includes(
        `ipfs add --cid-version=0 ${metaEvidence().path}   # must print ${metaEvidence().cid}`,
      ),
    );
  });

  it("deploys, hands every power to the DAO and records deployments/<chainId>.json", async () => {
    const result = await cli([
      ...base(),
      "--dispute-template-registry",
      existing.registry,
      "--api3-server",
      existing.api3ServerV1,
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Deployed Insurance Pool to chain 4242/);
    assert.match(result.stdout, /Kleros v2 dispute template registered as id 0/);
    assert.match(result.stderr, /StakingPool .* gas/, "progress on stderr");
    const path = join(dir, "deployments", "4242.json");
    const deployment = JSON.parse(readFileSync(path, "utf8")) as Deployment;
    assert.equal(deployment.chainId, 4242);
    assert.equal(deployment.contracts.token.toLowerCase(), existing.token.toLowerCase());
    assert.equal(deployment.dapis[0]?.proxy.toLowerCase(), existing.ethUsd.toLowerCase());

    assert.deepEqual(deployment.klerosV2, {
      disputeTemplateRegistry: existing.registry,
      templateId: "0",
    });
    assert.equal(deployment.disputeTexts?.metaEvidenceURI, metaEvidenceURI());

    const pool = deployment.contracts.stakingPool;
    const claims = deployment.contracts.claimsManager as Address;
    // What the claims manager announced to the court: the shipped meta-evidence by its CID, not a placeholder.
    const [announced] = await getContractEvents(chain.client, {
      address: claims,
      abi: claimsManagerAbi(),
      eventName: "MetaEvidence",
      fromBlock: 0n,
    });
    assert.ok(announced, "MetaEvidence announced");
    assert.equal((announced.args as { _evidence?: string })._evidence, metaEvidenceURI());
    const poolAbi = artifact("StakingPool").abi;
    assert.equal(
      (await chain.read<Address>(pool, poolAbi, "token")).toLowerCase(),
      existing.token.toLowerCase(),
    );
    assert.equal(await chain.read<boolean>(pool, poolAbi, "isClaimsManager", [claims]), true);
    assert.equal(
      (await chain.read<Address>(claims, claimsManagerAbi(), "mediator")).toLowerCase(),
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
    );
    const timelockAbi = artifact("PoolTimelock").abi;
    for (const timelock of [
      deployment.contracts.primaryTimelock,
      deployment.contracts.secondaryTimelock,
    ]) {
      for (const role of [
        "PROPOSER_ROLE",
        "EXECUTOR_ROLE",
        "CANCELLER_ROLE",
        "DEFAULT_ADMIN_ROLE",
      ]) {
        const id = await chain.read<`0x${string}`>(timelock as Address, timelockAbi, role);
        assert.equal(
          await chain.read<boolean>(timelock as Address, timelockAbi, "hasRole", [id, deployer]),
          false,
        );
      }
      assert.equal(
        await chain.read<bigint>(timelock as Address, timelockAbi, "getMinDelay"),
        2n * 86400n,
      );
    }

    // The IncidentRegistry judges the covered dAPI for staleness and is governed by the primary timelock alone.
    const incidents = deployment.contracts.incidentRegistry as Address;
    const registryAbi = artifact("IncidentRegistry").abi;
    assert.equal(deployment.contracts.api3ServerV1, existing.api3ServerV1);
    assert.equal(
      await chain.read<Address>(incidents, registryAbi, "primaryAgent"),
      deployment.contracts.primaryTimelock,
    );
    assert.equal(
      (await chain.read<Address>(incidents, registryAbi, "mediator")).toLowerCase(),
      "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
    );
    const definition = await chain.read<{ heartbeat: bigint; grace: bigint; quorum: bigint }>(
      incidents,
      registryAbi,
      "definition",
      [stringToHex("ETH/USD", { size: 32 }), 1n],
    );
    assert.deepEqual(
      [definition.heartbeat, definition.grace, definition.quorum],
      [86_400n, 3_600n, 0n],
    );

    const again = await cli(base());
    assert.equal(again.code, 1);
    assert.match(again.stderr, /deployments\/4242.json exists/);
  });
});
