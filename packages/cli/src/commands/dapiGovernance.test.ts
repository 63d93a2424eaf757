import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { dapiGovernanceAbi } from "@insurance-pool/sdk";
import { type Address, encodeFunctionData, type Hex, stringToHex } from "viem";
import { getTransactionCount } from "viem/actions";
import {
  deriveBeaconId,
  deriveBeaconSetId,
  encodeForwardCall,
  localTemplateId,
  pushBeaconValue,
} from "../../../sdk/src/deploy/api3.ts";
import { api3ReaderProxyV1Abi, api3ServerV1Abi } from "../../../sdk/src/deploy/api3Artifacts.ts";
import { sendAndWait } from "../../../sdk/src/deploy/context.ts";
import { devnetAccount } from "../../../sdk/src/deploy/devnetAccounts.ts";
import { type DevnetFixture, startDevnetFixture } from "../../../sdk/src/testing/devnetFixture.ts";
import { type CliResult, deploymentDir, ipool } from "../testing.ts";

/**
 * #14 part 3 on anvil with the real Api3ServerV1: a covered dAPI's data source changes only through a primary-agent
 * proposal (the server's manager is an OwnableCallForwarder owned by the primary timelock). The proposal repoints
 * ETH/USD from its Beacon to a Beacon set, executes after the vote and the timelock delay, and the claims manager then
 * judges ETH/USD on the new source; the deployer, who set the names up, can no longer repoint it.
 */
