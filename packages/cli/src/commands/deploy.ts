/**
 * `ipool deploy`: deploys Insurance Pool to any EVM chain on top of an existing pool token, its token/USD
 * API3 dAPI proxy and an ERC-792 arbitrator (Kleros), and records the deployment in
 * `deployments/<chainId>.json`. `--dry-run` runs the very same deployment on a local fork of the chain
 * (anvil `--fork-url`, the deployer impersonated) and prints the plan with each step's gas and the cost at
 * the chain's gas price; nothing is sent to the chain.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Deployment } from "@insurance-pool/sdk";
import {
  dapiGovernanceAbi,
  InvalidInputError,
  iApi3ReaderProxyV1SourceAbi,
} from "@insurance-pool/sdk";
import { startAnvil } from "@insurance-pool/sdk/anvil";
import {
  type ArbitratorV2Parameters,
  checkArbitrator,
  claimsPolicy,
  createTxContext,
  DEFAULT_GOVERNANCE,
  deploySystem,
  metaEvidence,
  publishInstructions,
  type SystemContracts,
  type SystemParameters,
  type TxRecord,
  topologyOf,
} from "@insurance-pool/sdk/deploy";
import {
  type Address,
  createPublicClient,
  formatEther,
  getAddress,
  type Hex,
  http,
  isAddress,
  isHex,
  keccak256,
  stringToHex,
  zeroAddress,
  zeroHash,
} from "viem";
import type { CommandInput, CommandOutput, StandaloneCommand } from "../command.ts";
import type { BaseContext } from "../context.ts";

const gasFormat = new Intl.NumberFormat("en-US");

function requireAddress(value: string | boolean | undefined, option: string): Address {
  if (typeof value !== "string" || !isAddress(value, { strict: false })) {
    throw new InvalidInputError(
      value === undefined
        ? `--${option} is required`
        : `--${option} "${String(value)}" is not an address`,
    );
  }
  return getAddress(value);
}

function optionalAddress(value: string | boolean | undefined, option: string): Address | undefined {
  return value === undefined ? undefined : requireAddress(value, option);
}

function positive(
  value: string | boolean | undefined,
  option: string,
  fallback: number,
  unit = "seconds",
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (typeof value !== "string" || !Number.isInteger(parsed) || parsed <= 0) {
    throw new InvalidInputError(
      `--${option} must be a positive number of ${unit}, got "${String(value)}"`,
    );
  }
  return parsed;
}

/** `--dapis ETH/USD=0xProxy,BTC/USD=0xProxy` (proxy optional: `--dapis ETH/USD,BTC/USD`). */
function parseDapis(value: string | boolean | undefined): SystemParameters["dapis"] {
  if (value === undefined) return [];
  if (typeof value !== "string" || value.trim() === "")
    throw new InvalidInputError("--dapis is empty");
  return value.split(",").map((entry) => {
    const [name, proxy] = entry.split("=").map((part) => part.trim());
    if (!name || name.length > 32) {
      throw new InvalidInputError(
        `--dapis entry "${entry}": a dAPI name of 1 to 32 characters is needed`,
      );
    }
    if (proxy !== undefined && !isAddress(proxy, { strict: false })) {
      throw new InvalidInputError(`--dapis entry "${entry}": "${proxy}" is not an address`);
    }
    return { name, ...(proxy ? { proxy: getAddress(proxy) } : {}) };
  });
}

/**
 * `--arbitrator-v2` with its `--evidence-module`, `--max-fee` (base units of `--fee-token`, or wei) and optional
 * `--fee-token` and `--arbitrator-v2-extra-data`; needs `--dispute-template-registry` (the template id comes from it).
 */
