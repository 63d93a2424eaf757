/**
 * Generates `packages/sdk/src/generated/actions.ts`: one typed action per external function of the
 * system's contracts, from the release build's ABIs and NatSpec (contracts/out-release). A view becomes
 * `getX(client, { pool, user })` (a `readContract`); a write becomes `x(client, { pool, amount, ...hooks })`
 * (simulated first, decoded errors, the receipt awaited: `simulateAndSend`). Parameters take the ABI's
 * names; documentation comes from the contracts' NatSpec, so a contract change is one `npm run build:abis`.
 * Actions that add logic (several reads, events, allowances, maths) stay hand-written in
 * `packages/sdk/src/actions/`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface AbiParameter {
  name: string;
  type: string;
  internalType?: string;
}

interface AbiFunction {
  type: "function";
  name: string;
  inputs: AbiParameter[];
  outputs: AbiParameter[];
  stateMutability: "view" | "pure" | "nonpayable" | "payable";
}

interface MethodDoc {
  notice?: string;
  details?: string;
  params?: Record<string, string>;
  returns?: Record<string, string>;
}

interface Artifact {
  abi: (AbiFunction | { type: string; name?: string })[];
  metadata?: {
    output?: {
      userdoc?: { methods?: Record<string, MethodDoc> };
      devdoc?: { methods?: Record<string, MethodDoc> };
    };
  };
}

/** One contract whose functions become actions. */
interface Source {
  /** forge artifact name (`IStakingPool` → `IStakingPool.sol/IStakingPool.json`). */
  artifact: string;
  /** The export of `generated/contracts.ts` holding its ABI. */
  abi: string;
  /** The parameter carrying the contract's address, and its documentation. */
  address: string;
  addressDoc: string;
  /** Only these functions (default: all). */
  only?: string[];
  /** Functions left out (hand-written elsewhere, or of no use to an SDK user). */
  skip?: string[];
  /** Action names that do not follow the rule (`getX` for views, the function's name for writes). */
  names?: Record<string, string>;
  /** The verb of decoded errors of a write (default: the function's name in words). */
  verbs?: Record<string, string>;
}

