/**
 * Checks of the dispute texts against the formats their readers expect: ERC-1497 meta-evidence (Kleros v1 court UIs)
 * and Kleros v2 dispute details (what a populated v2 template must be for Kleros' SDK, whose `DisputeDetailsSchema`
 * requires these fields).
 */
import { isAddress } from "viem";
import { InvalidInputError } from "../errors/base.ts";

/** A Kleros v2 dispute, as its populated template describes it. */
export interface DisputeDetails {
  title: string;
  description: string;
  question: string;
  answers: { id?: string; title: string; description: string; reserved?: boolean }[];
  policyURI: string;
  attachment?: { label: string; uri: string };
  arbitratorChainID: string;
  arbitratorAddress: string;
  category?: string;
  lang?: string;
  version: string;
}

/** ERC-1497 meta-evidence (the fields Insurance Pool uses). */
export interface MetaEvidence {
  category?: string;
  title: string;
  description: string;
  question: string;
  rulingOptions: { type: "single-select"; titles: string[]; descriptions: string[] };
  fileURI: string;
  fileTypeExtension?: string;
  version?: string;
}

/** Thrown when a dispute text misses a field or has one in the wrong form; lists every problem. */
export class InvalidDisputeTextError extends InvalidInputError {
  override name = "InvalidDisputeTextError";
  constructor(
    what: string,
    readonly problems: string[],
  ) {
    super(`${what} is invalid`, { metaMessages: problems });
  }
}

/** Kleros SDK's check of `policyURI`: a multiaddr such as `/ipfs/<cid>[/...]`, or `ipfs://<cid>/<file>`. */
const MULTIADDR =
  /^\/(?:ip4|ip6|dns4|dns6|dnsaddr|tcp|udp|utp|tls|ws|wss|p2p-circuit|p2p-webrtc-star|p2p-webrtc-direct|p2p-websocket-star|onion|ipfs)(\/[^\s/]+)+$|^ipfs:\/\/[a-zA-Z0-9]+\/[a-zA-Z0-9]+(\.[a-zA-Z0-9]+)?$/;

function text(problems: string[], value: unknown, field: string) {
  if (typeof value !== "string" || value.trim() === "")
    problems.push(`${field}: a non-empty string is needed`);
}

/** The problems of a populated Kleros v2 dispute template (none: it is valid). */
export function disputeDetailsProblems(details: unknown): string[] {
  const problems: string[] = [];
  const d = (details ?? {}) as Record<string, unknown>;
  for (const field of ["title", "description", "question", "version", "arbitratorChainID"]) {
    text(problems, d[field], field);
  }
  if (
    typeof d.arbitratorAddress !== "string" ||
    !isAddress(d.arbitratorAddress, { strict: false })
  ) {
    problems.push(
      `arbitratorAddress: an address is needed, got ${JSON.stringify(d.arbitratorAddress)}`,
    );
  }
  if (typeof d.policyURI !== "string" || !MULTIADDR.test(d.policyURI)) {
    problems.push(
      `policyURI: an IPFS path like /ipfs/<cid> is needed, got ${JSON.stringify(d.policyURI)}`,
    );
  }
  if (!Array.isArray(d.answers) || d.answers.length === 0) {
    problems.push("answers: a list of ruling options is needed");
  } else {
    d.answers.forEach((answer: Record<string, unknown>, i: number) => {
      text(problems, answer?.title, `answers[${i}].title`);
      text(problems, answer?.description, `answers[${i}].description`);
      if (answer?.id !== undefined && !/^0x[0-9a-fA-F]+$/.test(String(answer.id))) {
        problems.push(`answers[${i}].id: a hex number is needed`);
      }
      if (answer?.id !== undefined && BigInt(String(answer.id)) !== BigInt(i + 1)) {
        problems.push(
          `answers[${i}].id: ruling ${i + 1} is expected (0 is the court's own "refuse")`,
        );
      }
    });
  }
  if (d.attachment !== undefined) {
    const a = d.attachment as Record<string, unknown>;
    text(problems, a.label, "attachment.label");
    text(problems, a.uri, "attachment.uri");
  }
  return problems;
}

/** Checks a populated Kleros v2 dispute template; throws {@link InvalidDisputeTextError} listing every problem. */
export function validateDisputeDetails(details: unknown): DisputeDetails {
  const problems = disputeDetailsProblems(details);
  if (problems.length > 0) throw new InvalidDisputeTextError("the dispute details", problems);
  return details as DisputeDetails;
}

/** The problems of ERC-1497 meta-evidence with `rulings` ruling options (none: it is valid). */
export function metaEvidenceProblems(json: unknown, rulings = 2): string[] {
  const problems: string[] = [];
  const m = (json ?? {}) as Record<string, unknown>;
  for (const field of ["title", "description", "question", "category"])
    text(problems, m[field], field);
  if (typeof m.fileURI !== "string" || !/^\/ipfs\/[A-Za-z0-9]+$/.test(m.fileURI)) {
    problems.push(
      `fileURI: the policy document's /ipfs/<cid> is needed, got ${JSON.stringify(m.fileURI)}`,
    );
  }
  const options = m.rulingOptions as Record<string, unknown> | undefined;
  if (options?.type !== "single-select") {
    problems.push('rulingOptions.type: "single-select" is needed');
  }
  for (const list of ["titles", "descriptions"] as const) {
    const values = options?.[list];
    if (!Array.isArray(values) || values.length !== rulings) {
      problems.push(`rulingOptions.${list}: ${rulings} entries are needed (rulings 1..${rulings})`);
    } else {
      values.forEach((value, i) => {
        text(problems, value, `rulingOptions.${list}[${i}]`);
      });
    }
  }
  return problems;
}

/** Checks ERC-1497 meta-evidence; throws {@link InvalidDisputeTextError} listing every problem. */
export function validateMetaEvidence(json: unknown, rulings = 2): MetaEvidence {
  const problems = metaEvidenceProblems(json, rulings);
  if (problems.length > 0) throw new InvalidDisputeTextError("the meta-evidence", problems);
  return json as MetaEvidence;
}
