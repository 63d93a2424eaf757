/**
 * Deploys the Insurance Pool contracts on top of an existing pool token, a token/USD dAPI proxy and an
 * ERC-792 arbitrator (Kleros on real chains, the LocalArbitrator on the devnet), and hands every power to
 * the DAO.
 *
 * Bootstrap without trusted leftovers: both TimelockControllers start with the deployer as their only
 * proposer/executor/admin and a zero delay; the deployer configures the pool and the claims manager
 * *through* the timelocks (scheduleBatch + executeBatch, as the DAO later will), then each timelock sets its
 * real delay, makes its Governor the only proposer, canceller and executor, and the deployer renounces
 * every role (the wiring of contracts/src/governance/DaoDeployment.sol). Nothing is left to the deployer; the whole set-up is visible on-chain as timelock operations.
 */
import {
  type Abi,
  type Address,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  keccak256,
  parseAbi,
  stringToHex,
  zeroAddress,
  zeroHash,
} from "viem";
import { metaEvidenceURI } from "../dispute/files.ts";
import { InvalidInputError } from "../errors/base.ts";
import { artifact, claimsManagerAbi } from "./artifacts.ts";
import { deployAndWait, sendAndWait, type TxContext } from "./context.ts";
import { registerDisputeTemplate } from "./disputeTemplate.ts";
import {
  deployIncidentRegistry,
  type IncidentDefinition,
  staleOnlyDefinition,
} from "./incidents.ts";

/**
 * The two calls of API3's contracts that the dAPI-manager hand-over needs, declared here so that the published
 * `@insurance-pool/sdk/deploy` does not load `@api3/contracts` (the devnet's artifacts, `api3Artifacts.ts`).
 */
const api3ServerV1Abi = parseAbi(["function manager() view returns (address)"]);
const ownableCallForwarderAbi = parseAbi([
  "function owner() view returns (address)",
  "function transferOwnership(address newOwner)",
]);

/** Governance parameters (seconds; the Governors count time in seconds, ERC-6372 `mode=timestamp`). */
export interface GovernanceParameters {
  votingDelay: number;
  votingPeriod: number;
  /** Minimum delay of both timelocks. */
  timelockMinDelay: number;
  /** Proposal threshold in basis points of the voting supply (default 10 = 0.1%). */
  proposalThresholdBps?: bigint;
}

/** Real-chain defaults (those of contracts/src/governance/DaoDeployment.sol): 1-day delay, 1-week vote, 2-day timelock. */
export const DEFAULT_GOVERNANCE: GovernanceParameters = {
  votingDelay: 24 * 3600,
  votingPeriod: 7 * 24 * 3600,
  timelockMinDelay: 2 * 24 * 3600,
};

