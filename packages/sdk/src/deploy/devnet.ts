/**
 * The devnet's deployment: everything of {@link deploySystem}, on top of a TestToken, the real API3 dAPI
 * stack (Api3ServerV1 with Beacons signed by a local Airnode key, read through Api3ReaderProxyV1) and an
 * ERC-792 arbitrator ruled by the devnet's court account: our LocalArbitrator, or Kleros' own
 * CentralizedArbitratorWithAppeal (`arbitrator: "kleros"`). Beside them, Kleros v2 stand-ins: LocalArbitratorV2
 * (fees in ETH or in a devnet WETH), LocalDisputeTemplateRegistry (the claims template registered in it) and
 * LocalEvidenceModule.
 */
import {
  type Address,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  keccak256,
  parseEther,
  stringToHex,
  zeroAddress,
} from "viem";
import type { ArbitratorKind, Deployment } from "../deployment.ts";
import { claimsPolicy, metaEvidenceURI } from "../dispute/files.ts";
import { deployApi3, setUpLocalDapi } from "./api3.ts";
import { artifact } from "./artifacts.ts";
import { createTxContext, deployAndWait, sendAndWait, type TxContext } from "./context.ts";
import {
  DEVNET_REFERENCE_AIRNODES,
  DEVNET_ROLES,
  devnetAccount,
  devnetAccounts,
  devnetReferenceAccount,
} from "./devnetAccounts.ts";
import type { IncidentDefinition } from "./incidents.ts";
import {
  DEFAULT_DAPI_GRACE,
  DEFAULT_DAPI_HEARTBEAT,
  deploySystem,
  type GovernanceParameters,
} from "./system.ts";

/** Devnet governance: a 1-minute voting delay, the shortest vote (1 day) and a 5-minute timelock. */
export const DEVNET_GOVERNANCE: GovernanceParameters = {
  votingDelay: 60,
  votingPeriod: 24 * 3600,
  timelockMinDelay: 300,
};

/** The devnet's feeds: the pool token's price and the covered dAPIs, with their starting values. */
export const DEVNET_FEEDS = [
  { name: "API3/USD", value: parseEther("1.25"), covered: false },
  { name: "ETH/USD", value: parseEther("3000"), covered: true },
  { name: "BTC/USD", value: parseEther("95000"), covered: true },
] as const;

/** The template the devnet's reference Airnodes sign a feed's value for. */
export function referenceTemplateIdOf(feedName: string): Hex {
  return keccak256(stringToHex(`devnet reference template ${feedName}`));
}

/**
 * The devnet's incident definition of a covered dAPI: stale past the claims manager's heartbeat and grace (24 h +
 * 1 h); deviating by more than 8% (the pusher's live walk stays within 5% of its base value) from the median of 3
 * of the 5 reference Airnodes, confirmed by a second report a minute later, voidable by the mediator for an hour.
 */
export function devnetIncidentDefinition(feedName: string): IncidentDefinition {
  const templateId = referenceTemplateIdOf(feedName);
  return {
    heartbeat: BigInt(DEFAULT_DAPI_HEARTBEAT),
    grace: BigInt(DEFAULT_DAPI_GRACE),
    deviationThresholdBps: 800n,
    confirmationGap: 60n,
    challengeWindow: 3_600n,
    deviationOpenPeriod: 3_600n,
    quorum: 3n,
    references: DEVNET_REFERENCE_AIRNODES.map((index) => ({
      airnode: devnetReferenceAccount(index).address,
      templateId,
    })),
    sequencerUptimeFeed: zeroAddress,
    sequencerGrace: 0n,
  };
}

/** The devnet's incident bounty: 1 token per accepted report, at most one per incident a minute; 1,000 funded. */
export const DEVNET_INCIDENT_BOUNTY = {
  amount: parseEther("1"),
  minReportInterval: 60n,
  funds: parseEther("1000"),
} as const;

