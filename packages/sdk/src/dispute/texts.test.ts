import assert from "node:assert/strict";
import { describe, it } from "node:test";
import Mustache from "mustache";
import { type AbiParameter, parseAbiItem } from "viem";
import { claimsManagerAbi } from "../deploy/artifacts.ts";
import { ipfsCidV0 } from "./cid.ts";
import {
  claimsPolicy,
  DISPUTE_TEXT_FILES,
  disputeTemplateV2,
  disputeTemplateV2Mappings,
  disputeTextFile,
  metaEvidence,
  metaEvidenceURI,
} from "./files.ts";
import {
  disputeDetailsProblems,
  InvalidDisputeTextError,
  metaEvidenceProblems,
  validateDisputeDetails,
  validateMetaEvidence,
} from "./validate.ts";

/** An ABI function or event by name and parameter types (tuples expanded), ignoring names. */
function shape(item: {
  type: string;
  name?: string;
  inputs?: readonly AbiParameter[];
  outputs?: readonly AbiParameter[];
}): string {
  const types = (params: readonly AbiParameter[] = []): string =>
    params
      .map((p) =>
        "components" in p && p.components ? `(${types(p.components)})${p.type.slice(5)}` : p.type,
      )
      .join(",");
  return `${item.type} ${item.name}(${types(item.inputs)})->(${types(item.outputs)})`;
}

const metaEvidenceJson = () => JSON.parse(metaEvidence().content.toString("utf8"));

/** The template rendered with a context like the one Kleros' SDK builds after our mappings ran. */
function renderedTemplate(extra: Record<string, unknown> = {}) {
  return JSON.parse(
    Mustache.render(disputeTemplateV2(), {
      arbitrableAddress: "0x00000000000000000000000000000000000000c1",
      arbitrableChainID: "42161",
      externalDisputeID: "26959946667150639794667015087019630673637144422540572481103610249217",
      arbitratorAddress: "0x991d2df165670b9cac3B022f4B68D65b664222ea",
      claimEvidence: "/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o",
      amountUsd: 8000n * 10n ** 18n,
      ...extra,
    }),
  );
}

describe("the ERC-1497 meta-evidence (contracts/dispute/meta-evidence.json)", () => {
  it("validates, with titles and descriptions for rulings 1 and 2", () => {
    const json = validateMetaEvidence(metaEvidenceJson());
    assert.deepEqual(json.rulingOptions.titles, ["Pay the claim", "Pay the mediator's settlement"]);
    assert.equal(json.category, "Insurance");
  });

  it("says what ruling 0 does to the claim and the bond, and that ruling 2 without settlement refuses", () => {
    const json = metaEvidenceJson();
    assert.match(json.description, /Ruling 0 \(refuse to arbitrate\) refuses the claim/);
    assert.match(json.description, /bond is forfeited to the pool's stakers/);
    assert.match(
      json.rulingOptions.descriptions[1],
      /no settlement, this ruling refuses the claim/,
    );
  });

  it("links the claims policy by the CID of the shipped file", () => {
    assert.equal(metaEvidenceJson().fileURI, `/ipfs/${ipfsCidV0(claimsPolicy().content)}`);
    assert.match(claimsPolicy().content.toString("utf8"), /0 — Refuse to arbitrate/);
  });

  it("is announced as /ipfs/<CIDv0 of its bytes>", () => {
    assert.equal(metaEvidenceURI(), `/ipfs/${ipfsCidV0(metaEvidence().content)}`);
    assert.match(metaEvidenceURI(), /^\/ipfs\/Qm[1-9A-HJ-NP-Za-km-z]{44}$/);
  });

  it("the validator refuses a meta-evidence that misses what jurors need", () => {
    const json = metaEvidenceJson();
    assert.deepEqual(metaEvidenceProblems(json), []);
    const broken = { ...json, question: "", fileURI: "ipfs://x" };
    broken.rulingOptions = { ...json.rulingOptions, titles: ["Pay the claim"] };
    assert.deepEqual(metaEvidenceProblems(broken), [
      "question: a non-empty string is needed",
      'fileURI: the policy document\'s /ipfs/<cid> is needed, got "ipfs://x"',
      "rulingOptions.titles: 2 entries are needed (rulings 1..2)",
    ]);
    assert.throws(() => validateMetaEvidence(broken), InvalidDisputeTextError);
  });
});

describe("the Kleros v2 dispute template (contracts/dispute/template-v2*.json)", () => {
  it("renders into dispute details Kleros' SDK accepts, rulings 1 and 2 (0 is the court's own)", () => {
    const details = validateDisputeDetails(renderedTemplate());
    assert.deepEqual(
      details.answers.map((answer) => [answer.id, answer.title]),
      [
        ["0x1", "Pay the claim"],
        ["0x2", "Pay the mediator's settlement"],
      ],
    );
    assert.equal(details.policyURI, claimsPolicy().ipfsPath);
    assert.equal(details.arbitratorChainID, "42161");
    assert.match(details.description, /Refuse to arbitrate \(ruling 0\) refuses the claim/);
    // Triple braces: an IPFS path reaches the attachment unescaped.
    assert.equal(details.attachment?.uri, "/ipfs/QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
  });

  it("the validator refuses details a court could not show", () => {
    const broken = renderedTemplate({ arbitratorAddress: "0x1234" });
    broken.policyURI = "https://example.com/policy.md";
    broken.answers = [{ id: "0x0", title: "Refuse", description: "dup" }];
    assert.deepEqual(disputeDetailsProblems(broken), [
      'arbitratorAddress: an address is needed, got "0x1234"',
      'policyURI: an IPFS path like /ipfs/<cid> is needed, got "https://example.com/policy.md"',
      `answers[0].id: ruling 1 is expected (0 is the court's own "refuse")`,
    ]);
  });

  it("its abi/call mappings call functions the ClaimsManager has, and its event is the ClaimsManager's", () => {
    const mappings = JSON.parse(disputeTemplateV2Mappings(123n)) as { type: string; abi: string }[];
    const ours = new Set(
      claimsManagerAbi()
        .filter((item) => item.type === "function" || item.type === "event")
        .map((item) => shape(item as Parameters<typeof shape>[0])),
    );
    assert.equal(mappings.length, 5);
    for (const mapping of mappings) {
      const signature = shape(parseAbiItem(mapping.abi) as Parameters<typeof shape>[0]);
      assert.ok(ours.has(signature), `${signature} is not in the ClaimsManager's ABI`);
    }
  });

  it("the registered mappings search events from the deployment block", () => {
    const mappings = JSON.parse(disputeTemplateV2Mappings(4242n)) as {
      type: string;
      eventFilter?: { fromBlock: string };
    }[];
    const events = mappings.filter((m) => m.type === "abi/event");
    assert.equal(events.length, 1);
    assert.equal(events[0]?.eventFilter?.fromBlock, "4242");
  });

  it("every shipped text fits one IPFS block (its CID is computed offline)", () => {
    for (const name of Object.values(DISPUTE_TEXT_FILES)) {
      const file = disputeTextFile(name);
      assert.ok(file.content.length <= 256 * 1024, name);
      assert.equal(file.ipfsPath, `/ipfs/${file.cid}`);
    }
  });
});