/** What {@link deploySystem} deploys on. */
export interface SystemParameters {
  /** The pool token (e.g. API3). */
  token: Address;
  /** IApi3ReaderProxy of the pool token's USD price. */
  tokenUsdProxy: Address;
  /** The heartbeat of that dAPI in seconds (the claims manager's `maxPriceAge` never goes below it). Default 24 h. */
  tokenUsdHeartbeat?: number;
  /** ERC-792 arbitrator (Kleros). */
  arbitrator: Address;
  /** `arbitratorExtraData` for the arbitrator (Kleros: court id and number of jurors). Default `0x`. */
  arbitratorExtraData?: Hex;
  /**
   * ERC-1497 meta-evidence URI describing the claim disputes. Default: `/ipfs/<CIDv0>` of the shipped
   * contracts/dispute/meta-evidence.json ({@link metaEvidenceURI}), which the operator publishes.
   */
  metaEvidenceURI?: string;
  /**
   * A Kleros v2 `DisputeTemplateRegistry` to register the claims template in (Kleros' own on Arbitrum One; the devnet
   * deploys its own). The id it assigns is returned as `disputeTemplateId`.
   */
  disputeTemplateRegistry?: Address;
  /**
   * A Kleros v2 arbitrator to take new disputes instead of `arbitrator`: set through the primary timelock during the
   * set-up (`setArbitratorV2`) with the claims template registered in `disputeTemplateRegistry` (required with it).
   */
  arbitratorV2?: ArbitratorV2Parameters;
  /**
   * Covered dAPIs: name (e.g. `ETH/USD`), their chain id (default: this chain), cap share (1e18 = 100%), and how they
   * are judged: heartbeat and grace in seconds (default for a dAPI of this chain: {@link DEFAULT_DAPI_HEARTBEAT} and
   * {@link DEFAULT_DAPI_GRACE}; a dAPI of another chain cannot be judged here: heartbeat 0).
   */
  dapis: {
    name: string;
    chainId?: number;
    capShare?: bigint;
    heartbeat?: number;
    grace?: number;
    proxy?: Address;
  }[];
  /** Mediator appointed from the start (optional; the DAO can appoint one later). */
  mediator?: Address;
  /** Policy agent appointed from the start (optional). */
  policyAgent?: Address;
  /** Treasury receiving its share of premiums (default: the primary timelock). */
  treasury?: Address;
  /**
   * Hand the dAPI names of a pool-run Api3ServerV1 to the DAO: the OwnableCallForwarder that is that server's manager,
   * owned by the deployer. The deployer transfers it to the primary timelock, so that what a covered dAPI name points
   * to changes only by a primary-agent proposal (`forwardCall(api3ServerV1, setDapiName(...))`). The server must be
   * the one the claims manager reads (the price proxy's). Only for a server whose every name is the pool's own: its
   * manager decides every name on it (see docs/dapi-governance.md).
   */
  dapiManager?: Address;
  governance?: GovernanceParameters;
  /**
   * This chain's Api3ServerV1: when given, an IncidentRegistry is deployed on it (issue #14) with an incident
   * definition for every covered dAPI of this chain (by default staleness only, at the dAPI's heartbeat and grace),
   * the mediator above, and the primary timelock as its governance.
   */
  api3ServerV1?: Address;
  /** Incident definitions by dAPI name (e.g. with deviation references) and the bounty, for the registry. */
  incidents?: {
    definitions?: Record<string, IncidentDefinition>;
    bounty?: { amount: bigint; minReportInterval: bigint };
  };
}

/** A Kleros v2 arbitrator for the claims manager (see `IClaimsAdmin.setArbitratorV2`). */
export interface ArbitratorV2Parameters {
  /** The `IArbitratorV2` (KlerosCore on Arbitrum One; LocalArbitratorV2 on the devnet). */
  arbitrator: Address;
  /** `abi.encode(courtID, minJurors, disputeKitID)`; default `0x` (Kleros' General court, 3 jurors, classic kit). */
  extraData?: Hex;
  /** The ERC-20 fees are paid in (never the pool token); default ETH. */
  feeToken?: Address;
  /** The most an escalation pays, in the fee token's base units (or wei), at least 1. */
  maxFee: bigint;
  /** Kleros' `EvidenceModule` (the claims' evidence goes there, keyed by claim id). */
  evidenceModule: Address;
}

/** Addresses deployed by {@link deploySystem}. */
export interface SystemContracts {
  stakingPool: Address;
  claimsManager: Address;
  primaryGovernor: Address;
  primaryTimelock: Address;
  secondaryGovernor: Address;
  secondaryTimelock: Address;
  /** The claims template's id in `disputeTemplateRegistry`, when one was given. */
  disputeTemplateId?: bigint;
  /** The forwarder managing the Api3ServerV1, now owned by the primary timelock (when `dapiManager` was given). */
  dapiManager?: Address;
  /** The IncidentRegistry, when `api3ServerV1` was given. */
  incidentRegistry?: Address;
}

/** One call a timelock makes on itself or another contract during the bootstrap. */
interface Call {
  target: Address;
  data: Hex;
}

function call(target: Address, abi: Abi, functionName: string, args: readonly unknown[]): Call {
  return { target, data: encodeFunctionData({ abi, functionName, args }) };
}

/** Default cap of a covered dAPI: at most 50% of the capacity. */
export const DEFAULT_DAPI_CAP_SHARE = 5n * 10n ** 17n;