/** Options of {@link deployDevnet}. */
export interface DeployDevnetOptions {
  /** The RPC URL written into the deployment file (default: the context's). */
  rpcUrl?: string;
  governance?: GovernanceParameters;
  /** LocalArbitrator fees, in wei. */
  arbitrationCost?: bigint;
  appealCost?: bigint;
  /** Seconds each LocalArbitrator ruling stays appealable (default 600). */
  appealPeriod?: number;
  /**
   * The ERC-792 arbitrator: `local` (LocalArbitrator, default) or `kleros` (Kleros' CentralizedArbitratorWithAppeal
   * from `@kleros/erc-792`, owned by the court account; its appeal window is a fixed 3 minutes).
   */
  arbitrator?: DevnetArbitrator;
  /**
   * Send new disputes to the Kleros v2 stand-in instead (LocalArbitratorV2, set with `setArbitratorV2` during the
   * set-up, maximum fee 10x its ETH fee): fees in `eth`, or in the devnet's `token` (WETH). Default: the ERC-792 one.
   */
  arbitratorV2?: DevnetArbitratorV2Fee;
}

/** The fee of the devnet's Kleros v2 arbitrator: ETH or its WETH. */
export type DevnetArbitratorV2Fee = "eth" | "token";

/** The devnet's ERC-792 arbitrator choices. */
export type DevnetArbitrator = "local" | "kleros";

/** The devnet's fee token rate on LocalArbitratorV2: 1 WETH per ETH of fees (rateInEth 1, 0 decimals). */
const WETH_RATE = { rateInEth: 1n, rateDecimals: 0 } as const;

async function deployArbitrator(
  ctx: TxContext,
  kind: DevnetArbitrator,
  court: Address,
  options: DeployDevnetOptions,
): Promise<{ address: Address; kind: ArbitratorKind }> {
  const fee = options.arbitrationCost ?? parseEther("0.1");
  if (kind === "kleros") {
    // Kleros' contract makes its deployer the owner (the only account that rules), so the court deploys it. Its
    // fee setter has no access control; the court sets the devnet's fee right away.
    const rpcUrl = ctx.publicClient.transport.url ?? "";
    const courtCtx = await createTxContext({
      rpcUrl,
      account: court,
      onTransaction: ctx.onTransaction,
    });
    const kleros = artifact("CentralizedArbitratorWithAppeal");
    const address = await deployAndWait(
      courtCtx,
      "CentralizedArbitratorWithAppeal (Kleros)",
      encodeDeployData({ abi: kleros.abi, bytecode: kleros.bytecode }),
    );
    await sendAndWait(courtCtx, "CentralizedArbitratorWithAppeal: arbitration cost", {
      to: address,
      data: encodeFunctionData({
        abi: kleros.abi,
        functionName: "setArbitrationCost",
        args: [fee],
      }),
    });
    return { address, kind: "kleros-centralized" };
  }
  const localArbitrator = artifact("LocalArbitrator");
  const address = await deployAndWait(
    ctx,
    "LocalArbitrator",
    encodeDeployData({
      abi: localArbitrator.abi,
      bytecode: localArbitrator.bytecode,
      args: [
        court,
        fee,
        options.appealCost ?? parseEther("0.2"),
        BigInt(options.appealPeriod ?? 600),
      ],
    }),
  );
  return { address, kind: "local" };
}

