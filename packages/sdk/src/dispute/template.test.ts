import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Address, stringToHex } from "viem";
import { getContractEvents } from "viem/actions";
import { seedDevnet } from "../../../devnet/src/seed.ts";
import { iDisputeTemplateRegistryAbi } from "../generated/contracts.ts";
import { type DevnetFixture, startDevnetFixture } from "../testing/devnetFixture.ts";
import { claimsPolicy, disputeTemplateV2 } from "./files.ts";
import { resolveDisputeTemplate } from "./template.ts";

describe("the Kleros v2 dispute template registered on the devnet resolves against a real claim", () => {
  let fx: DevnetFixture;
  let claimId = 0n;
  let registered: { templateId: bigint; data: string; mappings: string };

  before(async () => {
    fx = await startDevnetFixture();
    ({ claimId } = await seedDevnet(fx.deployment));
    const registry = fx.deployment.klerosV2?.disputeTemplateRegistry as Address;
    const [event] = await getContractEvents(fx.deployer.publicClient, {
      address: registry,
      abi: iDisputeTemplateRegistryAbi,
      eventName: "DisputeTemplate",
      fromBlock: BigInt(fx.deployment.startBlock),
    });
    assert.ok(event, "the deployment registered a template");
    registered = {
      templateId: event.args._templateId as bigint,
      data: event.args._templateData as string,
      mappings: event.args._templateDataMappings as string,
    };
  });
  after(async () => fx?.stop());

  const context = (externalDisputeID: bigint) => ({
    arbitrableAddress: fx.deployment.contracts.claimsManager as Address,
    arbitrableChainID: String(fx.deployment.chainId),
    externalDisputeID: externalDisputeID.toString(),
  });

  it("registered the shipped template as id 0, recorded in the deployment", () => {
    assert.equal(registered.templateId, 0n);
    assert.equal(fx.deployment.klerosV2?.templateId, "0");
    assert.equal(registered.data, disputeTemplateV2());
  });

  it("fills the claim, its policy, dAPI, arbitrator and the claimant's evidence from chain", async () => {
    const { details, data } = await resolveDisputeTemplate(fx.deployer.publicClient, {
      template: registered.data,
      mappings: registered.mappings,
      context: context(claimId),
    });
    assert.equal(data.amountUsd, 20_000n * 10n ** 18n);
    assert.equal(data.policyId, claimId & ((1n << 224n) - 1n), "a claim id carries its policy id");
    assert.equal(data.claimant, fx.role("policyholder"));
    assert.equal(data.dapiName, stringToHex("ETH/USD", { size: 32 }));
    assert.equal(data.dapiChainId, BigInt(fx.deployment.chainId));
    assert.equal(data.settlementUsd, 0n);
    assert.equal(
      data.claimEvidence,
      "ipfs://insurance-pool-devnet/evidence/eth-usd-deviation.json",
    );
    assert.equal(details.arbitratorAddress, fx.deployment.contracts.arbitrator);
    assert.equal(details.arbitratorChainID, "31337");
    assert.equal(details.policyURI, claimsPolicy().ipfsPath);
    assert.equal(details.attachment?.uri, data.claimEvidence);
    assert.match(details.description, new RegExp(`asks for ${20_000n * 10n ** 18n} USD units`));
  });

  it("finds nothing for a claim that does not exist", async () => {
    await assert.rejects(
      resolveDisputeTemplate(fx.deployer.publicClient, {
        template: registered.data,
        mappings: registered.mappings,
        context: context(claimId + (1n << 224n)),
      }),
      /no matching event/,
    );
  });
});