function parseArbitratorV2(
  values: CommandInput["values"],
  registry: Address | undefined,
): ArbitratorV2Parameters | undefined {
  const arbitrator = optionalAddress(values["arbitrator-v2"], "arbitrator-v2");
  const dependent = ["evidence-module", "max-fee", "fee-token", "arbitrator-v2-extra-data"];
  if (!arbitrator) {
    const stray = dependent.find((option) => values[option] !== undefined);
    if (stray) throw new InvalidInputError(`--${stray} needs --arbitrator-v2 <addr>`);
    return undefined;
  }
  if (!registry) {
    throw new InvalidInputError(
      "--arbitrator-v2 needs --dispute-template-registry <addr> (the claims template is registered there first)",
    );
  }
  const maxFee = values["max-fee"];
  if (typeof maxFee !== "string" || !/^[0-9]+$/.test(maxFee) || BigInt(maxFee) === 0n) {
    throw new InvalidInputError(
      maxFee === undefined
        ? "--arbitrator-v2 needs --max-fee <base units> (the most an escalation pays)"
        : `--max-fee "${String(maxFee)}" is not a positive whole number of base units`,
    );
  }
  if (BigInt(maxFee) >= 2n ** 96n) {
    throw new InvalidInputError(`--max-fee ${maxFee} is above 2^96 - 1`);
  }
  const extraData = values["arbitrator-v2-extra-data"];
  if (extraData !== undefined && (typeof extraData !== "string" || !isHex(extraData))) {
    throw new InvalidInputError(
      `--arbitrator-v2-extra-data "${String(extraData)}" is not hex (0x...)`,
    );
  }
  const feeToken = optionalAddress(values["fee-token"], "fee-token");
  return {
    arbitrator,
    evidenceModule: requireAddress(values["evidence-module"], "evidence-module"),
    maxFee: BigInt(maxFee),
    ...(feeToken ? { feeToken } : {}),
    ...(typeof extraData === "string" ? { extraData: extraData as Hex } : {}),
  };
}

/** Validated inputs of the command (everything is checked before anything is sent). */
interface DeployInputs {
  rpcUrl: string;
  params: SystemParameters;
  dryRun: boolean;
  out: string | undefined;
  force: boolean;
  from: Address | undefined;
  codeSizeLimit: number | undefined;
}

