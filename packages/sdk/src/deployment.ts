import { readFileSync } from "node:fs";
import type { Address, Hex } from "viem";

/**
 * Where a deployment of Insurance Pool lives. Written by the devnet (`.devnet/deployment.json`)
 * and by `ipool deploy` (`deployments/<chainId>.json`); read by the SDK, CLI, indexer and dashboard.
 */
export interface Deployment {
  chainId: number;
  rpcUrl: string;
  /** First block of the deployment, where the indexer starts. */
  startBlock: number;
  contracts: {
    token: Address;
    stakingPool: Address;
    claimsManager?: Address;
    arbitrator?: Address;
    api3ServerV1?: Address;
    /** IApi3ReaderProxy for the pool token's USD price. */
    tokenUsdProxy?: Address;
    primaryGovernor?: Address;
    primaryTimelock?: Address;
    secondaryGovernor?: Address;
    secondaryTimelock?: Address;
    /** API3's access-control registry behind Api3ServerV1 (devnet; on real chains API3's own). */
    accessControlRegistry?: Address;
    /** Api3ServerV1OevExtension, which Api3ReaderProxyV1 reads through. */
    api3ServerV1OevExtension?: Address;
    /** Factory of the Api3ReaderProxyV1 proxies. */
    api3ReaderProxyV1Factory?: Address;
    /**
     * The OwnableCallForwarder that manages `api3ServerV1`, owned by the primary timelock: dAPI names change only by
     * a primary-agent proposal (devnet; `ipool deploy --dapi-manager` on a pool-run server).
     */
    api3ServerV1Manager?: Address;
    /** IncidentRegistry: on-chain proofs of stale and deviating dAPIs (issue #14). */
    incidentRegistry?: Address;
  };
  /**
   * What `contracts.arbitrator` is, when known: our `LocalArbitrator`, Kleros' own
   * `CentralizedArbitratorWithAppeal` (`@kleros/erc-792`; its `appeal()` charges twice the quoted `appealCost`), or
   * another ERC-792 arbitrator (Kleros' court). Absent: ERC-792 without quirks.
   */
  arbitratorKind?: ArbitratorKind;
  /** The dispute texts the claims manager announces (see contracts/dispute). */
  disputeTexts?: { metaEvidenceURI: string; policyURI: string };
  /** Kleros v2 pieces beside the pool (the devnet deploys local stand-ins). */
  klerosV2?: KlerosV2Contracts;
  /** Covered dAPIs (feeds users can buy coverage for). */
  dapis: { name: string; dapiNameHash: Hex; proxy: Address }[];
  /** Devnet only: well-known accounts by role (anvil's mnemonic indices). */
  accounts?: Record<string, { address: Address; index: number }>;
  /** Who deployed it and when (ISO 8601), written by the devnet and `ipool deploy`. */
  deployer?: Address;
  deployedAt?: string;
  /** Devnet only: the local Airnode and the Beacon-backed dAPIs its pusher keeps fresh. */
  devnet?: DevnetFeeds;
}

/** What an ERC-792 arbitrator is, for the quirks clients must know (see {@link Deployment.arbitratorKind}). */
export type ArbitratorKind = "local" | "kleros-centralized" | "erc792";

/** Kleros v2 contracts: an `IArbitratorV2`, the dispute template registry and the evidence module. */
export interface KlerosV2Contracts {
  arbitrator?: Address;
  disputeTemplateRegistry?: Address;
  evidenceModule?: Address;
  /** The claims template's id in the registry (a decimal string). */
  templateId?: string;
  /** An ERC-20 the arbitrator accepts for fees (the devnet's). */
  feeToken?: Address;
  /**
   * Whether the claims manager was set up to send new disputes to `arbitrator` (`setArbitratorV2`; the devnet's
   * `--arbitrator-v2`), and its fee: `eth` or `token` (`feeToken`). The chain is the authority
   * (`arbitratorV2Config`): the DAO can change it later.
   */
  claimsArbitrator?: boolean;
  fee?: "eth" | "token";
}

/** The devnet's local API3 data: an Airnode key (a devnet account) signing one Beacon per dAPI. */
export interface DevnetFeeds {
  airnode: { address: Address; index: number };
  /** Every dAPI served by the local Airnode: the pool token's (e.g. API3/USD) and the covered ones. */
  feeds: {
    name: string;
    /** `bytes32` dAPI name. */
    dapiName: Hex;
    dapiNameHash: Hex;
    templateId: Hex;
    beaconId: Hex;
    proxy: Address;
    /** The value the pusher walks around, 18 decimals, as a decimal string. */
    baseValue: string;
    /** The template the reference Airnodes sign this feed's value for (covered dAPIs only). */
    referenceTemplateId?: Hex;
  }[];
  /**
   * Reference Airnodes (local keys: anvil mnemonic indices) whose signed data the IncidentRegistry takes as the
   * truth a covered dAPI deviates from; `ipool report-incident --deviation` signs with them.
   */
  references?: { address: Address; index: number }[];
}

/** Reads and checks a deployment file. Throws with the path and the missing field when it is malformed. */
export function readDeployment(path: string): Deployment {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Deployment>;
  for (const field of ["chainId", "rpcUrl", "startBlock", "contracts"] as const) {
    if (parsed[field] === undefined) throw new Error(`deployment file ${path} lacks "${field}"`);
  }
  const deployment = parsed as Deployment;
  if (!deployment.contracts.token || !deployment.contracts.stakingPool) {
    throw new Error(`deployment file ${path} lacks contracts.token or contracts.stakingPool`);
  }
  deployment.dapis ??= [];
  return deployment;
}
