import type { Address } from "viem";
import { type HDAccount, mnemonicToAccount } from "viem/accounts";

/** anvil's default mnemonic: the devnet's accounts are its well-known dev accounts. */
export const DEVNET_MNEMONIC = "test test test test test test test test test test test junk";

/**
 * The devnet's accounts by role, as indices of anvil's mnemonic (`ipool --account <index|role>`).
 * Index 9 (the Airnode) signs the data (and sends the malfunction command's pushes); index 10 sends the
 * pusher's transactions and index 19 the incident watcher's, so that their nonces never clash with what a person
 * sends from other accounts.
 */
export const DEVNET_ROLES = {
  deployer: 0,
  mediator: 1,
  court: 2,
  policyAgent: 3,
  alice: 4,
  bob: 5,
  carol: 6,
  dave: 7,
  policyholder: 8,
  airnode: 9,
  pusher: 10,
  treasury: 11,
  watcher: 19,
} as const;

export type DevnetRole = keyof typeof DEVNET_ROLES;

/**
 * The devnet's reference Airnodes, as indices of anvil's mnemonic: they only sign (the data the IncidentRegistry
 * judges covered dAPIs against), never send, so they hold no ETH and clash with no account that does.
 */
export const DEVNET_REFERENCE_AIRNODES = [40, 41, 42, 43, 44] as const;

const derived = new Map<number, HDAccount>();

/**
 * The local account at mnemonic index `index`, derived once per process: each derivation runs the mnemonic's
 * PBKDF2 (2,048 rounds of HMAC-SHA512 in JavaScript, 60-150 ms on 2 cores), and `npm start` asked ~55 times.
 */
export function devnetAccountAt(index: number): HDAccount {
  let account = derived.get(index);
  if (!account) {
    account = mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index });
    derived.set(index, account);
  }
  return account;
}

/** The local account of the devnet's reference Airnode at mnemonic index `index`. */
export function devnetReferenceAccount(index: number) {
  return devnetAccountAt(index);
}

/** The local account (private key from the mnemonic) of a devnet role. */
export function devnetAccount(role: DevnetRole) {
  return devnetAccountAt(DEVNET_ROLES[role]);
}

/** Every devnet role with its address and index, as written in the deployment file's `accounts`. */
export function devnetAccounts(): Record<DevnetRole, { address: Address; index: number }> {
  const entries = Object.entries(DEVNET_ROLES).map(([role, index]) => [
    role,
    { address: devnetAccountAt(index).address, index },
  ]);
  return Object.fromEntries(entries) as Record<DevnetRole, { address: Address; index: number }>;
}