function parseInputs(ctx: BaseContext, input: CommandInput): DeployInputs {
  const { values } = input;
  if (!ctx.rpcUrl) throw new InvalidInputError("--rpc <url> is required (the chain to deploy to)");
  if (!/^https?:\/\//.test(ctx.rpcUrl))
    throw new InvalidInputError(`--rpc "${ctx.rpcUrl}" is not an http(s) URL`);
  const extraData = values["arbitrator-extra-data"];
  if (extraData !== undefined && (typeof extraData !== "string" || !isHex(extraData))) {
    throw new InvalidInputError(
      `--arbitrator-extra-data "${String(extraData)}" is not hex (0x...)`,
    );
  }
  const dapis = parseDapis(values.dapis);
  const params: SystemParameters = {
    token: requireAddress(values.token, "token"),
    tokenUsdProxy: requireAddress(values["token-usd-proxy"], "token-usd-proxy"),
    arbitrator: requireAddress(values.arbitrator, "arbitrator"),
    dapis,
    governance: {
      votingDelay: positive(values["voting-delay"], "voting-delay", DEFAULT_GOVERNANCE.votingDelay),
      votingPeriod: positive(
        values["voting-period"],
        "voting-period",
        DEFAULT_GOVERNANCE.votingPeriod,
      ),
      timelockMinDelay: positive(
        values["timelock-delay"],
        "timelock-delay",
        DEFAULT_GOVERNANCE.timelockMinDelay,
      ),
    },
  };
  if (typeof extraData === "string") params.arbitratorExtraData = extraData as Hex;
  if (typeof values["meta-evidence"] === "string") params.metaEvidenceURI = values["meta-evidence"];
  const registry = optionalAddress(
    values["dispute-template-registry"],
    "dispute-template-registry",
  );
  if (registry) params.disputeTemplateRegistry = registry;
  const arbitratorV2 = parseArbitratorV2(values, registry);
  if (arbitratorV2) params.arbitratorV2 = arbitratorV2;
  const mediator = optionalAddress(values.mediator, "mediator");
  if (mediator) params.mediator = mediator;
  const policyAgent = optionalAddress(values["policy-agent"], "policy-agent");
  if (policyAgent) params.policyAgent = policyAgent;
  const treasury = optionalAddress(values.treasury, "treasury");
  if (treasury) params.treasury = treasury;
  const dapiManager = optionalAddress(values["dapi-manager"], "dapi-manager");
  if (dapiManager) params.dapiManager = dapiManager;
  const api3ServerV1 = optionalAddress(values["api3-server"], "api3-server");
  if (api3ServerV1) params.api3ServerV1 = api3ServerV1;
  const dryRun = Boolean(values["dry-run"]);
  const from = optionalAddress(values.from, "from");
  if (!dryRun && !ctx.signer) {
    throw new InvalidInputError(
      "no deployer key: set IPOOL_PRIVATE_KEY (or --account <index> on a devnet)",
    );
  }
  if (dryRun && !ctx.signer && !from) {
    throw new InvalidInputError(
      "--dry-run needs the deployer: --from <address>, IPOOL_PRIVATE_KEY or --account",
    );
  }
  return {
    rpcUrl: ctx.rpcUrl,
    params,
    dryRun,
    out: typeof values.out === "string" ? values.out : undefined,
    force: Boolean(values.force),
    from,
    codeSizeLimit:
      values["code-size-limit"] === undefined
        ? undefined
        : positive(values["code-size-limit"], "code-size-limit", 0, "bytes"),
  };
}

/** Refuses addresses without code (a typo'd token or proxy would brick the deployment). */
async function checkExisting(rpcUrl: string, params: SystemParameters): Promise<number> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  let chainId: number;
  try {
    chainId = await client.getChainId();
  } catch (error) {
    throw new InvalidInputError(
      `cannot reach --rpc ${rpcUrl}: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  const checks: [string, Address | undefined][] = [
    ["--token", params.token],
    ["--token-usd-proxy", params.tokenUsdProxy],
    ["--arbitrator", params.arbitrator],
    ["--dispute-template-registry", params.disputeTemplateRegistry],
    ["--arbitrator-v2", params.arbitratorV2?.arbitrator],
    ["--evidence-module", params.arbitratorV2?.evidenceModule],
    ["--fee-token", params.arbitratorV2?.feeToken],
    ["--api3-server", params.api3ServerV1],
    ...params.dapis.map((dapi): [string, Address | undefined] => [
      `--dapis ${dapi.name}`,
      dapi.proxy,
    ]),
  ];
  for (const [what, address] of checks) {
    if (!address) continue;
    const code = await client.getCode({ address });
    if (!code || code === "0x") {
      throw new InvalidInputError(`${what} ${address} has no contract on chain ${chainId}`);
    }
  }
  await checkArbitrator(client, params.arbitrator, params.arbitratorExtraData ?? "0x");
  if (params.arbitratorV2?.feeToken && params.arbitratorV2.feeToken === params.token) {
    throw new InvalidInputError(
      "--fee-token is the pool token: Kleros v2 fees are never paid in it (the claims manager holds bonds in it)",
    );
  }
  return chainId;
}

/**
 * What the operator must know before the first claim: the chain's Kleros topology, the arbitration cost, and the
 * dispute texts to publish (their CIDs are computed offline, as `ipfs add` computes them).
 */
async function notes(rpcUrl: string, chainId: number, params: SystemParameters): Promise<string[]> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const cost = await checkArbitrator(client, params.arbitrator, params.arbitratorExtraData ?? "0x");
  const topology = topologyOf(chainId);
  const shipped = metaEvidence();
  const uri = params.metaEvidenceURI ?? shipped.ipfsPath;
  return [
    `Arbitration: ${params.arbitrator} charges ${formatEther(cost)} ETH per dispute now.`,
    ...(params.arbitratorV2
      ? [
          `  New disputes go to the Kleros v2 arbitrator ${params.arbitratorV2.arbitrator} instead (setArbitratorV2), fee in ${params.arbitratorV2.feeToken ?? "ETH"}, at most ${params.arbitratorV2.maxFee} base units; appeals are funded in its dispute kit.`,
        ]
      : []),
    `${topology.chain}:`,
    ...topology.notes.map((note) => `  ${note}`),
    `Meta-evidence URI on chain: ${uri}`,
    ...(uri === shipped.ipfsPath
      ? [
          `  (CIDv0: dag-pb UnixFS, sha2-256, base58btc, as \`ipfs add\` computes it for ${shipped.name})`,
          ...publishInstructions(),
        ]
      : ["  (given by --meta-evidence: publish it yourself)"]),
  ];
}