const SOURCES: Source[] = [
  {
    // The pool's whole ABI: its own functions, those its extension serves and its voting power (IPoolVotes).
    artifact: "IStakingPool",
    abi: "iStakingPoolAbi",
    address: "pool",
    addressDoc: "The StakingPool address (`deployment.contracts.stakingPool`).",
    skip: ["CLOCK_MODE", "delegateBySig"],
    names: {
      convertToAssets: "convertToAssets",
      convertToShares: "convertToShares",
      token: "getPoolToken",
      delegates: "getDelegate",
      checkpoints: "getCheckpoint",
    },
  },
  {
    artifact: "IClaimsManager",
    abi: "iClaimsManagerAbi",
    address: "claimsManager",
    addressDoc: "The ClaimsManager address (`deployment.contracts.claimsManager`).",
    // `rule` is the arbitrator's callback (ERC-792), `token` is the pool's.
    skip: ["rule", "token"],
    names: {
      pool: "getClaimsPool",
      openExposure: "getClaimsOpenExposure",
      owedTokens: "getClaimsOwedTokens",
      primaryAgent: "getClaimsPrimaryAgent",
      secondaryAgent: "getClaimsSecondaryAgent",
      dapiIdOf: "getDapiIdOf",
      quoteCoverage: "quoteCoverage",
      setPrimaryAgent: "setClaimsPrimaryAgent",
      setSecondaryAgent: "setClaimsSecondaryAgent",
    },
    verbs: { createClaim: "claim", escalateClaim: "escalate" },
  },
  {
    artifact: "IIncidentRegistry",
    abi: "iIncidentRegistryAbi",
    address: "incidentRegistry",
    addressDoc: "The IncidentRegistry address (`deployment.contracts.incidentRegistry`).",
    // Their struct parameters are hand-written (`actions/incidents/`); `token` is the pool's.
    skip: ["reportDeviation", "setIncidentDefinition", "token"],
    names: {
      incident: "getIncident",
      hasOpenIncident: "hasOpenIncident",
      definitionVersion: "getIncidentDefinitionVersion",
      definition: "getIncidentDefinition",
      bounty: "getIncidentBounty",
      maxBounty: "getMaxIncidentBounty",
      mediator: "getIncidentMediator",
      primaryAgent: "getIncidentPrimaryAgent",
      api3ServerV1: "getIncidentApi3ServerV1",
      setMediator: "setIncidentMediator",
      setPrimaryAgent: "setIncidentPrimaryAgent",
      setBounty: "setIncidentBounty",
    },
    verbs: { reportStale: "report a stale feed", voidIncident: "void the incident" },
  },
  {
    artifact: "IArbitrator",
    abi: "iArbitratorAbi",
    address: "arbitrator",
    addressDoc: "The ERC-792 arbitrator (`deployment.contracts.arbitrator`).",
    // Disputes are created by the ClaimsManager (`escalateClaim`).
    skip: ["createDispute"],
  },
  {
    artifact: "LocalArbitrator",
    abi: "localArbitratorAbi",
    address: "arbitrator",
    addressDoc: "The devnet's LocalArbitrator (`deployment.contracts.arbitrator`).",
    only: [
      "dispute",
      "disputeCount",
      "appealPeriodDuration",
      "giveRuling",
      "executeRuling",
      "setFees",
      "withdrawFees",
      "setAppealPeriodDuration",
    ],
    names: {
      executeRuling: "executeDisputeRuling",
      setFees: "setArbitratorFees",
      withdrawFees: "withdrawArbitratorFees",
    },
    verbs: { giveRuling: "rule" },
  },
  {
    artifact: "PoolGovernor",
    abi: "poolGovernorAbi",
    address: "governor",
    addressDoc:
      "The Governor (`deployment.contracts.primaryGovernor` or `deployment.contracts.secondaryGovernor`).",
    only: [
      "propose",
      "castVote",
      "castVoteWithReason",
      "queue",
      "execute",
      "cancel",
      "state",
      "proposalVotes",
      "proposalSnapshot",
      "proposalDeadline",
      "proposalEta",
      "proposalProposer",
      "proposalNeedsQueuing",
      "proposalThreshold",
      "proposalThresholdFraction",
      "nextProposalAllowedAt",
      "getProposalId",
      "hasVoted",
      "quorum",
      "quorumNumerator",
      "votingDelay",
      "votingPeriod",
      "timelock",
      "setVotingDelay",
      "setVotingPeriod",
      "setProposalThresholdFraction",
      "updateQuorumNumerator",
    ],
    names: {
      state: "getProposalState",
      queue: "queueProposal",
      execute: "executeProposal",
      cancel: "cancelProposal",
    },
    verbs: { castVote: "vote", castVoteWithReason: "vote" },
  },
];

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `MAX_FEE` → `maxFee`; `_disputeID` → `disputeId`; `arbitrator_` → `arbitrator`. */
function camel(name: string): string {
  const trimmed = name.replace(/^_+|_+$/g, "");
  const words = /^[A-Z0-9_]+$/.test(trimmed) ? trimmed.toLowerCase().split("_") : [trimmed];
  const joined = words.map((word, i) => (i ? upperFirst(word) : word)).join("");
  return joined.replace(/ID$/, "Id");
}

/** The function's name in words, as decoded errors start (`scheduleUnstake` → `schedule unstake`). */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function actionName(source: Source, fn: AbiFunction): string {
  const renamed = source.names?.[fn.name];
  if (renamed) return renamed;
  if (fn.stateMutability !== "view" && fn.stateMutability !== "pure") return fn.name;
  if (/^get[A-Z]/.test(fn.name)) return fn.name;
  return `get${upperFirst(camel(fn.name).replace(/(.)Of$/, "$1"))}`;
}