/** Default heartbeat of a covered dAPI of this chain (API3's usual one): 24 hours. */
export const DEFAULT_DAPI_HEARTBEAT = 24 * 3600;

/** Default grace beyond the heartbeat before a covered dAPI counts as stale: 1 hour. */
export const DEFAULT_DAPI_GRACE = 3600;

/** The `bytes32` dAPI name (API3 encoding) of a human name. */
export function dapiNameOf(name: string): Hex {
  return stringToHex(name, { size: 32 });
}

/** Runs `calls` through `timelock` as one operation (the deployer is, for now, proposer and executor). */
async function throughTimelock(ctx: TxContext, timelock: Address, label: string, calls: Call[]) {
  if (calls.length === 0) return;
  const timelockAbi = artifact("PoolTimelock").abi;
  const args = [
    calls.map((c) => c.target),
    calls.map(() => 0n),
    calls.map((c) => c.data),
    zeroHash,
    keccak256(stringToHex(label)),
  ] as const;
  await sendAndWait(ctx, `${label}: schedule`, {
    to: timelock,
    data: encodeFunctionData({
      abi: timelockAbi,
      functionName: "scheduleBatch",
      args: [...args, 0n],
    }),
  });
  await sendAndWait(ctx, `${label}: execute`, {
    to: timelock,
    data: encodeFunctionData({ abi: timelockAbi, functionName: "executeBatch", args }),
  });
}

/**
 * Deploys StakingPool, the two Governor + Timelock agents and the ClaimsManager, configures them through the
 * timelocks and leaves the deployer with no power. Works on any EVM chain.
 */