function toDeployment(
  chainId: number,
  rpcUrl: string,
  startBlock: number,
  deployer: Address,
  params: SystemParameters,
  contracts: SystemContracts,
): Deployment {
  return {
    chainId,
    rpcUrl,
    startBlock,
    contracts: {
      token: params.token,
      stakingPool: contracts.stakingPool,
      claimsManager: contracts.claimsManager,
      arbitrator: params.arbitrator,
      tokenUsdProxy: params.tokenUsdProxy,
      primaryGovernor: contracts.primaryGovernor,
      primaryTimelock: contracts.primaryTimelock,
      secondaryGovernor: contracts.secondaryGovernor,
      secondaryTimelock: contracts.secondaryTimelock,
      ...(contracts.dapiManager ? { api3ServerV1Manager: contracts.dapiManager } : {}),
      ...(params.api3ServerV1 ? { api3ServerV1: params.api3ServerV1 } : {}),
      ...(contracts.incidentRegistry ? { incidentRegistry: contracts.incidentRegistry } : {}),
    },
    disputeTexts: {
      metaEvidenceURI: params.metaEvidenceURI ?? metaEvidence().ipfsPath,
      policyURI: claimsPolicy().ipfsPath,
    },
    ...(params.disputeTemplateRegistry
      ? {
          klerosV2: {
            disputeTemplateRegistry: params.disputeTemplateRegistry,
            ...(params.arbitratorV2
              ? {
                  arbitrator: params.arbitratorV2.arbitrator,
                  evidenceModule: params.arbitratorV2.evidenceModule,
                  claimsArbitrator: true,
                  fee: params.arbitratorV2.feeToken ? ("token" as const) : ("eth" as const),
                  ...(params.arbitratorV2.feeToken
                    ? { feeToken: params.arbitratorV2.feeToken }
                    : {}),
                }
              : {}),
            ...(contracts.disputeTemplateId === undefined
              ? {}
              : { templateId: contracts.disputeTemplateId.toString() }),
          },
        }
      : {}),
    dapis: params.dapis
      .filter((dapi): dapi is typeof dapi & { proxy: Address } => dapi.proxy !== undefined)
      .map((dapi) => ({
        name: dapi.name,
        dapiNameHash: keccakName(dapi.name),
        proxy: dapi.proxy,
      })),
    deployer,
    deployedAt: new Date().toISOString(),
  };
}

function keccakName(name: string): Hex {
  return keccak256(stringToHex(name, { size: 32 }));
}

/**
 * `--dapi-manager`: the forwarder must manage the Api3ServerV1 the price proxy reads, be owned by the deployer, and
 * every covered dAPI name must be set there. Whoever owns it decides every name on that server, so this is only for a
 * server whose names are all the pool's own (see docs/dapi-governance.md): on API3's servers the manager is API3's.
 */
