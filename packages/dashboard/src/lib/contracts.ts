/**
 * ABIs for the dashboard, taken only from the SDK's generated file (never copied by hand).
 *
 * The contracts evolve; the dashboard looks functions up by name at run time and shows
 * "not available in this deployment" instead of failing when a function is absent. Amount
 * maths stays in bigint; results are narrowed where they are read.
 */
import { type Abi, type AbiFunction, erc20Abi } from "viem";
import * as generated from "../../../sdk/src/generated/contracts.ts";

const all = generated as unknown as Record<string, unknown>;

const generatedAbis = Object.entries(all)
  .filter(([key, value]) => key.endsWith("Abi") && Array.isArray(value))
  .map(([key, value]) => ({ name: key.slice(0, -3), abi: value as Abi }));

const functionCount = (abi: Abi) => abi.filter((item) => item.type === "function").length;

/**
 * The generated ABI that declares all of `functions` with the most functions: the full interface
 * (e.g. IClaimsManager, whose implementation is split in two contracts) or the contract itself.
 * Empty when no contract has them yet.
 */
function abiWith(...functions: string[]): Abi {
  const matches = generatedAbis.filter(({ abi }) => functions.every((fn) => hasFunction(abi, fn)));
  matches.sort((a, b) => functionCount(b.abi) - functionCount(a.abi));
  return matches[0]?.abi ?? [];
}

export const abis = {
  stakingPool: abiWith("totalStake", "scheduleUnstake"),
  claimsManager: abiWith("createClaim"),
  // ERC-792 (LocalArbitrator; Kleros' CentralizedArbitratorWithAppeal shares its selectors), not LocalArbitratorV2,
  // which also has arbitrationCost and appealCost but no disputeStatus.
  arbitrator: abiWith("arbitrationCost", "appealCost", "disputeStatus"),
  // Kleros v2 (IArbitratorV2): arbitrationCost in ETH, or in a fee token; appeals are funded in its dispute kit.
  arbitratorV2: generated.iArbitratorV2Abi as Abi,
  governor: abiWith("castVote", "proposalThreshold"),
  token: erc20Abi as Abi,
} as const;

/** Every custom error declared by any of our contracts, for decoding reverts. */
export const errorsAbi: Abi = (() => {
  const seen = new Set<string>();
  const errors: Abi[number][] = [];
  for (const [key, value] of Object.entries(all)) {
    if (!key.endsWith("Abi") || !Array.isArray(value)) continue;
    for (const item of value as Abi) {
      if (item.type !== "error") continue;
      const signature = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      errors.push(item);
    }
  }
  return errors;
})();

/**
 * Every event of every contract, deduplicated by signature: logs are decoded by topic, so an event
 * that moved between the parts of a split contract (e.g. StakingPool and its extension) still decodes.
 */
export const eventsAbi: Abi = (() => {
  const seen = new Set<string>();
  const events: Abi[number][] = [];
  for (const { abi } of generatedAbis) {
    for (const item of abi) {
      if (item.type !== "event") continue;
      const signature = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      events.push(item);
    }
  }
  return events;
})();

/**
 * The name of parameter `index` of function `functionName`, from any generated ABI that names it
 * (the parts of a split contract may declare it unnamed).
 */
export function parameterName(functionName: string, inputCount: number, index: number): string {
  for (const { abi } of generatedAbis) {
    for (const item of abi) {
      if (item.type !== "function" || item.name !== functionName) continue;
      if (item.inputs.length !== inputCount) continue;
      const name = item.inputs[index]?.name;
      if (name) return name;
    }
  }
  return `argument ${index + 1}`;
}

export function findFunction(abi: Abi, name: string): AbiFunction | undefined {
  return abi.find((item): item is AbiFunction => item.type === "function" && item.name === name);
}

export function hasFunction(abi: Abi, name: string): boolean {
  return findFunction(abi, name) !== undefined;
}
