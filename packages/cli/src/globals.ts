import type { OptionSpec } from "./command.ts";

/** Options every command accepts, before or after the command name. */
export const globalOptions: Record<string, OptionSpec> = {
  rpc: {
    type: "string",
    value: "<url>",
    description: "JSON-RPC endpoint (default: the deployment's rpcUrl)",
  },
  deployment: {
    type: "string",
    value: "<file>",
    description: "deployment file (default: $IPOOL_DEPLOYMENT or .devnet/deployment.json)",
  },
  account: {
    type: "string",
    short: "a",
    value: "<index|role>",
    description:
      "devnet account by index (anvil's mnemonic) or role name from the deployment; otherwise --keystore, --private-key-file or $IPOOL_PRIVATE_KEY",
  },
  json: {
    type: "boolean",
    description: "machine-readable output on stdout, no progress on stderr",
  },
};

/** Key options, global too: where the signing key comes from (see `signer.ts`). */
export const keyOptions: Record<string, OptionSpec> = {
  keystore: {
    type: "string",
    value: "<name|file>",
    description:
      "sign with an encrypted keystore: a file, or a name in Foundry's ~/.foundry/keystores (password prompted or --password-file)",
  },
  "password-file": {
    type: "string",
    value: "<file>",
    description: "the keystore's password, first line of this file",
  },
  "private-key-file": {
    type: "string",
    value: "<file>",
    description: "sign with the hex private key in this file (never on the command line)",
  },
};

/**
 * Options of every command that sends transactions: how to send, or what to do instead of sending.
 * `--dry-run`, `--calldata` and `--safe-json` send nothing and need no key (`--from` names the sender).
 */
export const transactionOptions: Record<string, OptionSpec> = {
  "dry-run": {
    type: "boolean",
    description:
      "simulate every transaction (each on top of the previous, eth_simulateV1), print calldata, gas and effects; send nothing",
  },
  calldata: {
    type: "boolean",
    description:
      "print each transaction (to, value, data) for another wallet to send; send nothing",
  },
  "safe-json": {
    type: "string",
    value: "<file>",
    description:
      "write the transactions as a Safe Transaction Builder batch to <file>; send nothing",
  },
  from: {
    type: "string",
    value: "<address>",
    description:
      "the sender for --dry-run, --calldata and --safe-json without a key (e.g. the Safe)",
  },
  "gas-price": { type: "string", value: "<gwei>", description: "legacy gas price, in gwei" },
  "max-fee": { type: "string", value: "<gwei>", description: "EIP-1559 max fee per gas, in gwei" },
  "priority-fee": {
    type: "string",
    value: "<gwei>",
    description: "EIP-1559 priority fee per gas, in gwei",
  },
  nonce: {
    type: "string",
    value: "<n>",
    description: "nonce of the first transaction (the next ones follow)",
  },
  timeout: {
    type: "string",
    value: "<duration>",
    description: "longest wait for each receipt, e.g. 90s or 5m (default: no limit)",
  },
  confirmations: {
    type: "string",
    value: "<n>",
    description: "blocks to wait after inclusion (default 1)",
  },
};

/** No answer from the RPC for this long (retries included) ends the command: within the 10 s a user waits. */
export const RPC_DEADLINE_MS = 8_000;