async function checkDapiManager(
  rpcUrl: string,
  params: SystemParameters,
  deployer: Address,
): Promise<void> {
  const forwarder = params.dapiManager;
  if (!forwarder) return;
  const client = createPublicClient({ transport: http(rpcUrl) });
  const server = await client
    .readContract({
      address: params.tokenUsdProxy,
      abi: iApi3ReaderProxyV1SourceAbi,
      functionName: "api3ServerV1",
    })
    .catch(() => {
      throw new InvalidInputError(
        "--dapi-manager: --token-usd-proxy is no Api3ReaderProxyV1, so there is no Api3ServerV1 to govern",
      );
    });
  const [manager, owner] = await Promise.all([
    client.readContract({ address: server, abi: dapiGovernanceAbi, functionName: "manager" }),
    client
      .readContract({ address: forwarder, abi: dapiGovernanceAbi, functionName: "owner" })
      .catch(() => zeroAddress),
  ]);
  if (manager.toLowerCase() !== forwarder.toLowerCase()) {
    throw new InvalidInputError(
      `--dapi-manager ${forwarder} does not manage Api3ServerV1 ${server} (its manager is ${manager})`,
      {
        metaMessages: [
          "The DAO can only govern dAPI names on a server the pool runs itself, whose manager is a forwarder",
          "you own. API3's market sets the names on its own servers, shared by every dApp: see docs/dapi-governance.md.",
        ],
      },
    );
  }
  if (owner.toLowerCase() !== deployer.toLowerCase()) {
    throw new InvalidInputError(
      `--dapi-manager ${forwarder} is owned by ${owner}, not the deployer ${deployer}`,
    );
  }
  for (const dapi of params.dapis) {
    const id = await client.readContract({
      address: server,
      abi: dapiGovernanceAbi,
      functionName: "dapiNameToDataFeedId",
      args: [stringToHex(dapi.name, { size: 32 })],
    });
    if (id === zeroHash) {
      throw new InvalidInputError(
        `--dapi-manager: dAPI ${dapi.name} is not set on Api3ServerV1 ${server}`,
      );
    }
  }
}

async function run(ctx: BaseContext, input: CommandInput): Promise<CommandOutput> {
  const inputs = parseInputs(ctx, input);
  const chainId = await checkExisting(inputs.rpcUrl, inputs.params);
  await checkDapiManager(
    inputs.rpcUrl,
    inputs.params,
    inputs.from ?? (ctx.signer?.address as Address),
  );
  const outPath = resolve(ctx.io.cwd, inputs.out ?? `deployments/${chainId}.json`);
  if (!inputs.dryRun && existsSync(outPath) && !inputs.force) {
    throw new InvalidInputError(`${relative(ctx.io.cwd, outPath)} exists`, {
      metaMessages: [
        "Pass --force to overwrite it, or --out <file> to record this deployment elsewhere.",
      ],
    });
  }
  const records: TxRecord[] = [];
  const onTransaction = (record: TxRecord) => {
    records.push(record);
    if (!ctx.json) {
      const created = record.contractAddress ? `  -> ${record.contractAddress}` : "";
      ctx.io.stderr(
        `  ${record.label.padEnd(44)} gas ${gasFormat.format(record.gasUsed).padStart(10)}${created}\n`,
      );
    }
  };

  if (inputs.dryRun) {
    const from = inputs.from ?? (ctx.signer?.address as Address);
    if (!ctx.json)
      ctx.io.stderr(`dry run on a local fork of chain ${chainId} (nothing is sent):\n`);
    const fork = await startAnvil({
      chainId,
      ...(inputs.codeSizeLimit ? { codeSizeLimit: inputs.codeSizeLimit } : {}),
      args: ["--fork-url", inputs.rpcUrl, "--auto-impersonate", "--no-storage-caching"],
    });
    try {
      const txCtx = await createTxContext({ rpcUrl: fork.rpcUrl, account: from, onTransaction });
      const contracts = await deploySystem(txCtx, inputs.params);
      const real = createPublicClient({ transport: http(inputs.rpcUrl) });
      const [gasPrice, balance] = await Promise.all([
        real.getGasPrice(),
        real.getBalance({ address: from }),
      ]);
      const totalGas = records.reduce((sum, record) => sum + record.gasUsed, 0n);
      const cost = totalGas * gasPrice;
      const lines = [
        `Plan: ${records.length} transactions from ${from} on chain ${chainId}`,
        ...records.map(
          (record, i) =>
            `  ${String(i + 1).padStart(2)}. ${record.label.padEnd(44)} gas ${gasFormat.format(record.gasUsed).padStart(10)}${record.contractAddress ? `  -> ${record.contractAddress}` : ""}`,
        ),
        `Total gas ${gasFormat.format(totalGas)}; at ${formatEther(gasPrice, "gwei")} gwei: ${formatEther(cost)} ETH (deployer has ${formatEther(balance)} ETH)`,
        ...(balance < cost ? ["Warning: the deployer's balance does not cover this cost."] : []),
        `Would record ${relative(ctx.io.cwd, outPath)}. Nothing was sent.`,
        ...(await notes(inputs.rpcUrl, chainId, inputs.params)),
      ];
      return {
        lines,
        data: {
          dryRun: true,
          chainId,
          deployer: from,
          steps: records.map((record) => ({
            label: record.label,
            gasUsed: record.gasUsed,
            ...(record.contractAddress ? { address: record.contractAddress } : {}),
          })),
          totalGas,
          gasPrice,
          estimatedCost: cost,
          contracts,
        },
      };
    } finally {
      await fork.stop();
    }
  }

  const signer = ctx.signer;
  if (!signer) throw new InvalidInputError("no deployer key");
  if (!ctx.json) ctx.io.stderr(`deploying to chain ${chainId} from ${signer.address}:\n`);
  const local = /^https?:\/\/(127\.0\.0\.1|localhost)/.test(inputs.rpcUrl);
  const txCtx = await createTxContext({
    rpcUrl: inputs.rpcUrl,
    account: signer,
    pollingInterval: local ? 50 : 1_000,
    onTransaction,
  });
  const startBlock = Number(await txCtx.publicClient.getBlockNumber()) + 1;
  const contracts = await deploySystem(txCtx, inputs.params);
  const deployment = toDeployment(
    chainId,
    inputs.rpcUrl,
    startBlock,
    signer.address,
    inputs.params,
    contracts,
  );
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, `${JSON.stringify(deployment, null, 2)}\n`);
  const totalGas = records.reduce((sum, record) => sum + record.gasUsed, 0n);
  return {
    lines: [
      `Deployed Insurance Pool to chain ${chainId} in ${records.length} transactions (${gasFormat.format(totalGas)} gas)`,
      ...Object.entries(deployment.contracts).map(
        ([name, address]) => `  ${`${name}:`.padEnd(20)}${address}`,
      ),
      `Recorded ${relative(ctx.io.cwd, outPath)}; use it with: npx ipool status --deployment ${relative(ctx.io.cwd, outPath)}`,
      "Every power now belongs to the DAO's timelocks; the deployer holds no role.",
      ...(contracts.disputeTemplateId === undefined
        ? []
        : [`Kleros v2 dispute template registered as id ${contracts.disputeTemplateId}.`]),
      ...(await notes(inputs.rpcUrl, chainId, inputs.params)),
    ],
    data: { deployment, path: outPath, totalGas },
  };
}