/** LocalArbitratorV2 (accepting a devnet WETH), the template registry and the evidence module. */
async function deployKlerosV2(ctx: TxContext, court: Address, options: DeployDevnetOptions) {
  const testToken = artifact("TestToken");
  const feeToken = await deployAndWait(
    ctx,
    "TestToken (WETH, v2 fee token)",
    encodeDeployData({
      abi: testToken.abi,
      bytecode: testToken.bytecode,
      args: ["Wrapped Ether (devnet)", "WETH", ctx.walletClient.account.address],
    }),
  );
  // The deployer is the WETH faucet too; the policyholder gets 10 WETH for v2 fees paid in it.
  await sendAndWait(ctx, "TestToken (WETH): deployer is the faucet", {
    to: feeToken,
    data: encodeFunctionData({
      abi: testToken.abi,
      functionName: "setMinter",
      args: [ctx.walletClient.account.address, true],
    }),
  });
  await sendAndWait(ctx, "TestToken (WETH): 10 WETH to the policyholder", {
    to: feeToken,
    data: encodeFunctionData({
      abi: testToken.abi,
      functionName: "mint",
      args: [devnetAccounts().policyholder.address, parseEther("10")],
    }),
  });
  const v2 = artifact("LocalArbitratorV2");
  const arbitrator = await deployAndWait(
    ctx,
    "LocalArbitratorV2",
    encodeDeployData({
      abi: v2.abi,
      bytecode: v2.bytecode,
      args: [
        court,
        options.arbitrationCost ?? parseEther("0.1"),
        options.appealCost ?? parseEther("0.2"),
        BigInt(options.appealPeriod ?? 600),
      ],
    }),
  );
  const rpcUrl = ctx.publicClient.transport.url ?? "";
  const courtCtx = await createTxContext({
    rpcUrl,
    account: court,
    onTransaction: ctx.onTransaction,
  });
  await sendAndWait(courtCtx, "LocalArbitratorV2: accept WETH", {
    to: arbitrator,
    data: encodeFunctionData({
      abi: v2.abi,
      functionName: "changeAcceptedFeeTokens",
      args: [feeToken, true],
    }),
  });
  await sendAndWait(courtCtx, "LocalArbitratorV2: WETH rate", {
    to: arbitrator,
    data: encodeFunctionData({
      abi: v2.abi,
      functionName: "changeCurrencyRates",
      args: [feeToken, WETH_RATE.rateInEth, WETH_RATE.rateDecimals],
    }),
  });
  const deployPlain = (name: string) =>
    deployAndWait(
      ctx,
      name,
      encodeDeployData({ abi: artifact(name).abi, bytecode: artifact(name).bytecode }),
    );
  const disputeTemplateRegistry = await deployPlain("LocalDisputeTemplateRegistry");
  const evidenceModule = await deployPlain("LocalEvidenceModule");
  return { arbitrator, feeToken, disputeTemplateRegistry, evidenceModule };
}

