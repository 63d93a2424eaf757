import type { Abi } from "viem";
import { erc20Abi, parseAbi } from "viem";
import { allAbis } from "./generated/contracts.ts";

/** One `error` item of an ABI. */
export type AbiError = Extract<Abi[number], { type: "error" }>;

/**
 * Standard errors that may bubble up from contracts outside `contracts/src` (OpenZeppelin's ERC-20
 * errors from the pool token, panics are handled by viem). Declared by their ERC-6093 signatures.
 */
const standardErrors = parseAbi([
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InvalidSender(address sender)",
  "error ERC20InvalidReceiver(address receiver)",
  "error SafeERC20FailedOperation(address token)",
  "error ReentrancyGuardReentrantCall()",
]);

function collectErrors(): AbiError[] {
  const seen = new Set<string>();
  const errors: AbiError[] = [];
  for (const abi of [...allAbis, standardErrors as Abi]) {
    for (const item of abi) {
      if (item.type !== "error") continue;
      const key = `${item.name}(${item.inputs.map((input) => input.type).join(",")})`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(item);
    }
  }
  return errors;
}

/**
 * Every custom error of every contract in `contracts/src` (from the generated ABIs) plus the standard
 * ERC-20 errors, deduplicated by signature: the ABI used to decode any revert of the system.
 */
export const allErrorsAbi: readonly AbiError[] = collectErrors();

/** One `event` item of an ABI. */
export type AbiEvent = Extract<Abi[number], { type: "event" }>;

function collectEvents(): AbiEvent[] {
  const seen = new Set<string>();
  const events: AbiEvent[] = [];
  for (const abi of [...allAbis, erc20Abi as Abi]) {
    for (const item of abi) {
      if (item.type !== "event") continue;
      const key = `${item.name}(${item.inputs.map((input) => `${input.type}${input.indexed ? " indexed" : ""}`).join(",")})`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push(item);
    }
  }
  return events;
}

/**
 * Every event of every contract in `contracts/src` plus ERC-20's, deduplicated by signature: decodes the logs
 * of any transaction of the system (e.g. a simulation's, to show what a call would do).
 */
export const allEventsAbi: readonly AbiEvent[] = collectEvents();
