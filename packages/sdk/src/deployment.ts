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
  };
  /** Covered dAPIs (feeds users can buy coverage for). */
  dapis: { name: string; dapiNameHash: Hex; proxy: Address }[];
  /** Devnet only: well-known accounts by role (anvil's mnemonic indices). */
  accounts?: Record<string, { address: Address; index: number }>;
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
