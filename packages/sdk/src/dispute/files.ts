/**
 * The dispute texts Insurance Pool ships (contracts/dispute): the claims policy, the ERC-1497 meta-evidence for
 * ERC-792 courts, and the Kleros v2 dispute template with its data mappings; with the IPFS content identifiers
 * `ipfs add` gives them (see {@link ipfsCidV0}).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ipfsCidV0, ipfsPath } from "./cid.ts";

/**
 * Where the texts are, relative to this module wherever it runs: the copy a package ships in its `dispute-texts/`
 * (the build writes it beside `dist/`: the SDK's `dist/dispute/files.js` and the CLI bundle's `dist/chunks/*.js` are
 * both two levels below it), else a checkout's `contracts/dispute/` (from `src/dispute/` or `dist/dispute/`).
 */
const TEXT_DIRS = [
  new URL("../../dispute-texts/", import.meta.url),
  new URL("../../../../contracts/dispute/", import.meta.url),
];

/** Thrown when no directory holds the dispute texts (a package built without them). */
export class DisputeTextsMissingError extends Error {
  override name = "DisputeTextsMissingError";
}

let textsDir: string | undefined;

/** The directory holding the dispute texts (see `TEXT_DIRS`), found on first use. */
export function disputeTextsDir(): string {
  if (textsDir) return textsDir;
  const dirs = TEXT_DIRS.map((url) => fileURLToPath(url));
  textsDir = dirs.find((dir) => existsSync(`${dir}${DISPUTE_TEXT_FILES.metaEvidence}`));
  if (!textsDir) {
    throw new DisputeTextsMissingError(
      `the dispute texts (${DISPUTE_TEXT_FILES.metaEvidence}, ...) are in none of ${dirs.join(", ")}: reinstall the package or run \`npm run build:packages\``,
    );
  }
  return textsDir;
}

/** One shipped file: its bytes, its CIDv0 and its IPFS path (`/ipfs/<cid>`). */
export interface DisputeTextFile {
  /** File name in contracts/dispute (and a package's dispute-texts). */
  name: string;
  path: string;
  content: Buffer;
  cid: string;
  ipfsPath: string;
}

/** Reads `name` from the dispute texts (see {@link disputeTextsDir}) with its CID. */
export function disputeTextFile(name: string): DisputeTextFile {
  const path = `${disputeTextsDir()}${name}`;
  const content = readFileSync(path);
  const cid = ipfsCidV0(content);
  return { name, path, content, cid, ipfsPath: ipfsPath(cid) };
}

/** The files of contracts/dispute by role. */
export const DISPUTE_TEXT_FILES = {
  policy: "claims-policy.md",
  metaEvidence: "meta-evidence.json",
  templateV2: "template-v2.json",
  templateV2Mappings: "template-v2.mappings.json",
} as const;

/** The claims policy (the meta-evidence's `fileURI`, the v2 template's `policyURI`). */
export function claimsPolicy(): DisputeTextFile {
  return disputeTextFile(DISPUTE_TEXT_FILES.policy);
}

/** The ERC-1497 meta-evidence of claim disputes. */
export function metaEvidence(): DisputeTextFile {
  return disputeTextFile(DISPUTE_TEXT_FILES.metaEvidence);
}

/**
 * The meta-evidence URI the claims manager announces (`MetaEvidence`): `/ipfs/<CIDv0>` of meta-evidence.json, the
 * form of Kleros' ERC-1497 documentation, which its court UI resolves behind its own IPFS gateway.
 */
export function metaEvidenceURI(): string {
  return metaEvidence().ipfsPath;
}

/** The Kleros v2 dispute template (a Mustache template of Kleros' dispute details JSON). */
export function disputeTemplateV2(): string {
  return disputeTextFile(DISPUTE_TEXT_FILES.templateV2).content.toString("utf8");
}

/**
 * The template's data mappings as registered for one deployment: the `abi/event` lookups start at `fromBlock` (the
 * block the claims manager was deployed in or before; Kleros' SDK needs a number there, and a public RPC refuses to
 * search a chain from block 0).
 */
export function disputeTemplateV2Mappings(fromBlock: bigint): string {
  const mappings = JSON.parse(
    disputeTextFile(DISPUTE_TEXT_FILES.templateV2Mappings).content.toString("utf8"),
  ) as { type: string; eventFilter?: { fromBlock?: string } }[];
  for (const mapping of mappings) {
    if (mapping.type === "abi/event" && mapping.eventFilter) {
      mapping.eventFilter.fromBlock = fromBlock.toString();
    }
  }
  return JSON.stringify(mappings);
}

/** The operator's steps to publish the texts (pinning is theirs; the CIDs are fixed by the content). */
export function publishInstructions(): string[] {
  const files = [claimsPolicy(), metaEvidence()];
  return [
    "Publish the dispute texts on IPFS (the URIs on chain are content addresses; pin them before a claim is escalated):",
    ...files.map((file) => `  ipfs add --cid-version=0 ${file.path}   # must print ${file.cid}`),
    "  then pin both CIDs with your pinning service (and Kleros' IPFS node if you can), e.g. ipfs pin remote add ...",
  ];
}