export async function deploySystem(
  ctx: TxContext,
  params: SystemParameters,
): Promise<SystemContracts> {
  if (params.arbitratorV2 && !params.disputeTemplateRegistry) {
    throw new InvalidInputError(
      "a Kleros v2 arbitrator needs a dispute template registry (the claims template's id)",
    );
  }
  const deployer = ctx.walletClient.account.address;
  const chainId = await ctx.publicClient.getChainId();
  const firstBlock = await ctx.publicClient.getBlockNumber();
  const governance = params.governance ?? DEFAULT_GOVERNANCE;
  const timelock = artifact("PoolTimelock");
  const pool = artifact("StakingPool");
  const governor = artifact("PoolGovernor");
  const claims = artifact("ClaimsManager");

  const deployTimelock = (label: string) =>
    deployAndWait(
      ctx,
      label,
      encodeDeployData({
        abi: timelock.abi,
        bytecode: timelock.bytecode,
        args: [0n, [deployer], [deployer], deployer],
      }),
    );
  const primaryTimelock = await deployTimelock("primary Timelock");
  const secondaryTimelock = await deployTimelock("secondary Timelock");

  const stakingPool = await deployAndWait(
    ctx,
    "StakingPool",
    encodeDeployData({
      abi: pool.abi,
      bytecode: pool.bytecode,
      args: [params.token, primaryTimelock, secondaryTimelock],
    }),
  );

  const deployGovernor = (label: string, name: string, agent: Address, quorumPercent: bigint) =>
    deployAndWait(
      ctx,
      label,
      encodeDeployData({
        abi: governor.abi,
        bytecode: governor.bytecode,
        args: [
          stakingPool,
          agent,
          {
            name,
            votingDelay: governance.votingDelay,
            votingPeriod: governance.votingPeriod,
            quorumPercent,
            proposalThresholdBps: governance.proposalThresholdBps ?? 10n,
          },
        ],
      }),
    );
  const primaryGovernor = await deployGovernor(
    "primary Governor",
    "Insurance Pool Primary Agent",
    primaryTimelock,
    50n,
  );
  const secondaryGovernor = await deployGovernor(
    "secondary Governor",
    "Insurance Pool Secondary Agent",
    secondaryTimelock,
    15n,
  );

  // The registry first: the claims manager reads it (no coverage on a dAPI with an open incident, parametric
  // policies) and keeps it for life.
  const incidentRegistry = params.api3ServerV1
    ? await deployIncidentRegistry(ctx, {
        api3ServerV1: params.api3ServerV1,
        token: params.token,
        primaryAgent: primaryTimelock,
        ...(params.mediator ? { mediator: params.mediator } : {}),
        definitions: params.dapis
          .filter((dapi) => (dapi.chainId ?? chainId) === chainId)
          .map((dapi) => ({
            dapiName: dapiNameOf(dapi.name),
            definition:
              params.incidents?.definitions?.[dapi.name] ??
              staleOnlyDefinition(
                dapi.heartbeat ?? DEFAULT_DAPI_HEARTBEAT,
                dapi.grace ?? DEFAULT_DAPI_GRACE,
              ),
          })),
        ...(params.incidents?.bounty ? { bounty: params.incidents.bounty } : {}),
      })
    : undefined;

  const tokenUsdHeartbeat = BigInt(params.tokenUsdHeartbeat ?? DEFAULT_DAPI_HEARTBEAT);
  const parametricModule = artifact("ClaimsParametric");
  const claimsParametric = await deployAndWait(
    ctx,
    "ClaimsParametric (the claims manager's parametric module)",
    encodeDeployData({
      abi: parametricModule.abi,
      bytecode: parametricModule.bytecode,
      args: [
        stakingPool,
        params.tokenUsdProxy,
        tokenUsdHeartbeat,
        primaryTimelock,
        secondaryTimelock,
        incidentRegistry ?? zeroAddress,
      ],
    }),
  );
  const claimsManager = await deployAndWait(
    ctx,
    "ClaimsManager",
    encodeDeployData({
      abi: claims.abi,
      bytecode: claims.bytecode,
      args: [
        stakingPool,
        params.tokenUsdProxy,
        tokenUsdHeartbeat,
        primaryTimelock,
        secondaryTimelock,
        params.mediator ?? zeroAddress,
        params.arbitrator,
        params.arbitratorExtraData ?? "0x",
        params.metaEvidenceURI ?? metaEvidenceURI(),
        params.dapis.map((dapi) => {
          const here = (dapi.chainId ?? chainId) === chainId;
          return {
            name: dapiNameOf(dapi.name),
            chainId: BigInt(dapi.chainId ?? chainId),
            capShare: dapi.capShare ?? DEFAULT_DAPI_CAP_SHARE,
            heartbeat: BigInt(dapi.heartbeat ?? (here ? DEFAULT_DAPI_HEARTBEAT : 0)),
            grace: BigInt(dapi.grace ?? (here ? DEFAULT_DAPI_GRACE : 0)),
          };
        }),
        claimsParametric,
      ],
    }),
  );

  const disputeTemplateId = params.disputeTemplateRegistry
    ? await registerDisputeTemplate(ctx, {
        registry: params.disputeTemplateRegistry,
        fromBlock: firstBlock,
      })
    : undefined;

  // Configuration, through the primary timelock, as the DAO would do it.
  const primaryCalls: Call[] = [
    call(stakingPool, pool.abi, "setClaimsManager", [claimsManager, true]),
  ];
  if (params.arbitratorV2 && disputeTemplateId !== undefined) {
    const v2 = params.arbitratorV2;
    primaryCalls.push(
      call(claimsManager, claimsManagerAbi(), "setArbitratorV2", [
        v2.arbitrator,
        v2.extraData ?? "0x",
        v2.feeToken ?? zeroAddress,
        v2.maxFee,
        disputeTemplateId,
        v2.evidenceModule,
      ]),
    );
  }
  if (params.policyAgent) {
    primaryCalls.push(
      call(claimsManager, claimsManagerAbi(), "setPolicyAgent", [params.policyAgent, true]),
    );
  }
  if (params.treasury) {
    primaryCalls.push(call(claimsManager, claimsManagerAbi(), "setTreasury", [params.treasury]));
  }
  const secondaryCalls: Call[] = [];

  // Hand-over, in the same timelock operation: the timelock (its own admin) sets its delay, makes the
  // Governor its only proposer, canceller and executor, and strips the deployer of every role.
  for (const [agent, gov, calls, label] of [
    [primaryTimelock, primaryGovernor, primaryCalls, "primary agent set-up"],
    [secondaryTimelock, secondaryGovernor, secondaryCalls, "secondary agent set-up"],
  ] as const) {
    const roles = await timelockRoles(ctx, agent);
    await throughTimelock(ctx, agent, label, [
      ...calls,
      call(agent, timelock.abi, "updateDelay", [BigInt(governance.timelockMinDelay)]),
      call(agent, timelock.abi, "grantRole", [roles.proposer, gov]),
      call(agent, timelock.abi, "grantRole", [roles.canceller, gov]),
      call(agent, timelock.abi, "grantRole", [roles.executor, gov]),
      call(agent, timelock.abi, "revokeRole", [roles.proposer, deployer]),
      call(agent, timelock.abi, "revokeRole", [roles.canceller, deployer]),
      call(agent, timelock.abi, "revokeRole", [roles.executor, deployer]),
      call(agent, timelock.abi, "revokeRole", [roles.admin, deployer]),
    ]);
    for (const role of Object.values(roles)) {
      const kept = await ctx.publicClient.readContract({
        address: agent,
        abi: timelock.abi,
        functionName: "hasRole",
        args: [role, deployer],
      });
      if (kept) throw new Error(`${label}: the deployer still holds role ${role}`);
    }
  }

  if (params.dapiManager) {
    await handOverDapiManager(ctx, params.dapiManager, claimsManager, primaryTimelock);
  }
  return {
    stakingPool,
    claimsManager,
    primaryGovernor,
    primaryTimelock,
    secondaryGovernor,
    secondaryTimelock,
    ...(disputeTemplateId === undefined ? {} : { disputeTemplateId }),
    ...(params.dapiManager ? { dapiManager: params.dapiManager } : {}),
    ...(incidentRegistry ? { incidentRegistry } : {}),
  };
}