/** Deploys the whole devnet system with `ctx` (anvil's account 0) and returns its {@link Deployment}. */
export async function deployDevnet(
  ctx: TxContext,
  options: DeployDevnetOptions = {},
): Promise<Deployment> {
  const deployer = ctx.walletClient.account.address;
  const accounts = devnetAccounts();
  const startBlock = Number(await ctx.publicClient.getBlockNumber()) + 1;
  const chainId = await ctx.publicClient.getChainId();

  const testToken = artifact("TestToken");
  const token = await deployAndWait(
    ctx,
    "TestToken",
    encodeDeployData({
      abi: testToken.abi,
      bytecode: testToken.bytecode,
      args: ["API3 (devnet)", "API3", deployer],
    }),
  );

  // Api3ServerV1's manager is a forwarder the deployer owns only until deploySystem hands it to the primary agent.
  const api3 = await deployApi3(ctx, deployer, { forwarder: true });
  const airnode = devnetAccount("airnode");
  const feeds = [];
  for (const feed of DEVNET_FEEDS) {
    feeds.push({
      ...(await setUpLocalDapi(ctx, api3, airnode, feed.name, feed.value)),
      covered: feed.covered,
      baseValue: feed.value,
    });
  }
  const tokenFeed = feeds.find((feed) => !feed.covered);
  if (!tokenFeed) throw new Error("no token feed");

  const { address: arbitrator, kind: arbitratorKind } = await deployArbitrator(
    ctx,
    options.arbitrator ?? "local",
    accounts.court.address,
    options,
  );
  const klerosV2 = await deployKlerosV2(ctx, accounts.court.address, options);

  const system = await deploySystem(ctx, {
    token,
    tokenUsdProxy: tokenFeed.proxy,
    arbitrator,
    metaEvidenceURI: metaEvidenceURI(),
    disputeTemplateRegistry: klerosV2.disputeTemplateRegistry,
    ...(options.arbitratorV2
      ? {
          arbitratorV2: {
            arbitrator: klerosV2.arbitrator,
            ...(options.arbitratorV2 === "token" ? { feeToken: klerosV2.feeToken } : {}),
            // WETH_RATE is 1:1, so the same bound holds in ETH and in WETH.
            maxFee: 10n * (options.arbitrationCost ?? parseEther("0.1")),
            evidenceModule: klerosV2.evidenceModule,
          },
        }
      : {}),
    dapis: feeds
      .filter((feed) => feed.covered)
      .map((feed) => ({ name: feed.name, proxy: feed.proxy })),
    mediator: accounts.mediator.address,
    policyAgent: accounts.policyAgent.address,
    treasury: accounts.treasury.address,
    governance: options.governance ?? DEVNET_GOVERNANCE,
    dapiManager: api3.managerForwarder,
    api3ServerV1: api3.api3ServerV1,
    incidents: {
      definitions: Object.fromEntries(
        DEVNET_FEEDS.filter((feed) => feed.covered).map((feed) => [
          feed.name,
          devnetIncidentDefinition(feed.name),
        ]),
      ),
      bounty: {
        amount: DEVNET_INCIDENT_BOUNTY.amount,
        minReportInterval: DEVNET_INCIDENT_BOUNTY.minReportInterval,
      },
    },
  });

  // The pool mints staking rewards, the deployer is the devnet's faucet: both get the minter role.
  for (const [label, minter] of [
    ["TestToken: pool may mint rewards", system.stakingPool],
    ["TestToken: deployer is the faucet", deployer],
  ] as const) {
    await sendAndWait(ctx, label, {
      to: token,
      data: encodeFunctionData({
        abi: testToken.abi,
        functionName: "setMinter",
        args: [minter, true],
      }),
    });
  }

  // The deployer (the faucet) funds the incident bounties.
  const incidentRegistry = system.incidentRegistry;
  if (!incidentRegistry) throw new Error("no IncidentRegistry deployed");
  const funds = DEVNET_INCIDENT_BOUNTY.funds;
  const registryAbi = artifact("IncidentRegistry").abi;
  for (const [label, to, abi, functionName, args] of [
    ["TestToken: mint bounty funds", token, testToken.abi, "mint", [deployer, funds]],
    ["TestToken: approve bounty funds", token, testToken.abi, "approve", [incidentRegistry, funds]],
    ["IncidentRegistry: fund bounties", incidentRegistry, registryAbi, "fundBounties", [funds]],
  ] as const) {
    await sendAndWait(ctx, label, {
      to,
      data: encodeFunctionData({ abi, functionName, args }),
    });
  }

  return {
    chainId,
    rpcUrl: options.rpcUrl ?? ctx.publicClient.transport.url ?? "",
    startBlock,
    contracts: {
      token,
      stakingPool: system.stakingPool,
      claimsManager: system.claimsManager,
      arbitrator,
      api3ServerV1: api3.api3ServerV1,
      tokenUsdProxy: tokenFeed.proxy,
      primaryGovernor: system.primaryGovernor,
      primaryTimelock: system.primaryTimelock,
      secondaryGovernor: system.secondaryGovernor,
      secondaryTimelock: system.secondaryTimelock,
      accessControlRegistry: api3.accessControlRegistry,
      api3ServerV1OevExtension: api3.api3ServerV1OevExtension,
      api3ReaderProxyV1Factory: api3.api3ReaderProxyV1Factory,
      ...(system.dapiManager ? { api3ServerV1Manager: system.dapiManager } : {}),
      incidentRegistry,
    },
    arbitratorKind,
    disputeTexts: { metaEvidenceURI: metaEvidenceURI(), policyURI: claimsPolicy().ipfsPath },
    klerosV2: {
      ...klerosV2,
      ...(options.arbitratorV2 ? { claimsArbitrator: true, fee: options.arbitratorV2 } : {}),
      ...(system.disputeTemplateId === undefined
        ? {}
        : { templateId: system.disputeTemplateId.toString() }),
    },
    dapis: feeds
      .filter((feed) => feed.covered)
      .map((feed) => ({ name: feed.name, dapiNameHash: feed.dapiNameHash, proxy: feed.proxy })),
    accounts,
    deployer,
    deployedAt: new Date().toISOString(),
    devnet: {
      airnode: { address: airnode.address, index: DEVNET_ROLES.airnode },
      feeds: feeds.map((feed) => ({
        name: feed.name,
        dapiName: feed.dapiName,
        dapiNameHash: feed.dapiNameHash,
        templateId: feed.templateId,
        beaconId: feed.beaconId,
        proxy: feed.proxy,
        baseValue: feed.baseValue.toString(),
        ...(feed.covered ? { referenceTemplateId: referenceTemplateIdOf(feed.name) } : {}),
      })),
      references: DEVNET_REFERENCE_AIRNODES.map((index) => ({
        address: devnetReferenceAccount(index).address,
        index,
      })),
    },
  };
}