describe("dAPIs governed by the stakers", () => {
  let fx: DevnetFixture;
  let dir = "";
  let server: Address;
  let ethUsdProxy: Address;
  const airnode = devnetAccount("airnode");
  const ethUsd = localTemplateId("ETH/USD");
  const ethUsdV2 = localTemplateId("ETH/USD v2");
  const beacons = [
    deriveBeaconId(airnode.address, ethUsd),
    deriveBeaconId(airnode.address, ethUsdV2),
  ];
  const beaconSet = deriveBeaconSetId(beacons);
  const spec = `${airnode.address}:${ethUsd},${airnode.address}:${ethUsdV2}`;
  const cli = (...argv: string[]) => ipool(dir, argv);
  const ok = async (...argv: string[]): Promise<CliResult> => {
    const result = await cli(...argv);
    assert.equal(result.code, 0, `ipool ${argv.join(" ")}\n${result.stderr}`);
    return result;
  };
  const refused = async (argv: string[], message: RegExp, code = 1) => {
    const before = await getTransactionCount(fx.deployer.publicClient, {
      address: fx.role("alice"),
    });
    const result = await cli(...argv);
    assert.equal(result.code, code, `ipool ${argv.join(" ")} should fail:\n${result.stdout}`);
    assert.match(result.stderr, message);
    const afterCount = await getTransactionCount(fx.deployer.publicClient, {
      address: fx.role("alice"),
    });
    assert.equal(afterCount, before, "nothing was sent");
  };
  /** Pushes the second Beacon and aggregates the set (both permissionless). */
  const updateBeaconSet = async () => {
    await pushBeaconValue(fx.deployer, server, airnode, ethUsdV2, 3100n * 10n ** 18n);
    await sendAndWait(fx.deployer, "updateBeaconSetWithBeacons", {
      to: server,
      data: encodeFunctionData({
        abi: api3ServerV1Abi,
        functionName: "updateBeaconSetWithBeacons",
        args: [beacons],
      }),
    });
  };
  const readEthUsd = () =>
    fx.deployer.publicClient.readContract({
      address: ethUsdProxy,
      abi: api3ReaderProxyV1Abi,
      functionName: "read",
    });
  const deployerTries = (to: Address, data: Hex) =>
    fx.deployer.publicClient.call({ account: fx.deployer.walletClient.account.address, to, data });

  before(async () => {
    fx = await startDevnetFixture();
    dir = deploymentDir(fx.deployment);
    server = fx.deployment.contracts.api3ServerV1 as Address;
    ethUsdProxy = fx.deployment.dapis.find((d) => d.name === "ETH/USD")?.proxy as Address;
    await ok("deposit", "200k", "--stake", "--account", "alice");
    await fx.warp(2);
    await updateBeaconSet();
  });
  after(async () => fx?.stop());

  it("the devnet hands the server's manager to the primary timelock: the deployer cannot repoint a dAPI", async () => {
    const forwarder = fx.deployment.contracts.api3ServerV1Manager as Address;
    assert.ok(forwarder, "the deployment records the manager forwarder");
    const [manager, owner] = await Promise.all([
      fx.deployer.publicClient.readContract({
        address: server,
        abi: dapiGovernanceAbi,
        functionName: "manager",
      }),
      fx.deployer.publicClient.readContract({
        address: forwarder,
        abi: dapiGovernanceAbi,
        functionName: "owner",
      }),
    ]);
    assert.equal(manager, forwarder);
    assert.equal(owner, fx.deployment.contracts.primaryTimelock);
    const setName = encodeFunctionData({
      abi: api3ServerV1Abi,
      functionName: "setDapiName",
      args: [stringToHex("ETH/USD", { size: 32 }), beaconSet],
    });
    await assert.rejects(deployerTries(server, setName), /Sender cannot set dAPI name/);
    await assert.rejects(
      deployerTries(forwarder, encodeForwardCall(server, setName)),
      /Ownable: caller is not the owner/,
    );
  });

  it("refuses malformed, unknown or unchanged data feeds before sending", async () => {
    const base = ["propose", "set-dapi-name", "--dapi", "ETH/USD", "--account", "alice"];
    await refused(
      [...base, "--data-feed", "0x1234"],
      /--data-feed: data feed "0x1234" is neither/,
      2,
    );
    await refused(
      [...base, "--data-feed", spec, "--agent", "secondary"],
      /primary-agent proposal/,
      2,
    );
    await refused(
      [...base, "--data-feed", `0x${"ab".repeat(32)}`],
      /data feed 0xabab.* has no value on Api3ServerV1/,
    );
    await refused(
      [...base, "--data-feed", `${airnode.address}:${ethUsd}`],
      /ETH\/USD already points to 0x/,
    );
  });

  it("a proposal repoints ETH/USD after the vote and the timelock; the claims manager then reads the new source", async () => {
    const [before] = await readEthUsd();
    assert.equal(before, 3000n * 10n ** 18n);
    const proposed = await ok(
      "propose",
      "set-dapi-name",
      "--dapi",
      "ETH/USD",
      "--data-feed",
      spec,
      "--account",
      "alice",
    );
    assert.match(
      proposed.stdout,
      new RegExp(`now: +${beacons[0]} \\(value 3000, updated .* UTC\\)`),
    );
    assert.match(
      proposed.stdout,
      new RegExp(`after: +${beaconSet} \\(value 3050, updated .* UTC\\)`),
    );
    assert.match(proposed.stdout, /executes: +at the earliest in 1d 6m/);
    const proposalId = /proposal (\d+)/.exec(proposed.stdout)?.[1] ?? "";
    await fx.warp(61);
    await ok("vote", proposalId, "for", "--account", "alice");
    await fx.warp(24 * 3600 + 1);
    await ok("queue", proposalId, "--account", "alice");
    await updateBeaconSet(); // keep the new source fresh meanwhile
    const early = await cli("execute", proposalId, "--account", "alice");
    assert.equal(early.code, 1, "not before the timelock delay");
    assert.equal((await readEthUsd())[0], before, "still the old source");
    await fx.warp(301);
    await ok("execute", proposalId, "--account", "alice");
    assert.equal((await readEthUsd())[0], 3050n * 10n ** 18n, "the median of 3000 and 3100");

    // The claims manager judges ETH/USD on the Beacon set now: the old Beacon stays fresh (warp pushes it), but
    // once the set is older than heartbeat + grace (25 h), coverage on ETH/USD is refused; an update lifts it.
    await fx.warp(25 * 3600 + 60);
    const stale = await cli(
      "buy",
      "1k",
      "--dapi",
      "ETH/USD",
      "--period",
      "30d",
      "--account",
      "policyholder",
    );
    assert.equal(stale.code, 1, stale.stdout);
    assert.match(stale.stderr, /stale/i);
    await updateBeaconSet();
    await ok("buy", "1k", "--dapi", "ETH/USD", "--period", "30d", "--account", "policyholder");
  });
});
