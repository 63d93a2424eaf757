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
      "devnet account by index (anvil's mnemonic) or role name from the deployment; otherwise the key in $IPOOL_PRIVATE_KEY",
  },
  json: {
    type: "boolean",
    description: "machine-readable output on stdout, no progress on stderr",
  },
};