/** The TypeScript type viem takes or returns for a Solidity type. */
function tsType(type: string): string {
  const array = /^(.*)\[\d*\]$/.exec(type);
  if (array?.[1]) return `readonly ${tsType(array[1])}[]`;
  const integer = /^u?int(\d*)$/.exec(type);
  if (integer) return Number(integer[1] || 256) <= 48 ? "number" : "bigint";
  if (type === "address") return "Address";
  if (type === "bool") return "boolean";
  if (type === "string") return "string";
  if (/^bytes\d*$/.test(type)) return "Hex";
  throw new Error(`generate-actions: no TypeScript type for Solidity ${type}`);
}

/** A TSDoc block from lines, indented. */
function doc(lines: string[], indent = ""): string {
  const all = lines.flatMap((line) => line.split("\n"));
  if (all.length === 1) return `${indent}/** ${all[0]} */`;
  const body = all.map((line) => `${indent} * ${line}`.trimEnd());
  return `${indent}/**\n${body.join("\n")}\n${indent} */`;
}

const escapeDoc = (text: string) => text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();

interface Generated {
  name: string;
  code: string;
  kind: "read" | "write";
}

function generate(source: Source, fn: AbiFunction, docs: MethodDoc): Generated {
  const name = actionName(source, fn);
  const Name = upperFirst(name);
  const read = fn.stateMutability === "view" || fn.stateMutability === "pure";
  const params = fn.inputs.map((input, index) => ({
    name: input.name ? camel(input.name) : `arg${index}`,
    abiName: input.name,
    type: tsType(input.type),
  }));
  const taken = new Set([source.address, "value", "onSubmitted", "tokenInfo"]);
  for (const param of params) {
    if (taken.has(param.name)) {
      throw new Error(
        `generate-actions: ${source.artifact}.${fn.name}: parameter ${param.name} is taken`,
      );
    }
    taken.add(param.name);
  }
  const signature = `${fn.name}(${fn.inputs.map((i) => i.type).join(",")})`;
  const notice = docs.notice
    ? escapeDoc(docs.notice)
    : `Calls \`${fn.name}\` of ${source.artifact}.`;
  const fields = [
    `${doc([source.addressDoc], "  ")}\n  ${source.address}: Address;`,
    ...params.map((param) => {
      const text =
        docs.params?.[param.abiName] ?? `\`${param.abiName || param.name}\` of \`${fn.name}\`.`;
      return `${doc([escapeDoc(text)], "  ")}\n  ${param.name}: ${param.type};`;
    }),
  ];
  if (fn.stateMutability === "payable") {
    fields.push(`${doc(["Native currency sent with the call (wei)."], "  ")}\n  value: bigint;`);
  }
  const args = params.length
    ? `args: [${params.map((p) => `parameters.${p.name}`).join(", ")}],`
    : "";
  const exampleArgs = [source.address, ...params.map((p) => p.name)].join(", ");
  const returns = Object.values(docs.returns ?? {}).map(escapeDoc);
  const mutability = read ? (fn.stateMutability === "pure" ? "pure" : "view") : fn.stateMutability;
  const argsType = params.length
    ? `readonly [${params.map((p) => p.type).join(", ")}]`
    : "readonly []";
  const value = `ContractFunctionReturnType<typeof ${source.abi}, "${mutability}", "${fn.name}", ${argsType}>`;
  const header = [
    doc([`Parameters of {@link ${name}}.`]),
    `export interface ${Name}Parameters${read ? "" : " extends WriteHooks"} {\n${fields.join("\n")}\n}`,
    "",
  ];
  if (read) {
    const code = [
      ...header,
      doc([returns.length ? returns.join(" ") : `What \`${fn.name}\` returns.`]),
      `export type ${Name}ReturnType = ${value};`,
      "",
      doc([
        notice,
        `(\`${source.artifact}.${signature}\`)`,
        "",
        "@example",
        "```ts",
        `const result = await ${name}(client, { ${exampleArgs} });`,
        "```",
      ]),
      `export async function ${name}(client: ReadClient, parameters: ${Name}Parameters): Promise<${Name}ReturnType> {`,
      `  return readContract(client, { address: parameters.${source.address}, abi: ${source.abi}, functionName: "${fn.name}", ${args} });`,
      "}",
    ];
    return { name, code: code.join("\n"), kind: "read" };
  }
  const verb = source.verbs?.[fn.name] ?? words(fn.name);
  const code = [
    ...header,
    doc([
      returns.length
        ? `${returns.join(" ")} (\`result\`, as simulated), with the transaction.`
        : "The transaction and its receipt.",
    ]),
    `export type ${Name}ReturnType = WriteResult<${value}>;`,
    "",
    doc([
      notice,
      `(\`${source.artifact}.${signature}\`)`,
      "Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends nothing.",
      "",
      "@example",
      "```ts",
      `const { hash } = await ${name}(client, { ${exampleArgs}${fn.stateMutability === "payable" ? ", value" : ""} });`,
      "```",
    ]),
    `export async function ${name}(client: WalletClient, parameters: ${Name}Parameters): Promise<${Name}ReturnType> {`,
    `  const { ${source.address}, ${params.map((p) => `${p.name}, `).join("")}${fn.stateMutability === "payable" ? "value, " : ""}...hooks } = parameters;`,
    `  return simulateAndSend(client, { address: ${source.address}, abi: ${source.abi}, functionName: "${fn.name}", args: [${params.map((p) => p.name).join(", ")}]${fn.stateMutability === "payable" ? ", value" : ""} }, hooks, "${verb}");`,
    "}",
  ];
  return { name, code: code.join("\n"), kind: "write" };
}

