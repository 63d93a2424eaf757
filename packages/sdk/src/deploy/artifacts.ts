import type { Abi, Hex } from "viem";
import * as bytecodes from "../generated/bytecodes.ts";
import * as generated from "../generated/contracts.ts";

/** A compiled contract of ours: ABI and creation bytecode from `src/generated/{contracts,bytecodes}.ts`. */
export interface Artifact {
  name: string;
  abi: Abi;
  bytecode: Hex;
}

/** Thrown when a contract is missing from the generated ABIs (not compiled yet). */
export class ArtifactMissingError extends Error {
  override name = "ArtifactMissingError";
  constructor(readonly contractName: string) {
    super(
      `contract ${contractName} is not in packages/sdk/src/generated/contracts.ts; run \`npm run build\``,
    );
  }
}

/**
 * Contracts that serve more than their own ABI through a fallback (DELEGATECALL to a module): the interface that
 * lists all of it. Their artifacts carry the whole ABI, so clients can call every function at the address.
 */
const SERVED_INTERFACES: Record<string, string[]> = {
  StakingPool: ["IStakingPool"],
  ClaimsManager: ["IClaimsManager", "IClaimsCore", "IClaimsAdmin", "IClaimsParametric"],
};

/**
 * The generated ABI and bytecode of contract `name` (e.g. `StakingPool`). Looked up by name so the deploy
 * code can name every contract of the system, also while one of them does not compile yet. The ABI is everything
 * the deployed contract answers to (for the pool and the claims manager, their own functions and those their
 * fallback serves).
 */
export function artifact(name: string): Artifact {
  const exports = generated as Record<string, unknown>;
  const key = name.charAt(0).toLowerCase() + name.slice(1);
  const abi = exports[`${key}Abi`];
  const bytecode = (bytecodes as Record<string, unknown>)[`${key}Bytecode`];
  if (!Array.isArray(abi) || typeof bytecode !== "string") throw new ArtifactMissingError(name);
  const served = SERVED_INTERFACES[name];
  return { name, abi: served ? fullAbi(name, served) : (abi as Abi), bytecode: bytecode as Hex };
}

/**
 * The ABI a client needs to talk to contract `name`: its own ABI plus the ABIs of `interfaces` (e.g. the
 * ClaimsManager serves IClaimsAdmin from a module through its fallback), without duplicate entries.
 */
export function fullAbi(name: string, interfaces: string[]): Abi {
  const exports = generated as Record<string, unknown>;
  const seen = new Set<string>();
  const merged: Abi[number][] = [];
  for (const source of [name, ...interfaces]) {
    const key = `${source.charAt(0).toLowerCase()}${source.slice(1)}Abi`;
    const abi = exports[key];
    if (!Array.isArray(abi)) {
      if (source === name) throw new ArtifactMissingError(name);
      continue;
    }
    for (const item of abi as Abi) {
      const id = JSON.stringify(item);
      if (seen.has(id)) continue;
      seen.add(id);
      merged.push(item);
    }
  }
  return merged;
}

/** Everything the ClaimsManager answers to (itself, and IClaimsAdmin and IClaimsParametric served by its modules). */
export function claimsManagerAbi(): Abi {
  return fullAbi("ClaimsManager", SERVED_INTERFACES.ClaimsManager ?? []);
}

/** Everything the StakingPool answers to (itself, and IStakingPoolAdmin served by its extension). */
export function stakingPoolFullAbi(): Abi {
  return fullAbi("StakingPool", SERVED_INTERFACES.StakingPool ?? []);
}

/** Whether contract `name` has been compiled into the generated ABIs. */
export function hasArtifact(name: string): boolean {
  try {
    artifact(name);
    return true;
  } catch {
    return false;
  }
}