/**
 * Gives the DAO's primary agent what decides every dAPI name on the claims manager's Api3ServerV1: the deployer
 * transfers the server's manager (an OwnableCallForwarder it owns) to the primary timelock, after checking that it
 * manages that server, and checks the result.
 */
async function handOverDapiManager(
  ctx: TxContext,
  forwarder: Address,
  claimsManager: Address,
  primaryTimelock: Address,
): Promise<void> {
  const server = (await ctx.publicClient.readContract({
    address: claimsManager,
    abi: claimsManagerAbi(),
    functionName: "api3ServerV1",
  })) as Address;
  if (server === zeroAddress) {
    throw new Error(
      "dAPI names: the price proxy is no Api3ReaderProxyV1, so no Api3ServerV1 to govern",
    );
  }
  const manager = await ctx.publicClient.readContract({
    address: server,
    abi: api3ServerV1Abi,
    functionName: "manager",
  });
  if (manager.toLowerCase() !== forwarder.toLowerCase()) {
    throw new Error(
      `dAPI names: ${forwarder} is not the manager of Api3ServerV1 ${server} (${manager} is)`,
    );
  }
  await sendAndWait(ctx, "dAPI names: forwarder to the primary agent", {
    to: forwarder,
    data: encodeFunctionData({
      abi: ownableCallForwarderAbi,
      functionName: "transferOwnership",
      args: [primaryTimelock],
    }),
  });
  const owner = await ctx.publicClient.readContract({
    address: forwarder,
    abi: ownableCallForwarderAbi,
    functionName: "owner",
  });
  if (owner.toLowerCase() !== primaryTimelock.toLowerCase()) {
    throw new Error(`dAPI names: the forwarder is owned by ${owner}, not the primary timelock`);
  }
}

async function timelockRoles(ctx: TxContext, timelock: Address) {
  const abi = artifact("PoolTimelock").abi;
  const role = async (functionName: string) =>
    (await ctx.publicClient.readContract({ address: timelock, abi, functionName })) as Hex;
  const [proposer, executor, canceller, admin] = await Promise.all([
    role("PROPOSER_ROLE"),
    role("EXECUTOR_ROLE"),
    role("CANCELLER_ROLE"),
    role("DEFAULT_ADMIN_ROLE"),
  ]);
  return { proposer, executor, canceller, admin };
}