/** The text of `generated/actions.ts` from the artifacts in `outDir`, and the number of actions. */
export function renderActions(outDir: string): { text: string; count: number } {
  const seen = new Map<string, string>();
  const blocks: string[] = [];
  const abis = new Set<string>();
  for (const source of SOURCES) {
    const path = join(outDir, `${source.artifact}.sol`, `${source.artifact}.json`);
    const artifact = JSON.parse(readFileSync(path, "utf8")) as Artifact;
    const methods = {
      user: artifact.metadata?.output?.userdoc?.methods ?? {},
      dev: artifact.metadata?.output?.devdoc?.methods ?? {},
    };
    const functions = artifact.abi.filter((item): item is AbiFunction => item.type === "function");
    for (const wanted of source.only ?? []) {
      if (!functions.some((fn) => fn.name === wanted)) {
        throw new Error(`generate-actions: ${source.artifact} has no function ${wanted}`);
      }
    }
    const done = new Set<string>();
    for (const fn of functions) {
      if (source.only && !source.only.includes(fn.name)) continue;
      if (source.skip?.includes(fn.name) || done.has(fn.name)) continue;
      done.add(fn.name); // of overloads (quorumNumerator() and (uint256)), the first
      const signature = `${fn.name}(${fn.inputs.map((i) => i.type).join(",")})`;
      const docs = { ...methods.dev[signature], ...methods.user[signature] };
      const action = generate(source, fn, docs);
      const owner = seen.get(action.name);
      if (owner) {
        throw new Error(
          `generate-actions: ${action.name} comes from both ${owner} and ${source.artifact}.${fn.name}: name one in SOURCES`,
        );
      }
      seen.set(action.name, `${source.artifact}.${fn.name}`);
      abis.add(source.abi);
      blocks.push(action.code);
    }
  }
  const header = [
    "// Generated by scripts/generate-actions.ts from the release build's ABIs and NatSpec. Do not edit.",
    'import type { Address, ContractFunctionReturnType, Hex } from "viem";',
    'import { readContract } from "viem/actions";',
    'import type { ReadClient, WalletClient, WriteHooks, WriteResult } from "../utils/transaction.ts";',
    'import { simulateAndSend } from "../utils/transaction.ts";',
    `import { ${[...abis].sort().join(", ")} } from "./contracts.ts";`,
    "",
  ];
  return { text: `${header.join("\n")}${blocks.join("\n\n")}\n`, count: blocks.length };
}