/** The `deploy` command (registered by packages/cli/src/commands/index.ts when this file exists). */
export const deployCommand: StandaloneCommand = {
  name: "deploy",
  role: "deployment",
  standalone: true,
  summary: "deploy the pool, claims manager and DAO to a chain (existing token, dAPI, arbitrator)",
  description: [
    "Needs --rpc <url> --token <addr> --token-usd-proxy <addr> --arbitrator <addr>.",
    "Deploys StakingPool, ClaimsManager and the DAO's two Governor + Timelock agents on top of an",
    "existing pool token, its USD dAPI proxy (IApi3ReaderProxy) and an ERC-792 arbitrator (Kleros),",
    "configures them through the timelocks and leaves the deployer without any role.",
    "Records the deployment in deployments/<chainId>.json. Prints what works with Kleros on that chain",
    "(Ethereum mainnet: v2 courts only through Kleros' gateway, fees in ETH; Arbitrum One: KlerosCore directly,",
    "but bridged API3 has no mint right) and how to publish the dispute texts on IPFS.",
    "",
    "Examples:",
    "  ipool deploy --rpc $RPC --token 0x0b38... --token-usd-proxy 0x... --arbitrator 0x988b... \\",
    "    --dapis ETH/USD=0x...,BTC/USD=0x... --mediator 0x... --dry-run --from 0xDeployer",
    "  IPOOL_PRIVATE_KEY=0x... ipool deploy --rpc $RPC --token ... --token-usd-proxy ... --arbitrator ...",
    "",
    "--api3-server <addr> (this chain's Api3ServerV1) also deploys the IncidentRegistry, judging the covered dAPIs",
    "for staleness (24 h heartbeat + 1 h grace); deviation references are a later DAO proposal.",
  ].join("\n"),
  options: {
    token: { type: "string", value: "<addr>", description: "the pool token (e.g. API3)" },
    "token-usd-proxy": {
      type: "string",
      value: "<addr>",
      description: "IApi3ReaderProxy of the token's USD price",
    },
    arbitrator: { type: "string", value: "<addr>", description: "ERC-792 arbitrator (Kleros)" },
    "arbitrator-extra-data": {
      type: "string",
      value: "<hex>",
      description: "arbitrator extra data (Kleros: court and jurors), default 0x",
    },
    "meta-evidence": {
      type: "string",
      value: "<uri>",
      description:
        "ERC-1497 meta-evidence URI (default: /ipfs/<CIDv0> of the shipped contracts/dispute/meta-evidence.json; publish it, see the output)",
    },
    "dispute-template-registry": {
      type: "string",
      value: "<addr>",
      description: "Kleros v2 DisputeTemplateRegistry to register the claims template in",
    },
    "arbitrator-v2": {
      type: "string",
      value: "<addr>",
      description:
        "send new disputes to this Kleros v2 IArbitratorV2 instead (setArbitratorV2; needs --dispute-template-registry, --evidence-module, --max-fee)",
    },
    "evidence-module": {
      type: "string",
      value: "<addr>",
      description: "Kleros v2 EvidenceModule (with --arbitrator-v2)",
    },
    "max-fee": {
      type: "string",
      value: "<units>",
      description:
        "most an escalation pays to --arbitrator-v2, in base units of --fee-token (or wei)",
    },
    "fee-token": {
      type: "string",
      value: "<addr>",
      description: "ERC-20 the v2 fee is paid in (default ETH; never the pool token)",
    },
    "arbitrator-v2-extra-data": {
      type: "string",
      value: "<hex>",
      description: "abi.encode(courtID, minJurors, disputeKitID) for --arbitrator-v2, default 0x",
    },
    dapis: {
      type: "string",
      value: "<name=proxy,...>",
      description: "covered dAPIs, e.g. ETH/USD=0x...,BTC/USD=0x...",
    },
    mediator: {
      type: "string",
      value: "<addr>",
      description: "first mediator (the DAO can change it)",
    },
    "policy-agent": { type: "string", value: "<addr>", description: "first policy agent" },
    "api3-server": {
      type: "string",
      value: "<addr>",
      description: "this chain's Api3ServerV1: also deploy the IncidentRegistry (stale incidents)",
    },
    treasury: {
      type: "string",
      value: "<addr>",
      description: "premium treasury (default: the primary timelock)",
    },
    "voting-delay": {
      type: "string",
      value: "<s>",
      description: `default ${DEFAULT_GOVERNANCE.votingDelay}`,
    },
    "voting-period": {
      type: "string",
      value: "<s>",
      description: `default ${DEFAULT_GOVERNANCE.votingPeriod}`,
    },
    "timelock-delay": {
      type: "string",
      value: "<s>",
      description: `default ${DEFAULT_GOVERNANCE.timelockMinDelay}`,
    },
    "dry-run": {
      type: "boolean",
      description: "run it on a local fork, print the plan and gas; send nothing",
    },
    from: { type: "string", value: "<addr>", description: "deployer for --dry-run without a key" },
    out: { type: "string", value: "<file>", description: "default deployments/<chainId>.json" },
    force: { type: "boolean", description: "overwrite an existing deployment record" },
    "dapi-manager": {
      type: "string",
      value: "<addr>",
      description:
        "hand the dAPI names to the DAO: the OwnableCallForwarder you own that manages the price proxy's Api3ServerV1 (only a server whose every name is the pool's own; see docs/dapi-governance.md)",
    },
    "code-size-limit": {
      type: "string",
      value: "<bytes>",
      description: "--dry-run: the chain's contract size limit (default EIP-170's 24,576)",
    },
  },
  run,
};

export default deployCommand;
